import { readFileSync } from 'node:fs';
import { addDays, halfDayAt, localDateAt, localDateTimeToInstant, mondayOf } from '@fabrique/domain';
import { DEFAULT_PASSWORD } from '@fabrique/testing';
import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations, errorOf, mainNav, newContext, openFromNav, screenshot, signIn } from './browser.test-kit.js';
import { BrowserTestContext } from './browser-test-context.test-kit.js';

/**
 * Attendance in several browsers against the real stack: a facilitator shows a check-in code in
 * the room, learners type it on their phones, the facilitator marks the others and exports the month.
 * The API takes check-ins only during an on-site half-day under way, by its attendance clock: the
 * stack's clock is moved to the next Wednesday morning in Paris (ATTENDANCE_CLOCK_OFFSET_MINUTES),
 * and so are the browsers', so that the test runs the same on any day of the week.
 */
const ZONE = 'Europe/Paris';
const WEDNESDAY_MORNING = nextWednesdayMorning();
const OFFSET_MINUTES = Math.ceil((WEDNESDAY_MORNING.getTime() - Date.now()) / 60_000);

/** 10:00 in Paris on the next Wednesday (at least an hour ahead, so the offset is never negative). */
function nextWednesdayMorning(): Date {
  let date = localDateAt(new Date(Date.now() + 3_600_000), ZONE);
  for (;;) {
    const candidate = localDateTimeToInstant(date, '10:00', ZONE);
    if (new Date(`${date}T12:00:00Z`).getUTCDay() === 3 && candidate.getTime() > Date.now() + 3_600_000) return candidate;
    date = addDays(date, 1);
  }
}

/** A browser context whose clock reads the stack's attendance clock: the Wednesday morning. */
async function pageOn(browser: Browser, viewport: { width: number; height: number }): Promise<Page> {
  const context = await newContext(browser, { viewport });
  await context.clock.setFixedTime(WEDNESDAY_MORNING);
  return context.newPage();
}

interface Mark {
  status: string;
  source: string;
  reason: string | null;
}
interface Day {
  learners: Array<{ userId: string; morning: Mark | null; afternoon: Mark | null }>;
}

describe('attendance, in the browser', () => {
  const ctx = new BrowserTestContext({ ATTENDANCE_CLOCK_OFFSET_MINUTES: String(OFFSET_MINUTES) });
  beforeAll(() => ctx.start(), 120_000);
  afterAll(() => ctx.stop());

  /** A cohort at a site in `zone`, scheduled on site this week by an admin through the API, as admins do. */
  async function cohortOnSiteThisWeek(zone: string, today: string, facilitatorName: string) {
    const cohort = await ctx.fixtures.cohort({ startsOn: addDays(today, -60), endsOn: addDays(today, 200) });
    await ctx.dataSource.query(`UPDATE sites SET time_zone = $1 WHERE id = $2`, [zone, cohort.homeSiteId]);
    const facilitator = await ctx.fixtures.member(cohort, 'facilitator', await ctx.fixtures.user({ name: facilitatorName }));
    const [room] = (await ctx.dataSource.query(`SELECT id FROM rooms WHERE site_id = $1 ORDER BY name LIMIT 1`, [cohort.homeSiteId])) as Array<{ id: string }>;
    const admin = await ctx.fixtures.admin();
    const scheduled = await (await ctx.apiAs(admin.email))('POST', `/api/cohorts/${cohort.id}/presential-weeks`, { monday: mondayOf(today), roomId: room?.id, facilitatorIds: [facilitator.id] });
    expect(scheduled.status).toBe(201);
    return { cohort, facilitator };
  }

  it('a facilitator shows a code, a learner checks in with it, the facilitator marks another absent and exports the month', async () => {
    const zone = ZONE;
    const today = localDateAt(WEDNESDAY_MORNING, zone);
    const { cohort, facilitator } = await cohortOnSiteThisWeek(zone, today, 'Julien Lefèvre');
    const camille = await ctx.fixtures.member(cohort, 'learner', await ctx.fixtures.user({ name: 'Camille Martin' }));
    const karim = await ctx.fixtures.member(cohort, 'learner', await ctx.fixtures.user({ name: 'Karim Benali' }));
    // A learner of another cohort, on site this week too.
    const { cohort: other, facilitator: otherFacilitator } = await cohortOnSiteThisWeek(zone, today, 'Sophie Moreau');
    const zoe = await ctx.fixtures.member(other, 'learner', await ctx.fixtures.user({ name: 'Zoé Lambert' }));
    // Everyone lives where the site is, so "today" on screen is the site's today.
    await ctx.dataSource.query(`UPDATE users SET time_zone = $1 WHERE id = ANY($2)`, [zone, [facilitator.id, camille.id, karim.id, zoe.id, otherFacilitator.id]]);

    // The facilitator opens the attendance of today's on-site half-day.
    const facilitatorPage = await pageOn(ctx.browser, { width: 1280, height: 900 });
    await signIn(facilitatorPage, ctx.stack.webUrl, facilitator.email, DEFAULT_PASSWORD);
    await openFromNav(facilitatorPage, 'Présences');
    await facilitatorPage.getByRole('heading', { level: 1, name: 'Présences' }).waitFor();
    const camilleGroup = facilitatorPage.getByRole('group', { name: 'Camille Martin' });
    const karimGroup = facilitatorPage.getByRole('group', { name: 'Karim Benali' });
    await camilleGroup.getByText('Pas encore noté·e.').waitFor();
    expect(await facilitatorPage.getByLabel('Jour sur site').inputValue()).toBe(today);
    expect(await camilleGroup.getByRole('radio', { checked: true }).count()).toBe(0);
    expect(await accessibilityViolations(facilitatorPage)).toEqual([]);

    // A code for the room, shown large with its expiry.
    await facilitatorPage.getByRole('button', { name: 'Afficher un code d’émargement' }).click();
    const codePanel = facilitatorPage.getByRole('region', { name: 'Code d’émargement' });
    await codePanel.getByText('Valable jusqu’au').waitFor();
    const { date, halfDay } = halfDayAt(WEDNESDAY_MORNING, zone);
    const code = ((await codePanel.locator('.attendance-code__digits').textContent()) ?? '').replace(/\s/g, '');
    expect(code).toMatch(/^\d{6}$/);
    await codePanel.getByText('0 apprenant·e présent·e sur 2').waitFor();
    expect(await accessibilityViolations(facilitatorPage)).toEqual([]);
    await screenshot(facilitatorPage, 'attendance-code');

    // Camille, on her phone, types a wrong code first: refused next to the field; then the right one.
    const camillePage = await pageOn(ctx.browser, { width: 375, height: 812 });
    await signIn(camillePage, ctx.stack.webUrl, camille.email, DEFAULT_PASSWORD);
    await openFromNav(camillePage, 'Émargement');
    await camillePage.getByRole('heading', { level: 1, name: 'Émargement' }).waitFor();
    const codeField = camillePage.getByLabel('Code d’émargement');
    expect(await codeField.getAttribute('inputmode')).toBe('numeric');
    expect(await codeField.getAttribute('autocomplete')).toBe('off');
    // Too short: the API names the rule broken, worded here in French.
    await codeField.fill('12 34');
    await camillePage.getByRole('button', { name: 'Émarger' }).click();
    await camillePage.getByText('Le code compte 6 chiffres : ceux affichés dans la salle.').waitFor();
    expect(await errorOf(codeField)).toContain('Le code compte 6 chiffres : ceux affichés dans la salle.');
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    await codeField.fill(wrong);
    await camillePage.getByRole('button', { name: 'Émarger' }).click();
    await camillePage.getByText('Ce n’est pas le code d’émargement de votre promo').waitFor();
    expect(await errorOf(codeField)).toContain('Ce n’est pas le code d’émargement de votre promo pour cette demi-journée.');
    expect(await accessibilityViolations(camillePage)).toEqual([]);
    await codeField.fill(code.replace(/^(\d{3})/, '$1 '));
    await camillePage.getByRole('button', { name: 'Émarger' }).click();
    await camillePage.getByRole('status').getByText('C’est noté : vous êtes présent·e pour').waitFor();
    expect(await codeField.getAttribute('aria-invalid')).toBe('false');
    expect(await accessibilityViolations(camillePage)).toEqual([]);
    await screenshot(camillePage, 'check-in');

    // The facilitator's screen follows: Camille is present, by the code.
    await camilleGroup.getByText('Émargé·e avec le code').waitFor();
    expect(await camilleGroup.getByLabel('Présent·e').isChecked()).toBe(true);
    await codePanel.getByText('1 apprenant·e présent·e sur 2').waitFor();
    await codePanel.getByRole('button', { name: 'Fermer le code' }).click();
    expect(await facilitatorPage.getByRole('region', { name: 'Code d’émargement' }).count()).toBe(0);

    // Karim is not there: marked absent, confirmed, and still absent after a reload.
    await karimGroup.getByLabel('Absent·e').check();
    await karimGroup.getByRole('button', { name: 'Enregistrer' }).click();
    await karimGroup.getByRole('status').getByText('Enregistré : Absent·e.').waitFor();
    expect(await accessibilityViolations(facilitatorPage)).toEqual([]);
    await screenshot(facilitatorPage, 'attendance-marking');
    await facilitatorPage.reload();
    await karimGroup.getByText('Noté·e par Julien Lefèvre').waitFor();
    expect(await karimGroup.getByLabel('Absent·e').isChecked()).toBe(true);
    expect(await camilleGroup.getByLabel('Présent·e').isChecked()).toBe(true);

    // The record, as the API keeps it.
    const asFacilitator = await ctx.apiAs(facilitator.email);
    const day = (await asFacilitator<Day>('GET', `/api/cohorts/${cohort.id}/attendance?date=${date}`)).body;
    const markOf = (userId: string) => day.learners.find((learner) => learner.userId === userId)?.[halfDay];
    expect(markOf(camille.id)).toMatchObject({ status: 'present', source: 'check_in' });
    expect(markOf(karim.id)).toMatchObject({ status: 'absent', source: 'facilitator' });

    // The month's CSV names both learners with their half-day status.
    const [download] = await Promise.all([facilitatorPage.waitForEvent('download'), facilitatorPage.getByRole('button', { name: 'Télécharger le CSV' }).click()]);
    // Under the name the API gives: the cohort's and the month's.
    expect(download.suggestedFilename()).toMatch(new RegExp(`^presences-[a-z0-9-]+-${today.slice(0, 7)}\\.csv$`));
    const lines = readFileSync(await download.path(), 'utf8').split('\r\n');
    const halfDayLabel = halfDay === 'morning' ? 'matin' : 'après-midi';
    expect(lines.find((line) => line.startsWith(`${date};${halfDayLabel};Camille Martin;`))).toContain(';présent;Camille Martin;émargement par code;');
    expect(lines.find((line) => line.startsWith(`${date};${halfDayLabel};Karim Benali;`))).toContain(';absent;Julien Lefèvre;saisie formateur;');

    // A status already recorded changes only with a reason, kept as a correction.
    await karimGroup.getByLabel('Excusé·e').check();
    await karimGroup.getByRole('button', { name: 'Enregistrer' }).click();
    await karimGroup.getByText('Indiquez le motif de la correction.').waitFor();
    const reason = karimGroup.getByLabel('Motif de la correction');
    expect(await errorOf(reason)).toContain('Indiquez le motif de la correction.');
    await reason.fill('Rendez-vous France Travail, justificatif fourni');
    await karimGroup.getByRole('button', { name: 'Enregistrer' }).click();
    await karimGroup.getByRole('status').getByText('Enregistré : Excusé·e.').waitFor();
    expect(await accessibilityViolations(facilitatorPage)).toEqual([]);
    const corrected = (await asFacilitator<Day>('GET', `/api/cohorts/${cohort.id}/attendance?date=${date}`)).body;
    expect(corrected.learners.find((learner) => learner.userId === karim.id)?.[halfDay]).toMatchObject({
      status: 'excused',
      reason: 'Rendez-vous France Travail, justificatif fourni',
    });

    // A learner has no marking screen: no link to it, and the address says it is not for them.
    // Folded links are hidden from the accessibility tree: counted hidden or not.
    await mainNav(camillePage).getByRole('link', { name: 'Émargement', includeHidden: true }).waitFor({ state: 'attached' });
    expect(await mainNav(camillePage).getByRole('link', { name: 'Présences', includeHidden: true }).count()).toBe(0);
    await camillePage.goto(`${ctx.stack.webUrl}/attendance`);
    await camillePage.getByText('Le suivi des présences est réservé aux formateur·rices de la promo.').waitFor();
    expect(await camillePage.getByRole('button', { name: 'Afficher un code d’émargement' }).count()).toBe(0);
    expect(await camillePage.getByRole('radio').count()).toBe(0);
    expect(await accessibilityViolations(camillePage)).toEqual([]);
    expect((await (await ctx.apiAs(camille.email))('GET', `/api/cohorts/${cohort.id}/attendance?date=${date}`)).status).toBe(403);

    // A learner of another cohort cannot check in with this cohort's code.
    const zoePage = await pageOn(ctx.browser, { width: 375, height: 812 });
    await signIn(zoePage, ctx.stack.webUrl, zoe.email, DEFAULT_PASSWORD);
    await zoePage.goto(`${ctx.stack.webUrl}/check-in`);
    const zoeField = zoePage.getByLabel('Code d’émargement');
    await zoeField.fill(code);
    await zoePage.getByRole('button', { name: 'Émarger' }).click();
    await zoePage.getByText('Ce n’est pas le code d’émargement de votre promo').waitFor();
    expect(await errorOf(zoeField)).toContain('Ce n’est pas le code d’émargement de votre promo pour cette demi-journée.');
    expect(await accessibilityViolations(zoePage)).toEqual([]);
    const otherDay = (await (await ctx.apiAs(otherFacilitator.email))<Day>('GET', `/api/cohorts/${other.id}/attendance?date=${date}`)).body;
    expect(otherDay.learners.find((learner) => learner.userId === zoe.id)?.[halfDay]).toBeNull();
  }, 180_000);
});
