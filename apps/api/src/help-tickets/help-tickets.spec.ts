import { randomUUID } from 'node:crypto';
import type { Principal } from '@fabrique/auth';
import { HelpQueue, LivePresence } from '@fabrique/help-queue';
import type { Cohort, User } from '@fabrique/persistence';
import { ApiTestContext } from '../testing/api-test-context.js';

describe('help tickets over REST: raising, reading, cancelling, publishing as a thread, suggestions', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  type Agent = Awaited<ReturnType<ApiTestContext['as']>>;
  const as = (user: User): Principal => ({ userId: user.id, isAdmin: false, sessionId: user.id });
  const tag = () => randomUUID().slice(0, 6);

  async function setUp() {
    const cohort = await ctx.fixtures.cohort();
    const facilitator = await ctx.fixtures.member(cohort, 'facilitator', await ctx.fixtures.user({ name: `Fatou Diallo ${tag()}` }));
    const learner = await ctx.fixtures.member(cohort, 'learner', await ctx.fixtures.user({ name: `Zoéline Marchetti${tag()}` }));
    const peer = await ctx.fixtures.member(cohort, 'learner');
    const stranger = await ctx.fixtures.member(await ctx.fixtures.cohort(), 'facilitator');
    const [f, l, p, s] = await Promise.all([facilitator, learner, peer, stranger].map((user) => ctx.as(user)));
    return { cohort, facilitator, learner, peer, stranger, as: { facilitator: f!, learner: l!, peer: p!, stranger: s! } };
  }

  async function brief(cohort: Cohort, author: User, title = 'Brief portfolio'): Promise<string> {
    const [{ id }] = await ctx.dataSource.query(`INSERT INTO briefs (track_id, title, mode, created_by) VALUES ($1, $2, 'individual', $3) RETURNING id`, [
      cohort.trackId,
      title,
      author.id,
    ]);
    return id;
  }

  const raise = (agent: Agent, cohort: Cohort, body: Record<string, unknown>, key?: string) => {
    const request = agent.post(`/api/cohorts/${cohort.id}/tickets`);
    return key ? request.set('Idempotency-Key', key).send(body) : request.send(body);
  };

  it('raises once per Idempotency-Key, holds the open-ticket limit, lists mine newest first, refuses the wrong people', async () => {
    const { cohort, learner, as: who } = await setUp();
    await raise(who.stranger, cohort, { question: 'Mon flex ne centre pas' }).expect(404);
    await raise(who.facilitator, cohort, { question: 'Mon flex ne centre pas' }).expect(403);
    await raise(who.learner, cohort, { question: '' }).expect(400);
    await raise(who.learner, cohort, { question: 'Mon flex ne centre pas' }, 'not-a-uuid').expect(400);
    await raise(who.learner, cohort, { question: 'Mon flex', competencyCode: 'Z9' }).expect(400);

    const key = randomUUID();
    const first = await raise(who.learner, cohort, { question: '  Mon flex ne centre pas  ', competencyCode: 'C2' }, key).expect(201);
    expect(first.body).toMatchObject({ status: 'waiting', question: 'Mon flex ne centre pas', learner: { id: learner.id }, competency: { code: 'C2' }, handlingSeconds: null });
    expect(first.body.waitingSeconds).toEqual(expect.any(Number));
    const retried = await raise(who.learner, cohort, { question: 'Mon flex ne centre pas', competencyCode: 'C2' }, key).expect(201);
    expect(retried.body.id).toBe(first.body.id);
    const [{ count }] = await ctx.dataSource.query(`SELECT count(*)::int AS count FROM help_tickets WHERE learner_id = $1`, [learner.id]);
    expect(count).toBe(1);

    const second = await raise(who.learner, cohort, { question: 'Git refuse mon push' }).expect(201);
    const third = await raise(who.learner, cohort, { question: 'Et encore une question' }).expect(409);
    expect(third.body).toMatchObject({ code: 'conflict', message: expect.stringContaining('2 open tickets') });

    const mine = await who.learner.get('/api/me/tickets').expect(200);
    expect(mine.body.map((t: { id: string }) => t.id)).toEqual([second.body.id, first.body.id]);
    expect((await who.peer.get('/api/me/tickets').expect(200)).body).toEqual([]);
  });

  it('shows a ticket with its conversation and timings to its learner and the facilitators only; only its learner cancels it', async () => {
    const { cohort, facilitator, learner, as: who } = await setUp();
    const queue = ctx.app.get(HelpQueue);
    const ticket = (await raise(who.learner, cohort, { question: 'Mon fetch renvoie une erreur CORS' }).expect(201)).body;
    await queue.claim(as(facilitator), ticket.id);
    await queue.message(as(facilitator), ticket.id, 'Montre-moi la console');
    await ctx.dataSource.query(`UPDATE help_tickets SET raised_at = first_claimed_at - interval '90 seconds' WHERE id = $1`, [ticket.id]);

    for (const agent of [who.learner, who.facilitator]) {
      const read = await agent.get(`/api/tickets/${ticket.id}`).expect(200);
      expect(read.body).toMatchObject({ id: ticket.id, status: 'claimed', waitingSeconds: 90, handlingSeconds: null, claimedBy: { id: facilitator.id } });
      expect(read.body.messages).toEqual([expect.objectContaining({ body: 'Montre-moi la console', author: expect.objectContaining({ id: facilitator.id }) })]);
    }
    await who.peer.get(`/api/tickets/${ticket.id}`).expect(404);
    await who.stranger.get(`/api/tickets/${ticket.id}`).expect(404);
    await who.learner.get(`/api/tickets/${randomUUID()}`).expect(404);
    await who.learner.get('/api/tickets/not-a-uuid').expect(400);

    await who.facilitator.post(`/api/tickets/${ticket.id}/cancel`).expect(403);
    await who.peer.post(`/api/tickets/${ticket.id}/cancel`).expect(404);
    await who.stranger.post(`/api/tickets/${ticket.id}/cancel`).expect(404);
    const key = randomUUID();
    const cancelled = await who.learner.post(`/api/tickets/${ticket.id}/cancel`).set('Idempotency-Key', key).expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', waitingSeconds: 90, handlingSeconds: expect.any(Number) });
    await who.learner.post(`/api/tickets/${ticket.id}/cancel`).set('Idempotency-Key', key).expect(200);
    await who.learner.post(`/api/tickets/${ticket.id}/cancel`).expect(409);
    expect(learner.id).toBe(cancelled.body.learner.id);
  });

  it('publishes a resolved ticket once as an answered, searchable thread that never names the learner', async () => {
    const { cohort, facilitator, learner, as: who } = await setUp();
    const queue = ctx.app.get(HelpQueue);
    const briefId = await brief(cohort, facilitator);
    const word = `zorglub${tag()}`;
    const question = `Ma grille ${word} déborde sur mobile, pourquoi ? Signé ${learner.displayName}`;
    const ticket = (await raise(who.learner, cohort, { question, competencyCode: 'C2', briefId }).expect(201)).body;

    const publish = (agent: Agent, body: Record<string, unknown> = {}) => agent.post(`/api/tickets/${ticket.id}/publish`).send(body);
    await publish(who.facilitator).expect(409);
    await queue.claim(as(facilitator), ticket.id);
    const firstName = learner.displayName.split(' ')[0];
    await queue.message(as(facilitator), ticket.id, `Bonjour ${firstName}, montre ton CSS`);
    await queue.message(as(learner), ticket.id, 'Voici :\n`grid-template-columns: 1fr 1fr`');
    await publish(who.facilitator).expect(409);
    await queue.resolve(as(facilitator), ticket.id, `minmax(0, 1fr) évite le débordement, ${firstName}`);

    await publish(who.learner).expect(403);
    await publish(who.peer).expect(404);
    await publish(who.stranger).expect(404);
    await publish(who.facilitator, { scope: 'everywhere' }).expect(400);
    await publish(who.facilitator, { title: 'court' }).expect(400);

    const published = await publish(who.facilitator).expect(201);
    const { threadId } = published.body;
    expect(published.body).toMatchObject({ scope: 'cohort', ticket: { id: ticket.id, status: 'resolved', threadId } });
    expect(published.body.title).toMatch(/^Ma grille zorglub/);
    expect(published.body.title).not.toContain(firstName);

    const again = await publish(who.facilitator).expect(409);
    expect(again.body.message).toContain(threadId);

    for (const agent of [who.facilitator, who.peer, who.learner]) {
      const thread = (await agent.get(`/api/threads/${threadId}`).expect(200)).body;
      expect(thread).toMatchObject({
        cohortId: cohort.id,
        scope: 'cohort',
        status: 'accepted',
        tags: ['c2'],
        briefId,
        author: { id: facilitator.id },
        anonymous: false,
      });
      expect(thread.body).toContain(question.replace(learner.displayName, 'Apprenant·e').split(' Signé')[0]);
      expect(thread.body).toContain('### Conversation');
      expect(thread.body).toContain(`- **${facilitator.displayName}** : Bonjour Apprenant·e, montre ton CSS`);
      expect(thread.body).toContain('- **Apprenant·e** : Voici :\n  `grid-template-columns: 1fr 1fr`');
      expect(thread.replies.items).toEqual([
        expect.objectContaining({ body: 'minmax(0, 1fr) évite le débordement, Apprenant·e', accepted: true, author: expect.objectContaining({ id: facilitator.id }) }),
      ]);
      const text = JSON.stringify(thread);
      for (const part of learner.displayName.split(' ')) expect(text).not.toContain(part);
      expect(text).not.toContain(learner.id);
    }

    const found = await who.peer.get(`/api/threads?q=${word}`).expect(200);
    expect(found.body.items.map((hit: { id: string }) => hit.id)).toEqual([threadId]);
    const reread = await who.learner.get(`/api/tickets/${ticket.id}`).expect(200);
    expect(reread.body.threadId).toBe(threadId);
    const [{ count }] = await ctx.dataSource.query(`SELECT count(*)::int AS count FROM help_threads WHERE cohort_id = $1`, [cohort.id]);
    expect(count).toBe(1);
  });

  it('publishes to the whole track with a title of its own when asked', async () => {
    const { cohort, facilitator, as: who } = await setUp();
    const queue = ctx.app.get(HelpQueue);
    const ticket = (await raise(who.learner, cohort, { question: 'Aide ?' }).expect(201)).body;
    await queue.claim(as(facilitator), ticket.id);
    await queue.resolve(as(facilitator), ticket.id, 'Relancer npm install');
    const published = await who.facilitator.post(`/api/tickets/${ticket.id}/publish`).send({ scope: 'track', title: '  npm install échoue au premier lancement  ' }).expect(201);
    const thread = (await who.facilitator.get(`/api/threads/${published.body.threadId}`).expect(200)).body;
    expect(thread).toMatchObject({ scope: 'track', title: 'npm install échoue au premier lancement', body: 'Aide ?', tags: [] });
  });

  describe('suggestions while a question is typed', () => {
    async function validated(cohort: Cohort, reviewer: User, learnerIds: string[], options: { verdict?: string; level?: number; group?: boolean } = {}) {
      const briefId = await brief(cohort, reviewer, `Brief ${tag()}`);
      const [{ id: competencyId }] = await ctx.dataSource.query(`SELECT id FROM competencies WHERE track_id = $1 AND code = 'C1'`, [cohort.trackId]);
      const [{ id: assignmentId }] = await ctx.dataSource.query(
        `INSERT INTO brief_assignments (brief_id, cohort_id, starts_at, due_at, assigned_by) VALUES ($1, $2, now() - interval '2 days', now() - interval '1 day', $3) RETURNING id`,
        [briefId, cohort.id, reviewer.id],
      );
      const submitters: { learnerId: string | null; groupId: string | null; by: string }[] = [];
      if (options.group) {
        const [{ id: groupId }] = await ctx.dataSource.query(`INSERT INTO assignment_groups (assignment_id, name) VALUES ($1, 'Groupe A') RETURNING id`, [assignmentId]);
        for (const learnerId of learnerIds)
          await ctx.dataSource.query(`INSERT INTO assignment_group_members (assignment_id, group_id, learner_id) VALUES ($1, $2, $3)`, [assignmentId, groupId, learnerId]);
        submitters.push({ learnerId: null, groupId, by: learnerIds[0]! });
      } else submitters.push(...learnerIds.map((learnerId) => ({ learnerId, groupId: null, by: learnerId })));
      for (const submitter of submitters) {
        const [{ id: submissionId }] = await ctx.dataSource.query(
          `INSERT INTO submissions (assignment_id, learner_id, group_id, submitted_by, version, links, late) VALUES ($1, $2, $3, $4, 1, '["https://exemple.fr"]', false) RETURNING id`,
          [assignmentId, submitter.learnerId, submitter.groupId, submitter.by],
        );
        const [{ id: reviewId }] = await ctx.dataSource.query(`INSERT INTO reviews (submission_id, reviewer_id, verdict) VALUES ($1, $2, $3) RETURNING id`, [
          submissionId,
          reviewer.id,
          options.verdict ?? 'validated',
        ]);
        await ctx.dataSource.query(`INSERT INTO review_levels (review_id, competency_id, level) VALUES ($1, $2, $3)`, [reviewId, competencyId, options.level ?? 2]);
      }
    }

    it('suggests online learners who validated the competency, alone or in a group; never offline ones, those without it, or the caller', async () => {
      const { cohort, facilitator, learner, as: who } = await setUp();
      const named = (name: string) => ctx.fixtures.user({ name: `${name} ${tag()}` });
      const [online, grouped, offline, redo, levelZero, none] = await Promise.all(['Aline', 'Bruno', 'Chloé', 'Driss', 'Emma', 'Félix'].map(named));
      for (const user of [online, grouped, offline, redo, levelZero, none]) await ctx.fixtures.member(cohort, 'learner', user!);
      await validated(cohort, facilitator, [online!.id, offline!.id, learner.id]);
      await validated(cohort, facilitator, [grouped!.id], { group: true });
      await validated(cohort, facilitator, [redo!.id], { verdict: 'to_redo' });
      await validated(cohort, facilitator, [levelZero!.id], { level: 0 });
      const presence = ctx.app.get(LivePresence);
      await presence.refresh(
        [learner, online!, grouped!, redo!, levelZero!, none!].map((user) => ({ socketId: randomUUID(), userId: user.id, cohorts: [{ cohortId: cohort.id, role: 'learner' as const }] })),
      );
      await presence.refresh([{ socketId: randomUUID(), userId: facilitator.id, cohorts: [{ cohortId: cohort.id, role: 'facilitator' as const }] }]);

      const url = `/api/cohorts/${cohort.id}/tickets/suggestions?question=${encodeURIComponent('mon environnement ne marche pas')}`;
      const suggested = await who.learner.get(`${url}&competencyCode=C1`).expect(200);
      expect(suggested.body.peers).toEqual([
        { id: online!.id, displayName: online!.displayName },
        { id: grouped!.id, displayName: grouped!.displayName },
      ]);
      expect((await who.learner.get(url).expect(200)).body.peers).toEqual([]);
      const asPeer = await who.peer.get(`${url}&competencyCode=C1`).expect(200);
      expect(asPeer.body.peers.map((p: { id: string }) => p.id)).toEqual(expect.arrayContaining([learner.id, online!.id, grouped!.id]));
      await who.stranger.get(`${url}&competencyCode=C1`).expect(404);
      await who.learner.get(`${url}&competencyCode=Z9`).expect(400);
      await who.learner.get(`/api/cohorts/${cohort.id}/tickets/suggestions`).expect(400);
      await who.learner.get(`${url}&briefId=nope`).expect(400);
    });

    it('lists answered or solved threads like the question, those about the same brief first, at most 5', async () => {
      const { cohort, facilitator, as: who } = await setUp();
      const briefId = await brief(cohort, facilitator);
      const word = `flexbox${tag()}`;
      const post = async (title: string, answered: 'no' | 'reply' | 'accepted', withBrief = false) => {
        const thread = (
          await who.peer
            .post(`/api/cohorts/${cohort.id}/threads`)
            .send({ title, body: `Je bloque sur ${word}`, ...(withBrief ? { briefId } : {}) })
            .expect(201)
        ).body;
        if (answered !== 'no') {
          const reply = (await who.facilitator.post(`/api/threads/${thread.id}/replies`).send({ body: 'Essaie align-items: center' }).expect(201)).body;
          if (answered === 'accepted') await who.facilitator.put(`/api/threads/${thread.id}/accepted-reply`).send({ replyId: reply.id }).expect(200);
        }
        return thread.id as string;
      };
      const unanswered = await post(`Centrer avec ${word} sans réponse`, 'no');
      const generic = await post(`Centrer avec ${word} verticalement`, 'accepted');
      const others = [];
      for (let i = 0; i < 4; i++) others.push(await post(`Centrer avec ${word} encore ${i}`, 'reply'));
      const aboutBrief = await post(`Un souci de ${word} dans le portfolio`, 'reply', true);

      const url = `/api/cohorts/${cohort.id}/tickets/suggestions?question=${encodeURIComponent(`centrer ${word}`)}`;
      const withBrief = (await who.learner.get(`${url}&briefId=${briefId}`).expect(200)).body;
      const ids: string[] = withBrief.threads.map((t: { id: string }) => t.id);
      expect(ids).toHaveLength(5);
      expect(ids[0]).toBe(aboutBrief);
      expect(ids).not.toContain(unanswered);
      expect(withBrief.threads.every((t: { status: string }) => t.status !== 'unanswered')).toBe(true);
      expect(withBrief.peers).toEqual([]);

      const withoutBrief = (await who.learner.get(url).expect(200)).body.threads.map((t: { id: string }) => t.id);
      expect(withoutBrief[0]).toBe(generic);
      expect(withoutBrief).not.toContain(unanswered);
      expect(others.length).toBe(4);
    });
  });
});
