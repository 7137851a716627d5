import { readFileSync } from 'node:fs';
import { DEFAULT_PASSWORD } from '@fabrique/testing';
import type { Page } from 'playwright-core';
import { accessibilityViolations, newContext, openFromNav, screenshot, signIn } from './browser.test-kit.js';
import { BrowserTestContext, ok } from './browser-test-context.test-kit.js';

/**
 * Courses and competencies in the browser against the real stack: a learner follows the course
 * assigned to their cohort and ticks resources done (progress moves at once, and stays), a review
 * gives them a level in their matrix, a facilitator reads the cohort's grid and downloads it;
 * a learner of another cohort sees none of it, and a learner never gets the cohort's grid.
 */
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The Monday after today: the cohort starts then, so its modules are due in the future (none shows late). */
function nextMonday(): string {
  const today = new Date();
  const ahead = ((8 - today.getUTCDay()) % 7) || 7;
  return day(ahead);
}

describe('courses and competencies, in the browser', () => {
  const ctx = new BrowserTestContext();
  beforeAll(() => ctx.start(), 120_000);
  afterAll(() => ctx.stop());

  /**
   * Cohort A (a facilitator, Camille and Inès learners) and cohort B of the same track (Lou). The
   * facilitator writes a published course of two modules and assigns both to cohort A only.
   */
  async function setUp() {
    const startsOn = nextMonday();
    const cohort = await ctx.fixtures.cohort({ startsOn, endsOn: day(300) });
    const other = await ctx.fixtures.cohort({ startsOn, endsOn: day(300), trackId: cohort.trackId });
    const learner = await ctx.fixtures.member(cohort, 'learner', await ctx.fixtures.user({ name: 'Camille Martin' }));
    const classmate = await ctx.fixtures.member(cohort, 'learner', await ctx.fixtures.user({ name: 'Inès Garnier' }));
    const facilitator = await ctx.fixtures.member(cohort, 'facilitator', await ctx.fixtures.user({ name: 'Julien Lefèvre' }));
    const outsider = await ctx.fixtures.member(other, 'learner', await ctx.fixtures.user({ name: 'Lou Bernard' }));
    const call = await ctx.apiAs(facilitator.email);
    const course = await ok(call<{ id: string }>('POST', '/api/courses', { trackId: cohort.trackId, title: 'Les bases du web', summary: 'HTML et CSS, à étudier à distance.' }));
    const addModule = async (title: string, resources: Array<[string, string, number]>) => {
      const module = await ok(call<{ id: string }>('POST', `/api/courses/${course.id}/modules`, { title }));
      const ids: string[] = [];
      for (const [resourceTitle, kind, estimatedMinutes] of resources) {
        const url = `https://exemple.fr/${encodeURIComponent(resourceTitle)}`;
        ids.push((await ok(call<{ id: string }>('POST', `/api/courses/${course.id}/modules/${module.id}/resources`, { title: resourceTitle, url, kind, estimatedMinutes }))).id);
      }
      return { id: module.id, resourceIds: ids };
    };
    const html = await addModule('HTML sémantique', [
      ['Apprendre le HTML', 'video', 45],
      ['Les balises de titre', 'article', 20],
      ['Exercice : une page de boulangerie', 'exercise', 90],
    ]);
    const css = await addModule('Mise en page CSS', [
      ['Flexbox pas à pas', 'documentation', 30],
      ['Grille CSS', 'mooc_chapter', 60],
    ]);
    await ok(call('PATCH', `/api/courses/${course.id}`, { status: 'published' }));
    await ok(call('POST', `/api/cohorts/${cohort.id}/module-assignments`, { moduleId: html.id, mode: 'during_distance', week: 1 }));
    await ok(call('POST', `/api/cohorts/${cohort.id}/module-assignments`, { moduleId: css.id, mode: 'during_distance', week: 2 }));
    return { cohort, other, learner, classmate, facilitator, outsider, course, html, css };
  }

  /** The card of a course or module: a list item named by its heading. */
  const cardOf = (page: Page, title: string) => page.getByRole('listitem', { name: title, exact: true });

  it('a learner follows the course of their cohort and ticks resources done; progress moves at once and stays', async () => {
    const { cohort, learner, outsider, course, html } = await setUp();
    const learnerApi = await ctx.apiAs(learner.email);
    const page = await (await newContext(ctx.browser, { viewport: { width: 390, height: 844 } })).newPage(); // a phone

    await signIn(page, ctx.stack.webUrl, learner.email, DEFAULT_PASSWORD);
    await openFromNav(page, 'Cours');
    await page.getByRole('heading', { level: 1, name: 'Mes cours' }).waitFor();
    const courseCard = cardOf(page, 'Les bases du web');
    await courseCard.getByRole('progressbar', { name: 'Progression : Les bases du web' }).waitFor();
    expect(await courseCard.getByRole('progressbar', { name: 'Progression : Les bases du web' }).getAttribute('value')).toBe('0');
    expect(await page.getByText('0 / 5 ressources').count()).toBe(2); // all courses, and this one
    const htmlCard = cardOf(page, 'HTML sémantique');
    expect(await htmlCard.textContent()).toContain('0 / 3 ressources');
    expect(await htmlCard.textContent()).toContain('À étudier pendant la semaine à distance n°1, pour le');
    expect(await htmlCard.textContent()).toContain('environ 2 h 35 en tout');
    expect(await htmlCard.textContent()).not.toContain('en retard');
    expect(await cardOf(page, 'Mise en page CSS').textContent()).toContain('0 / 2 ressources');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'courses');

    // The course's resources: a link opening in a new tab, its kind and time, and a "done" box.
    await courseCard.getByRole('link', { name: 'Les bases du web' }).click();
    await page.getByRole('heading', { level: 1, name: 'Les bases du web' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/courses/${course.id}`);
    const video = page.getByRole('link', { name: 'Apprendre le HTML (s’ouvre dans un nouvel onglet)' });
    expect(await video.getAttribute('target')).toBe('_blank');
    expect(await video.getAttribute('href')).toBe('https://exemple.fr/Apprendre%20le%20HTML');
    const resources = cardOf(page, 'HTML sémantique').getByRole('listitem');
    expect(await resources.filter({ has: video }).textContent()).toContain('Vidéo · environ 45 min');
    expect(await resources.filter({ hasText: 'Exercice : une page de boulangerie' }).textContent()).toContain('Exercice · environ 1 h 30');
    expect(await accessibilityViolations(page)).toEqual([]);

    /** Ticks or unticks a box and waits for the API's answer. */
    const toggle = async (title: string, done: boolean, resourceId: string) => {
      const answered = page.waitForResponse((r) => r.url().endsWith(`/resources/${resourceId}/done`) && r.request().method() === (done ? 'PUT' : 'DELETE'));
      const box = page.getByRole('checkbox', { name: `Fait : ${title}` });
      if (done) await box.check();
      else await box.uncheck();
      expect((await answered).status()).toBe(200);
    };
    await toggle('Apprendre le HTML', true, html.resourceIds[0]);
    await toggle('Les balises de titre', true, html.resourceIds[1]);
    const moduleCard = cardOf(page, 'HTML sémantique');
    await moduleCard.getByText('2 / 3 ressources').waitFor();
    await page.getByText('2 / 5 ressources').waitFor();
    const mine = await ok(learnerApi<{ done: number; total: number; doneResourceIds: string[] }>('GET', `/api/cohorts/${cohort.id}/course-progress/me`));
    expect(mine).toMatchObject({ done: 2, total: 5 });
    expect(mine.doneResourceIds.sort()).toEqual(html.resourceIds.slice(0, 2).sort());
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'course-resources');

    // After a reload the boxes are still ticked; unticking one counts it out again.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Les bases du web' }).waitFor();
    await moduleCard.getByText('2 / 3 ressources').waitFor();
    expect(await page.getByRole('checkbox', { name: 'Fait : Apprendre le HTML' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Fait : Les balises de titre' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Fait : Grille CSS' }).isChecked()).toBe(false);
    await toggle('Les balises de titre', false, html.resourceIds[1]);
    await moduleCard.getByText('1 / 3 ressources').waitFor();
    const after = await ok(learnerApi<{ done: number; doneResourceIds: string[] }>('GET', `/api/cohorts/${cohort.id}/course-progress/me`));
    expect(after.done).toBe(1);
    expect(after.doneResourceIds).toEqual([html.resourceIds[0]]);

    // When the API refuses, the box goes back and the reason is said next to it.
    await page.route(`**/api/cohorts/${cohort.id}/resources/${html.resourceIds[2]}/done`, (route) =>
      route.fulfill({ status: 403, contentType: 'application/json', body: JSON.stringify({ statusCode: 403, code: 'forbidden', message: 'Only learners of this cohort mark resources done' }) }),
    );
    const refused = page.getByRole('checkbox', { name: 'Fait : Exercice : une page de boulangerie' });
    await refused.click();
    await page.getByRole('alert').getByText('Non enregistré, la case est revenue à son état : Only learners of this cohort mark resources done').waitFor();
    expect(await refused.isChecked()).toBe(false);
    await moduleCard.getByText('1 / 3 ressources').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.unroute(`**/api/cohorts/${cohort.id}/resources/${html.resourceIds[2]}/done`);
    expect((await ok(learnerApi<{ done: number }>('GET', `/api/cohorts/${cohort.id}/course-progress/me`))).done).toBe(1);

    // Back on the list, the course's progress is the new one.
    await page.getByRole('link', { name: '← Mes cours' }).click();
    await cardOf(page, 'Les bases du web').getByText('1 / 5 ressources').waitFor();

    // A learner of another cohort of the same track sees none of it, even at the course's address.
    const outsiderPage = await (await newContext(ctx.browser)).newPage();
    await signIn(outsiderPage, ctx.stack.webUrl, outsider.email, DEFAULT_PASSWORD);
    await outsiderPage.goto(`${ctx.stack.webUrl}/courses`);
    await outsiderPage.getByText('Aucun cours n’est prévu pour votre promo pour le moment.').waitFor();
    expect(await outsiderPage.getByText('Les bases du web').count()).toBe(0);
    expect(await accessibilityViolations(outsiderPage)).toEqual([]);
    await outsiderPage.goto(`${ctx.stack.webUrl}/courses/${course.id}`);
    await outsiderPage.getByText('Aucun module de ce cours n’est prévu pour votre promo.').waitFor();
    expect(await outsiderPage.getByText('Apprendre le HTML').count()).toBe(0);
    expect(await outsiderPage.getByRole('checkbox').count()).toBe(0);
    expect(await accessibilityViolations(outsiderPage)).toEqual([]);
    const outsiderApi = await ctx.apiAs(outsider.email);
    expect((await outsiderApi('PUT', `/api/cohorts/${cohort.id}/resources/${html.resourceIds[2]}/done`)).status).toBe(404);
  }, 150_000);

  it('a validated review gives the learner a level; the facilitator reads the cohort grid and downloads it, a learner cannot', async () => {
    const { cohort, other, learner, classmate, facilitator } = await setUp();
    // The facilitator also follows the other cohort as a learner: they get both views.
    await ctx.fixtures.member(other, 'learner', facilitator);
    const facilitatorApi = await ctx.apiAs(facilitator.email);
    const learnerApi = await ctx.apiAs(learner.email);
    // As briefs.spec does: a brief targeting C1 (expected 1) and C2 (expected 2), submitted, then validated.
    const assignment = await ctx.assignBrief(facilitator.email, cohort, { deliverables: 'Le dépôt' });
    const work = await ok(learnerApi<{ versions: { id: string }[] }>('POST', `/api/assignments/${assignment.id}/submissions`, { links: ['https://github.com/camille/boulangerie'] }));
    await ok(
      facilitatorApi('POST', `/api/submissions/${work.versions[0].id}/review`, {
        verdict: 'validated',
        levels: [
          { code: 'C1', level: 2 },
          { code: 'C2', level: 1 },
        ],
      }),
    );

    // The learner reads their own matrix on a phone: reached, expected, and which review says so.
    const page = await (await newContext(ctx.browser, { viewport: { width: 390, height: 844 } })).newPage();
    await signIn(page, ctx.stack.webUrl, learner.email, DEFAULT_PASSWORD);
    await openFromNav(page, 'Compétences');
    const mine = page.getByRole('region', { name: 'Ma progression' });
    const c1 = mine.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'C1 · Installer et configurer son environnement de travail' }) });
    await c1.getByText('Niveau atteint : 2 (adapter)').waitFor();
    await c1.getByText('Niveau attendu : 1 (imiter)').waitFor();
    await c1.getByRole('link', { name: /^Validé par la correction du projet « Le site de la boulangerie » le / }).waitFor();
    const c2 = mine.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'C2 · Maquetter des interfaces utilisateur' }) });
    await c2.getByText('Niveau atteint : 1 (imiter)').waitFor();
    await c2.getByText('Niveau attendu : 2 (adapter)').waitFor();
    // The cohort's grid is not offered to a learner…
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Télécharger en CSV' }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    // …and at its address the API's refusal is shown.
    await page.goto(`${ctx.stack.webUrl}/competencies/cohorts/${cohort.id}`);
    await page.getByRole('alert').getByText('Cette matrice n’est pas accessible avec votre compte').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    // So is a classmate's detail.
    await page.goto(`${ctx.stack.webUrl}/competencies/cohorts/${cohort.id}/learners/${classmate.id}`);
    await page.getByRole('alert').getByText('Cette matrice n’est pas accessible avec votre compte : A learner sees their own matrix only').waitFor();
    expect(await page.getByText('Niveau atteint').count()).toBe(0);

    // The facilitator reads the grid: a row per learner, a column per competency.
    const facilitatorPage = await (await newContext(ctx.browser, { viewport: { width: 1280, height: 800 }, acceptDownloads: true })).newPage();
    await signIn(facilitatorPage, ctx.stack.webUrl, facilitator.email, DEFAULT_PASSWORD);
    await openFromNav(facilitatorPage, 'Compétences');
    await facilitatorPage.getByRole('region', { name: 'Ma progression' }).getByText('Niveau atteint : 0 (non atteint)').first().waitFor();
    // No brief is assigned to the cohort they follow as a learner: nothing is expected there yet.
    expect(await facilitatorPage.getByRole('region', { name: 'Ma progression' }).getByText('Niveau attendu : aucun projet ne la vise encore').count()).toBe(2);
    const table = facilitatorPage.getByRole('table', { name: /^Niveau validé le plus haut par apprenant·e et par compétence/ });
    await table.waitFor();
    const headers = await table.getByRole('columnheader').allTextContents();
    expect(headers).toEqual(['Apprenant·e', 'C1 · Installer et configurer son environnement de travail', 'C2 · Maquetter des interfaces utilisateur']);
    const camille = table.getByRole('row').filter({ has: facilitatorPage.getByRole('rowheader', { name: 'Camille Martin' }) });
    expect(await camille.getByRole('cell').allTextContents()).toEqual(['2 (adapter)', '1 (imiter)']);
    const ines = table.getByRole('row').filter({ has: facilitatorPage.getByRole('rowheader', { name: 'Inès Garnier' }) });
    expect(await ines.getByRole('cell').allTextContents()).toEqual(['—non validé', '—non validé']);
    expect(await accessibilityViolations(facilitatorPage)).toEqual([]);
    await screenshot(facilitatorPage, 'competency-matrix');

    // The CSV is the same grid, for a spreadsheet.
    const [download] = await Promise.all([facilitatorPage.waitForEvent('download'), facilitatorPage.getByRole('button', { name: 'Télécharger en CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^competences-.*\.csv$/);
    const csv = readFileSync(await download.path()).toString('utf8');
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('apprenant;C1;C2');
    expect(lines.slice(1).sort()).toEqual(['Camille Martin;2;1', 'Inès Garnier;;']);

    // Each learner's detail: the same list the learner reads.
    await camille.getByRole('link', { name: 'Camille Martin' }).click();
    await facilitatorPage.getByRole('heading', { level: 1, name: 'Compétences de Camille Martin' }).waitFor();
    const detail = facilitatorPage.getByRole('listitem').filter({ has: facilitatorPage.getByRole('heading', { name: /^C1 · / }) });
    await detail.getByText('Niveau atteint : 2 (adapter)').waitFor();
    await detail.getByText('Niveau attendu : 1 (imiter)').waitFor();
    const c2Detail = facilitatorPage.getByRole('listitem').filter({ has: facilitatorPage.getByRole('heading', { name: /^C2 · / }) });
    await c2Detail.getByText('Niveau attendu : 2 (adapter)').waitFor();
    await detail.getByText(/^Validé par la correction du projet « Le site de la boulangerie » le /).waitFor();
    expect(await accessibilityViolations(facilitatorPage)).toEqual([]);
  }, 150_000);
});
