import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { DEFAULT_PASSWORD } from '@fabrique/testing';
import type { Page } from 'playwright-core';
import { accessibilityViolations, errorOf, mainNav, newContext, screenshot, signIn } from './browser.test-kit.js';
import { BrowserTestContext } from './browser-test-context.test-kit.js';

/**
 * An admin sets a cohort up against the real stack: a site (a name already taken first), its rooms
 * (a bad capacity first), a cohort on that site (dates in the wrong order first), then the CSV exports.
 * A learner who types the address gets none of it, and the API refuses them.
 */
const BOM = '\uFEFF';

/** The first lines of a downloaded CSV, without its byte-order mark. */
async function firstLines(page: Page, button: string, count: number): Promise<{ filename: string; lines: string[] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const text = readFileSync(await download.path(), 'utf8');
  expect(text.startsWith(BOM)).toBe(true);
  return { filename: download.suggestedFilename(), lines: text.slice(1).split('\r\n').slice(0, count) };
}

describe('setting up sites, cohorts and exports, in the browser', () => {
  const ctx = new BrowserTestContext();
  beforeAll(() => ctx.start(), 120_000);
  afterAll(() => ctx.stop());

  const count = async (sql: string, parameters: unknown[]) => ((await ctx.dataSource.query(sql, parameters)) as { n: number }[])[0].n;

  it('an admin creates a site and its rooms, a cohort on it, invites a learner and downloads both CSVs', async () => {
    const admin = await ctx.fixtures.user({ admin: true, name: 'Claire Martin' });
    const taken = await ctx.fixtures.site();
    const track = await ctx.fixtures.track();
    const tag = randomUUID().slice(0, 8);
    const siteName = `Boitron ${tag}`;
    const cohortName = `Développeur web 2026 ${tag}`;
    const page = await (await newContext(ctx.browser, { viewport: { width: 375, height: 812 }, acceptDownloads: true })).newPage(); // a phone
    const tools = page.getByRole('navigation', { name: 'Outils d’administration' });

    await signIn(page, ctx.stack.webUrl, admin.email, DEFAULT_PASSWORD);
    await tools.getByRole('link', { name: 'Sites et salles' }).click();
    await page.getByRole('heading', { name: 'Sites et salles', level: 1 }).waitFor();
    const newSite = page.getByRole('form', { name: 'Nouveau site' });
    const timeZone = newSite.getByLabel('Fuseau horaire');
    expect(await timeZone.inputValue()).toBe('Europe/Paris');
    expect(await timeZone.locator('option').first().textContent()).toBe('Europe/Paris');
    expect(await accessibilityViolations(page)).toEqual([]);

    // A name another site has (whatever its case): refused next to the name, nothing written.
    const name = newSite.getByLabel('Nom du site');
    await name.fill(taken.name.toUpperCase());
    await newSite.getByLabel('Adresse').fill('2 rue du Lavoir, 61500 Boitron');
    const [clash] = await Promise.all([
      page.waitForResponse((response) => new URL(response.url()).pathname === '/api/sites' && response.request().method() === 'POST'),
      newSite.getByRole('button', { name: 'Créer le site' }).click(),
    ]);
    // The 409 names the field, so any client can show it there.
    expect(clash.status()).toBe(409);
    expect(await clash.json()).toMatchObject({ code: 'conflict', details: [{ field: 'name', rule: 'unique' }] });
    await newSite.getByText('Un site porte déjà ce nom : choisissez-en un autre.').waitFor();
    expect(await errorOf(name)).toBe('Un site porte déjà ce nom : choisissez-en un autre.');
    expect(await count('SELECT count(*)::int AS n FROM sites WHERE lower(name) = lower($1)', [taken.name])).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);

    await name.fill(siteName);
    await newSite.getByRole('button', { name: 'Créer le site' }).click();
    await page.getByRole('heading', { name: `Modifier le site ${siteName}`, level: 2 }).waitFor();
    const siteRow = page.getByRole('row', { name: new RegExp(siteName) });
    expect(await siteRow.getByRole('cell').allInnerTexts()).toEqual(['2 rue du Lavoir, 61500 Boitron', 'Europe/Paris', '0']);
    const [site] = (await ctx.dataSource.query('SELECT id, time_zone AS "timeZone" FROM sites WHERE name = $1', [siteName])) as { id: string; timeZone: string }[];
    expect(site.timeZone).toBe('Europe/Paris');

    // A room with no seat: refused next to the capacity; then added.
    const rooms = page.getByRole('region', { name: `Salles de ${siteName}` });
    const addRoom = rooms.getByRole('form', { name: 'Ajouter une salle' });
    await addRoom.getByLabel('Nom de la salle').fill('Salle du fournil');
    const capacity = addRoom.getByLabel('Capacité');
    await capacity.fill('0');
    await addRoom.getByRole('button', { name: 'Ajouter la salle' }).click();
    await addRoom.getByText('La capacité est un nombre entier de places, de 1 à 1000.').waitFor();
    expect(await errorOf(capacity)).toContain('La capacité est un nombre entier de places, de 1 à 1000.');
    expect(await count('SELECT count(*)::int AS n FROM rooms WHERE site_id = $1', [site.id])).toBe(0);
    await capacity.fill('24');
    await addRoom.getByRole('button', { name: 'Ajouter la salle' }).click();
    await rooms.getByRole('listitem').filter({ hasText: 'Salle du fournil · 24 places' }).waitFor();
    expect(await capacity.inputValue()).toBe('');
    await siteRow.getByRole('cell', { name: '1', exact: true }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'admin-sites');

    // Edited in place: more seats.
    await rooms.getByRole('button', { name: 'Modifier la salle Salle du fournil' }).click();
    const editRoom = rooms.getByRole('form', { name: 'Modifier la salle Salle du fournil' });
    await editRoom.getByLabel('Capacité').fill('30');
    expect(await accessibilityViolations(page)).toEqual([]);
    await editRoom.getByRole('button', { name: 'Enregistrer la salle' }).click();
    await rooms.getByRole('listitem').filter({ hasText: 'Salle du fournil · 30 places' }).waitFor();
    const asAdmin = await ctx.apiAs(admin.email);
    const saved = (await asAdmin<{ rooms: { name: string; capacity: number }[] }>('GET', `/api/sites/${site.id}`)).body;
    expect(saved.rooms).toEqual([expect.objectContaining({ name: 'Salle du fournil', capacity: 30 })]);

    // A cohort on that site, ending before it starts first: refused next to the end date.
    await tools.getByRole('link', { name: 'Promos' }).click();
    await page.getByRole('heading', { name: 'Promos', level: 1 }).waitFor();
    const newCohort = page.getByRole('form', { name: 'Nouvelle promo' });
    await newCohort.getByLabel('Nom de la promo').fill(cohortName);
    await newCohort.getByLabel('Parcours').selectOption({ label: track.name });
    await newCohort.getByLabel('Site de rattachement', { exact: true }).selectOption({ label: siteName });
    await newCohort.getByLabel('Début', { exact: true }).fill('2026-09-07');
    const endsOn = newCohort.getByLabel('Fin', { exact: true });
    await endsOn.fill('2026-06-26');
    expect(await accessibilityViolations(page)).toEqual([]);
    await newCohort.getByRole('button', { name: 'Créer la promo' }).click();
    await newCohort.getByText('La date de fin doit être après la date de début.').waitFor();
    expect(await errorOf(endsOn)).toBe('La date de fin doit être après la date de début.');
    expect(await count('SELECT count(*)::int AS n FROM cohorts WHERE name = $1', [cohortName])).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    await endsOn.fill('2027-06-25');
    await newCohort.getByRole('button', { name: 'Créer la promo' }).click();
    await page.getByRole('heading', { name: `Modifier la promo ${cohortName}`, level: 2 }).waitFor();
    const cohortRow = page.getByRole('row', { name: new RegExp(cohortName) });
    expect(await cohortRow.getByRole('cell').allInnerTexts()).toEqual([track.name, siteName, 'Du lundi 7 septembre 2026 au vendredi 25 juin 2027', 'Avec des semaines sur site', '0 apprenant·e']);
    const cohorts = (await asAdmin<{ id: string; name: string }[]>('GET', '/api/cohorts')).body;
    const cohort = cohorts.find((candidate) => candidate.name === cohortName);
    expect(cohort).toMatchObject({ trackId: track.id, homeSiteId: site.id, startsOn: '2026-09-07', endsOn: '2027-06-25', fullyRemote: false });

    // Someone invited by e-mail: the link to send them, and the cohort's members list them.
    const email = `camille.${tag}@exemple.fr`;
    const invite = page.getByRole('form', { name: `Inviter dans ${cohortName}` });
    await invite.getByLabel('E-mail').fill(email);
    await invite.getByLabel('Rôle').selectOption({ label: 'Apprenant·e' });
    await invite.getByLabel('Nom (facultatif)').fill('Camille Martin');
    await invite.getByRole('button', { name: 'Inviter' }).click();
    const outcome = page.getByRole('status').filter({ hasText: `Invitation créée pour ${email} (Apprenant·e).` });
    await outcome.waitFor();
    expect(await outcome.getByRole('link').getAttribute('href')).toContain('/invitations/accept');
    await page.getByRole('region', { name: 'Membres de la promo', exact: true }).getByRole('row', { name: /Camille Martin/ }).waitFor();
    expect(await count('SELECT count(*)::int AS n FROM memberships WHERE cohort_id = $1', [cohort?.id])).toBe(1);
    // The list counts the invited learner at once: the invitation refreshes it.
    await page.getByRole('row', { name: new RegExp(cohortName) }).getByRole('cell', { name: '1 apprenant·e', exact: true }).waitFor();
    expect(await page.getByRole('columnheader', { name: 'Apprenant·e·s' }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'admin-cohorts');

    // The exports: the month's attendance and the competency matrix, each a CSV with its header.
    await tools.getByRole('link', { name: 'Exports CSV' }).click();
    await page.getByRole('heading', { name: 'Exports CSV', level: 1 }).waitFor();
    await page.getByLabel('Promo', { exact: true }).selectOption({ label: cohortName });
    await page.getByLabel('Mois', { exact: true }).fill('2026-09');
    expect(await accessibilityViolations(page)).toEqual([]);
    const attendance = await firstLines(page, 'Télécharger les présences (CSV)', 2);
    expect(attendance.filename).toBe(`presences-developpeur-web-2026-${tag}-2026-09.csv`);
    expect(attendance.lines).toEqual(['Présence sur site', 'date;demi-journée;apprenant;e-mail;statut;saisi par;source;motif']);
    const matrix = await firstLines(page, 'Télécharger la grille (CSV)', 1);
    expect(matrix.filename).toBe(`competences-developpeur-web-2026-${tag}.csv`);
    expect(matrix.lines).toEqual(['apprenant;C1;C2']);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'admin-exports');
  }, 120_000);

  it('a learner who types the address of the admin screens is sent to their week, and the API refuses them', async () => {
    const cohort = await ctx.fixtures.cohort();
    const learner = await ctx.fixtures.member(cohort, 'learner', await ctx.fixtures.user({ name: 'Karim Benali' }));
    const page = await (await newContext(ctx.browser, { viewport: { width: 1280, height: 800 } })).newPage();

    await signIn(page, ctx.stack.webUrl, learner.email, DEFAULT_PASSWORD);
    expect(await mainNav(page).getByRole('link', { name: 'Administration' }).count()).toBe(0);
    for (const screen of ['sites', 'cohorts', 'exports']) {
      await page.goto(`${ctx.stack.webUrl}/administration/${screen}`);
      await page.waitForURL(`${ctx.stack.webUrl}/me/week`);
      await mainNav(page).waitFor();
      expect(await page.getByRole('navigation', { name: 'Outils d’administration' }).count()).toBe(0);
      expect(await page.getByRole('heading', { name: /Sites et salles|Promos|Exports CSV/ }).count()).toBe(0);
    }
    expect(await accessibilityViolations(page)).toEqual([]);

    const asLearner = await ctx.apiAs(learner.email);
    const site = { name: `Pirate ${randomUUID().slice(0, 8)}`, address: '1 rue du Port, 17000 La Rochelle', timeZone: 'Europe/Paris' };
    expect((await asLearner('POST', '/api/sites', site)).status).toBe(403);
    expect((await asLearner('POST', `/api/sites/${cohort.homeSiteId}/rooms`, { name: 'Cave', capacity: 3 })).status).toBe(403);
    expect((await asLearner('PATCH', `/api/cohorts/${cohort.id}`, { name: 'Renommée' })).status).toBe(403);
    expect((await asLearner('POST', `/api/cohorts/${cohort.id}/invitations`, { email: `intrus.${randomUUID().slice(0, 8)}@exemple.fr`, role: 'facilitator' })).status).toBe(403);
    expect((await asLearner('GET', `/api/cohorts/${cohort.id}/attendance.csv?month=2026-09`)).status).toBe(403);
    expect(await count('SELECT count(*)::int AS n FROM sites WHERE name = $1', [site.name])).toBe(0);
  }, 90_000);
});
