import { createRequire } from 'node:module';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Locator, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/** Debian's Chromium (package `chromium`), never a downloaded browser; CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (bash scripts/ensure-chromium.sh), or set CHROMIUM_PATH`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // This machine's network is closed: without these Chromium keeps trying Google's services.
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A browser context (a person's own browser). The page's Content-Security-Policy is bypassed so
 * that the tests can inject axe-core, and route the live connection through a NetworkCut relay.
 */
export function newContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ bypassCSP: true, locale: 'fr-FR', ...options });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** axe-core run in the page (WCAG 2.1 A and AA rules): every violation, to be expected empty. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const violations = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations)`)) as AxeViolation[];
  return violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** With SCREENSHOTS=1 (npm run screenshots), saves the page to docs/screenshots/<name>.png for the README. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  const dir = join(process.cwd(), 'docs/screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

/** Signs in through the sign-in form, as a person would. */
export async function signIn(page: Page, webUrl: string, email: string, password: string): Promise<void> {
  await page.goto(webUrl);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await mainNav(page).waitFor();
}

/** The main navigation, as a screen reader names it. */
export const mainNav = (page: Page) => page.getByRole('navigation', { name: 'Navigation principale' });

/** Follows a link of the main navigation as a person would: on a phone, unfolding the Menu first. */
export async function openFromNav(page: Page, name: string): Promise<void> {
  const link = mainNav(page).getByRole('link', { name, exact: true });
  const menu = mainNav(page).getByRole('button', { name: 'Menu' });
  if (!(await link.isVisible()) && (await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  await link.click();
}

/** The error shown for a control (which must be marked invalid), found through its aria-describedby as a screen reader would. */
export async function errorOf(control: Locator): Promise<string> {
  expect(await control.getAttribute('aria-invalid')).toBe('true');
  const ids = (await control.getAttribute('aria-describedby'))?.split(' ') ?? [];
  const texts = await Promise.all(ids.map((id) => control.page().locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}
