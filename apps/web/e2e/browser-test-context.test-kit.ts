import { createDataSource } from '@fabrique/persistence';
import { DEFAULT_PASSWORD, Fixtures } from '@fabrique/testing';
import type { Browser } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { launchBrowser } from './browser.test-kit.js';
import { type E2eStack, startStackAndBrowser } from './stack.test-kit.js';

/** An API answer: its status, and its body parsed as JSON when it is JSON, else its text. */
export interface ApiAnswer<T> {
  status: number;
  body: T;
}

/** Calls the API as one signed-in user; `body`, when given, is sent as JSON. */
export type ApiCall = <T = unknown>(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', path: string, body?: unknown) => Promise<ApiAnswer<T>>;

/** The body of a 2xx answer; any other status fails the test with the status and the body. */
export async function ok<T>(answer: Promise<ApiAnswer<T>>): Promise<T> {
  const { status, body } = await answer;
  if (status < 200 || status >= 300) throw new Error(`${status}: ${typeof body === 'string' ? body : JSON.stringify(body)}`);
  return body;
}

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/**
 * What every browser spec needs, as ApiTestContext is for API specs: the built stack on this Jest
 * worker's database, one Chromium, and fixtures to write the data a scenario starts from.
 * `beforeAll(() => ctx.start(), 120_000); afterAll(() => ctx.stop());`
 */
export class BrowserTestContext {
  stack!: E2eStack;
  browser!: Browser;
  dataSource!: DataSource;
  fixtures!: Fixtures;

  /** `env`: settings of the three apps beyond the test defaults (ATTENDANCE_CLOCK_OFFSET_MINUTES…). */
  constructor(private readonly env: NodeJS.ProcessEnv = {}) {}

  async start(): Promise<void> {
    this.dataSource = createDataSource(process.env.DATABASE_URL as string);
    await this.dataSource.initialize();
    this.fixtures = new Fixtures(this.dataSource);
    ({ stack: this.stack, browser: this.browser } = await startStackAndBrowser(launchBrowser, this.env));
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.stack?.stop();
    await this.dataSource?.destroy();
  }

  /** The access token a user gets by signing in through POST /api/auth/login, as the app does. */
  async tokenOf(email: string, password = DEFAULT_PASSWORD): Promise<string> {
    const login = await fetch(`${this.stack.webUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
    if (!login.ok) throw new Error(`sign-in of ${email}: ${login.status} ${await login.text()}`);
    return ((await login.json()) as { accessToken: string }).accessToken;
  }

  /** Calls the API as a user would through the app, with the token of their sign-in. */
  async apiAs(email: string): Promise<ApiCall> {
    const token = await this.tokenOf(email);
    return async <T>(method: string, path: string, body?: unknown): Promise<ApiAnswer<T>> => {
      const response = await fetch(`${this.stack.webUrl}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      const json = response.headers.get('content-type')?.includes('json') && text !== '';
      return { status: response.status, body: (json ? JSON.parse(text) : text) as T };
    };
  }

  /**
   * The facilitator writes a brief (by default targeting C1 at level 1 and C2 at level 2) and
   * assigns it to the cohort from yesterday, due in two weeks, as the API's users do.
   */
  async assignBrief(facilitatorEmail: string, cohort: { id: string; trackId: string }, brief: Partial<BriefInput> = {}): Promise<{ id: string; briefId: string }> {
    const call = await this.apiAs(facilitatorEmail);
    const written = await call<{ id: string }>('POST', `/api/tracks/${cohort.trackId}/briefs`, { ...DEFAULT_BRIEF, ...brief });
    if (written.status !== 201) throw new Error(`brief: ${written.status} ${JSON.stringify(written.body)}`);
    const assigned = await call<{ id: string }>('POST', `/api/cohorts/${cohort.id}/assignments`, { briefId: written.body.id, start: { date: day(-1), time: '09:00' }, due: { date: day(14), time: '17:00' } });
    if (assigned.status !== 201) throw new Error(`assignment: ${assigned.status} ${JSON.stringify(assigned.body)}`);
    return { id: assigned.body.id, briefId: written.body.id };
  }
}

interface BriefInput {
  title: string;
  context: string;
  deliverables: string;
  competencies: { code: string; expectedLevel: number }[];
  mode: 'individual' | 'group';
}

const DEFAULT_BRIEF: BriefInput = {
  title: 'Le site de la boulangerie',
  context: 'La boulangerie de Boitron veut une vitrine.',
  deliverables: 'Le dépôt et la page déployée',
  competencies: [
    { code: 'C1', expectedLevel: 1 },
    { code: 'C2', expectedLevel: 2 },
  ],
  mode: 'individual',
};
