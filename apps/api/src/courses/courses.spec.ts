import type { Cohort, User } from '@fabrique/persistence';
import { ApiTestContext } from '../testing/api-test-context.js';

type Agent = Awaited<ReturnType<ApiTestContext['as']>>;

describe('courses', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  const resource = (title: string, estimatedMinutes = 30) => ({ title, url: `https://example.org/${encodeURIComponent(title)}`, kind: 'video', estimatedMinutes });

  /** A cohort (on site the weeks of Oct 5 and Nov 2, 2026) with a facilitator, `learners` learners and a published course of its track. */
  async function setUp(learners = 2) {
    const cohort = await ctx.fixtures.cohort({ startsOn: '2026-09-07', endsOn: '2027-06-25' });
    const facilitatorUser = await ctx.fixtures.member(cohort, 'facilitator');
    const learnerUsers: User[] = [];
    for (let i = 0; i < learners; i++) learnerUsers.push(await ctx.fixtures.member(cohort, 'learner'));
    const admin = await ctx.as(await ctx.fixtures.admin());
    const [room] = await ctx.dataSource.query(`SELECT id FROM rooms WHERE site_id = $1 ORDER BY capacity DESC`, [cohort.homeSiteId]);
    for (const monday of ['2026-10-05', '2026-11-02']) {
      await admin.post(`/api/cohorts/${cohort.id}/presential-weeks`).send({ monday, roomId: room.id, facilitatorIds: [] }).expect(201);
    }
    const facilitator = await ctx.as(facilitatorUser);
    const course = (await facilitator.post('/api/courses').send({ trackId: cohort.trackId, title: 'Les bases du web' }).expect(201)).body;
    return { cohort, admin, facilitator, facilitatorUser, learnerUsers, course };
  }

  async function addModule(agent: Agent, courseId: string, title: string, resources: string[] = []) {
    const module = (await agent.post(`/api/courses/${courseId}/modules`).send({ title }).expect(201)).body;
    const ids: string[] = [];
    for (const r of resources) ids.push((await agent.post(`/api/courses/${courseId}/modules/${module.id}/resources`).send(resource(r)).expect(201)).body.id);
    return { id: module.id as string, resourceIds: ids };
  }

  const positions = (courseId: string) =>
    ctx.dataSource.query(`SELECT id, position FROM course_modules WHERE course_id = $1 ORDER BY position`, [courseId]) as Promise<Array<{ id: string; position: number }>>;

  describe('authoring', () => {
    it('lets a facilitator of the track write a course in order; learners see it once published, with their assigned modules only', async () => {
      const { cohort, facilitator, learnerUsers, course } = await setUp(1);
      expect(course).toMatchObject({ trackId: cohort.trackId, status: 'draft', modules: [] });
      const html = await addModule(facilitator, course.id, 'HTML sémantique', ['Balises', 'Formulaires']);
      const css = await addModule(facilitator, course.id, 'CSS', ['Flexbox']);
      const view = (await facilitator.get(`/api/courses/${course.id}`).expect(200)).body;
      expect(view.modules.map((m: { title: string; position: number }) => [m.title, m.position])).toEqual([
        ['HTML sémantique', 1],
        ['CSS', 2],
      ]);
      expect(view.modules[0].resources.map((r: { title: string; position: number }) => [r.title, r.position])).toEqual([
        ['Balises', 1],
        ['Formulaires', 2],
      ]);

      const learner = await ctx.as(learnerUsers[0]);
      await learner.get(`/api/courses/${course.id}`).expect(404);
      expect((await learner.get(`/api/courses?trackId=${cohort.trackId}`).expect(200)).body).toEqual([]);

      await facilitator.patch(`/api/courses/${course.id}`).send({ status: 'published', summary: 'À étudier avant la semaine sur site' }).expect(200);
      await facilitator.post(`/api/cohorts/${cohort.id}/module-assignments`).send({ moduleId: css.id, mode: 'prepare_before_onsite', week: 1 }).expect(201);
      const seen = (await learner.get(`/api/courses/${course.id}`).expect(200)).body;
      expect(seen.modules.map((m: { id: string }) => m.id)).toEqual([css.id]);
      expect((await learner.get('/api/courses').expect(200)).body.map((c: { id: string }) => c.id)).toEqual([course.id]);
      expect(html.resourceIds).toHaveLength(2);

      await facilitator.patch(`/api/courses/${course.id}/modules/${html.id}`).send({ title: 'HTML' }).expect(200);
      await facilitator.patch(`/api/courses/${course.id}/resources/${html.resourceIds[1]}`).send({ estimatedMinutes: 45 }).expect(200);
      await facilitator.delete(`/api/courses/${course.id}/resources/${html.resourceIds[0]}`).expect(204);
      await facilitator.delete(`/api/courses/${course.id}/modules/${html.id}`).expect(204);
      expect(await positions(course.id)).toEqual([{ id: css.id, position: 1 }]);
      const [left] = await ctx.dataSource.query(`SELECT position, estimated_minutes FROM course_resources WHERE module_id = $1`, [css.id]);
      expect(left.position).toBe(1);
    });

    it('refuses learners who write (403) and people outside the track (404)', async () => {
      const { cohort, facilitator, learnerUsers, course } = await setUp(1);
      const module = await addModule(facilitator, course.id, 'HTML', ['Balises']);
      await facilitator.patch(`/api/courses/${course.id}`).send({ status: 'published' }).expect(200);
      const learner = await ctx.as(learnerUsers[0]);
      await learner.post('/api/courses').send({ trackId: cohort.trackId, title: 'Pirate' }).expect(403);
      await learner.patch(`/api/courses/${course.id}`).send({ title: 'Pirate' }).expect(403);
      await learner.post(`/api/courses/${course.id}/modules`).send({ title: 'Pirate' }).expect(403);
      await learner.patch(`/api/courses/${course.id}/modules/${module.id}`).send({ title: 'Pirate' }).expect(403);
      await learner.delete(`/api/courses/${course.id}/modules/${module.id}`).expect(403);
      await learner.put(`/api/courses/${course.id}/modules/order`).send({ moduleIds: [module.id] }).expect(403);
      await learner.post(`/api/courses/${course.id}/modules/${module.id}/resources`).send(resource('Pirate')).expect(403);
      await learner.put(`/api/courses/${course.id}/modules/${module.id}/resources/order`).send({ resourceIds: module.resourceIds }).expect(403);
      await learner.patch(`/api/courses/${course.id}/resources/${module.resourceIds[0]}`).send({ title: 'Pirate' }).expect(403);
      await learner.delete(`/api/courses/${course.id}/resources/${module.resourceIds[0]}`).expect(403);

      const other = await ctx.fixtures.cohort();
      const outsider = await ctx.as(await ctx.fixtures.member(other, 'facilitator'));
      await outsider.post('/api/courses').send({ trackId: cohort.trackId, title: 'Pirate' }).expect(403);
      await outsider.get(`/api/courses/${course.id}`).expect(404);
      await outsider.patch(`/api/courses/${course.id}`).send({ title: 'Pirate' }).expect(404);
      await outsider.post(`/api/courses/${course.id}/modules`).send({ title: 'Pirate' }).expect(404);
      await outsider.put(`/api/courses/${course.id}/modules/order`).send({ moduleIds: [module.id] }).expect(404);
      expect((await outsider.get('/api/courses').expect(200)).body.map((c: { id: string }) => c.id)).not.toContain(course.id);
      const [row] = await ctx.dataSource.query(`SELECT title FROM courses WHERE id = $1`, [course.id]);
      expect(row.title).toBe('Les bases du web');
    });

    it('names the bad field with 400 and writes nothing', async () => {
      const { facilitator, course } = await setUp(0);
      const module = await addModule(facilitator, course.id, 'HTML');
      const url = `/api/courses/${course.id}/modules/${module.id}/resources`;
      const ftp = await facilitator.post(url).send({ ...resource('x'), url: 'ftp://example.org/x' }).expect(400);
      expect(ftp.body.details[0].field).toBe('url');
      const js = await facilitator.post(url).send({ ...resource('x'), url: 'javascript:alert(1)' }).expect(400);
      expect(js.body.details[0].field).toBe('url');
      const negative = await facilitator.post(url).send(resource('x', -5)).expect(400);
      expect(negative.body.details[0].field).toBe('estimatedMinutes');
      const kind = await facilitator.post(url).send({ ...resource('x'), kind: 'podcast' }).expect(400);
      expect(kind.body.details[0].field).toBe('kind');
      const unknownField = await facilitator.post(url).send({ ...resource('x'), owner: 'me' }).expect(400);
      expect(unknownField.body.message).toContain('owner');
      const track = await facilitator.post('/api/courses').send({ trackId: '00000000-0000-4000-8000-000000000000', title: 'x' }).expect(400);
      expect(track.body.details[0].field).toBe('trackId');
      const status = await facilitator.patch(`/api/courses/${course.id}`).send({ status: 'archived' }).expect(400);
      expect(status.body.details[0].field).toBe('status');
      await facilitator.post(`/api/courses/${course.id}/modules/00000000-0000-4000-8000-000000000000/resources`).send(resource('x')).expect(404);
      await facilitator.get('/api/courses/not-a-uuid').expect(400);
      const [count] = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM course_resources WHERE module_id = $1`, [module.id]);
      expect(count.n).toBe(0);
    });
  });

  describe('reordering', () => {
    it('puts modules and resources at 1..n in the given order, and refuses a list that is not every item once', async () => {
      const { facilitator, course } = await setUp(0);
      const a = await addModule(facilitator, course.id, 'A', ['a1', 'a2', 'a3']);
      const b = await addModule(facilitator, course.id, 'B');
      const c = await addModule(facilitator, course.id, 'C');
      const reordered = await facilitator.put(`/api/courses/${course.id}/modules/order`).send({ moduleIds: [c.id, a.id, b.id] }).expect(200);
      expect(reordered.body.map((m: { id: string; position: number }) => [m.id, m.position])).toEqual([
        [c.id, 1],
        [a.id, 2],
        [b.id, 3],
      ]);
      const [a1, a2, a3] = a.resourceIds;
      const resources = await facilitator.put(`/api/courses/${course.id}/modules/${a.id}/resources/order`).send({ resourceIds: [a3, a1, a2] }).expect(200);
      expect(resources.body.map((r: { id: string }) => r.id)).toEqual([a3, a1, a2]);

      const missing = await facilitator.put(`/api/courses/${course.id}/modules/order`).send({ moduleIds: [a.id, b.id] }).expect(400);
      expect(missing.body.details[0]).toEqual({ field: 'moduleIds', message: expect.stringContaining(c.id) });
      const twice = await facilitator.put(`/api/courses/${course.id}/modules/order`).send({ moduleIds: [a.id, a.id, b.id] }).expect(400);
      expect(twice.body.details[0].field).toBe('moduleIds');
      const foreign = await facilitator.put(`/api/courses/${course.id}/modules/${a.id}/resources/order`).send({ resourceIds: [a1, a2, a3, b.id] }).expect(400);
      expect(foreign.body.details[0].field).toBe('resourceIds');
      expect((await positions(course.id)).map((p) => p.id)).toEqual([c.id, a.id, b.id]);
    });

    it('ends two concurrent reorders with positions 1..n, no gap and no duplicate, in the order of one of them', async () => {
      const { facilitator, admin, course } = await setUp(0);
      const ids: string[] = [];
      for (const title of ['A', 'B', 'C', 'D', 'E']) ids.push((await addModule(facilitator, course.id, title)).id);
      const first = [...ids].reverse();
      const second = [ids[2], ids[0], ids[4], ids[1], ids[3]];
      for (let round = 0; round < 5; round++) {
        const results = await Promise.all([
          facilitator.put(`/api/courses/${course.id}/modules/order`).send({ moduleIds: first }),
          admin.put(`/api/courses/${course.id}/modules/order`).send({ moduleIds: second }),
        ]);
        expect(results.map((r) => r.status)).toEqual([200, 200]);
        const rows = await positions(course.id);
        expect(rows.map((r) => r.position)).toEqual([1, 2, 3, 4, 5]);
        expect([first, second]).toContainEqual(rows.map((r) => r.id));
      }
    });

    it('keeps positions 1..n when modules are added while others reorder', async () => {
      const { facilitator, admin, course } = await setUp(0);
      const ids: string[] = [];
      for (const title of ['A', 'B', 'C']) ids.push((await addModule(facilitator, course.id, title)).id);
      const results = await Promise.all([
        admin.put(`/api/courses/${course.id}/modules/order`).send({ moduleIds: [...ids].reverse() }),
        facilitator.post(`/api/courses/${course.id}/modules`).send({ title: 'D' }),
        facilitator.post(`/api/courses/${course.id}/modules`).send({ title: 'E' }),
      ]);
      // The reorder either ran first (200) or saw the new modules and refused a list that misses them (400).
      expect([200, 400]).toContain(results[0].status);
      expect(results.slice(1).map((r) => r.status)).toEqual([201, 201]);
      expect((await positions(course.id)).map((r) => r.position)).toEqual([1, 2, 3, 4, 5]);
    });
  });

  describe('assigning modules to a cohort', () => {
    it('sets the due date from the cohort calendar, and names a week the cohort does not have', async () => {
      const { cohort, facilitator, course } = await setUp(1);
      const prepare = await addModule(facilitator, course.id, 'Avant la 2e semaine sur site', ['x']);
      const during = await addModule(facilitator, course.id, 'Pendant la 2e semaine à distance', ['y']);
      const url = `/api/cohorts/${cohort.id}/module-assignments`;
      const a = await facilitator.post(url).send({ moduleId: prepare.id, mode: 'prepare_before_onsite', week: 2 }).expect(201);
      expect(a.body).toMatchObject({ moduleId: prepare.id, weekMonday: '2026-11-02', dueOn: '2026-11-02', resources: 1, estimatedMinutes: 30 });
      // Distance weeks: Sept 7, Sept 14…
      const b = await facilitator.post(url).send({ moduleId: during.id, mode: 'during_distance', week: 2 }).expect(201);
      expect(b.body).toMatchObject({ weekMonday: '2026-09-14', dueOn: '2026-09-21' });
      await facilitator.post(url).send({ moduleId: during.id, mode: 'during_distance', week: 3 }).expect(409);

      const other = await addModule(facilitator, course.id, 'Autre', []);
      const noWeek = await facilitator.post(url).send({ moduleId: other.id, mode: 'prepare_before_onsite', week: 3 }).expect(400);
      expect(noWeek.body.details[0].field).toBe('week');
      const zero = await facilitator.post(url).send({ moduleId: other.id, mode: 'during_distance', week: 0 }).expect(400);
      expect(zero.body.details[0].field).toBe('week');
      const mode = await facilitator.post(url).send({ moduleId: other.id, mode: 'someday', week: 1 }).expect(400);
      expect(mode.body.details[0].field).toBe('mode');
      const elsewhere = await setUp(0);
      const foreign = await addModule(elsewhere.facilitator, elsewhere.course.id, 'Autre piste');
      const wrongTrack = await facilitator.post(url).send({ moduleId: foreign.id, mode: 'during_distance', week: 1 }).expect(400);
      expect(wrongTrack.body.details[0].field).toBe('moduleId');
      expect((await facilitator.get(url).expect(200)).body.map((x: { dueOn: string }) => x.dueOn)).toEqual(['2026-09-21', '2026-11-02']);

      await facilitator.delete(`${url}/${b.body.id}`).expect(204);
      expect((await facilitator.get(url).expect(200)).body).toHaveLength(1);
    });

    it('refuses learners (403) and other cohorts (404); learners list only published material', async () => {
      const { cohort, facilitator, learnerUsers, course } = await setUp(1);
      const module = await addModule(facilitator, course.id, 'HTML', ['x']);
      const url = `/api/cohorts/${cohort.id}/module-assignments`;
      const learner = await ctx.as(learnerUsers[0]);
      await learner.post(url).send({ moduleId: module.id, mode: 'during_distance', week: 1 }).expect(403);
      const assigned = await facilitator.post(url).send({ moduleId: module.id, mode: 'during_distance', week: 1 }).expect(201);
      expect((await learner.get(url).expect(200)).body).toEqual([]);
      await facilitator.patch(`/api/courses/${course.id}`).send({ status: 'published' }).expect(200);
      expect((await learner.get(url).expect(200)).body).toHaveLength(1);
      await learner.delete(`${url}/${assigned.body.id}`).expect(403);

      const stranger = await ctx.as(await ctx.fixtures.member(await ctx.fixtures.cohort(), 'facilitator'));
      await stranger.get(url).expect(404);
      await stranger.post(url).send({ moduleId: module.id, mode: 'during_distance', week: 1 }).expect(404);
      await stranger.delete(`${url}/${assigned.body.id}`).expect(404);
    });
  });

  describe('progress', () => {
    /** A published course with two modules assigned: M1 (3 resources) due Sept 21, M2 (2 resources) due Oct 5. */
    async function withAssignedCourse(learners: number) {
      const setup = await setUp(learners);
      const { cohort, facilitator, course } = setup;
      const m1 = await addModule(facilitator, course.id, 'M1', ['r1', 'r2', 'r3']);
      const m2 = await addModule(facilitator, course.id, 'M2', ['r4', 'r5']);
      await facilitator.patch(`/api/courses/${course.id}`).send({ status: 'published' }).expect(200);
      await facilitator.post(`/api/cohorts/${cohort.id}/module-assignments`).send({ moduleId: m1.id, mode: 'during_distance', week: 2 }).expect(201);
      await facilitator.post(`/api/cohorts/${cohort.id}/module-assignments`).send({ moduleId: m2.id, mode: 'prepare_before_onsite', week: 1 }).expect(201);
      return { ...setup, m1, m2 };
    }

    const done = (agent: Agent, cohort: Cohort, resourceId: string) => agent.put(`/api/cohorts/${cohort.id}/resources/${resourceId}/done`);

    it('lets a learner mark resources done and not done, records the activity once, and reports progress', async () => {
      const { cohort, facilitator, learnerUsers, m1, m2 } = await withAssignedCourse(2);
      const learner = await ctx.as(learnerUsers[0]);
      await done(learner, cohort, m1.resourceIds[0]).expect(200, { resourceId: m1.resourceIds[0], done: true });
      await done(learner, cohort, m1.resourceIds[0]).expect(200);
      await done(learner, cohort, m1.resourceIds[1]).expect(200);
      await done(learner, cohort, m2.resourceIds[0]).expect(200);
      await learner.delete(`/api/cohorts/${cohort.id}/resources/${m2.resourceIds[0]}/done`).expect(200, { resourceId: m2.resourceIds[0], done: false });
      const activity = await ctx.dataSource.query(`SELECT reference FROM activity_log WHERE user_id = $1 AND kind = 'resource_done' ORDER BY reference`, [learnerUsers[0].id]);
      expect(activity.map((a: { reference: string }) => a.reference).sort()).toEqual([m1.resourceIds[0], m1.resourceIds[1], m2.resourceIds[0]].sort());

      const mine = (await learner.get(`/api/cohorts/${cohort.id}/course-progress/me`).expect(200)).body;
      expect(mine).toMatchObject({ total: 5, done: 2, percent: 40 });
      expect(mine.modules).toEqual([
        { moduleId: m1.id, dueOn: '2026-09-21', total: 3, done: 2, percent: 66 },
        { moduleId: m2.id, dueOn: '2026-10-05', total: 2, done: 0, percent: 0 },
      ]);
      expect(mine.doneResourceIds.sort()).toEqual(m1.resourceIds.slice(0, 2).sort());
      const cohortWide = (await facilitator.get(`/api/cohorts/${cohort.id}/course-progress`).expect(200)).body;
      expect(cohortWide).toMatchObject({ learners: 2, total: 10, done: 2, percent: 20 });
    });

    it('refuses facilitators marking (403), other cohorts (404), resources not assigned (404), and learners reading the cohort view (403)', async () => {
      const { cohort, facilitator, learnerUsers, course, m1 } = await withAssignedCourse(1);
      const unassigned = await addModule(facilitator, course.id, 'Hors programme', ['z']);
      const learner = await ctx.as(learnerUsers[0]);
      await done(facilitator, cohort, m1.resourceIds[0]).expect(403);
      await done(learner, cohort, unassigned.resourceIds[0]).expect(404);
      await done(learner, cohort, '00000000-0000-4000-8000-000000000000').expect(404);
      await learner.get(`/api/cohorts/${cohort.id}/course-progress`).expect(403);
      await learner.get(`/api/cohorts/${cohort.id}/learners-behind`).expect(403);
      await facilitator.get(`/api/cohorts/${cohort.id}/course-progress/me`).expect(403);
      const stranger = await ctx.as(await ctx.fixtures.member(await ctx.fixtures.cohort(), 'learner'));
      await done(stranger, cohort, m1.resourceIds[0]).expect(404);
      await stranger.delete(`/api/cohorts/${cohort.id}/resources/${m1.resourceIds[0]}/done`).expect(404);
      await stranger.get(`/api/cohorts/${cohort.id}/course-progress/me`).expect(404);
      const strangerFacilitator = await ctx.as(await ctx.fixtures.member(await ctx.fixtures.cohort(), 'facilitator'));
      await strangerFacilitator.get(`/api/cohorts/${cohort.id}/course-progress`).expect(404);
      await strangerFacilitator.get(`/api/cohorts/${cohort.id}/learners-behind`).expect(404);
      const [count] = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM resource_completions WHERE resource_id = ANY($1::uuid[])`, [[...m1.resourceIds, ...unassigned.resourceIds]]);
      expect(count.n).toBe(0);
    });

    it('lists who is behind on a day, the furthest behind first, page by page', async () => {
      const { cohort, facilitator, learnerUsers, m1, m2 } = await withAssignedCourse(4);
      const [ahead, oneShort, twoShort, nothing] = await Promise.all(learnerUsers.map((u) => ctx.as(u)));
      for (const id of [...m1.resourceIds, ...m2.resourceIds]) await done(ahead, cohort, id).expect(200);
      for (const id of m1.resourceIds.slice(0, 2)) await done(oneShort, cohort, id).expect(200);
      await done(twoShort, cohort, m1.resourceIds[0]).expect(200);
      const url = `/api/cohorts/${cohort.id}/learners-behind`;

      const beforeAnyDue = (await facilitator.get(`${url}?asOf=2026-09-20`).expect(200)).body;
      expect(beforeAnyDue).toEqual({ asOf: '2026-09-20', items: [], nextCursor: null });

      // On Sept 21 only M1 (3 resources) is due.
      const m1Due = (await facilitator.get(`${url}?asOf=2026-09-21`).expect(200)).body;
      expect(m1Due.items.map((e: { userId: string; missing: number }) => [e.userId, e.missing])).toEqual([
        [learnerUsers[3].id, 3],
        [learnerUsers[2].id, 2],
        [learnerUsers[1].id, 1],
      ]);

      // On Oct 5 both are due (5 resources): page through them one by one.
      const seen: Array<[string, number]> = [];
      let cursor: string | null = null;
      do {
        const query: string = `${url}?asOf=2026-10-05&limit=1${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await facilitator.get(query).expect(200)).body;
        expect(page.items.length).toBeLessThanOrEqual(1);
        seen.push(...page.items.map((e: { userId: string; missing: number }): [string, number] => [e.userId, e.missing]));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([
        [learnerUsers[3].id, 5],
        [learnerUsers[2].id, 4],
        [learnerUsers[1].id, 3],
      ]);
      expect(nothing).toBeDefined();

      // On what, since when: the due modules with resources left, the oldest due first.
      const detailed = (await facilitator.get(`${url}?asOf=2026-10-05`).expect(200)).body.items;
      const m1Left = (missing: number) => ({ moduleId: m1.id, moduleTitle: 'M1', courseTitle: 'Les bases du web', dueOn: '2026-09-21', missing });
      const m2Left = { moduleId: m2.id, moduleTitle: 'M2', courseTitle: 'Les bases du web', dueOn: '2026-10-05', missing: 2 };
      expect(detailed).toEqual([
        { userId: learnerUsers[3].id, displayName: learnerUsers[3].displayName, due: 5, doneOfDue: 0, missing: 5, modules: [m1Left(3), m2Left], behindSince: '2026-09-21' },
        { userId: learnerUsers[2].id, displayName: learnerUsers[2].displayName, due: 5, doneOfDue: 1, missing: 4, modules: [m1Left(2), m2Left], behindSince: '2026-09-21' },
        { userId: learnerUsers[1].id, displayName: learnerUsers[1].displayName, due: 5, doneOfDue: 2, missing: 3, modules: [m1Left(1), m2Left], behindSince: '2026-09-21' },
      ]);
      // Once M1 is done, the learner is behind on M2 only, since it was due.
      for (const id of m1.resourceIds.slice(2)) await done(oneShort, cohort, id).expect(200);
      const caughtUp = (await facilitator.get(`${url}?asOf=2026-10-05`).expect(200)).body.items;
      expect(caughtUp.find((e: { userId: string }) => e.userId === learnerUsers[1].id)).toMatchObject({ missing: 2, modules: [m2Left], behindSince: '2026-10-05' });

      const badCursor = await facilitator.get(`${url}?cursor=nope`).expect(400);
      expect(badCursor.body.details[0].field).toBe('cursor');
      const badDate = await facilitator.get(`${url}?asOf=2026-13-01`).expect(400);
      expect(badDate.body.details[0].field).toBe('asOf');
      const badLimit = await facilitator.get(`${url}?limit=0`).expect(400);
      expect(badLimit.body.details[0].field).toBe('limit');
    });
  });
});
