import { createDataSource } from '@fabrique/persistence';
import { Fixtures } from '@fabrique/testing';
import type { Browser } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { launchBrowser } from './browser.test-kit.js';
import { type E2eStack, startStackAndBrowser } from './stack.test-kit.js';

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
}
