import { createDataSource } from '@fabrique/persistence';
import { DEFAULT_PASSWORD, Fixtures } from '@fabrique/testing';
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import { accessibilityViolations, launchBrowser, newContext, screenshot, signIn } from './browser.test-kit.js';
import { NetworkCut } from './network-cut.test-kit.js';
import { type E2eStack, startStackAndBrowser } from './stack.test-kit.js';

/**
 * The live help queue in two browsers against the real stack (api serving the built web app,
 * realtime, worker): a learner asks, a facilitator claims and answers, the learner reads it live.
 */
/** The messages of the open conversation (not the message box, which holds a text until the server has it). */
const chat = (page: Page) => page.getByRole('region', { name: 'Conversation' }).getByRole('listitem');

describe('live help, in the browser', () => {
  let stack: E2eStack;
  let browser: Browser;
  let dataSource: DataSource;
  let fixtures: Fixtures;

  beforeAll(async () => {
    dataSource = createDataSource(process.env.DATABASE_URL as string);
    await dataSource.initialize();
    fixtures = new Fixtures(dataSource);
    ({ stack, browser } = await startStackAndBrowser(launchBrowser));
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
    await dataSource?.destroy();
  });

  it('a learner raises a question, a facilitator claims and answers it, the learner sees the answer live', async () => {
    const cohort = await fixtures.cohort();
    const learner = await fixtures.member(cohort, 'learner', await fixtures.user({ name: 'Sandrine Lemaire' }));
    const facilitator = await fixtures.member(cohort, 'facilitator', await fixtures.user({ name: 'Julien Lefèvre' }));
    const learnerPage = await (await newContext(browser, { viewport: { width: 390, height: 844 } })).newPage(); // a phone
    const facilitatorPage = await (await newContext(browser, { viewport: { width: 1280, height: 800 } })).newPage();

    await signIn(facilitatorPage, stack.webUrl, facilitator.email, DEFAULT_PASSWORD);
    await facilitatorPage.getByRole('link', { name: 'File d’aide' }).click();
    await facilitatorPage.getByText('Personne n’attend.').waitFor();

    await signIn(learnerPage, stack.webUrl, learner.email, DEFAULT_PASSWORD);
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
    const cohort = await fixtures.cohort();
    const learner = await fixtures.member(cohort, 'learner');
    const facilitator = await fixtures.member(cohort, 'facilitator');
    // The learner's live connection goes through a relay the test can cut, like a Wi-Fi that drops.
    const network = new NetworkCut({ host: '127.0.0.1', port: Number(new URL(stack.realtimeUrl).port) });
    const relayUrl = await network.start();
    try {
      const context = await newContext(browser);
      await context.route('**/api/client-config', (route) => route.fulfill({ json: { realtimeUrl: relayUrl } }));
      const learnerPage = await context.newPage();
      const facilitatorPage = await (await newContext(browser)).newPage();
      await signIn(learnerPage, stack.webUrl, learner.email, DEFAULT_PASSWORD);
      await learnerPage.getByRole('link', { name: 'Aide en direct' }).click();
      await learnerPage.getByLabel('Votre question').fill('Ma question sur les promesses');
      await learnerPage.getByRole('button', { name: 'Demander de l’aide' }).click();
      await learnerPage.getByText('Position dans la file : 1').waitFor();

      // The connection drops while the facilitator claims the ticket and writes.
      network.cut();
      await learnerPage.getByText('Connexion perdue').waitFor();
      await learnerPage.getByLabel('Votre question').fill('Un brouillon que je ne veux pas perdre');
      await signIn(facilitatorPage, stack.webUrl, facilitator.email, DEFAULT_PASSWORD);
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
