import type { Cohort, User } from '@fabrique/persistence';
import { ApiTestContext } from '../testing/api-test-context.js';

describe('briefs, submissions, reviews and the competency matrix', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  type Agent = Awaited<ReturnType<ApiTestContext['as']>>;
  const REPO = 'https://github.com/camille/boulangerie';
  const PAGE = 'https://camille.github.io/boulangerie';

  /** A cohort at a Paris site with a facilitator and `learners` learners, and a brief of its track. */
  async function setUp(options: { learners?: number; mode?: 'individual' | 'group' } = {}) {
    const cohort = await ctx.fixtures.cohort();
    const facilitatorUser = await ctx.fixtures.member(cohort, 'facilitator');
    const learnerUsers: User[] = [];
    for (let i = 0; i < (options.learners ?? 2); i++) learnerUsers.push(await ctx.fixtures.member(cohort, 'learner'));
    const facilitator = await ctx.as(facilitatorUser);
    const learners = await Promise.all(learnerUsers.map((user) => ctx.as(user)));
    const brief = await newBrief(facilitator, cohort, options.mode ?? 'individual');
    return { cohort, facilitatorUser, facilitator, learnerUsers, learners, brief };
  }

  async function newBrief(agent: Agent, cohort: Cohort, mode: 'individual' | 'group' = 'individual', title = 'Le site de la boulangerie') {
    const body = {
      title,
      context: '# Contexte\nLa boulangerie de Boitron veut une vitrine.',
      deliverables: 'Le dépôt et la page déployée',
      competencies: [
        { code: 'C1', expectedLevel: 1 },
        { code: 'C2', expectedLevel: 2 },
      ],
      mode,
    };
    return (await agent.post(`/api/tracks/${cohort.trackId}/briefs`).send(body).expect(201)).body;
  }

  const open = { start: { date: '2026-10-05', time: '09:00' }, due: { date: '2027-06-04', time: '17:00' } };
  const past = { start: { date: '2026-01-05', time: '09:00' }, due: { date: '2026-01-09', time: '17:00' } };
  const levels = (c1: number, c2: number) => [
    { code: 'C1', level: c1, comment: 'Environnement prêt' },
    { code: 'C2', level: c2 },
  ];
  const count = async (sql: string, params: unknown[]) => (await ctx.dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n as number;

  it('authors a brief for the track, refusing bad competencies and strangers, writing nothing', async () => {
    const { cohort, facilitator, learners, brief } = await setUp();
    expect(brief).toMatchObject({
      trackId: cohort.trackId,
      mode: 'individual',
      competencies: [
        { code: 'C1', expectedLevel: 1, title: expect.any(String) },
        { code: 'C2', expectedLevel: 2, title: expect.any(String) },
      ],
      // Rendered and sanitised by the API; the heading sits below the page's own h1 and h2.
      contextHtml: '<h3>Contexte</h3>\n<p>La boulangerie de Boitron veut une vitrine.</p>\n',
      deliverablesHtml: '<p>Le dépôt et la page déployée</p>\n',
    });
    const listed = await facilitator.get(`/api/tracks/${cohort.trackId}/briefs`).expect(200);
    expect(listed.body.map((b: { id: string }) => b.id)).toEqual([brief.id]);

    const base = { title: 'Mauvais brief', context: '', deliverables: '', mode: 'individual' };
    const unknown = await facilitator.post(`/api/tracks/${cohort.trackId}/briefs`).send({ ...base, competencies: [{ code: 'C9', expectedLevel: 1 }] }).expect(400);
    expect(unknown.body.details).toEqual([{ field: 'competencies.0.code', message: 'competency C9 is not in this track’s framework' }]);
    const tooHigh = await facilitator.post(`/api/tracks/${cohort.trackId}/briefs`).send({ ...base, competencies: [{ code: 'C1', expectedLevel: 4 }] }).expect(400);
    expect(tooHigh.body.details[0].field).toBe('competencies.0.expectedLevel');
    expect(await count(`briefs WHERE title = $1 AND track_id = $2`, ['Mauvais brief', cohort.trackId])).toBe(0);

    // A learner, and a facilitator of another track, author nothing here and read no brief.
    await learners[0].post(`/api/tracks/${cohort.trackId}/briefs`).send({ ...base, competencies: [{ code: 'C1', expectedLevel: 1 }] }).expect(403);
    await learners[0].get(`/api/briefs/${brief.id}`).expect(403);
    const stranger = await ctx.as(await ctx.fixtures.member(await ctx.fixtures.cohort(), 'facilitator'));
    await stranger.get(`/api/tracks/${cohort.trackId}/briefs`).expect(403);
    await stranger.patch(`/api/briefs/${brief.id}`).send({ title: 'Piraté' }).expect(403);
  });

  it('assigns at local site times, shows later changes of the brief, and records them', async () => {
    const { cohort, facilitator, learners, brief } = await setUp();
    const assigned = await facilitator.post(`/api/cohorts/${cohort.id}/assignments`).send({ briefId: brief.id, ...open }).expect(201);
    // 09:00 in Paris in October is summer time (UTC+2); 17:00 in June too.
    expect(assigned.body).toMatchObject({ startsAt: '2026-10-05T07:00:00.000Z', dueAt: '2027-06-04T15:00:00.000Z', timeZone: 'Europe/Paris', groups: [] });

    const seen = await learners[0].get(`/api/assignments/${assigned.body.id}`).expect(200);
    const edited = await facilitator.patch(`/api/briefs/${brief.id}`).send({ deliverables: 'Le dépôt, la page et une maquette' }).expect(200);
    expect(edited.body.updatedAt > seen.body.brief.updatedAt).toBe(true);
    const after = await learners[0].get(`/api/cohorts/${cohort.id}/assignments`).expect(200);
    expect(after.body[0].brief).toMatchObject({ deliverables: 'Le dépôt, la page et une maquette', updatedAt: edited.body.updatedAt });
    const events = await ctx.dataSource.query(`SELECT payload FROM domain_events WHERE aggregate_id = $1 AND type = 'brief.updated'`, [brief.id]);
    expect(events[0].payload).toMatchObject({ previous: { deliverables: 'Le dépôt et la page déployée' }, assignmentIds: [assigned.body.id] });
  });

  it('refuses a due time before the start, a brief of another track and a stranger, writing nothing', async () => {
    const { cohort, facilitator, learners, brief } = await setUp();
    const reversed = await facilitator.post(`/api/cohorts/${cohort.id}/assignments`).send({ briefId: brief.id, start: open.due, due: open.start }).expect(400);
    expect(reversed.body.details).toEqual([{ field: 'due', message: 'due must be after start' }]);
    const badTime = await facilitator.post(`/api/cohorts/${cohort.id}/assignments`).send({ briefId: brief.id, ...open, due: { date: '2027-06-04', time: '25:00' } }).expect(400);
    expect(badTime.body.details[0].field).toBe('due.time');
    const other = await ctx.fixtures.cohort();
    const otherFacilitator = await ctx.as(await ctx.fixtures.member(other, 'facilitator'));
    const foreign = await newBrief(otherFacilitator, other);
    const wrongTrack = await facilitator.post(`/api/cohorts/${cohort.id}/assignments`).send({ briefId: foreign.id, ...open }).expect(400);
    expect(wrongTrack.body.details[0].field).toBe('briefId');
    await learners[0].post(`/api/cohorts/${cohort.id}/assignments`).send({ briefId: brief.id, ...open }).expect(403);
    await otherFacilitator.post(`/api/cohorts/${cohort.id}/assignments`).send({ briefId: brief.id, ...open }).expect(404);
    await otherFacilitator.get(`/api/cohorts/${cohort.id}/assignments`).expect(404);
    expect(await count(`brief_assignments WHERE cohort_id = $1`, [cohort.id])).toBe(0);
  });

  it('keeps every version of a resubmitted work, marks late ones, and records the activity', async () => {
    const { cohort, facilitator, learnerUsers, learners, brief } = await setUp();
    const onTime = (await facilitator.post(`/api/cohorts/${cohort.id}/assignments`).send({ briefId: brief.id, ...open }).expect(201)).body;
    const lateBrief = await newBrief(facilitator, cohort, 'individual', 'Brief passé');
    const overdue = (await facilitator.post(`/api/cohorts/${cohort.id}/assignments`).send({ briefId: lateBrief.id, ...past }).expect(201)).body;

    await learners[0].post(`/api/assignments/${onTime.id}/submissions`).send({ links: [REPO], comment: 'Première version' }).expect(201);
    const second = await learners[0].post(`/api/assignments/${onTime.id}/submissions`).send({ links: [REPO, PAGE], comment: 'Avec la page' }).expect(201);
    expect(second.body).toMatchObject({ status: 'submitted', open: true });
    expect(second.body.versions.map((v: { version: number; comment: string; late: boolean }) => [v.version, v.comment, v.late])).toEqual([
      [2, 'Avec la page', false],
      [1, 'Première version', false],
    ]);
    const late = await learners[0].post(`/api/assignments/${overdue.id}/submissions`).send({ links: [REPO] }).expect(201);
    expect(late.body.versions[0]).toMatchObject({ version: 1, late: true });
    expect(await count(`activity_log WHERE user_id = $1 AND kind = 'submission'`, [learnerUsers[0].id])).toBe(3);

    // Another learner sees none of it, nor does a learner of another cohort; a facilitator does not submit.
    const theirs = await learners[1].get(`/api/assignments/${onTime.id}/submissions/mine`).expect(200);
    expect(theirs.body).toEqual({ status: 'not_submitted', open: true, versions: [] });
    await learners[1].get(`/api/submissions/${second.body.versions[0].id}`).expect(404);
    const outsider = await ctx.as(await ctx.fixtures.member(await ctx.fixtures.cohort(), 'learner'));
    await outsider.post(`/api/assignments/${onTime.id}/submissions`).send({ links: [REPO] }).expect(404);
    await outsider.get(`/api/assignments/${onTime.id}`).expect(404);
    await facilitator.post(`/api/assignments/${onTime.id}/submissions`).send({ links: [REPO] }).expect(403);
    await facilitator.get(`/api/submissions/${second.body.versions[0].id}`).expect(200);

    const bad = await learners[0].post(`/api/assignments/${onTime.id}/submissions`).send({ links: [REPO, 'javascript:alert(1)'] }).expect(400);
    expect(bad.body.details).toEqual([{ field: 'links.1', message: 'links.1 must be an http(s) URL' }]);
    expect(await count(`submissions WHERE assignment_id = $1`, [onTime.id])).toBe(2);
  });

  it('numbers two simultaneous submissions of one group without a gap or a clash', async () => {
    const { cohort, facilitator, learnerUsers, learners, brief } = await setUp({ learners: 2, mode: 'group' });
    const groups = [{ name: 'Équipe 1', learnerIds: learnerUsers.map((user) => user.id) }];
    const assignment = (await facilitator.post(`/api/cohorts/${cohort.id}/assignments`).send({ briefId: brief.id, ...open, groups }).expect(201)).body;
    const results = await Promise.all(learners.map((learner) => learner.post(`/api/assignments/${assignment.id}/submissions`).send({ links: [REPO] })));
    expect(results.map((result) => result.status)).toEqual([201, 201]);
    const versions = await ctx.dataSource.query(`SELECT version FROM submissions WHERE assignment_id = $1 ORDER BY version`, [assignment.id]);
    expect(versions.map((row: { version: number }) => row.version)).toEqual([1, 2]);
  });

  it('forms groups at assignment; any member submits and resubmits for the group, others see nothing', async () => {
    const { cohort, facilitator, learnerUsers, learners, brief } = await setUp({ learners: 3, mode: 'group' });
    const missing = await facilitator.post(`/api/cohorts/${cohort.id}/assignments`).send({ briefId: brief.id, ...open }).expect(400);
    expect(missing.body.details[0].field).toBe('groups');
    const partial = await facilitator
      .post(`/api/cohorts/${cohort.id}/assignments`)
      .send({ briefId: brief.id, ...open, groups: [{ name: 'Équipe 1', learnerIds: [learnerUsers[0].id] }] })
      .expect(400);
    expect(partial.body.details[0]).toEqual({ field: 'groups', message: 'every learner of the cohort must be in a group' });

    const groups = [
      { name: 'Équipe 1', learnerIds: [learnerUsers[0].id, learnerUsers[1].id] },
      { name: 'Équipe 2', learnerIds: [learnerUsers[2].id] },
    ];
    const assignment = (await facilitator.post(`/api/cohorts/${cohort.id}/assignments`).send({ briefId: brief.id, ...open, groups }).expect(201)).body;
    expect(assignment.groups.map((g: { name: string; members: unknown[] }) => [g.name, g.members.length])).toEqual([
      ['Équipe 1', 2],
      ['Équipe 2', 1],
    ]);
    const mine = await learners[2].get(`/api/assignments/${assignment.id}`).expect(200);
    expect(mine.body.groups.map((g: { name: string }) => g.name)).toEqual(['Équipe 2']);

    const first = await learners[0].post(`/api/assignments/${assignment.id}/submissions`).send({ links: [REPO] }).expect(201);
    const second = await learners[1].post(`/api/assignments/${assignment.id}/submissions`).send({ links: [REPO, PAGE] }).expect(201);
    expect(second.body.versions.map((v: { version: number; submittedBy: string; groupName: string }) => [v.version, v.submittedBy, v.groupName])).toEqual([
      [2, learnerUsers[1].id, 'Équipe 1'],
      [1, learnerUsers[0].id, 'Équipe 1'],
    ]);
    const seenByTeammate = await learners[0].get(`/api/assignments/${assignment.id}/submissions/mine`).expect(200);
    expect(seenByTeammate.body.versions).toHaveLength(2);
    const otherGroup = await learners[2].get(`/api/assignments/${assignment.id}/submissions/mine`).expect(200);
    expect(otherGroup.body.versions).toEqual([]);
    await learners[2].get(`/api/submissions/${first.body.versions[0].id}`).expect(404);
    // The list says where each one's work stands: the group's for its members, nothing for the facilitator.
    const statusIn = async (agent: Agent) => (await agent.get(`/api/cohorts/${cohort.id}/assignments`).expect(200)).body.map((a: { myStatus: string | null }) => a.myStatus);
    expect(await Promise.all([learners[0], learners[1], learners[2], facilitator].map(statusIn))).toEqual([['submitted'], ['submitted'], ['not_submitted'], [null]]);
  });

  it('lets only the cohort’s facilitators review the latest version; "to redo" reopens, "validated" closes', async () => {
    const { cohort, facilitator, learners, brief } = await setUp();
    const assignment = (await facilitator.post(`/api/cohorts/${cohort.id}/assignments`).send({ briefId: brief.id, ...open }).expect(201)).body;
    const v1 = (await learners[0].post(`/api/assignments/${assignment.id}/submissions`).send({ links: [REPO] }).expect(201)).body.versions[0];

    const review = { verdict: 'to_redo', comment: 'La page ne s’affiche pas sur mobile', levels: levels(1, 0) };
    await learners[0].post(`/api/submissions/${v1.id}/review`).send(review).expect(403);
    await learners[1].post(`/api/submissions/${v1.id}/review`).send(review).expect(404);
    await (await ctx.as(await ctx.fixtures.admin())).post(`/api/submissions/${v1.id}/review`).send(review).expect(403);
    const stranger = await ctx.as(await ctx.fixtures.member(await ctx.fixtures.cohort(), 'facilitator'));
    await stranger.post(`/api/submissions/${v1.id}/review`).send(review).expect(404);
    await stranger.get(`/api/submissions/${v1.id}`).expect(404);

    const untargeted = await facilitator.post(`/api/submissions/${v1.id}/review`).send({ ...review, levels: [...levels(1, 0), { code: 'C3', level: 1 }] }).expect(400);
    expect(untargeted.body.details).toEqual([{ field: 'levels.2.code', message: 'competency C3 is not targeted by this brief' }]);
    const outOfRange = await facilitator.post(`/api/submissions/${v1.id}/review`).send({ ...review, levels: levels(4, 0) }).expect(400);
    expect(outOfRange.body.details[0]).toEqual({ field: 'levels.0.level', message: 'level must be 0, 1, 2 or 3', rule: 'max', limit: 3 });
    const incomplete = await facilitator.post(`/api/submissions/${v1.id}/review`).send({ ...review, levels: levels(1, 0).slice(0, 1) }).expect(400);
    expect(incomplete.body.details[0].field).toBe('levels');
    expect(await count(`reviews WHERE submission_id = $1`, [v1.id])).toBe(0);

    const redo = await facilitator.post(`/api/submissions/${v1.id}/review`).send(review).expect(201);
    expect(redo.body.review).toMatchObject({ verdict: 'to_redo', levels: [{ code: 'C1', level: 1, comment: 'Environnement prêt' }, { code: 'C2', level: 0, comment: '' }] });
    await facilitator.post(`/api/submissions/${v1.id}/review`).send(review).expect(409);
    const reopened = await learners[0].get(`/api/assignments/${assignment.id}/submissions/mine`).expect(200);
    expect(reopened.body).toMatchObject({ status: 'to_redo', open: true });
    expect((await learners[0].get(`/api/assignments/${assignment.id}`).expect(200)).body.myStatus).toBe('to_redo');

    const v2 = (await learners[0].post(`/api/assignments/${assignment.id}/submissions`).send({ links: [REPO, PAGE] }).expect(201)).body.versions[0];
    const v3 = (await learners[0].post(`/api/assignments/${assignment.id}/submissions`).send({ links: [REPO, PAGE], comment: 'Oubli corrigé' }).expect(201)).body.versions[0];
    const stale = await facilitator.post(`/api/submissions/${v2.id}/review`).send({ verdict: 'validated', levels: levels(1, 2) }).expect(409);
    expect(stale.body.message).toContain('newer version');
    await facilitator.post(`/api/submissions/${v3.id}/review`).send({ verdict: 'validated', levels: levels(1, 2) }).expect(201);
    // Each review is the reviewer's traceable distance activity.
    expect(await count(`activity_log a JOIN reviews r ON r.id::text = a.reference WHERE a.kind = 'review' AND r.submission_id IN ($1, $2)`, [v1.id, v3.id])).toBe(2);
    const closed = await learners[0].get(`/api/assignments/${assignment.id}/submissions/mine`).expect(200);
    expect(closed.body).toMatchObject({ status: 'validated', open: false });
    const listed = await learners[0].get(`/api/cohorts/${cohort.id}/assignments`).expect(200);
    expect(listed.body.map((a: { myStatus: string }) => a.myStatus)).toEqual(['validated']);
    expect(closed.body.versions.map((v: { version: number; review: { verdict: string } | null }) => [v.version, v.review?.verdict ?? null])).toEqual([
      [3, 'validated'],
      [2, null],
      [1, 'to_redo'],
    ]);
    await learners[0].post(`/api/assignments/${assignment.id}/submissions`).send({ links: [REPO] }).expect(409);
  });

  it('settles a review racing a new submission: the new version is kept, and either it is open or the review covers it', async () => {
    const { cohort, facilitator, learners, brief } = await setUp();
    const assignment = (await facilitator.post(`/api/cohorts/${cohort.id}/assignments`).send({ briefId: brief.id, ...open }).expect(201)).body;
    const v1 = (await learners[0].post(`/api/assignments/${assignment.id}/submissions`).send({ links: [REPO] }).expect(201)).body.versions[0];
    const [review, resubmission] = await Promise.all([
      facilitator.post(`/api/submissions/${v1.id}/review`).send({ verdict: 'validated', levels: levels(1, 1) }),
      learners[0].post(`/api/assignments/${assignment.id}/submissions`).send({ links: [REPO], comment: 'Version corrigée' }),
    ]);
    const mine = (await learners[0].get(`/api/assignments/${assignment.id}/submissions/mine`).expect(200)).body;
    if (resubmission.status === 201) {
      // The resubmission came first: the review of the older version is refused, the new one waits.
      expect(review.status).toBe(409);
      expect(mine).toMatchObject({ status: 'submitted', open: true });
      expect(mine.versions).toHaveLength(2);
    } else {
      // The review came first and validated the work: the late resubmission is refused, nothing half-written.
      expect([review.status, resubmission.status]).toEqual([201, 409]);
      expect(mine).toMatchObject({ status: 'validated', open: false });
      expect(mine.versions).toHaveLength(1);
    }
  });

  it('lists the latest unreviewed versions to review, page by page, to facilitators only', async () => {
    const { cohort, facilitator, learners, brief } = await setUp({ learners: 3 });
    const assignment = (await facilitator.post(`/api/cohorts/${cohort.id}/assignments`).send({ briefId: brief.id, ...open }).expect(201)).body;
    for (const learner of learners) await learner.post(`/api/assignments/${assignment.id}/submissions`).send({ links: [REPO] }).expect(201);
    const latest = (await learners[0].post(`/api/assignments/${assignment.id}/submissions`).send({ links: [REPO, PAGE] }).expect(201)).body.versions[0];

    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await facilitator
        .get(`/api/cohorts/${cohort.id}/submissions/to-review`)
        .query(cursor ? { limit: 2, cursor } : { limit: 2 })
        .expect(200);
      ids.push(...page.body.items.map((item) => item.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(ids).toHaveLength(3);
    expect(ids.at(-1)).toBe(latest.id);
    expect(new Set(ids).size).toBe(3);

    await learners[0].get(`/api/cohorts/${cohort.id}/submissions/to-review`).expect(403);
    const badCursor = await facilitator.get(`/api/cohorts/${cohort.id}/submissions/to-review`).query({ cursor: 'bm9wZQ' }).expect(400);
    expect(badCursor.body.details[0].field).toBe('cursor');
  });

  it('builds the matrix from several reviews: highest validated level with its evidence, per learner and as a cohort grid', async () => {
    const { cohort, facilitator, learnerUsers, learners, brief } = await setUp();
    const second = await newBrief(facilitator, cohort, 'individual', 'L’API du fournil');
    const a1 = (await facilitator.post(`/api/cohorts/${cohort.id}/assignments`).send({ briefId: brief.id, ...open }).expect(201)).body;
    const a2 = (await facilitator.post(`/api/cohorts/${cohort.id}/assignments`).send({ briefId: second.id, ...open }).expect(201)).body;
    const submit = async (learner: Agent, assignmentId: string) =>
      (await learner.post(`/api/assignments/${assignmentId}/submissions`).send({ links: [REPO] }).expect(201)).body.versions[0].id as string;
    const review = (id: string, verdict: string, c1: number, c2: number) => facilitator.post(`/api/submissions/${id}/review`).send({ verdict, levels: levels(c1, c2) }).expect(201);

    // Learner 0: C1 at 1 then 2; C2 at 3 only in a "to redo" review, then 1 validated.
    const firstReview = await review(await submit(learners[0], a1.id), 'validated', 1, 0);
    await review(await submit(learners[0], a2.id), 'to_redo', 2, 3);
    const validated = await review(await submit(learners[0], a2.id), 'validated', 2, 1);
    // Learner 1: only a "to redo".
    await review(await submit(learners[1], a1.id), 'to_redo', 3, 3);

    const own = await learners[0].get(`/api/cohorts/${cohort.id}/competency-matrix/learners/${learnerUsers[0].id}`).expect(200);
    expect(own.body.competencies.map((c: { code: string; level: number; evidence: { briefTitle: string; reviewId: string } | null }) => [c.code, c.level, c.evidence?.briefTitle, c.evidence?.reviewId])).toEqual([
      ['C1', 2, 'L’API du fournil', validated.body.review.id],
      ['C2', 1, 'L’API du fournil', validated.body.review.id],
    ]);
    expect(firstReview.body.review.verdict).toBe('validated');
    await learners[0].get(`/api/cohorts/${cohort.id}/competency-matrix/learners/${learnerUsers[1].id}`).expect(403);
    await learners[0].get(`/api/cohorts/${cohort.id}/competency-matrix`).expect(403);
    await learners[0].get(`/api/cohorts/${cohort.id}/competency-matrix/csv`).expect(403);
    const outsider = await ctx.as(await ctx.fixtures.member(await ctx.fixtures.cohort(), 'facilitator'));
    await outsider.get(`/api/cohorts/${cohort.id}/competency-matrix`).expect(404);

    const grid = await facilitator.get(`/api/cohorts/${cohort.id}/competency-matrix`).expect(200);
    expect(grid.body.competencyCodes).toEqual(['C1', 'C2']);
    const byLearner = new Map(grid.body.learners.map((l: { learnerId: string; competencies: { level: number }[] }) => [l.learnerId, l.competencies.map((c) => c.level)]));
    expect(byLearner.get(learnerUsers[0].id)).toEqual([2, 1]);
    expect(byLearner.get(learnerUsers[1].id)).toEqual([0, 0]);

    const csv = await facilitator.get(`/api/cohorts/${cohort.id}/competency-matrix/csv`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
    });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    // Named after the cohort, in ASCII that every browser keeps.
    expect(csv.headers['content-disposition']).toMatch(/^attachment; filename="competences-[a-z0-9-]+\.csv"$/);
    const text = csv.body as string;
    expect(text.startsWith('\uFEFFapprenant;C1;C2\r\n')).toBe(true);
    expect(text).toContain(`${learnerUsers[0].displayName};2;1\r\n`);
    expect(text).toContain(`${learnerUsers[1].displayName};;\r\n`);
  });

  it('gives each competency of the matrix the highest level the briefs assigned to the cohort expect', async () => {
    const { cohort, facilitator, facilitatorUser, learnerUsers, learners, brief } = await setUp();
    const expected = async () =>
      (await learners[0].get(`/api/cohorts/${cohort.id}/competency-matrix/learners/${learnerUsers[0].id}`).expect(200)).body.competencies.map(
        (c: { code: string; expectedLevel: number | null }) => [c.code, c.expectedLevel],
      );
    // Written for the track but not assigned yet: nothing is expected of the cohort.
    expect(await expected()).toEqual([
      ['C1', null],
      ['C2', null],
    ]);
    await facilitator.post(`/api/cohorts/${cohort.id}/assignments`).send({ briefId: brief.id, ...open }).expect(201);
    expect(await expected()).toEqual([
      ['C1', 1],
      ['C2', 2],
    ]);
    const harder = { title: 'Le back-office du fournil', context: 'Les commandes en ligne', deliverables: 'Le dépôt', competencies: [{ code: 'C1', expectedLevel: 3 }], mode: 'individual' };
    const second = (await facilitator.post(`/api/tracks/${cohort.trackId}/briefs`).send(harder).expect(201)).body;
    // Assigned to another cohort of the track only: not expected of this one.
    const other = await ctx.fixtures.cohort({ trackId: cohort.trackId });
    await ctx.fixtures.member(other, 'facilitator', facilitatorUser);
    await facilitator.post(`/api/cohorts/${other.id}/assignments`).send({ briefId: second.id, ...open }).expect(201);
    expect(await expected()).toEqual([
      ['C1', 1],
      ['C2', 2],
    ]);
    await facilitator.post(`/api/cohorts/${cohort.id}/assignments`).send({ briefId: second.id, ...open }).expect(201);
    expect(await expected()).toEqual([
      ['C1', 3],
      ['C2', 2],
    ]);
    const grid = (await facilitator.get(`/api/cohorts/${cohort.id}/competency-matrix`).expect(200)).body;
    expect(grid.learners[0].competencies.map((c: { expectedLevel: number | null }) => c.expectedLevel)).toEqual([3, 2]);
  });

  it('counts a group review for every member of the group', async () => {
    const { cohort, facilitator, learnerUsers, learners, brief } = await setUp({ learners: 2, mode: 'group' });
    const groups = [{ name: 'Équipe 1', learnerIds: learnerUsers.map((user) => user.id) }];
    const assignment = (await facilitator.post(`/api/cohorts/${cohort.id}/assignments`).send({ briefId: brief.id, ...open, groups }).expect(201)).body;
    const id = (await learners[0].post(`/api/assignments/${assignment.id}/submissions`).send({ links: [REPO] }).expect(201)).body.versions[0].id;
    await facilitator.post(`/api/submissions/${id}/review`).send({ verdict: 'validated', levels: levels(2, 1) }).expect(201);
    const teammate = await learners[1].get(`/api/cohorts/${cohort.id}/competency-matrix/learners/${learnerUsers[1].id}`).expect(200);
    expect(teammate.body.competencies.map((c: { level: number }) => c.level)).toEqual([2, 1]);
    const seen = await learners[1].get(`/api/submissions/${id}`).expect(200);
    expect(seen.body.review.verdict).toBe('validated');
  });
});
