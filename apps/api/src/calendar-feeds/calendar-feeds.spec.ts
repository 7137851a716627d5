import ICAL from 'ical.js';
import { AppConfig } from '@fabrique/config';
import { type Cohort, CohortWeek, Site, type User } from '@fabrique/persistence';
import { hashToken } from '../common/opaque-token.js';
import { ApiTestContext } from '../testing/api-test-context.js';

/** Parses a feed with a real iCalendar parser and teaches it the feed's own VTIMEZONEs. */
function parseFeed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
  return calendar;
}

const events = (calendar: ICAL.Component) => calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
const byUid = (calendar: ICAL.Component, weekId: string) => events(calendar).filter((event) => event.uid === `${weekId}@fabrique`);

describe('calendar feeds', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  const siteOf = (cohort: Cohort) =>
    ctx.dataSource.getRepository(Site).findOneOrFail({ where: { id: cohort.homeSiteId as string }, relations: { rooms: true } });

  /** Schedules a week straight in the table: the scheduling API is not this feature's. */
  async function scheduleWeek(cohort: Cohort, monday: string, values: Partial<CohortWeek> = {}): Promise<CohortWeek> {
    const site = await siteOf(cohort);
    const room = site.rooms.find((candidate) => candidate.name === 'Salle du fournil');
    return ctx.dataSource.getRepository(CohortWeek).save({ cohortId: cohort.id, monday, kind: 'presential', siteId: site.id, roomId: room?.id, ...values });
  }

  const changeWeek = (weekId: string, set: string, params: unknown[] = []) =>
    ctx.dataSource.query(`UPDATE cohort_weeks SET ${set}, sequence = sequence + 1, updated_at = clock_timestamp() WHERE id = $1`, [weekId, ...params]);

  /** Makes the user's feed and returns its path under the API. */
  async function feedPath(user: User): Promise<string> {
    const created = await (await ctx.as(user)).post('/api/me/calendar-feed').expect(201);
    return new URL(created.body.url).pathname;
  }

  async function fetchFeed(path: string) {
    const response = await ctx.http().get(path).expect(200);
    return { response, calendar: parseFeed(response.text), text: response.text };
  }

  it('gives a secret address once, rotates it (the old one answers 404) and revokes it', async () => {
    const cohort = await ctx.fixtures.cohort();
    const learner = await ctx.fixtures.member(cohort, 'learner');
    const agent = await ctx.as(learner);
    const publicUrl = ctx.app.get(AppConfig).PUBLIC_URL;

    const first = await agent.post('/api/me/calendar-feed').expect(201);
    expect(first.body).toEqual({ url: expect.stringMatching(new RegExp(`^${publicUrl}/api/calendar/[A-Za-z0-9_-]{43}\\.ics$`)) });
    const firstPath = new URL(first.body.url).pathname;
    const token = firstPath.slice('/api/calendar/'.length, -'.ics'.length);
    const stored = await ctx.dataSource.query(`SELECT token_hash FROM calendar_feeds WHERE user_id = $1`, [learner.id]);
    expect(stored).toEqual([{ token_hash: hashToken(token) }]);

    const served = await ctx.http().get(firstPath).expect(200);
    expect(served.headers['content-type']).toBe('text/calendar; charset=utf-8');

    const second = await agent.post('/api/me/calendar-feed').expect(201);
    expect(second.body.url).not.toBe(first.body.url);
    const gone = await ctx.http().get(firstPath).expect(404);
    expect(gone.body).toEqual({ statusCode: 404, code: 'not_found', message: expect.stringContaining('Calendar feed not found') });
    const secondPath = new URL(second.body.url).pathname;
    await ctx.http().get(secondPath).expect(200);
    const live = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM calendar_feeds WHERE user_id = $1 AND revoked_at IS NULL`, [learner.id]);
    expect(live[0].n).toBe(1);

    await agent.delete('/api/me/calendar-feed').expect(204);
    await ctx.http().get(secondPath).expect(404);
    await agent.delete('/api/me/calendar-feed').expect(204);

    const recorded = await ctx.dataSource.query(`SELECT type FROM domain_events WHERE aggregate_id = $1 ORDER BY id`, [learner.id]);
    expect(recorded.map((event: { type: string }) => event.type)).toEqual([
      'calendar_feed.created',
      'calendar_feed.revoked',
      'calendar_feed.created',
      'calendar_feed.revoked',
    ]);
  });

  it('answers 404 to unknown and malformed addresses, with the JSON error shape', async () => {
    const unknown = await ctx.http().get(`/api/calendar/${'A'.repeat(43)}.ics`).expect(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, code: 'not_found' });
    await ctx.http().get('/api/calendar/not-a-token.ics').expect(404);
  });

  it('refuses to make or revoke a feed without a bearer token (401)', async () => {
    const refused = await ctx.http().post('/api/me/calendar-feed').expect(401);
    expect(refused.body).toMatchObject({ statusCode: 401, code: 'unauthenticated' });
    await ctx.http().delete('/api/me/calendar-feed').expect(401);
  });

  it("shows the on-site weeks of the owner's cohorts at local hours with TZID, and nothing of another cohort", async () => {
    const cohort = await ctx.fixtures.cohort();
    const other = await ctx.fixtures.cohort();
    const learner = await ctx.fixtures.member(cohort, 'learner');
    const facilitator = await ctx.fixtures.member(cohort, 'facilitator');
    const site = await siteOf(cohort);

    const winter = await scheduleWeek(cohort, '2026-11-09', { agenda: 'Atelier maquettage (C2)\nPoint sur les briefs' });
    await ctx.dataSource.query(`INSERT INTO cohort_week_facilitators (week_id, user_id, monday) VALUES ($1, $2, $3)`, [winter.id, facilitator.id, winter.monday]);
    const summer = await scheduleWeek(cohort, '2027-06-07');
    const internship = await scheduleWeek(cohort, '2027-03-01', { kind: 'internship', siteId: null, roomId: null });
    const theirs = await scheduleWeek(other, '2026-11-09');

    const { calendar, text } = await fetchFeed(await feedPath(learner));

    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
    expect(calendar.getAllSubcomponents('vtimezone').map((zone) => zone.getFirstPropertyValue('tzid'))).toEqual(['Europe/Paris']);
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);

    const [onSite] = byUid(calendar, winter.id);
    expect(onSite.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Europe/Paris');
    expect(onSite.startDate.toString()).toBe('2026-11-09T09:00:00');
    expect(onSite.startDate.toJSDate().toISOString()).toBe('2026-11-09T08:00:00.000Z');
    expect(onSite.endDate.toString()).toBe('2026-11-09T17:00:00');
    expect(onSite.summary).toBe(`Semaine sur site — ${cohort.name} (${site.name})`);
    expect(onSite.location).toBe(`${site.name} (Salle du fournil), ${site.address}`);
    expect(onSite.description).toContain('Atelier maquettage (C2)\nPoint sur les briefs');
    expect(onSite.description).toContain(facilitator.displayName);
    expect(onSite.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    const days = onSite.iterator();
    const occurrences: string[] = [];
    for (let next = days.next(); next; next = days.next()) occurrences.push(next.toString());
    expect(occurrences).toEqual(['09', '10', '11', '12', '13'].map((day) => `2026-11-${day}T09:00:00`));

    const [summerWeek] = byUid(calendar, summer.id);
    expect(summerWeek.startDate.toString()).toBe('2027-06-07T09:00:00');
    expect(summerWeek.startDate.toJSDate().toISOString()).toBe('2027-06-07T07:00:00.000Z');

    const [away] = byUid(calendar, internship.id);
    expect(away.startDate.isDate).toBe(true);
    expect([away.startDate.toString(), away.endDate.toString()]).toEqual(['2027-03-01', '2027-03-06']);
    expect(away.summary).toBe(`Stage en entreprise — ${cohort.name}`);

    expect(events(calendar)).toHaveLength(3);
    expect(byUid(calendar, theirs.id)).toEqual([]);
    for (const event of events(calendar)) expect(String(event.component.getFirstPropertyValue('dtstamp'))).toMatch(/Z$/);

    const facilitatorFeed = await fetchFeed(await feedPath(facilitator));
    expect(events(facilitatorFeed.calendar).map((event) => event.uid).sort()).toEqual([winter, summer, internship].map((week) => `${week.id}@fabrique`).sort());
  });

  it('shows the brief deadlines of my cohorts at the due time, in the site time zone', async () => {
    const cohort = await ctx.fixtures.cohort();
    const other = await ctx.fixtures.cohort();
    const learner = await ctx.fixtures.member(cohort, 'learner');
    const admin = await ctx.as(await ctx.fixtures.admin());
    const brief = { title: 'Portfolio', context: 'Votre vitrine', deliverables: 'Un dépôt', competencies: [{ code: 'C2', expectedLevel: 1 }], mode: 'individual' };
    const mine = (await admin.post(`/api/tracks/${cohort.trackId}/briefs`).send(brief).expect(201)).body;
    const theirs = (await admin.post(`/api/tracks/${other.trackId}/briefs`).send(brief).expect(201)).body;
    const times = { start: { date: '2027-03-22', time: '09:00' }, due: { date: '2027-04-02', time: '17:00' } };
    const assignment = (await admin.post(`/api/cohorts/${cohort.id}/assignments`).send({ briefId: mine.id, ...times }).expect(201)).body;
    await admin.post(`/api/cohorts/${other.id}/assignments`).send({ briefId: theirs.id, ...times }).expect(201);

    const { calendar } = await fetchFeed(await feedPath(learner));
    const deadlines = events(calendar).filter((event) => event.uid.endsWith('-due@fabrique'));
    expect(deadlines.map((event) => event.uid)).toEqual([`${assignment.id}-due@fabrique`]);
    const [deadline] = deadlines;
    expect(deadline.summary).toBe(`Rendu : Portfolio — ${cohort.name} (avant 17:00)`);
    expect(deadline.component.getFirstProperty('dtend')?.getParameter('tzid')).toBe('Europe/Paris');
    // 2 April 2027 is in summer time: 17:00 in Paris is 15:00 UTC.
    expect(deadline.endDate.toJSDate().toISOString()).toBe('2027-04-02T15:00:00.000Z');
  });

  it('keeps the UID of a moved week with a higher SEQUENCE, and shows a cancelled week as CANCELLED for 60 days', async () => {
    const cohort = await ctx.fixtures.cohort();
    const learner = await ctx.fixtures.member(cohort, 'learner');
    const week = await scheduleWeek(cohort, '2026-12-07');
    const path = await feedPath(learner);

    const [before] = byUid((await fetchFeed(path)).calendar, week.id);
    expect(before.sequence).toBe(0);

    await changeWeek(week.id, 'monday = $2', ['2026-12-14']);
    const moved = byUid((await fetchFeed(path)).calendar, week.id);
    expect(moved).toHaveLength(1);
    expect(moved[0].sequence).toBe(1);
    expect(moved[0].startDate.toString()).toBe('2026-12-14T09:00:00');

    await changeWeek(week.id, `status = 'cancelled'`);
    const [cancelled] = byUid((await fetchFeed(path)).calendar, week.id);
    expect(cancelled.sequence).toBe(2);
    expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(cancelled.startDate.toString()).toBe('2026-12-14T09:00:00');

    await ctx.dataSource.query(`UPDATE cohort_weeks SET updated_at = now() - interval '61 days' WHERE id = $1`, [week.id]);
    expect(byUid((await fetchFeed(path)).calendar, week.id)).toEqual([]);
  });

  it('sends ETag and Last-Modified, answers 304 while nothing changed, and 200 with a new ETag after a change', async () => {
    const cohort = await ctx.fixtures.cohort();
    const learner = await ctx.fixtures.member(cohort, 'learner');
    const week = await scheduleWeek(cohort, '2027-01-11');
    const path = await feedPath(learner);

    const first = await ctx.http().get(path).expect(200);
    const { etag, 'last-modified': lastModified } = first.headers;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(new Date(lastModified).toUTCString()).toBe(lastModified);
    const again = await ctx.http().get(path).expect(200);
    expect(again.headers.etag).toBe(etag);

    const notModified = await ctx.http().get(path).set('If-None-Match', etag).expect(304);
    expect(notModified.text).toBeFalsy();
    expect(notModified.headers.etag).toBe(etag);
    await ctx.http().get(path).set('If-None-Match', `"other", W/${etag}`).expect(304);
    await ctx.http().get(path).set('If-Modified-Since', lastModified).expect(304);
    const earlier = new Date(new Date(lastModified).getTime() - 1000).toUTCString();
    await ctx.http().get(path).set('If-Modified-Since', earlier).expect(200);

    await changeWeek(week.id, `agenda = 'Soutenances blanches'`);
    const changed = await ctx.http().get(path).set('If-None-Match', etag).expect(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(new Date(changed.headers['last-modified']).getTime()).toBeGreaterThanOrEqual(new Date(lastModified).getTime());
    await ctx.http().get(path).set('If-None-Match', changed.headers.etag).expect(304);
  });
});
