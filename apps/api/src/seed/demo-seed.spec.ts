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
         (SELECT count(*) FROM courses c JOIN tracks t ON t.id = c.track_id WHERE lower(t.name) = lower($2))::int AS courses,
         (SELECT count(*) FROM course_modules m JOIN courses c ON c.id = m.course_id JOIN tracks t ON t.id = c.track_id WHERE lower(t.name) = lower($2))::int AS modules,
         (SELECT count(*) FROM course_resources r JOIN course_modules m ON m.id = r.module_id JOIN courses c ON c.id = m.course_id JOIN tracks t ON t.id = c.track_id
            WHERE lower(t.name) = lower($2))::int AS resources,
         (SELECT count(*) FROM module_assignments a JOIN cohorts c ON c.id = a.cohort_id JOIN tracks t ON t.id = c.track_id
            WHERE lower(t.name) = lower($2) AND lower(c.name) = lower($3))::int AS "moduleAssignments",
         (SELECT count(*) FROM resource_completions rc JOIN users u ON u.id = rc.user_id WHERE u.email = ANY($4))::int AS completions,
         (SELECT count(*) FROM briefs b JOIN tracks t ON t.id = b.track_id WHERE lower(t.name) = lower($2))::int AS briefs,
         (SELECT count(*) FROM brief_competencies bc JOIN briefs b ON b.id = bc.brief_id JOIN tracks t ON t.id = b.track_id WHERE lower(t.name) = lower($2))::int AS "briefCompetencies",
         (SELECT count(*) FROM brief_assignments a JOIN cohorts c ON c.id = a.cohort_id JOIN tracks t ON t.id = c.track_id
            WHERE lower(t.name) = lower($2) AND lower(c.name) = lower($3))::int AS "briefAssignments",
         (SELECT count(*) FROM assignment_groups g JOIN brief_assignments a ON a.id = g.assignment_id JOIN cohorts c ON c.id = a.cohort_id JOIN tracks t ON t.id = c.track_id
            WHERE lower(t.name) = lower($2))::int AS groups,
         (SELECT count(*) FROM assignment_group_members gm JOIN users u ON u.id = gm.learner_id WHERE u.email = ANY($4))::int AS "groupMembers",
         (SELECT count(*) FROM submissions sub JOIN users u ON u.id = sub.submitted_by WHERE u.email = ANY($4))::int AS submissions,
         (SELECT count(*) FROM reviews r JOIN users u ON u.id = r.reviewer_id WHERE u.email = ANY($4))::int AS reviews,
         (SELECT count(*) FROM review_levels rl JOIN reviews r ON r.id = rl.review_id JOIN users u ON u.id = r.reviewer_id WHERE u.email = ANY($4))::int AS "reviewLevels",
         (SELECT count(*) FROM help_threads h JOIN cohorts c ON c.id = h.cohort_id JOIN tracks t ON t.id = c.track_id
            WHERE lower(t.name) = lower($2))::int AS "helpThreads",
         (SELECT count(*) FROM help_replies r JOIN users u ON u.id = r.author_id WHERE u.email = ANY($4))::int AS "helpReplies",
         (SELECT count(*) FROM help_thread_votes v JOIN users u ON u.id = v.user_id WHERE u.email = ANY($4))::int AS "helpThreadVotes",
         (SELECT count(*) FROM help_reply_votes v JOIN users u ON u.id = v.user_id WHERE u.email = ANY($4))::int AS "helpReplyVotes",
         (SELECT count(*) FROM help_follows f JOIN users u ON u.id = f.user_id WHERE u.email = ANY($4))::int AS "helpFollows",
         (SELECT count(*) FROM help_post_revisions pr JOIN help_replies r ON r.id = pr.reply_id JOIN users u ON u.id = r.author_id
            WHERE u.email = ANY($4))::int AS "helpRevisions",
         (SELECT count(*) FROM domain_events e
            WHERE e.aggregate_id IN (SELECT id FROM sites WHERE lower(name) = lower($1)
                                     UNION SELECT id FROM tracks WHERE lower(name) = lower($2)
                                     UNION SELECT c.id FROM cohorts c JOIN tracks t ON t.id = c.track_id WHERE lower(t.name) = lower($2)
                                     UNION SELECT b.id FROM briefs b JOIN tracks t ON t.id = b.track_id WHERE lower(t.name) = lower($2)
                                     UNION SELECT a.id FROM brief_assignments a JOIN briefs b ON b.id = a.brief_id JOIN tracks t ON t.id = b.track_id
                                      WHERE lower(t.name) = lower($2)))::int AS events`,
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
      const briefs = track ? await manager.query(`SELECT id FROM briefs WHERE track_id = $1`, [track.id]) : [];
      const briefIds = briefs.map((brief: { id: string }) => brief.id);
      const assignments = await manager.query(`SELECT id FROM brief_assignments WHERE brief_id = ANY($1)`, [briefIds]);
      const aggregates = [track?.id, site?.id, ...cohorts.map((cohort: { id: string }) => cohort.id), ...briefIds, ...assignments.map((a: { id: string }) => a.id)].filter(Boolean);
      await manager.query(`DELETE FROM domain_events WHERE aggregate_id = ANY($1)`, [aggregates]);
      // Children first: the cohorts take their brief and module assignments (groups, submissions, reviews) with them,
      // then the briefs (which keep users and the track), then the users; the track takes its courses.
      await manager.query(`DELETE FROM cohorts WHERE id = ANY($1)`, [cohorts.map((cohort: { id: string }) => cohort.id)]);
      await manager.query(`DELETE FROM briefs WHERE id = ANY($1)`, [briefIds]);
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
      weeks: 19, weekFacilitators: 9,
      courses: 1, modules: 3, resources: 9, moduleAssignments: 2, completions: 7,
      briefs: 2, briefCompetencies: 5, briefAssignments: 2, groups: 2, groupMembers: 3, submissions: 4, reviews: 1, reviewLevels: 2,
      helpThreads: 14, helpReplies: 19, helpThreadVotes: 16, helpReplyVotes: 27, helpFollows: 14, helpRevisions: 1,
      // Plus 2 modules and 2 briefs assigned, 2 briefs created, 4 versions submitted, 1 reviewed.
      events: 7 + 9 + 3 + 11,
    });
    expect(first.learning).toEqual({
      courses: 1, modules: 3, resources: 9, moduleAssignments: 2, completions: 7, briefs: 2, briefAssignments: 2, groups: 2, submissions: 4, reviews: 1, unassignable: [],
    });
    expect(first.help).toEqual({ threads: 14, replies: 19, threadVotes: 16, replyVotes: 27, follows: 14, revisions: 1 });
    expect(first.tickets).toEqual({ tickets: 5, messages: 9 });
    expect(first).toMatchObject({ created: 22 + 19 + 33 + 91 + 14, updated: 0, password: DEMO_PASSWORD });
    expect(first.calendar).toEqual({
      planned: true,
      onSiteWeeks: 9,
      holidayWeeks: 4,
      internshipWeeks: 6,
      skipped: [{ monday: '2027-06-07', clashes: [{ code: 'internship', message: expect.stringContaining('2027-06-07'), params: { monday: '2027-06-07' } }] }],
    });

    const second = await seedDemo(dataSource);
    expect(second).toEqual({
      ...first,
      created: 0,
      updated: 0,
      calendar: { planned: false, onSiteWeeks: 0, holidayWeeks: 0, internshipWeeks: 0, skipped: [] },
      learning: { courses: 0, modules: 0, resources: 0, moduleAssignments: 0, completions: 0, briefs: 0, briefAssignments: 0, groups: 0, submissions: 0, reviews: 0, unassignable: [] },
      help: { threads: 0, replies: 0, threadVotes: 0, replyVotes: 0, follows: 0, revisions: 0 },
      tickets: { tickets: 0, messages: 0 },
    });
    expect(await countDemoRows()).toEqual(counts);
  });

  it('publishes a course whose modules Promo 1 studies before its 2nd on-site week and during its 3rd distance week', async () => {
    const modules = await dataSource.query(
      `SELECT co.status, m.position, m.title, a.mode, a.week, to_char(a.week_monday, 'YYYY-MM-DD') AS "weekMonday", to_char(a.due_on, 'YYYY-MM-DD') AS "dueOn",
              (SELECT array_agg(r.position ORDER BY r.position) FROM course_resources r WHERE r.module_id = m.id) AS positions,
              (SELECT bool_and(r.url LIKE 'https://%' AND r.estimated_minutes > 0) FROM course_resources r WHERE r.module_id = m.id) AS "linksOk"
         FROM courses co JOIN tracks t ON t.id = co.track_id JOIN course_modules m ON m.course_id = co.id
         LEFT JOIN module_assignments a ON a.module_id = m.id
        WHERE lower(t.name) = lower($1) ORDER BY m.position`,
      [DEMO_TRACK.name],
    );
    expect(modules).toEqual([
      { status: 'published', position: 1, title: 'Comprendre le web et HTML', mode: 'prepare_before_onsite', week: 2, weekMonday: '2026-10-05', dueOn: '2026-10-05', positions: [1, 2, 3, 4], linksOk: true },
      // Distance weeks 1–3 are the three weeks after the first on-site week; due once the 3rd is over.
      { status: 'published', position: 2, title: 'Mettre en forme avec CSS', mode: 'during_distance', week: 3, weekMonday: '2026-09-28', dueOn: '2026-10-05', positions: [1, 2, 3], linksOk: true },
      { status: 'published', position: 3, title: 'Accessibilité et RGAA', mode: null, week: null, weekMonday: null, dueOn: null, positions: [1, 2], linksOk: true },
    ]);
    const done = await dataSource.query(
      `SELECT u.email, count(*)::int AS n FROM resource_completions rc JOIN users u ON u.id = rc.user_id WHERE u.email = ANY($1) GROUP BY u.email ORDER BY u.email`,
      [emails],
    );
    expect(done).toEqual([
      { email: 'kevin.dasilva@fabrique.demo', n: 2 },
      { email: 'sandrine.lemaire@fabrique.demo', n: 5 },
    ]);
  });

  it('assigns the Portfolio and Réserv’Asso briefs in Paris time, with versions, a late one, groups and a review', async () => {
    const assignments = await dataSource.query(
      `SELECT b.title, b.mode, a.starts_at AS "startsAt", a.due_at AS "dueAt", u.email AS "assignedBy",
              (SELECT array_agg(c.code || ':' || bc.expected_level ORDER BY c.code) FROM brief_competencies bc JOIN competencies c ON c.id = bc.competency_id
                WHERE bc.brief_id = b.id) AS targets,
              (SELECT coalesce(array_agg(g.name || ':' || (SELECT count(*) FROM assignment_group_members gm WHERE gm.group_id = g.id) ORDER BY g.name), '{}')
                 FROM assignment_groups g WHERE g.assignment_id = a.id) AS groups
         FROM brief_assignments a JOIN briefs b ON b.id = a.brief_id JOIN tracks t ON t.id = b.track_id JOIN users u ON u.id = a.assigned_by
        WHERE lower(t.name) = lower($1) ORDER BY a.starts_at`,
      [DEMO_TRACK.name],
    );
    expect(assignments).toEqual([
      {
        title: 'Portfolio', mode: 'individual', startsAt: new Date('2026-09-07T07:00:00Z'), dueAt: new Date('2026-10-02T16:00:00Z'),
        assignedBy: facilitatorEmails[0], targets: ['C2:1', 'C3:2'], groups: [],
      },
      {
        title: 'Réserv’Asso', mode: 'group', startsAt: new Date('2026-12-07T08:00:00Z'), dueAt: new Date('2027-02-26T17:00:00Z'),
        assignedBy: facilitatorEmails[0], targets: ['C4:2', 'C5:2', 'C6:1'], groups: ['Équipe Fournil:2', 'Équipe Pétrin:1'],
      },
    ]);

    const submissions = await dataSource.query(
      `SELECT u.email, s.version, s.late, r.verdict, rv.email AS reviewer,
              (SELECT array_agg(c.code || ':' || rl.level ORDER BY c.code) FROM review_levels rl JOIN competencies c ON c.id = rl.competency_id
                WHERE rl.review_id = r.id) AS levels
         FROM submissions s JOIN users u ON u.id = s.learner_id LEFT JOIN reviews r ON r.submission_id = s.id LEFT JOIN users rv ON rv.id = r.reviewer_id
        WHERE u.email = ANY($1) ORDER BY u.email, s.version`,
      [emails],
    );
    expect(submissions).toEqual([
      { email: 'aicha.traore@fabrique.demo', version: 1, late: false, verdict: null, reviewer: null, levels: null },
      { email: 'kevin.dasilva@fabrique.demo', version: 1, late: true, verdict: null, reviewer: null, levels: null },
      { email: 'sandrine.lemaire@fabrique.demo', version: 1, late: false, verdict: 'to_redo', reviewer: facilitatorEmails[0], levels: ['C2:1', 'C3:1'] },
      { email: 'sandrine.lemaire@fabrique.demo', version: 2, late: true, verdict: null, reviewer: null, levels: null },
    ]);
  });

  it('gives Promo 1 a dozen French peer-help threads, some answered or accepted, with counters that match their rows', async () => {
    const threads = await dataSource.query(
      `SELECT h.id, h.title, h.status, h.scope, h.anonymous, h.tags, b.title AS brief, h.resource_id AS "resourceId",
              h.reply_count AS "replyCount", h.score, h.created_at AS "createdAt", h.last_activity_at AS "lastActivityAt",
              (SELECT count(*)::int FROM help_replies r WHERE r.thread_id = h.id AND r.deleted_at IS NULL AND r.hidden_at IS NULL) AS replies,
              (SELECT coalesce(sum(v.value), 0)::int FROM help_thread_votes v WHERE v.thread_id = h.id) AS votes,
              (SELECT max(r.created_at) FROM help_replies r WHERE r.thread_id = h.id) AS "lastReplyAt",
              (SELECT r.thread_id FROM help_replies r WHERE r.id = h.accepted_reply_id) AS "acceptedIn",
              EXISTS (SELECT 1 FROM help_follows f WHERE f.thread_id = h.id AND f.user_id = h.author_id) AS "authorFollows"
         FROM help_threads h JOIN cohorts c ON c.id = h.cohort_id JOIN tracks t ON t.id = c.track_id LEFT JOIN briefs b ON b.id = h.brief_id
        WHERE lower(t.name) = lower($1) AND lower(c.name) = lower($2) ORDER BY h.created_at`,
      [DEMO_TRACK.name, DEMO_COHORT.name],
    );
    expect(threads.length).toBeGreaterThanOrEqual(12);
    const statuses = threads.reduce((tally: Record<string, number>, thread: { status: string }) => ({ ...tally, [thread.status]: (tally[thread.status] ?? 0) + 1 }), {});
    expect(statuses).toEqual({ unanswered: 4, answered: 5, accepted: 5 });
    expect(threads.filter((thread: { scope: string }) => thread.scope === 'track')).toHaveLength(2);
    expect(threads.filter((thread: { anonymous: boolean }) => thread.anonymous)).toHaveLength(2);
    expect(threads.flatMap((thread: { brief: string | null }) => (thread.brief ? [thread.brief] : []))).toEqual(['Portfolio', 'Réserv’Asso']);
    expect(threads.filter((thread: { resourceId: string | null }) => thread.resourceId)).toHaveLength(1);
    // Posted during the cohort's year, the oldest waiting question more than a day before the newest one.
    const unanswered = threads.filter((thread: { status: string }) => thread.status === 'unanswered');
    expect(unanswered[unanswered.length - 1].createdAt.getTime() - unanswered[0].createdAt.getTime()).toBeGreaterThan(24 * 3600 * 1000);
    for (const thread of threads) {
      expect(thread.createdAt.getTime()).toBeGreaterThanOrEqual(new Date(DEMO_COHORT.startsOn).getTime());
      expect(thread.tags.length).toBeGreaterThan(0);
      expect({ title: thread.title, replyCount: thread.replyCount, score: thread.score, lastActivityAt: thread.lastActivityAt, authorFollows: thread.authorFollows }).toEqual({
        title: thread.title,
        replyCount: thread.replies,
        score: thread.votes,
        lastActivityAt: thread.lastReplyAt ?? thread.createdAt,
        authorFollows: true,
      });
      expect(thread.acceptedIn).toBe(thread.status === 'accepted' ? thread.id : null);
    }

    const threadIds = threads.map((thread: { id: string }) => thread.id);
    const [checks] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM help_replies r WHERE r.thread_id = ANY($1)
                 AND r.score <> (SELECT coalesce(sum(v.value), 0) FROM help_reply_votes v WHERE v.reply_id = r.id)) AS "wrongReplyScores",
              (SELECT count(*)::int FROM help_thread_votes v JOIN help_threads h ON h.id = v.thread_id WHERE h.id = ANY($1) AND v.user_id = h.author_id)
            + (SELECT count(*)::int FROM help_reply_votes v JOIN help_replies r ON r.id = v.reply_id WHERE r.thread_id = ANY($1) AND v.user_id = r.author_id) AS "ownVotes",
              (SELECT count(*)::int FROM help_reply_votes v JOIN help_replies r ON r.id = v.reply_id WHERE r.thread_id = ANY($1) AND v.value = -1) AS downvotes,
              (SELECT array_agg(u.email) FROM help_replies r JOIN users u ON u.id = r.endorsed_by WHERE r.thread_id = ANY($1)) AS endorsers,
              (SELECT count(*)::int FROM help_replies r WHERE r.thread_id = ANY($1) AND r.created_at <= (SELECT created_at FROM help_threads WHERE id = r.thread_id)) AS "repliesBeforeQuestion"`,
      [threadIds],
    );
    expect(checks).toEqual({ wrongReplyScores: 0, ownVotes: 0, downvotes: 1, endorsers: facilitatorEmails, repliesBeforeQuestion: 0 });

    const revisions = await dataSource.query(
      `SELECT pr.version, pr.body AS earlier, r.body AS now, pr.written_at = r.created_at AS "writtenWithReply", r.edited_at > r.created_at AS "editedLater"
         FROM help_post_revisions pr JOIN help_replies r ON r.id = pr.reply_id WHERE r.thread_id = ANY($1)`,
      [threadIds],
    );
    expect(revisions).toEqual([{ version: 1, earlier: expect.any(String), now: expect.any(String), writtenWithReply: true, editedLater: true }]);
    expect(revisions[0].now.startsWith(revisions[0].earlier)).toBe(true);
    expect(revisions[0].now).not.toBe(revisions[0].earlier);
  });

  it('lets French search find the demo threads typed without accents', async () => {
    const search = async (words: string) =>
      (
        await dataSource.query(
          `SELECT h.title FROM help_threads h JOIN cohorts c ON c.id = h.cohort_id JOIN tracks t ON t.id = c.track_id
            WHERE lower(t.name) = lower($1) AND lower(c.name) = lower($2) AND h.search @@ websearch_to_tsquery('fabrique_fr', $3)
            ORDER BY ts_rank(h.search, websearch_to_tsquery('fabrique_fr', $3)) DESC, h.title`,
          [DEMO_TRACK.name, DEMO_COHORT.name, words],
        )
      ).map((row: { title: string }) => row.title);
    expect(await search('equipe')).toEqual(expect.arrayContaining(['Travailler à plusieurs sur le même dépôt Git sans tout casser ?']));
    expect(await search('cle etrangere')).toEqual(['Clé étrangère : ON DELETE CASCADE ou pas ?']);
    expect(await search('deployer')).toEqual(expect.arrayContaining(['Déployer mon portfolio sur GitHub Pages : j’ai une erreur 404']));
    expect(await search('accessibilite')).toEqual(expect.arrayContaining(['Accessibilité : quel contraste minimum pour mon texte gris clair ?']));
    expect(await search('requete')).toEqual(expect.arrayContaining(['Requête SQL : compter les réservations par association, même celles qui n’en ont aucune']));
    expect(await search('depot git')).toEqual(expect.arrayContaining(['Travailler à plusieurs sur le même dépôt Git sans tout casser ?']));
  });

  it('leaves peer-help threads as the users changed them, and adds nothing back', async () => {
    const title = 'Mode sombre : prefers-color-scheme ne change rien sur mon téléphone';
    const [thread] = await dataSource.query(
      `SELECT h.id, h.author_id AS "authorId" FROM help_threads h JOIN cohorts c ON c.id = h.cohort_id JOIN tracks t ON t.id = c.track_id
        WHERE lower(t.name) = lower($1) AND h.title = $2`,
      [DEMO_TRACK.name, title],
    );
    const [sandrine] = await dataSource.query(`SELECT id FROM users WHERE email = 'sandrine.lemaire@fabrique.demo'`);
    await dataSource.transaction(async (manager) => {
      // Kevin retitles his question (the API keeps the earlier version), Sandrine answers it, and another thread is deleted.
      await manager.query(
        `INSERT INTO help_post_revisions (thread_id, version, title, body, tags, written_at) SELECT id, 1, title, body, tags, created_at FROM help_threads WHERE id = $1`,
        [thread.id],
      );
      await manager.query(`UPDATE help_threads SET title = 'Mode sombre ignoré sur Android', edited_at = now() WHERE id = $1`, [thread.id]);
      await manager.query(`INSERT INTO help_replies (thread_id, author_id, body) VALUES ($1, $2, 'Vérifie le mode sombre de ton navigateur, pas seulement celui du téléphone.')`, [
        thread.id,
        sandrine.id,
      ]);
      await manager.query(`UPDATE help_threads SET reply_count = reply_count + 1, last_activity_at = now() WHERE id = $1`, [thread.id]);
      await manager.query(`UPDATE help_threads SET deleted_at = now() WHERE title = 'Mon formulaire de contact recharge la page quand je clique sur Envoyer'`);
    });
    const before = await countDemoRows();

    const again = await seedDemo(dataSource);
    expect(again).toMatchObject({ created: 0, updated: 0, help: { threads: 0, replies: 0 } });
    expect(await countDemoRows()).toEqual(before);
    const [state] = await dataSource.query(`SELECT title, status FROM help_threads WHERE id = $1`, [thread.id]);
    expect(state).toEqual({ title: 'Mode sombre ignoré sur Android', status: 'answered' });
  });

  it('leaves courses and briefs as the users changed them, and adds nothing back', async () => {
    const [sandrine] = await dataSource.query(`SELECT id FROM users WHERE email = 'sandrine.lemaire@fabrique.demo'`);
    const [v2] = await dataSource.query(`SELECT id FROM submissions WHERE learner_id = $1 AND version = 2`, [sandrine.id]);
    const [julien] = await dataSource.query(`SELECT id FROM users WHERE email = $1`, [facilitatorEmails[0]]);
    await dataSource.transaction(async (manager) => {
      // The facilitator validates version 2, unpublishes the course and moves a module; Sandrine unmarks a resource.
      const [review] = await manager.query(`INSERT INTO reviews (submission_id, reviewer_id, verdict) VALUES ($1, $2, 'validated') RETURNING id`, [v2.id, julien.id]);
      await manager.query(
        `INSERT INTO review_levels (review_id, competency_id, level) SELECT $1, bc.competency_id, 2 FROM brief_competencies bc JOIN briefs b ON b.id = bc.brief_id
          WHERE b.title = 'Portfolio' AND b.track_id = (SELECT id FROM tracks WHERE lower(name) = lower($2))`,
        [review.id, DEMO_TRACK.name],
      );
      await manager.query(`UPDATE courses SET status = 'draft' WHERE track_id = (SELECT id FROM tracks WHERE lower(name) = lower($1))`, [DEMO_TRACK.name]);
      await manager.query(`UPDATE module_assignments SET week = 4, week_monday = '2026-11-02', due_on = '2026-11-02' WHERE mode = 'prepare_before_onsite'
                             AND cohort_id = (SELECT c.id FROM cohorts c JOIN tracks t ON t.id = c.track_id WHERE lower(t.name) = lower($1) AND lower(c.name) = lower($2))`,
      [DEMO_TRACK.name, DEMO_COHORT.name]);
      await manager.query(`DELETE FROM resource_completions WHERE user_id = $1 AND resource_id = (SELECT resource_id FROM resource_completions WHERE user_id = $1 LIMIT 1)`, [sandrine.id]);
    });
    const before = await countDemoRows();

    const again = await seedDemo(dataSource);
    expect(again).toMatchObject({ created: 0, updated: 0 });
    expect(await countDemoRows()).toEqual(before);
    const [state] = await dataSource.query(
      `SELECT (SELECT string_agg(status, ',') FROM courses WHERE track_id = t.id) AS status,
              (SELECT string_agg(to_char(due_on, 'YYYY-MM-DD'), ',') FROM module_assignments WHERE mode = 'prepare_before_onsite'
                AND cohort_id IN (SELECT id FROM cohorts WHERE track_id = t.id)) AS "dueOn"
         FROM tracks t WHERE lower(t.name) = lower($1)`,
      [DEMO_TRACK.name],
    );
    expect(state).toEqual({ status: 'draft', dueOn: '2026-11-02' });
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
