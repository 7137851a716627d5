import { randomUUID } from 'node:crypto';
import { CohortWeek, Room } from '@fabrique/persistence';
import { DEFAULT_PASSWORD } from '@fabrique/testing';
import { accessibilityViolations, newContext, screenshot, signIn } from './browser.test-kit.js';
import { BrowserTestContext } from './browser-test-context.test-kit.js';

/**
 * The admin screens against the real stack: a roster imported whole or not at all (every bad line
 * named), and a year planned from a rhythm rule (preview with its clashes, then commit).
 */
describe('administration, in the browser', () => {
  const ctx = new BrowserTestContext();
  beforeAll(() => ctx.start(), 120_000);
  afterAll(() => ctx.stop());

  const memberCount = async (cohortId: string) => ((await ctx.dataSource.query('SELECT count(*)::int AS n FROM memberships WHERE cohort_id = $1', [cohortId])) as { n: number }[])[0].n;

  it('an admin imports a roster: a bad line is refused with its number and reason and nothing is written; fixed, it imports', async () => {
    const admin = await ctx.fixtures.user({ admin: true, name: 'Claire Martin' });
    const cohort = await ctx.fixtures.cohort();
    const tag = randomUUID().slice(0, 8);
    const page = await (await newContext(ctx.browser, { viewport: { width: 390, height: 844 } })).newPage(); // a phone

    await signIn(page, ctx.stack.webUrl, admin.email, DEFAULT_PASSWORD);
    await page.getByRole('heading', { name: 'Administration', level: 1 }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('navigation', { name: 'Outils d’administration' }).getByRole('link', { name: 'Importer une liste' }).click();
    await page.getByRole('heading', { name: 'Importer une liste', level: 1 }).waitFor();
    await page.getByLabel('Promo', { exact: true }).selectOption({ label: cohort.name });

    const roster = page.getByLabel('Liste au format CSV');
    const members = page.getByRole('region', { name: 'Membres de la promo', exact: true });
    await members.getByText('Aucun membre pour le moment.').waitFor();
    const lines = (kevinEmail: string) =>
      ['name,email,role', `Sandrine Lemaire,sandrine.${tag}@exemple.fr,apprenante`, `Kévin Da Silva,${kevinEmail},learner`, `Julien Lefèvre,julien.${tag}@exemple.fr,formateur`].join('\n');
    await roster.fill(lines(`kevin.${tag}.exemple.fr`));
    await page.getByRole('button', { name: 'Importer la liste' }).click();

    // Refused: line 3 with its reason, announced; the text box is marked invalid; nobody was added.
    const refused = page.getByRole('alert');
    const badLine = refused.getByRole('row', { name: new RegExp(`kevin\\.${tag}`) });
    expect(await badLine.getByRole('rowheader').innerText()).toBe('3');
    expect(await badLine.getByRole('cell').allInnerTexts()).toEqual(['E-mail', `« kevin.${tag}.exemple.fr » n’est pas une adresse e-mail.`]);
    // Worded in French from the API's rule, so not marked as English.
    expect(await badLine.getByRole('cell').last().getAttribute('lang')).toBeNull();
    expect(await refused.getByRole('row').count()).toBe(2); // the header and the one bad line
    await page.getByText('Rien n’a été importé : 1 ligne est à corriger').waitFor();
    expect(await roster.getAttribute('aria-invalid')).toBe('true');
    expect(await memberCount(cohort.id)).toBe(0);
    await members.getByText('Aucun membre pour le moment.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'admin-roster-import');

    // Fixed: the whole roster is applied, and the cohort's members show it.
    await roster.fill(lines(`kevin.${tag}@exemple.fr`));
    await page.getByRole('button', { name: 'Importer la liste' }).click();
    await page.getByText(`3 personnes importées dans ${cohort.name}.`).waitFor();
    expect(await refused.count()).toBe(0);
    for (const name of ['Sandrine Lemaire', 'Kévin Da Silva', 'Julien Lefèvre']) await members.getByRole('row', { name: new RegExp(name) }).waitFor();
    expect(await members.getByRole('row', { name: /Julien Lefèvre/ }).getByRole('cell').first().innerText()).toBe('Formateur·rice');
    expect(await memberCount(cohort.id)).toBe(3);
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 90_000);

  it('an admin previews a rhythm with a clash, keeps some weeks, commits and sees the on-site weeks', async () => {
    const admin = await ctx.fixtures.user({ admin: true, name: 'Claire Martin' });
    const other = await ctx.fixtures.cohort();
    // 2027-01-04 to 2027-04-30: the first full weeks of the months are W01, W05, W09 and W14.
    const cohort = await ctx.fixtures.cohort({ startsOn: '2027-01-04', endsOn: '2027-04-30' });
    await ctx.fixtures.member(cohort, 'facilitator', await ctx.fixtures.user({ name: 'Julien Lefèvre' }));
    const room = await ctx.dataSource.getRepository(Room).findOneByOrFail({ siteId: cohort.homeSiteId as string, name: 'Salle du fournil' });
    // Another cohort already has the room the week of 2027-02-01 (W05).
    await ctx.dataSource.getRepository(CohortWeek).save({ cohortId: other.id, monday: '2027-02-01', kind: 'presential', siteId: room.siteId, roomId: room.id });
    const page = await (await newContext(ctx.browser, { viewport: { width: 1280, height: 800 } })).newPage();

    await signIn(page, ctx.stack.webUrl, admin.email, DEFAULT_PASSWORD);
    await page.getByRole('navigation', { name: 'Outils d’administration' }).getByRole('link', { name: 'Planifier l’année' }).click();
    await page.getByRole('heading', { name: 'Planifier l’année', level: 1 }).waitFor();
    await page.getByLabel('Promo', { exact: true }).selectOption({ label: cohort.name });
    await page.getByLabel('Première semaine complète du mois').check();
    await page.getByLabel('Salle', { exact: true }).selectOption(room.id);
    const facilitator = page.getByRole('checkbox', { name: 'Julien Lefèvre' });
    await facilitator.waitFor();
    expect(await facilitator.isChecked()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Prévisualiser' }).click();

    // The preview: four weeks, W05 clashing (unticked, disabled, with its reason); nothing written yet.
    const preview = page.getByRole('region', { name: 'Aperçu', exact: true });
    const week = (label: string) => preview.getByRole('checkbox', { name: new RegExp(label) });
    await week('2027-W01').waitFor();
    expect(await preview.getByRole('checkbox').count()).toBe(4);
    expect(await week('2027-W05').isDisabled()).toBe(true);
    expect(await week('2027-W05').isChecked()).toBe(false);
    await preview.getByText('Salle déjà réservée').waitFor();
    const clash = preview.getByText(`La salle « Salle du fournil » est déjà réservée cette semaine-là par ${other.name}.`);
    await clash.waitFor();
    expect(await clash.getAttribute('lang')).toBeNull();
    for (const kept of ['2027-W01', '2027-W09', '2027-W14']) expect(await week(kept).isChecked()).toBe(true);
    await week('2027-W14').uncheck();
    expect(await ctx.dataSource.query(`SELECT 1 FROM cohort_weeks WHERE cohort_id = $1`, [cohort.id])).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'admin-year-planner');

    await preview.getByRole('button', { name: 'Enregistrer 2 semaines sur site' }).click();
    await page.getByText('2 semaines sur site enregistrées.').waitFor();
    const saved = page.getByRole('region', { name: 'Semaines sur site enregistrées', exact: true });
    await saved.getByText(/2027-W09/).waitFor();
    const items = await saved.getByRole('listitem').allInnerTexts();
    expect(items).toHaveLength(2);
    expect(items[0]).toMatch(/2027-W01[\s\S]*Salle du fournil[\s\S]*Avec Julien Lefèvre/);
    expect(items[1]).toMatch(/2027-W09[\s\S]*Salle du fournil[\s\S]*Avec Julien Lefèvre/);
    const rows = (await ctx.dataSource.query(`SELECT to_char(monday, 'YYYY-MM-DD') AS monday FROM cohort_weeks WHERE cohort_id = $1 AND kind = 'presential' ORDER BY monday`, [cohort.id])) as { monday: string }[];
    expect(rows.map((row) => row.monday)).toEqual(['2027-01-04', '2027-03-01']);
    expect(await accessibilityViolations(page)).toEqual([]);
  }, 90_000);
});
