import { DEFAULT_PASSWORD } from '@fabrique/testing';
import type { Page } from 'playwright-core';
import { accessibilityViolations, newContext, screenshot, signIn } from './browser.test-kit.js';
import { BrowserTestContext } from './browser-test-context.test-kit.js';
import { NetworkCut } from './network-cut.test-kit.js';

/**
 * The live help queue in two browsers against the real stack (api serving the built web app,
 * realtime, worker): a learner asks, a facilitator claims and answers, the learner reads it live.
 */
/** The messages of the open conversation (not the message box, which holds a text until the server has it). */
const chat = (page: Page) => page.getByRole('region', { name: 'Conversation' }).getByRole('listitem');

describe('live help, in the browser', () => {
  const ctx = new BrowserTestContext();
  beforeAll(() => ctx.start(), 120_000);
  afterAll(() => ctx.stop());

  it('a learner raises a question, a facilitator claims and answers it, the learner sees the answer live', async () => {
    const cohort = await ctx.fixtures.cohort();
    const learner = await ctx.fixtures.member(cohort, 'learner', await ctx.fixtures.user({ name: 'Sandrine Lemaire' }));
    const facilitator = await ctx.fixtures.member(cohort, 'facilitator', await ctx.fixtures.user({ name: 'Julien Lefèvre' }));
    const learnerPage = await (await newContext(ctx.browser, { viewport: { width: 390, height: 844 } })).newPage(); // a phone
    const facilitatorPage = await (await newContext(ctx.browser, { viewport: { width: 1280, height: 800 } })).newPage();

    await signIn(facilitatorPage, ctx.stack.webUrl, facilitator.email, DEFAULT_PASSWORD);
    await facilitatorPage.getByRole('link', { name: 'File d’aide' }).click();
    await facilitatorPage.getByText('Personne n’attend.').waitFor();

    await signIn(learnerPage, ctx.stack.webUrl, learner.email, DEFAULT_PASSWORD);
    await learnerPage.getByRole('link', { name: 'Aide en direct' }).click();
    await learnerPage.getByText('1 formateur·rice en ligne').waitFor();
    const question = 'Mon fetch renvoie undefined quand je clique sur le bouton';
    await learnerPage.getByLabel('Votre question').fill(question);
    await learnerPage.getByRole('button', { name: 'Demander de l’aide' }).click();
    await learnerPage.getByText('Position dans la file : 1').waitFor();
    expect(await learnerPage.getByLabel('Votre question').inputValue()).toBe('');
    expect(await accessibilityViolations(learnerPage)).toEqual([]);
    await screenshot(learnerPage, 'learner-live-help');

    // The facilitator sees it arrive live, claims it and answers.
    await facilitatorPage.getByText(question).waitFor();
    await facilitatorPage.getByRole('button', { name: 'Prendre' }).click();
    await facilitatorPage.getByText('Vous vous en occupez').waitFor();
    await learnerPage.getByText(`${facilitator.displayName} s’occupe de votre question.`).waitFor();
    const answer = 'Il manque un await devant response.json() : essaie const data = await response.json();';
    await facilitatorPage.getByLabel('Votre message').fill(answer);
    await facilitatorPage.getByRole('button', { name: 'Envoyer' }).click();
    expect(await accessibilityViolations(facilitatorPage)).toEqual([]);
    await screenshot(facilitatorPage, 'facilitator-console');

    // The learner reads it without reloading, and answers back.
    await chat(learnerPage).getByText(answer).waitFor();
    await learnerPage.getByLabel('Votre message').fill('Merci, ça marche !');
    await learnerPage.getByRole('button', { name: 'Envoyer' }).click();
    await chat(facilitatorPage).getByText('Merci, ça marche !').waitFor();

    await facilitatorPage.getByLabel('Ce qui a résolu le problème').fill('await manquant sur response.json()');
    await facilitatorPage.getByRole('button', { name: 'Clore' }).click();
    await learnerPage.getByText('Résolue : await manquant sur response.json()').waitFor();
    await facilitatorPage.getByText('Personne n’attend.').waitFor();
  }, 90_000);

  it('keeps what the learner typed through a lost connection, and catches up on what was missed', async () => {
    const cohort = await ctx.fixtures.cohort();
    const learner = await ctx.fixtures.member(cohort, 'learner');
    const facilitator = await ctx.fixtures.member(cohort, 'facilitator');
    // The learner's live connection goes through a relay the test can cut, like a Wi-Fi that drops.
    const network = new NetworkCut({ host: '127.0.0.1', port: Number(new URL(ctx.stack.realtimeUrl).port) });
    const relayUrl = await network.start();
    try {
      const context = await newContext(ctx.browser);
      await context.route('**/api/client-config', (route) => route.fulfill({ json: { realtimeUrl: relayUrl } }));
      const learnerPage = await context.newPage();
      const facilitatorPage = await (await newContext(ctx.browser)).newPage();
      await signIn(learnerPage, ctx.stack.webUrl, learner.email, DEFAULT_PASSWORD);
      await learnerPage.getByRole('link', { name: 'Aide en direct' }).click();
      await learnerPage.getByLabel('Votre question').fill('Ma question sur les promesses');
      await learnerPage.getByRole('button', { name: 'Demander de l’aide' }).click();
      await learnerPage.getByText('Position dans la file : 1').waitFor();

      // The connection drops while the facilitator claims the ticket and writes.
      network.cut();
      await learnerPage.getByText('Connexion perdue').waitFor();
      await learnerPage.getByLabel('Votre question').fill('Un brouillon que je ne veux pas perdre');
      await signIn(facilitatorPage, ctx.stack.webUrl, facilitator.email, DEFAULT_PASSWORD);
      await facilitatorPage.getByRole('link', { name: 'File d’aide' }).click();
      await facilitatorPage.getByRole('button', { name: 'Prendre' }).click();
      await facilitatorPage.getByLabel('Votre message').fill('Je regarde ta question sur les promesses.');
      await facilitatorPage.getByRole('button', { name: 'Envoyer' }).click();
      await chat(facilitatorPage).getByText('Je regarde ta question sur les promesses.').waitFor();

      network.restore();
      await learnerPage.getByText('Connexion rétablie.').waitFor({ timeout: 20_000 });
      await learnerPage.getByText(`${facilitator.displayName} s’occupe de votre question.`).waitFor();
      await chat(learnerPage).getByText('Je regarde ta question sur les promesses.').waitFor();
      expect(await learnerPage.getByLabel('Votre question').inputValue()).toBe('Un brouillon que je ne veux pas perdre');
    } finally {
      await network.stop();
    }
  }, 90_000);
});
