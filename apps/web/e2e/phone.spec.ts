import type { Page } from 'playwright-core';
import { DEFAULT_PASSWORD } from '@fabrique/testing';
import { accessibilityViolations, mainNav, newContext, screenshot, signIn } from './browser.test-kit.js';
import { BrowserTestContext } from './browser-test-context.test-kit.js';

/**
 * Every screen of the main navigation on a phone (375 px wide, touch), for each kind of user:
 * reached through the folded Menu, nothing wider than the screen, no accessibility violation.
 */
const PHONE = { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true };

/** Elements that stick out past the right edge of the screen, named for the failure message. */
function overflowing(page: Page): Promise<string[]> {
  // A string, run in the page: this file is compiled without the DOM's types.
  return page.evaluate(`(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')].filter((element) => element.getBoundingClientRect().right > width + 1);
    // The outermost ones only: their children follow them out.
    return wide.filter((element) => !wide.includes(element.parentElement)).map((element) => element.tagName.toLowerCase() + '.' + element.className);
  })()`);
}

async function visitEveryScreen(page: Page): Promise<string[]> {
  const nav = mainNav(page);
  const menu = nav.getByRole('button', { name: 'Menu' });
  const links = nav.getByRole('link');
  expect(await links.first().isVisible()).toBe(false); // folded until asked
  await menu.click();
  expect(await menu.getAttribute('aria-expanded')).toBe('true');
  const names = await links.allTextContents();
  for (const name of names) {
    if (!(await links.first().isVisible())) await menu.click();
    await nav.getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForFunction(`!document.body.innerText.includes('Chargement…')`);
    expect({ name, folded: await menu.getAttribute('aria-expanded') }).toEqual({ name, folded: 'false' });
    expect({ name, overflowing: await overflowing(page) }).toEqual({ name, overflowing: [] });
    expect({ name, violations: await accessibilityViolations(page) }).toEqual({ name, violations: [] });
  }
  return names;
}

/** The screens each kind of user must find in the menu, and one they must not. */
const EXPECTED = {
  learner: { sees: ['Ma semaine', 'Cours', 'Projets', 'Compétences', 'Entraide', 'Aide en direct', 'Émargement', 'Notifications', 'Préférences'], not: 'File d’aide' },
  facilitator: { sees: ['File d’aide', 'À corriger', 'Suivi', 'Présences', 'Entraide', 'Compétences'], not: 'Ma semaine' },
  admin: { sees: ['Administration', 'File d’aide', 'Présences', 'Notifications', 'Préférences'], not: 'Ma semaine' },
};

describe('on a phone-sized screen', () => {
  const ctx = new BrowserTestContext();
  const users: Record<string, { email: string }> = {};
  beforeAll(async () => {
    await ctx.start();
    const cohort = await ctx.fixtures.cohort();
    users.learner = await ctx.fixtures.member(cohort, 'learner', await ctx.fixtures.user({ name: 'Sandrine Lemaire' }));
    users.facilitator = await ctx.fixtures.member(cohort, 'facilitator', await ctx.fixtures.user({ name: 'Julien Lefèvre' }));
    users.admin = await ctx.fixtures.user({ admin: true, name: 'Nadia Benali' });
  }, 120_000);
  afterAll(() => ctx.stop());

  it.each(Object.keys(EXPECTED) as (keyof typeof EXPECTED)[])(
    '%s: every screen of theirs is in the menu, and none is wider than the phone',
    async (role) => {
      const context = await newContext(ctx.browser, PHONE);
      try {
        const page = await context.newPage();
        await signIn(page, ctx.stack.webUrl, users[role].email, DEFAULT_PASSWORD);
        if (role === 'learner') {
          await page.getByRole('heading', { level: 1, name: 'Ma semaine' }).waitFor();
          await page.waitForFunction(`!document.body.innerText.includes('Chargement…')`);
          await screenshot(page, 'phone-my-week');
        }
        const visited = await visitEveryScreen(page);
        expect(visited).toEqual(expect.arrayContaining(EXPECTED[role].sees));
        expect(visited).not.toContain(EXPECTED[role].not);
      } finally {
        await context.close();
      }
    },
    120_000,
  );
});
