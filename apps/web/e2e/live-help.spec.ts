import { DEFAULT_PASSWORD } from '@fabrique/testing';
import type { Page } from 'playwright-core';
import { accessibilityViolations, newContext, openFromNav, screenshot, signIn } from './browser.test-kit.js';
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
    await openFromNav(facilitatorPage, 'File d’aide');
    await facilitatorPage.getByText('Personne n’attend.').waitFor();

    await signIn(learnerPage, ctx.stack.webUrl, learner.email, DEFAULT_PASSWORD);
    await openFromNav(learnerPage, 'Aide en direct');
    // Who is online to help, by name: the learner signed in after the facilitator, and still sees them.
    await learnerPage.getByText('En ligne pour vous aider : Julien Lefèvre').waitFor();
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
      await openFromNav(learnerPage, 'Aide en direct');
      await learnerPage.getByLabel('Votre question').fill('Ma question sur les promesses');
      await learnerPage.getByRole('button', { name: 'Demander de l’aide' }).click();
      await learnerPage.getByText('Position dans la file : 1').waitFor();

      // The connection drops while the facilitator claims the ticket and writes.
      network.cut();
      await learnerPage.getByText('Connexion perdue').waitFor();
      await learnerPage.getByLabel('Votre question').fill('Un brouillon que je ne veux pas perdre');
      await signIn(facilitatorPage, ctx.stack.webUrl, facilitator.email, DEFAULT_PASSWORD);
      await openFromNav(facilitatorPage, 'File d’aide');
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

  it('a learner asks about a brief; the facilitator sees the brief, resolves the question and publishes it as a peer-help thread', async () => {
    const cohort = await ctx.fixtures.cohort();
    const learner = await ctx.fixtures.member(cohort, 'learner', await ctx.fixtures.user({ name: 'Léa Moreau' }));
    const facilitator = await ctx.fixtures.member(cohort, 'facilitator', await ctx.fixtures.user({ name: 'Julien Lefèvre' }));
    const asFacilitator = await ctx.apiAs(facilitator.email);
    const assignment = await ctx.assignBrief(facilitator.email, cohort, { competencies: [{ code: 'C1', expectedLevel: 1 }] });

    const learnerPage = await (await newContext(ctx.browser, { viewport: { width: 390, height: 844 } })).newPage(); // a phone
    const facilitatorPage = await (await newContext(ctx.browser, { viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(facilitatorPage, ctx.stack.webUrl, facilitator.email, DEFAULT_PASSWORD);
    await openFromNav(facilitatorPage, 'File d’aide');
    await facilitatorPage.getByText('Aucune question résolue ces 7 derniers jours.').waitFor();

    // The learner says which brief the question is about.
    await signIn(learnerPage, ctx.stack.webUrl, learner.email, DEFAULT_PASSWORD);
    await openFromNav(learnerPage, 'Aide en direct');
    const question = 'Ma page de la boulangerie ne s’affiche pas sur mobile';
    await learnerPage.getByLabel('Votre question').fill(question);
    await learnerPage.getByLabel('Projet concerné').selectOption({ label: 'Le site de la boulangerie' });
    await learnerPage.getByRole('button', { name: 'Demander de l’aide' }).click();
    const mine = learnerPage.getByRole('article', { name: question });
    await mine.getByText('Projet : Le site de la boulangerie').waitFor();
    expect(await learnerPage.getByLabel('Projet concerné').inputValue()).toBe('');
    expect(await accessibilityViolations(learnerPage)).toEqual([]);

    // The facilitator reads the brief on the ticket, takes it and resolves it.
    const queued = facilitatorPage.getByRole('listitem').filter({ hasText: question });
    await queued.getByText('Projet : Le site de la boulangerie').waitFor();
    await queued.getByRole('button', { name: 'Prendre' }).click();
    await facilitatorPage.getByLabel('Ce qui a résolu le problème').fill('Il manquait la balise meta viewport dans le head.');
    await facilitatorPage.getByRole('button', { name: 'Clore' }).click();
    await learnerPage.getByText('Résolue : Il manquait la balise meta viewport dans le head.').waitFor();

    // Resolved, it waits in the console to be published, titled after the question.
    const resolved = facilitatorPage.getByRole('region', { name: 'Questions résolues ces 7 derniers jours' }).getByRole('article', { name: question });
    await resolved.getByText('Résolue par Julien Lefèvre : Il manquait la balise meta viewport dans le head.').waitFor();
    await resolved.getByText('Projet : Le site de la boulangerie').waitFor();
    await resolved.getByRole('button', { name: 'Publier en fil d’entraide' }).click();
    expect(await resolved.getByLabel('Titre du fil').inputValue()).toBe(question);
    await resolved.getByLabel('Titre du fil').fill('Site responsive : la page ne s’affiche pas sur mobile');
    await resolved.getByLabel('Toutes les promos de la formation').check();
    expect(await accessibilityViolations(facilitatorPage)).toEqual([]);
    await resolved.getByRole('button', { name: 'Publier', exact: true }).click();
    const threadLink = resolved.getByRole('link', { name: 'Voir le fil « Site responsive : la page ne s’affiche pas sur mobile »' });
    await threadLink.waitFor();
    await resolved.getByText('Publiée en fil d’entraide :').waitFor();
    expect(await accessibilityViolations(facilitatorPage)).toEqual([]);
    await screenshot(facilitatorPage, 'console-publish');

    // The thread exists, about the brief, for the whole track; a second publication is refused, and the console says it is done.
    const threadId = ((await threadLink.getAttribute('href')) ?? '').replace('/threads/', '');
    const thread = await asFacilitator<{ title: string; briefId: string; scope: string; acceptedReplyId: string | null }>('GET', `/api/threads/${threadId}`);
    expect(thread.status).toBe(200);
    expect(thread.body).toMatchObject({ title: 'Site responsive : la page ne s’affiche pas sur mobile', briefId: assignment.briefId, scope: 'track' });
    expect(thread.body.acceptedReplyId).not.toBeNull();
    const resolvedList = await asFacilitator<{ id: string; question: string; threadId: string | null }[]>('GET', `/api/cohorts/${cohort.id}/tickets?status=resolved`);
    expect(resolvedList.body).toEqual([expect.objectContaining({ question, threadId })]);
    const again = await asFacilitator<{ code: string }>('POST', `/api/tickets/${resolvedList.body[0].id}/publish`, {});
    expect(again).toMatchObject({ status: 409, body: { code: 'conflict' } });
    // Reopened, the console reads the week's resolved questions in one request, not ticket by ticket.
    const ticketRequests: string[] = [];
    facilitatorPage.on('request', (request) => {
      if (/\/api\/(cohorts\/[^/]+\/)?tickets/.test(request.url()) && request.method() === 'GET') ticketRequests.push(new URL(request.url()).pathname);
    });
    await facilitatorPage.reload();
    const after = facilitatorPage.getByRole('region', { name: 'Questions résolues ces 7 derniers jours' }).getByRole('article', { name: question });
    await after.getByText('Déjà publiée en fil d’entraide :').waitFor();
    await after.getByText('Résolue par Julien Lefèvre : Il manquait la balise meta viewport dans le head.').waitFor();
    expect(ticketRequests).toEqual([`/api/cohorts/${cohort.id}/tickets`]);
    expect(await after.getByRole('link', { name: 'Voir le fil' }).getAttribute('href')).toBe(`/threads/${threadId}`);
    expect(await after.getByRole('button', { name: 'Publier en fil d’entraide' }).count()).toBe(0);

    // The learner may not publish their own ticket.
    const asLearner = await ctx.apiAs(learner.email);
    expect((await asLearner('POST', `/api/tickets/${resolvedList.body[0].id}/publish`, {})).status).toBe(403);
    // Nor list the cohort's resolved questions.
    expect((await asLearner('GET', `/api/cohorts/${cohort.id}/tickets?status=resolved`)).status).toBe(403);
  }, 120_000);
});
