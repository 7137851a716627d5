import type { DataSource } from 'typeorm';
import { PasswordHasher } from '@fabrique/auth';
import { createDataSource, User } from '@fabrique/persistence';
import { DEMO_COHORT, DEMO_PASSWORD, DEMO_PEOPLE, DEMO_SITE, DEMO_TRACK } from './demo-data.js';
import { seedDemo } from './demo-seed.js';

const emails = DEMO_PEOPLE.map((person) => person.email);

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
         (SELECT count(*) FROM domain_events e
            WHERE e.aggregate_id IN (SELECT id FROM sites WHERE lower(name) = lower($1)
                                     UNION SELECT id FROM tracks WHERE lower(name) = lower($2)
                                     UNION SELECT c.id FROM cohorts c JOIN tracks t ON t.id = c.track_id WHERE lower(t.name) = lower($2)))::int AS events`,
      [DEMO_SITE.name, DEMO_TRACK.name, DEMO_COHORT.name, emails],
    );
    return row as Record<string, number>;
  };

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
    expect(counts).toEqual({ sites: 1, rooms: 2, tracks: 1, competencies: 8, cohorts: 1, users: 5, memberships: 4, events: 7 });
    expect(first).toMatchObject({ created: 22, updated: 0, password: DEMO_PASSWORD });

    const second = await seedDemo(dataSource);
    expect(second).toEqual({ ...first, created: 0, updated: 0 });
    expect(await countDemoRows()).toEqual(counts);
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
});
