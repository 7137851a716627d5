import type { Page } from 'playwright-core';
import { DEFAULT_PASSWORD } from '@fabrique/testing';
import { newContext } from './browser.test-kit.js';
import { BrowserTestContext } from './browser-test-context.test-kit.js';

/**
 * Fabrique with a keyboard only, as a learner who cannot use a mouse: signing in, skipping to the
 * content, reaching a screen through the navigation, asking for help, and, on a phone-sized
 * screen, opening the folded menu. No click anywhere in this file.
 */

/** What a screen reader would say of the focused element: its label, or its text. */
function focusedName(page: Page): Promise<string> {
  // A string, run in the page: this file is compiled without the DOM's types.
  return page.evaluate(`(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return '';
    const label = element.labels && element.labels[0] ? element.labels[0].textContent : null;
    return (element.getAttribute('aria-label') || label || element.textContent || '').trim();
  })()`);
}

/** Presses Tab until the focus is on `name`, as far as a person would go; fails if it never gets there. */
async function tabTo(page: Page, name: string, most = 40): Promise<void> {
  const seen: string[] = [];
  for (let step = 0; step < most; step++) {
    await page.keyboard.press('Tab');
    const focused = await focusedName(page);
    if (focused === name) return;
    seen.push(focused);
  }
  throw new Error(`Tab never reached "${name}"; it went through: ${seen.join(' | ')}`);
}

describe('with a keyboard only', () => {
  const ctx = new BrowserTestContext();
  beforeAll(() => ctx.start(), 120_000);
  afterAll(() => ctx.stop());

  async function signInByKeyboard(page: Page, email: string): Promise<void> {
    await page.goto(ctx.stack.webUrl);
    await tabTo(page, 'E-mail');
    await page.keyboard.type(email);
    await tabTo(page, 'Mot de passe');
    await page.keyboard.type(DEFAULT_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('navigation', { name: 'Navigation principale' }).waitFor();
  }

  it('a learner signs in, skips to the content, opens live help and asks a question', async () => {
    const cohort = await ctx.fixtures.cohort();
    const learner = await ctx.fixtures.member(cohort, 'learner', await ctx.fixtures.user({ name: 'Kévin Da Silva' }));
    const page = await (await newContext(ctx.browser, { viewport: { width: 1280, height: 800 } })).newPage();
    await signInByKeyboard(page, learner.email);

    // The first Tab offers to skip the navigation; Enter puts the focus on the page's content.
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Aller au contenu');
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('main');

    // Back to the navigation, to live help.
    await page.keyboard.press('Shift+Tab');
    await tabTo(page, 'Aide en direct');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Aide en direct' }).waitFor();

    await tabTo(page, 'Votre question');
    await page.keyboard.type('Comment centrer une div verticalement ?');
    await tabTo(page, 'Demander de l’aide');
    await page.keyboard.press('Enter');
    await page.getByText('Position dans la file : 1').waitFor();
    const [{ n }] = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM help_tickets WHERE learner_id = $1 AND status = 'waiting'`, [learner.id]);
    expect(n).toBe(1);
  });

  it('on a phone-sized screen, the folded menu opens and leads to a screen with the keyboard', async () => {
    const cohort = await ctx.fixtures.cohort();
    const learner = await ctx.fixtures.member(cohort, 'learner', await ctx.fixtures.user({ name: 'Aïcha Traoré' }));
    const page = await (await newContext(ctx.browser, { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true })).newPage();
    await signInByKeyboard(page, learner.email);

    await tabTo(page, 'Menu');
    await page.keyboard.press('Enter');
    expect(await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).toBe('true');
    await tabTo(page, 'Projets');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Projets' }).waitFor();
    // Following a link folds the menu again.
    expect(await page.getByRole('button', { name: 'Menu' }).getAttribute('aria-expanded')).toBe('false');
  });
});
