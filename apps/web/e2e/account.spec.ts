import { DEFAULT_PASSWORD } from '@fabrique/testing';
import { accessibilityViolations, newContext, screenshot, signIn } from './browser.test-kit.js';
import { BrowserTestContext } from './browser-test-context.test-kit.js';

/** A person's own account against the real stack: accepting an invitation, preferences (reached from every e-mail's link), the calendar link. */
describe('your account, in the browser', () => {
  const ctx = new BrowserTestContext();
  beforeAll(() => ctx.start(), 120_000);
  afterAll(() => ctx.stop());

  it('a learner turns an e-mail off, sets quiet hours, fixes a bad time zone, switches to English, and gets a calendar link', async () => {
    const cohort = await ctx.fixtures.cohort();
    const learner = await ctx.fixtures.member(cohort, 'learner', await ctx.fixtures.user({ name: 'Kevin Da Silva' }));
    const page = await (await newContext(ctx.browser)).newPage();
    await signIn(page, ctx.stack.webUrl, learner.email, DEFAULT_PASSWORD);
    await page.goto(`${ctx.stack.webUrl}/me/notification-preferences`); // the address every e-mail links to
    await page.getByRole('heading', { name: 'Préférences', level: 1 }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Réponse à une discussion suivie').uncheck();
    await page.getByLabel('Début').fill('22:00');
    await page.getByLabel('Fin').fill('07:30');
    await page.getByLabel('Fuseau horaire').fill('Europe/Boitron');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    // The API's error shows next to the field it names, and nothing is saved.
    const zone = page.getByLabel('Fuseau horaire');
    await page.locator('.field__error').filter({ hasText: /time zone/i }).waitFor();
    expect(await zone.getAttribute('aria-invalid')).toBe('true');
    const [before] = await ctx.dataSource.query(`SELECT quiet_start FROM notification_preferences WHERE user_id = $1`, [learner.id]);
    expect(before?.quiet_start ?? null).not.toBe('22:00:00');

    await zone.fill('America/Cayenne');
    await page.getByLabel('Langue des e-mails et de l’interface').selectOption('en');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByText('Preferences saved.').waitFor(); // the interface switched to English
    const [saved] = await ctx.dataSource.query(
      `SELECT to_char(p.quiet_start, 'HH24:MI') AS start, to_char(p.quiet_end, 'HH24:MI') AS "end", p.email, u.time_zone AS zone, u.locale
         FROM notification_preferences p JOIN users u ON u.id = p.user_id WHERE p.user_id = $1`,
      [learner.id],
    );
    expect(saved).toMatchObject({ start: '22:00', end: '07:30', zone: 'America/Cayenne', locale: 'en' });
    expect(saved.email['thread.reply']).toBe(false);

    await page.getByRole('button', { name: 'Create my calendar link' }).click();
    const url = await page.getByLabel('Your calendar address (keep it to yourself)').inputValue();
    expect(url).toMatch(/\/api\/calendar\/[\w-]+\.ics$/);
    const feed = await fetch(url.replace(/^https?:\/\/[^/]+/, ctx.stack.webUrl));
    expect(feed.status).toBe(200);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'preferences');
  }, 90_000);

  it('an invited learner opens the link, chooses a name and a password, and lands signed in; the link then refuses a second use', async () => {
    const cohort = await ctx.fixtures.cohort();
    const admin = await ctx.fixtures.user({ admin: true });
    const email = `aicha.${Date.now()}@exemple.fr`;
    const invited = await (await ctx.apiAs(admin.email))<{ acceptUrl: string }>('POST', `/api/cohorts/${cohort.id}/invitations`, { email, role: 'learner' });
    expect(invited.status).toBe(201);
    const { acceptUrl } = invited.body;
    expect(acceptUrl).toMatch(/\/invitations\/accept\?token=/);

    const page = await (await newContext(ctx.browser, { viewport: { width: 390, height: 844 } })).newPage();
    await page.goto(acceptUrl);
    await page.getByRole('heading', { name: 'Rejoindre votre promo' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Votre nom').fill('Aïcha Traoré');
    await page.getByLabel('Mot de passe').fill('court');
    await page.getByRole('button', { name: 'Activer mon compte' }).click();
    // Next to the password, in French: the API names the rule (minLength, 10), the app words it.
    await page.locator('.field__error').filter({ hasText: '10 caractères au moins.' }).waitFor();
    await page.getByLabel('Mot de passe').fill('une phrase de passe solide');
    await page.getByRole('button', { name: 'Activer mon compte' }).click();
    await page.getByRole('heading', { name: 'Ma semaine' }).waitFor();
    await page.getByText('Aïcha Traoré').waitFor();

    // The same link again, from another browser: refused, with what to do instead.
    const again = await (await newContext(ctx.browser)).newPage();
    await again.goto(acceptUrl);
    await again.getByLabel('Votre nom').fill('Quelqu’un d’autre');
    await again.getByLabel('Mot de passe').fill('une autre phrase de passe');
    await again.getByRole('button', { name: 'Activer mon compte' }).click();
    await again.getByRole('alert').filter({ hasText: 'Ce lien a déjà servi' }).waitFor();
  }, 90_000);
});
