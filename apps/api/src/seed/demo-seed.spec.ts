import type { DataSource } from 'typeorm';
import { PasswordHasher } from '@fabrique/auth';
import { expandRhythm, isMonday, weeksOverlapping } from '@fabrique/domain';
import { createDataSource, User } from '@fabrique/persistence';
import { DEMO_CALENDAR, DEMO_COHORT, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_SITE, DEMO_TRACK } from './demo-data.js';
import { seedDemo } from './demo-seed.js';

const emails = DEMO_PEOPLE.map((person) => person.email);
const facilitatorEmails = DEMO_PEOPLE.filter((person) => person.role === 'facilitator').map((person) => person.email);
const mondaysOf = (kind: 'holiday' | 'internship') =>
  DEMO_CALENDAR.periods.filter((period) => period.kind === kind).flatMap((period) => weeksOverlapping(period.from, period.to));
const offMondays = new Set([...mondaysOf('holiday'), ...mondaysOf('internship')]);
// What the rhythm yields for Promo 1, less the Mondays of a break or of the internship.
const onSiteMondays = expandRhythm(DEMO_CALENDAR.rhythm, DEMO_COHORT).filter((monday) => !offMondays.has(monday));

interface DemoWeek {
  id: string;
  monday: string;
  kind: string;
  status: string;
  agenda: string;
  roomName: string | null;
  siteName: string | null;
  facilitators: string[];
}

describe('demo seed', () => {
  let dataSource: DataSource;

  // Other test files share the worker database: count and remove only the seed's own rows.
  const countDemoRows = async () => {
    const [row] = await dataSource.query(
      `SELECT
         (SELECT count(*) FROM sites WHERE lower(name) = lower($1))::int AS sites,
         (SELECT count(*) FROM rooms r JOIN sites s ON s.id = r.site_id WHERE lower(s.name) = lower($1))::int AS rooms,
         (SELECT count(*) FROM tracks WHERE lower(name) = lower($2))::int AS tracks,
         (SELECT count(*) FROM competencies c JOIN tracks t ON t.id = c.track_id WHERE lower(t.name) = lower($2))::int AS competencies,
         (SELECT count(*) FROM cohorts c JOIN tracks t ON t.id = c.track_id WHERE lower(t.name) = lower($2) AND lower(c.name) = lower($3))::int AS cohorts,
         (SELECT count(*) FROM users WHERE email = ANY($4))::int AS users,
         (SELECT count(*) FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = ANY($4))::int AS memberships,
         (SELECT count(*) FROM cohort_weeks w JOIN cohorts c ON c.id = w.cohort_id JOIN tracks t ON t.id = c.track_id
            WHERE lower(t.name) = lower($2) AND lower(c.name) = lower($3))::int AS weeks,
         (SELECT count(*) FROM cohort_week_facilitators f JOIN cohort_weeks w ON w.id = f.week_id JOIN cohorts c ON c.id = w.cohort_id
            JOIN tracks t ON t.id = c.track_id WHERE lower(t.name) = lower($2) AND lower(c.name) = lower($3))::int AS "weekFacilitators",
         (SELECT count(*) FROM domain_events e
            WHERE e.aggregate_id IN (SELECT id FROM sites WHERE lower(name) = lower($1)
                                     UNION SELECT id FROM tracks WHERE lower(name) = lower($2)
                                     UNION SELECT c.id FROM cohorts c JOIN tracks t ON t.id = c.track_id WHERE lower(t.name) = lower($2)))::int AS events`,
      [DEMO_SITE.name, DEMO_TRACK.name, DEMO_COHORT.name, emails],
    );
    return row as Record<string, number>;
  };

  /** Every week row of the demo cohort, cancelled ones included, with where and who. */
  const demoWeeks = async (): Promise<DemoWeek[]> =>
    dataSource.query(
      `SELECT w.id, to_char(w.monday, 'YYYY-MM-DD') AS monday, w.kind, w.status, w.agenda, r.name AS "roomName", s.name AS "siteName",
              coalesce((SELECT array_agg(u.email ORDER BY u.email) FROM cohort_week_facilitators f JOIN users u ON u.id = f.user_id
                         WHERE f.week_id = w.id), '{}') AS facilitators
         FROM cohort_weeks w JOIN cohorts c ON c.id = w.cohort_id JOIN tracks t ON t.id = c.track_id
         LEFT JOIN rooms r ON r.id = w.room_id LEFT JOIN sites s ON s.id = w.site_id
        WHERE lower(t.name) = lower($1) AND lower(c.name) = lower($2)
        ORDER BY w.monday, w.created_at`,
      [DEMO_TRACK.name, DEMO_COHORT.name],
    );
  const scheduled = async (kind: string) =>
    (await demoWeeks()).filter((week) => week.kind === kind && week.status === 'scheduled').map((week) => week.monday);

  const removeDemoRows = async () => {
    await dataSource.transaction(async (manager) => {
      const [track] = await manager.query(`SELECT id FROM tracks WHERE lower(name) = lower($1)`, [DEMO_TRACK.name]);
      const [site] = await manager.query(`SELECT id FROM sites WHERE lower(name) = lower($1)`, [DEMO_SITE.name]);
      const cohorts = track ? await manager.query(`SELECT id FROM cohorts WHERE track_id = $1`, [track.id]) : [];
      const aggregates = [track?.id, site?.id, ...cohorts.map((cohort: { id: string }) => cohort.id)].filter(Boolean);
      await manager.query(`DELETE FROM domain_events WHERE aggregate_id = ANY($1)`, [aggregates]);
      await manager.query(`DELETE FROM cohorts WHERE id = ANY($1)`, [cohorts.map((cohort: { id: string }) => cohort.id)]);
      await manager.query(`DELETE FROM users WHERE email = ANY($1)`, [emails]);
      await manager.query(`DELETE FROM tracks WHERE id = $1`, [track?.id ?? null]);
      await manager.query(`DELETE FROM sites WHERE id = $1`, [site?.id ?? null]);
    });
  };

  beforeAll(async () => {
    dataSource = await createDataSource(process.env.DATABASE_URL as string).initialize();
    await removeDemoRows();
  });

  afterAll(async () => {
    await removeDemoRows();
    await dataSource?.destroy();
  });

  it('writes the demo school, and a second run changes nothing', async () => {
    const first = await seedDemo(dataSource);
    const counts = await countDemoRows();
    // 9 on-site weeks with their facilitator, 4 holiday and 6 internship weeks; one event per on-site week and per period.
    expect(counts).toEqual({
      sites: 1, rooms: 2, tracks: 1, competencies: 8, cohorts: 1, users: 5, memberships: 4,
      weeks: 19, weekFacilitators: 9, events: 7 + 9 + 3,
    });
    expect(first).toMatchObject({ created: 22 + 19, updated: 0, password: DEMO_PASSWORD });
    expect(first.calendar).toEqual({
      planned: true,
      onSiteWeeks: 9,
      holidayWeeks: 4,
      internshipWeeks: 6,
      skipped: [{ monday: '2027-06-07', clashes: [{ code: 'internship', message: expect.stringContaining('2027-06-07') }] }],
    });

    const second = await seedDemo(dataSource);
    expect(second).toEqual({ ...first, created: 0, updated: 0, calendar: { planned: false, onSiteWeeks: 0, holidayWeeks: 0, internshipWeeks: 0, skipped: [] } });
    expect(await countDemoRows()).toEqual(counts);
  });

  it('puts Promo 1 on site once a month in the Salle du fournil with its facilitator, never in a break or the internship', async () => {
    const onSite = (await demoWeeks()).filter((week) => week.kind === 'presential');
    expect(onSite.map((week) => week.monday)).toEqual(onSiteMondays);
    expect(onSiteMondays).toEqual([
      '2026-09-07', '2026-10-05', '2026-11-02', '2026-12-07', '2027-01-04', '2027-02-01', '2027-03-01', '2027-04-05', '2027-05-03',
    ]);
    for (const week of onSite) {
      expect(isMonday(week.monday)).toBe(true);
      expect(offMondays.has(week.monday)).toBe(false);
      expect(week).toMatchObject({ status: 'scheduled', roomName: 'Salle du fournil', siteName: DEMO_SITE.name, facilitators: facilitatorEmails });
      expect(week.agenda).not.toBe('');
    }
    expect(new Set(onSite.map((week) => week.agenda)).size).toBe(onSite.length);
    expect(onSite[0].agenda).toContain('Lancement du brief « Portfolio »');

    expect(await scheduled('holiday')).toEqual(['2026-12-21', '2026-12-28', '2027-04-19', '2027-04-26']);
    expect(await scheduled('internship')).toEqual(['2027-05-17', '2027-05-24', '2027-05-31', '2027-06-07', '2027-06-14', '2027-06-21']);
    const [{ cohortId }] = await dataSource.query(`SELECT cohort_id AS "cohortId" FROM cohort_weeks WHERE id = $1`, [onSite[0].id]);
    const events = await dataSource.query(
      `SELECT type, count(*)::int AS n FROM domain_events WHERE aggregate_type = 'cohort' AND aggregate_id = $1 AND type LIKE 'cohort_week.%' GROUP BY type ORDER BY type`,
      [cohortId],
    );
    expect(events).toEqual([
      { type: 'cohort_week.marked', n: 3 },
      { type: 'cohort_week.scheduled', n: 9 },
    ]);
  });

  it("leaves the admins' changes alone: a cancelled week is not put back, a moved week stays moved", async () => {
    const weeks = await demoWeeks();
    const october = weeks.find((week) => week.monday === '2026-10-05') as DemoWeek;
    const march = weeks.find((week) => week.monday === '2027-03-01') as DemoWeek;
    // What the admin's cancel and move do (presential-weeks.service.ts).
    await dataSource.transaction(async (manager) => {
      await manager.query(`UPDATE cohort_weeks SET status = 'cancelled', sequence = sequence + 1 WHERE id = $1`, [october.id]);
      await manager.query(`DELETE FROM cohort_week_facilitators WHERE week_id = $1`, [october.id]);
      await manager.query(`UPDATE cohort_weeks SET monday = '2027-03-08', sequence = sequence + 1 WHERE id = $1`, [march.id]);
      await manager.query(`UPDATE cohort_week_facilitators SET monday = '2027-03-08' WHERE week_id = $1`, [march.id]);
    });
    const before = await countDemoRows();

    const again = await seedDemo(dataSource);
    expect(again).toMatchObject({ created: 0, updated: 0, calendar: { planned: false, onSiteWeeks: 0 } });
    expect(await countDemoRows()).toEqual(before);
    const after = await demoWeeks();
    expect(after.filter((week) => week.monday === '2026-10-05').map((week) => week.status)).toEqual(['cancelled']);
    expect(await scheduled('presential')).toEqual(onSiteMondays.filter((monday) => monday !== '2026-10-05').map((monday) => (monday === '2027-03-01' ? '2027-03-08' : monday)));
  });

  it('puts one facilitator and three learners in the cohort, all in French and in Paris time', async () => {
    const members = await dataSource.query(
      `SELECT m.role, u.locale, u.time_zone AS "timeZone" FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.email = ANY($1)`,
      [emails],
    );
    expect(members.map((member: { role: string }) => member.role).sort()).toEqual(['facilitator', 'learner', 'learner', 'learner']);
    expect(new Set(members.map((member: { locale: string; timeZone: string }) => `${member.locale} ${member.timeZone}`))).toEqual(new Set(['fr Europe/Paris']));
  });

  it('lets the demo admin sign in with the documented password', async () => {
    const admin = await dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email: 'admin@fabrique.demo' })
      .getOneOrFail();
    expect(admin.isAdmin).toBe(true);
    expect(admin.passwordHash).toMatch(/^\$argon2id\$/);
    await expect(new PasswordHasher().verify(admin.passwordHash, DEMO_PASSWORD)).resolves.toBe(true);
  });

  it('brings edited demo rows back to the demo values and keeps changed passwords', async () => {
    const hasher = new PasswordHasher();
    await dataSource.query(`UPDATE rooms SET capacity = 30 WHERE lower(name) = 'atelier' AND site_id = (SELECT id FROM sites WHERE lower(name) = lower($1))`, [
      DEMO_SITE.name,
    ]);
    await dataSource.query(`UPDATE users SET password_hash = $1 WHERE email = 'kevin.dasilva@fabrique.demo'`, [await hasher.hash('mon-propre-mot-de-passe')]);

    const again = await seedDemo(dataSource);
    expect(again).toMatchObject({ created: 0, updated: 1 });
    const [atelier] = await dataSource.query(`SELECT capacity FROM rooms WHERE lower(name) = 'atelier' AND site_id = $1`, [again.siteId]);
    expect(atelier.capacity).toBe(12);
    const [kevin] = await dataSource.query(`SELECT password_hash FROM users WHERE email = 'kevin.dasilva@fabrique.demo'`);
    await expect(hasher.verify(kevin.password_hash, 'mon-propre-mot-de-passe')).resolves.toBe(true);
  });

  it('skips, rather than fails on, Mondays whose room or facilitator another cohort already has', async () => {
    const [demo] = await dataSource.query(
      `SELECT c.id, c.home_site_id AS "siteId", c.track_id AS "trackId" FROM cohorts c JOIN tracks t ON t.id = c.track_id
        WHERE lower(t.name) = lower($1) AND lower(c.name) = lower($2)`,
      [DEMO_TRACK.name, DEMO_COHORT.name],
    );
    const rooms: Array<{ id: string; name: string }> = await dataSource.query(`SELECT id, name FROM rooms WHERE site_id = $1`, [demo.siteId]);
    const roomId = (name: string) => rooms.find((room) => room.name === name)?.id;
    const [julien] = await dataSource.query(`SELECT id FROM users WHERE email = $1`, [facilitatorEmails[0]]);
    // A calendar-less Promo 1, and another cohort of the demo track (so the cleanup removes it) holding the
    // Salle du fournil the week of 2026-10-05 and the facilitator, in the Atelier, the week of 2026-11-02.
    await dataSource.transaction(async (manager) => {
      await manager.query(`DELETE FROM cohort_weeks WHERE cohort_id = $1`, [demo.id]);
      const [other] = await manager.query(
        `INSERT INTO cohorts (name, track_id, home_site_id, starts_on, ends_on) VALUES ('Promo 0', $1, $2, '2026-09-01', '2027-06-30') RETURNING id`,
        [demo.trackId, demo.siteId],
      );
      await manager.query(
        `INSERT INTO cohort_weeks (cohort_id, monday, kind, site_id, room_id) VALUES ($1, '2026-10-05', 'presential', $2, $3), ($1, '2026-11-02', 'presential', $2, $4)`,
        [other.id, demo.siteId, roomId('Salle du fournil'), roomId('Atelier')],
      );
      await manager.query(
        `INSERT INTO cohort_week_facilitators (week_id, user_id, monday) SELECT id, $2, monday FROM cohort_weeks WHERE cohort_id = $1 AND monday = '2026-11-02'`,
        [other.id, julien.id],
      );
    });

    const result = await seedDemo(dataSource);
    expect(result.calendar.skipped.map(({ monday, clashes }) => [monday, clashes.map((clash) => clash.code)])).toEqual([
      ['2026-10-05', ['room_booked']],
      ['2026-11-02', ['facilitator_busy']],
      ['2027-06-07', ['internship']],
    ]);
    expect(result.calendar).toMatchObject({ planned: true, onSiteWeeks: 7, holidayWeeks: 4, internshipWeeks: 6 });
    expect(await scheduled('presential')).toEqual(onSiteMondays.filter((monday) => monday !== '2026-10-05' && monday !== '2026-11-02'));
  });
});
