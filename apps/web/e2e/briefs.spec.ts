import { DEFAULT_PASSWORD } from '@fabrique/testing';
import { accessibilityViolations, errorOf, newContext, openFromNav, screenshot, signIn } from './browser.test-kit.js';
import { BrowserTestContext, ok } from './browser-test-context.test-kit.js';

/**
 * Briefs in two browsers against the real stack: a learner submits links for a brief (a bad link
 * first), a facilitator grades each targeted competency and validates, the learner reads the review.
 */
const REPO = 'https://github.com/camille/boulangerie';
const PAGE = 'https://camille.github.io/boulangerie';
/** The brief's context, in Markdown: the learner reads it rendered. */
const CONTEXT = '# Contexte\nLa boulangerie de Boitron veut une **vitrine**.';

describe('briefs, in the browser', () => {
  const ctx = new BrowserTestContext();
  beforeAll(() => ctx.start(), 120_000);
  afterAll(() => ctx.stop());

  it('a learner submits a brief, a facilitator grades each competency and validates, the learner reads the review', async () => {
    const cohort = await ctx.fixtures.cohort();
    const learner = await ctx.fixtures.member(cohort, 'learner', await ctx.fixtures.user({ name: 'Camille Martin' }));
    const facilitator = await ctx.fixtures.member(cohort, 'facilitator', await ctx.fixtures.user({ name: 'Julien Lefèvre' }));

    const assignment = await ctx.assignBrief(facilitator.email, cohort, { context: CONTEXT });

    const learnerPage = await (await newContext(ctx.browser, { viewport: { width: 390, height: 844 } })).newPage(); // a phone
    const facilitatorPage = await (await newContext(ctx.browser, { viewport: { width: 1280, height: 800 } })).newPage();

    // The learner finds the brief among theirs and opens it: the address e-mails link to.
    await signIn(learnerPage, ctx.stack.webUrl, learner.email, DEFAULT_PASSWORD);
    await openFromNav(learnerPage, 'Projets');
    const listed = learnerPage.getByRole('listitem').filter({ has: learnerPage.getByRole('link', { name: 'Le site de la boulangerie' }) });
    await listed.getByText('À rendre', { exact: true }).waitFor();
    expect(await accessibilityViolations(learnerPage)).toEqual([]);
    await listed.getByRole('link', { name: 'Le site de la boulangerie' }).click();
    await learnerPage.getByRole('heading', { level: 1, name: 'Le site de la boulangerie' }).waitFor();
    expect(new URL(learnerPage.url()).pathname).toBe(`/briefs/assignments/${assignment.id}`);
    await learnerPage.getByText('La boulangerie de Boitron veut une vitrine.').waitFor();
    // The markdown arrives rendered by the API: emphasis, not asterisks.
    expect(await learnerPage.getByRole('main').locator('strong', { hasText: 'vitrine' }).count()).toBe(1);

    // A link without its scheme is refused by the API, and said next to the field.
    await learnerPage.getByLabel('Lien 1').fill('github.com/camille/boulangerie');
    await learnerPage.getByRole('button', { name: 'Rendre', exact: true }).click();
    await learnerPage.getByText('Ce lien doit être une adresse web complète').waitFor();
    expect(await errorOf(learnerPage.getByLabel('Lien 1'))).toContain('Ce lien doit être une adresse web complète, commençant par http:// ou https://.');
    expect(await accessibilityViolations(learnerPage)).toEqual([]);

    // Fixed, with a second link and a comment: version 1 is sent, awaiting review.
    await learnerPage.getByLabel('Lien 1').fill(REPO);
    await learnerPage.getByRole('button', { name: 'Ajouter un lien' }).click();
    await learnerPage.getByLabel('Lien 2').fill(PAGE);
    await learnerPage.getByLabel('Commentaire (facultatif)').fill('La page est en ligne.');
    await learnerPage.getByRole('button', { name: 'Rendre', exact: true }).click();
    await learnerPage.getByRole('status').getByText('Version 1 rendue le').waitFor();
    const version1 = learnerPage.getByRole('listitem').filter({ has: learnerPage.getByRole('heading', { name: 'Version 1' }) });
    await version1.getByRole('link', { name: REPO }).waitFor();
    await version1.getByRole('link', { name: PAGE }).waitFor();
    await version1.getByText('En attente de correction.').waitFor();
    await learnerPage.getByText('Rendu, en attente de correction').waitFor();
    expect(await accessibilityViolations(learnerPage)).toEqual([]);

    // The facilitator finds it in their queue and grades each targeted competency.
    await signIn(facilitatorPage, ctx.stack.webUrl, facilitator.email, DEFAULT_PASSWORD);
    await openFromNav(facilitatorPage, 'À corriger');
    const queued = facilitatorPage.getByRole('link', { name: 'Camille Martin — Le site de la boulangerie' });
    await queued.waitFor();
    expect(await accessibilityViolations(facilitatorPage)).toEqual([]);
    await queued.click();
    await facilitatorPage.getByRole('region', { name: 'Ce qui a été rendu' }).getByRole('link', { name: PAGE }).waitFor();

    // Nothing chosen yet: the form says what is missing, next to each group.
    await facilitatorPage.getByRole('button', { name: 'Enregistrer la correction' }).click();
    await facilitatorPage.getByRole('group', { name: 'Verdict' }).getByText('Choisissez un verdict.').waitFor();
    await facilitatorPage.getByRole('group', { name: /^C1/ }).getByText('Choisissez un niveau.').waitFor();

    const c1 = facilitatorPage.getByRole('group', { name: /^C1/ });
    await c1.getByLabel('2 — adapter').check();
    await c1.getByLabel('Commentaire sur C1 (facultatif)').fill('Environnement prêt, scripts npm clairs.');
    await facilitatorPage.getByRole('group', { name: /^C2/ }).getByLabel('1 — imiter').check();
    await facilitatorPage.getByRole('group', { name: 'Verdict' }).getByLabel('Valider le travail').check();
    await facilitatorPage.getByLabel('Commentaire général (facultatif)').fill('Beau travail, la vitrine est claire.');
    expect(await accessibilityViolations(facilitatorPage)).toEqual([]);
    await screenshot(facilitatorPage, 'facilitator-review');
    await facilitatorPage.getByRole('button', { name: 'Enregistrer la correction' }).click();
    await facilitatorPage.getByRole('status').getByText('Correction enregistrée.').waitFor();
    await facilitatorPage.getByRole('heading', { name: 'Validé' }).waitFor();
    await facilitatorPage.getByRole('link', { name: 'Retour aux rendus à corriger' }).first().click();
    await facilitatorPage.getByText('Rien à corriger pour le moment.').waitFor();

    // The learner comes back to the page and reads the review: each competency's level, the verdict.
    await learnerPage.reload();
    const review = learnerPage.getByRole('region', { name: 'Correction', exact: true });
    await review.getByRole('heading', { name: 'Validé' }).waitFor();
    await review.getByText('Beau travail, la vitrine est claire.').waitFor();
    const levels = review.getByRole('list', { name: 'Niveaux par compétence' }).getByRole('listitem');
    expect(await levels.count()).toBe(2);
    const c1Level = await levels.filter({ hasText: 'C1 · Installer et configurer son environnement de travail' }).textContent();
    expect(c1Level).toContain('Niveau atteint : 2 (adapter) · attendu : 1 (imiter)');
    expect(c1Level).toContain('Environnement prêt, scripts npm clairs.');
    expect(await levels.filter({ hasText: 'C2 · Maquetter des interfaces utilisateur' }).textContent()).toContain('Niveau atteint : 1 (imiter) · attendu : 2 (adapter)');
    await learnerPage.getByText('Votre travail est validé').waitFor();
    expect(await learnerPage.getByRole('button', { name: 'Rendre', exact: true }).count()).toBe(0);
    expect(await accessibilityViolations(learnerPage)).toEqual([]);
    await screenshot(learnerPage, 'learner-brief-review');
  }, 120_000);

  it('"to redo" reopens the work: the learner reads why and sends version 2, which comes back to review', async () => {
    const cohort = await ctx.fixtures.cohort();
    const learner = await ctx.fixtures.member(cohort, 'learner', await ctx.fixtures.user({ name: 'Inès Garnier' }));
    const facilitator = await ctx.fixtures.member(cohort, 'facilitator');
    const assignment = await ctx.assignBrief(facilitator.email, cohort, { context: CONTEXT });
    await ok((await ctx.apiAs(learner.email))('POST', `/api/assignments/${assignment.id}/submissions`, { links: [REPO] }));

    const facilitatorPage = await (await newContext(ctx.browser)).newPage();
    await signIn(facilitatorPage, ctx.stack.webUrl, facilitator.email, DEFAULT_PASSWORD);
    await openFromNav(facilitatorPage, 'À corriger');
    await facilitatorPage.getByRole('link', { name: 'Inès Garnier — Le site de la boulangerie' }).click();
    await facilitatorPage.getByRole('group', { name: /^C1/ }).getByLabel('0 — non atteint').check();
    await facilitatorPage.getByRole('group', { name: /^C2/ }).getByLabel('1 — imiter').check();
    await facilitatorPage.getByRole('group', { name: 'Verdict' }).getByLabel('À refaire').check();
    await facilitatorPage.getByLabel('Commentaire général (facultatif)').fill('Il manque la page déployée.');
    await facilitatorPage.getByRole('button', { name: 'Enregistrer la correction' }).click();
    await facilitatorPage.getByRole('status').getByText('Correction enregistrée.').waitFor();

    // The learner follows the e-mail's link straight to the assignment.
    const learnerPage = await (await newContext(ctx.browser, { viewport: { width: 390, height: 844 } })).newPage();
    await signIn(learnerPage, ctx.stack.webUrl, learner.email, DEFAULT_PASSWORD);
    await learnerPage.goto(`${ctx.stack.webUrl}/briefs/assignments/${assignment.id}`);
    const review = learnerPage.getByRole('region', { name: 'Correction', exact: true });
    await review.getByRole('heading', { name: 'À refaire' }).waitFor();
    await review.getByText('Il manque la page déployée.').waitFor();
    expect(await review.getByRole('listitem').filter({ hasText: 'C1 ·' }).textContent()).toContain('Niveau atteint : 0 (non atteint)');
    // A new version starts from the links of the last one.
    await learnerPage.getByRole('heading', { name: 'Rendre une nouvelle version' }).waitFor();
    expect(await learnerPage.getByLabel('Lien 1').inputValue()).toBe(REPO);
    expect(await accessibilityViolations(learnerPage)).toEqual([]);
    await learnerPage.getByRole('button', { name: 'Ajouter un lien' }).click();
    await learnerPage.getByLabel('Lien 2').fill(PAGE);
    await learnerPage.getByRole('button', { name: 'Rendre', exact: true }).click();
    await learnerPage.getByRole('status').getByText('Version 2 rendue le').waitFor();
    const version2 = learnerPage.getByRole('listitem').filter({ has: learnerPage.getByRole('heading', { name: 'Version 2' }) });
    await version2.getByText('En attente de correction.').waitFor();
    const version1 = learnerPage.getByRole('listitem').filter({ has: learnerPage.getByRole('heading', { name: 'Version 1' }) });
    await version1.getByText('Correction : À refaire').waitFor();

    // The new version is back in the facilitator's queue.
    await facilitatorPage.getByRole('link', { name: 'Retour aux rendus à corriger' }).first().click();
    await facilitatorPage.getByRole('listitem').filter({ hasText: 'Inès Garnier' }).getByText('Version 2').waitFor();
  }, 120_000);
});
