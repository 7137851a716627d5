import { randomUUID } from 'node:crypto';
import { DEFAULT_PASSWORD } from '@fabrique/testing';
import { DateTime } from 'luxon';
import { io, type Socket } from 'socket.io-client';
import { accessibilityViolations, newContext, openFromNav, screenshot, signIn } from './browser.test-kit.js';
import { BrowserTestContext, ok } from './browser-test-context.test-kit.js';

/**
 * A facilitator's follow-up screen against the real stack: a learner behind on a module's
 * resources, a peer-help question nobody answered for days, a live question resolved; the
 * facilitator reads each in its section, a facilitator of other cohorts reads none of it.
 */
const DAY_MS = 86_400_000;
/** The Monday `weeks` weeks before this one, as a cohort start date. */
function mondayWeeksAgo(weeks: number): string {
  const today = new Date();
  const monday = new Date(today.getTime() - ((today.getUTCDay() + 6) % 7) * DAY_MS - weeks * 7 * DAY_MS);
  return monday.toISOString().slice(0, 10);
}

describe('follow-up, in the browser', () => {
  const ctx = new BrowserTestContext();
  const sockets: Socket[] = [];
  beforeAll(() => ctx.start(), 120_000);
  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await ctx.stop();
  });

  /** A facilitator's live connection, to claim and resolve as the console does. */
  async function liveAs(email: string) {
    const socket = io(`${ctx.stack.realtimeUrl}/live`, { auth: { token: await ctx.tokenOf(email) }, transports: ['websocket'], forceNew: true });
    sockets.push(socket);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    return async (event: string, payload: object) => {
      const ack = (await socket.timeout(10_000).emitWithAck(event, { commandId: randomUUID(), ...payload })) as { ok: boolean; error?: unknown };
      if (!ack.ok) throw new Error(`${event}: ${JSON.stringify(ack.error)}`);
    };
  }

  it('a facilitator sees who is behind, the unanswered questions and the live help measures of their cohort; another facilitator sees none of it', async () => {
    const cohort = await ctx.fixtures.cohort({ startsOn: mondayWeeksAgo(5), endsOn: mondayWeeksAgo(-30) });
    const behind = await ctx.fixtures.member(cohort, 'learner', await ctx.fixtures.user({ name: 'Nadia Benali' }));
    const onTrack = await ctx.fixtures.member(cohort, 'learner', await ctx.fixtures.user({ name: 'Thomas Girard' }));
    const facilitator = await ctx.fixtures.member(cohort, 'facilitator', await ctx.fixtures.user({ name: 'Julien Lefèvre' }));

    // A module of three resources, due at the end of the cohort's first distance week (weeks ago).
    const asFacilitator = await ctx.apiAs(facilitator.email);
    const course = await ok(asFacilitator<{ id: string }>('POST', '/api/courses', { trackId: cohort.trackId, title: 'Les bases de JavaScript' }));
    const module = await ok(asFacilitator<{ id: string }>('POST', `/api/courses/${course.id}/modules`, { title: 'Les fonctions' }));
    const resources: { id: string }[] = [];
    for (const title of ['Déclarer une fonction', 'Les fonctions fléchées', 'Portée des variables']) {
      resources.push(await ok(asFacilitator('POST', `/api/courses/${course.id}/modules/${module.id}/resources`, { title, url: 'https://developer.mozilla.org/fr/docs/Web/JavaScript', kind: 'documentation', estimatedMinutes: 20 })));
    }
    await ok(asFacilitator('PATCH', `/api/courses/${course.id}`, { status: 'published' }));
    const assignment = await ok(asFacilitator<{ dueOn: string }>('POST', `/api/cohorts/${cohort.id}/module-assignments`, { moduleId: module.id, mode: 'during_distance', week: 1 }));
    // The due day as the screen writes it (in French, the user's zone does not move a calendar day).
    const dueDay = DateTime.fromISO(assignment.dueOn).setLocale('fr').toLocaleString(DateTime.DATE_HUGE);
    const asOnTrack = await ctx.apiAs(onTrack.email);
    for (const resource of resources) await ok(asOnTrack('PUT', `/api/cohorts/${cohort.id}/resources/${resource.id}/done`));
    const asBehind = await ctx.apiAs(behind.email);
    await ok(asBehind('PUT', `/api/cohorts/${cohort.id}/resources/${resources[0].id}/done`));

    // A peer-help question asked three days ago that nobody answered (the API dates a thread now: the clock is moved back in the database).
    const thread = await ok(asOnTrack<{ id: string }>('POST', `/api/cohorts/${cohort.id}/threads`, { title: 'Comment déployer sur Netlify ?', body: 'Le build passe en local mais échoue sur Netlify.' }));
    await ctx.dataSource.query(`UPDATE help_threads SET created_at = now() - interval '3 days 2 hours', last_activity_at = now() - interval '3 days 2 hours' WHERE id = $1`, [thread.id]);

    // A live question raised, claimed and resolved today.
    const ticket = await ok(asBehind<{ id: string }>('POST', `/api/cohorts/${cohort.id}/tickets`, { question: 'Ma boucle for ne s’arrête jamais' }));
    const live = await liveAs(facilitator.email);
    await live('ticket:claim', { ticketId: ticket.id });
    await live('ticket:resolve', { ticketId: ticket.id, resolution: 'La condition de fin utilisait <= au lieu de <.' });

    const page = await (await newContext(ctx.browser, { viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(page, ctx.stack.webUrl, facilitator.email, DEFAULT_PASSWORD);
    await openFromNav(page, 'Suivi');
    await page.getByRole('heading', { level: 1, name: 'Suivi de promo' }).waitFor();

    const behindSection = page.getByRole('region', { name: 'Apprenant·e·s en retard sur les cours' });
    const nadia = behindSection.getByRole('row', { name: /Nadia Benali/ });
    await nadia.waitFor();
    // On what and since when: behind since the module was due, on its two resources left.
    expect(await nadia.getByRole('cell').allTextContents()).toEqual([dueDay, '2 sur 3 dues', `Les fonctions (Les bases de JavaScript) : 2 ressources, dû le ${dueDay}`, '33 %']);
    expect(await behindSection.getByRole('columnheader').allTextContents()).toEqual(['Apprenant·e', 'En retard depuis', 'Ressources en retard', 'Sur quoi', 'Faites']);
    expect(await behindSection.getByRole('row', { name: /Thomas Girard/ }).count()).toBe(0);
    expect(await behindSection.getByRole('list').last().getByRole('listitem').allTextContents()).toEqual([`Les fonctions (Les bases de JavaScript) — dû le ${dueDay} — 66 % fait par la promo`]);
    expect(await behindSection.getByText('n’est pas encore fourni par le serveur').count()).toBe(0);

    const unanswered = page.getByRole('region', { name: 'Questions d’entraide sans réponse' });
    const link = unanswered.getByRole('link', { name: 'Comment déployer sur Netlify ?' });
    await link.waitFor();
    expect(await link.getAttribute('href')).toBe(`/threads/${thread.id}`);
    expect(await unanswered.getByRole('listitem').textContent()).toContain(`${cohort.name} · posée le`);
    expect(await unanswered.getByRole('listitem').textContent()).toContain('sans réponse depuis 3 jours');

    const measures = page.getByRole('region', { name: 'Aide en direct : mesures' });
    await measures.getByText(/1 question\(s\) posée\(s\), 1 résolue\(s\), 0 annulée\(s\)/).waitFor();
    const byDay = measures.getByRole('table', { name: /^Questions par jour/ });
    expect(await byDay.getByRole('row').count()).toBe(2); // the header and today
    const byFacilitator = measures.getByRole('table', { name: /^Questions résolues par formateur·rice/ });
    expect(await byFacilitator.getByRole('row', { name: /Julien Lefèvre/ }).getByRole('cell').first().textContent()).toBe('1');
    await measures.getByLabel('Période').selectOption({ label: 'Les 30 derniers jours' });
    await measures.getByText(/^Du .+ au .+ : 1 question\(s\) posée\(s\)/).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'follow-up');

    // A facilitator of two other cohorts: the picker offers those two only, and this cohort forced in the address is refused.
    const other = await ctx.fixtures.user({ name: 'Awa Diallo' });
    const [first, second] = [await ctx.fixtures.cohort(), await ctx.fixtures.cohort()];
    await ctx.fixtures.member(first, 'facilitator', other);
    await ctx.fixtures.member(second, 'facilitator', other);
    const otherPage = await (await newContext(ctx.browser, { viewport: { width: 375, height: 800 } })).newPage(); // a phone
    await signIn(otherPage, ctx.stack.webUrl, other.email, DEFAULT_PASSWORD);
    await otherPage.goto(`${ctx.stack.webUrl}/follow-up`);
    const picker = otherPage.getByRole('combobox', { name: 'Promo', exact: true });
    await picker.waitFor();
    expect((await picker.locator('option').allTextContents()).sort()).toEqual([first.name, second.name].sort());
    await otherPage.getByText('Personne n’est en retard sur les ressources dues.').waitFor();
    await otherPage.getByText('Aucune question n’attend de réponse depuis plus de 24 heures.').waitFor();
    expect(await accessibilityViolations(otherPage)).toEqual([]);

    await otherPage.goto(`${ctx.stack.webUrl}/follow-up?cohort=${cohort.id}`);
    const refusals = otherPage.getByRole('alert').filter({ hasText: 'Vous n’animez pas cette promo' });
    await refusals.nth(2).waitFor();
    expect(await refusals.count()).toBe(3);
    expect(await otherPage.getByText('Nadia Benali').count()).toBe(0);
    expect(await otherPage.getByRole('link', { name: 'Comment déployer sur Netlify ?' }).count()).toBe(0);
    expect(await accessibilityViolations(otherPage)).toEqual([]);
    const asOther = await ctx.apiAs(other.email);
    expect((await asOther('GET', `/api/cohorts/${cohort.id}/learners-behind`)).status).toBe(404);
    expect((await asOther('GET', `/api/cohorts/${cohort.id}/help-measures`)).status).toBe(404);
    const othersUnanswered = await asOther<{ items: { id: string }[] }>('GET', '/api/facilitator/unanswered');
    expect(othersUnanswered.body.items.map((item) => item.id)).not.toContain(thread.id);
  }, 120_000);
});
