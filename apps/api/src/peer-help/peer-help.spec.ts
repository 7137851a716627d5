import type { Cohort, User } from '@fabrique/persistence';
import { POSTS_PER_MINUTE } from './post-rate-limiter.js';
import { ApiTestContext } from '../testing/api-test-context.js';

describe('peer-help threads: posting, replies, votes, answers, moderation, follows', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  type Agent = Awaited<ReturnType<ApiTestContext['as']>>;

  /** Two cohorts of one track (A and B), each with a facilitator and learners, and a stranger on another track. */
  async function setUp() {
    const cohortA = await ctx.fixtures.cohort();
    const cohortB = await ctx.fixtures.cohort({ trackId: cohortA.trackId });
    const other = await ctx.fixtures.cohort();
    const users = {
      facilitatorA: await ctx.fixtures.member(cohortA, 'facilitator', await ctx.fixtures.user({ name: `Julien Lefèvre ${suffix()}` })),
      askerA: await ctx.fixtures.member(cohortA, 'learner', await ctx.fixtures.user({ name: `Aïcha Traoré ${suffix()}` })),
      peerA: await ctx.fixtures.member(cohortA, 'learner', await ctx.fixtures.user({ name: `Kévin Da Silva ${suffix()}` })),
      facilitatorB: await ctx.fixtures.member(cohortB, 'facilitator'),
      learnerB: await ctx.fixtures.member(cohortB, 'learner'),
      stranger: await ctx.fixtures.member(other, 'learner'),
    };
    const as = Object.fromEntries(await Promise.all(Object.entries(users).map(async ([key, user]) => [key, await ctx.as(user)]))) as Record<keyof typeof users, Agent>;
    return { cohortA, cohortB, other, users, as };
  }

  let counter = 0;
  const suffix = () => `${process.pid}x${++counter}`;
  const handle = (user: User) =>
    user.displayName
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/\s+/g, '.');

  async function ask(agent: Agent, cohort: Cohort, extra: Record<string, unknown> = {}) {
    const body = { title: 'Comment centrer une div verticalement ?', body: 'J’ai essayé `vertical-align` sans succès.', tags: ['CSS', 'flexbox'], ...extra };
    return (await agent.post(`/api/cohorts/${cohort.id}/threads`).send(body).expect(201)).body;
  }

  async function answer(agent: Agent, threadId: string, body = 'Essaie `display: flex; align-items: center;` sur le parent.', extra: Record<string, unknown> = {}) {
    return (await agent.post(`/api/threads/${threadId}/replies`).send({ body, ...extra }).expect(201)).body;
  }

  const count = async (sql: string, params: unknown[]) => (await ctx.dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, params))[0].n as number;

  it('asks a question in a cohort; bad input is a 400 naming the field and writes nothing', async () => {
    const { cohortA, users, as } = await setUp();
    const thread = await ask(as.askerA, cohortA);
    expect(thread).toMatchObject({
      cohortId: cohortA.id,
      scope: 'cohort',
      status: 'unanswered',
      tags: ['css', 'flexbox'],
      author: { id: users.askerA.id, displayName: users.askerA.displayName, handle: handle(users.askerA) },
      anonymous: false,
      anonymityNotice: null,
      following: true,
      replyCount: 0,
      score: 0,
      permissions: { edit: true, delete: true, vote: false, accept: true, moderate: false, reply: true },
      replies: { items: [], nextCursor: null },
    });
    expect(thread.bodyHtml).toBe('<p>J’ai essayé <code>vertical-align</code> sans succès.</p>\n');

    const before = await count('help_threads WHERE cohort_id = $1', [cohortA.id]);
    const bad = async (extra: Record<string, unknown>, field: string) => {
      const response = await as.askerA.post(`/api/cohorts/${cohortA.id}/threads`).send({ title: 'Une question valable', body: 'Texte', ...extra }).expect(400);
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    };
    await bad({ title: 'CSS ?' }, 'title');
    await bad({ body: '' }, 'body');
    await bad({ body: 'x'.repeat(20_001) }, 'body');
    await bad({ tags: ['une balise'] }, 'tags');
    await bad({ tags: ['a', 'b', 'c', 'd', 'e', 'f'] }, 'tags');
    await bad({ scope: 'everyone' }, 'scope');
    await bad({ briefId: '00000000-0000-4000-8000-000000000000' }, 'briefId');
    await bad({ resourceId: '00000000-0000-4000-8000-000000000000' }, 'resourceId');
    const facilitatorAnonymous = await as.facilitatorA.post(`/api/cohorts/${cohortA.id}/threads`).send({ title: 'Une question valable', body: 'x', anonymous: true }).expect(400);
    expect(facilitatorAnonymous.body.details).toEqual([{ field: 'anonymous', message: 'Only learners may post anonymously' }]);
    expect(await count('help_threads WHERE cohort_id = $1', [cohortA.id])).toBe(before);

    await as.stranger.post(`/api/cohorts/${cohortA.id}/threads`).send({ title: 'Une question valable', body: 'x' }).expect(404);
    await as.learnerB.post(`/api/cohorts/${cohortA.id}/threads`).send({ title: 'Une question valable', body: 'x' }).expect(404);
  });

  it('links a question to a brief of the track', async () => {
    const { cohortA, as } = await setUp();
    const brief = await as.facilitatorA
      .post(`/api/tracks/${cohortA.trackId}/briefs`)
      .send({ title: 'La vitrine de la boulangerie', context: '', deliverables: '', competencies: [{ code: 'C1', expectedLevel: 1 }], mode: 'individual' })
      .expect(201);
    const thread = await ask(as.askerA, cohortA, { briefId: brief.body.id });
    expect(thread.briefId).toBe(brief.body.id);
    const listed = await as.peerA.get(`/api/cohorts/${cohortA.id}/threads?briefId=${brief.body.id}`).expect(200);
    expect(listed.body.items.map((t: { id: string }) => t.id)).toEqual([thread.id]);
  });

  it('shows a cohort thread to its cohort only, and a track-wide thread to every cohort of the track', async () => {
    const { cohortA, cohortB, as } = await setUp();
    const local = await ask(as.askerA, cohortA, { title: 'Question de la promo A seulement' });
    const shared = await ask(as.askerA, cohortA, { title: 'Question pour toutes les promos', scope: 'track' });

    const listedB = await as.learnerB.get(`/api/cohorts/${cohortB.id}/threads`).expect(200);
    expect(listedB.body.items.map((t: { id: string }) => t.id)).toEqual([shared.id]);
    const listedA = await as.peerA.get(`/api/cohorts/${cohortA.id}/threads`).expect(200);
    expect(listedA.body.items.map((t: { id: string }) => t.id)).toEqual([shared.id, local.id]);
    const onlyTrack = await as.peerA.get(`/api/cohorts/${cohortA.id}/threads?scope=track`).expect(200);
    expect(onlyTrack.body.items.map((t: { id: string }) => t.id)).toEqual([shared.id]);

    await as.learnerB.get(`/api/threads/${local.id}`).expect(404);
    await as.learnerB.post(`/api/threads/${local.id}/replies`).send({ body: 'je réponds' }).expect(404);
    await as.learnerB.put(`/api/threads/${local.id}/vote`).send({ value: 1 }).expect(404);
    await as.learnerB.get(`/api/threads/${shared.id}`).expect(200);
    const fromB = await answer(as.learnerB, shared.id, 'Chez nous on a fait comme ça.');
    await as.learnerB.put(`/api/threads/${shared.id}/vote`).send({ value: 1 }).expect(200);
    // A facilitator of a sister cohort moderates what their learners see.
    await as.facilitatorB.put(`/api/replies/${fromB.id}/endorsement`).expect(200);

    await as.stranger.get(`/api/threads/${shared.id}`).expect(404);
    await as.stranger.get(`/api/cohorts/${cohortA.id}/threads`).expect(404);
    await as.stranger.post(`/api/threads/${shared.id}/replies`).send({ body: 'intrus' }).expect(404);
  });

  it('counts one vote per user and post, changeable, never on your own post', async () => {
    const { cohortA, users, as } = await setUp();
    const thread = await ask(as.askerA, cohortA);
    await as.askerA.put(`/api/threads/${thread.id}/vote`).send({ value: 1 }).expect(403);
    await as.peerA.put(`/api/threads/${thread.id}/vote`).send({ value: 2 }).expect(400);
    expect((await as.peerA.put(`/api/threads/${thread.id}/vote`).send({ value: 1 }).expect(200)).body).toEqual({ score: 1, myVote: 1 });
    expect((await as.peerA.put(`/api/threads/${thread.id}/vote`).send({ value: 1 }).expect(200)).body).toEqual({ score: 1, myVote: 1 });
    expect((await as.facilitatorA.put(`/api/threads/${thread.id}/vote`).send({ value: 1 }).expect(200)).body.score).toBe(2);
    expect((await as.peerA.put(`/api/threads/${thread.id}/vote`).send({ value: -1 }).expect(200)).body).toEqual({ score: 0, myVote: -1 });
    expect((await as.peerA.get(`/api/threads/${thread.id}`).expect(200)).body).toMatchObject({ score: 0, myVote: -1 });
    expect((await as.peerA.delete(`/api/threads/${thread.id}/vote`).expect(200)).body).toEqual({ score: 1, myVote: null });

    const reply = await answer(as.peerA, thread.id);
    await as.peerA.put(`/api/replies/${reply.id}/vote`).send({ value: 1 }).expect(403);
    await as.askerA.put(`/api/replies/${reply.id}/vote`).send({ value: -1 }).expect(200);
    expect((await as.askerA.put(`/api/replies/${reply.id}/vote`).send({ value: 1 }).expect(200)).body).toEqual({ score: 1, myVote: 1 });
    await as.stranger.put(`/api/replies/${reply.id}/vote`).send({ value: 1 }).expect(404);
    await as.stranger.delete(`/api/replies/${reply.id}/vote`).expect(404);
    expect(await count('help_reply_votes WHERE reply_id = $1', [reply.id])).toBe(1);
    expect(await count('help_thread_votes WHERE thread_id = $1 AND user_id = $2', [thread.id, users.facilitatorA.id])).toBe(1);
  });

  it('lets the question’s author or a facilitator accept one answer; status follows', async () => {
    const { cohortA, cohortB, users, as } = await setUp();
    const thread = await ask(as.askerA, cohortA);
    const first = await answer(as.peerA, thread.id);
    const second = await answer(as.facilitatorA, thread.id, 'Ou bien `display: grid; place-items: center;`.');
    expect((await as.askerA.get(`/api/threads/${thread.id}`).expect(200)).body).toMatchObject({ status: 'answered', replyCount: 2 });

    await as.peerA.put(`/api/threads/${thread.id}/accepted-reply`).send({ replyId: first.id }).expect(403);
    const accepted = await as.askerA.put(`/api/threads/${thread.id}/accepted-reply`).send({ replyId: first.id }).expect(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', acceptedReplyId: first.id });
    expect(accepted.body.replies.items.map((r: { accepted: boolean }) => r.accepted)).toEqual([true, false]);
    const replaced = await as.facilitatorA.put(`/api/threads/${thread.id}/accepted-reply`).send({ replyId: second.id }).expect(200);
    expect(replaced.body.acceptedReplyId).toBe(second.id);

    const elsewhere = await ask(as.peerA, cohortA, { title: 'Une autre question ici' });
    const foreign = await answer(as.askerA, elsewhere.id);
    const wrong = await as.askerA.put(`/api/threads/${thread.id}/accepted-reply`).send({ replyId: foreign.id }).expect(400);
    expect(wrong.body.details[0].field).toBe('replyId');
    await as.askerA.put(`/api/threads/${thread.id}/accepted-reply`).send({ replyId: 'nope' }).expect(400);

    expect(await count('notifications WHERE user_id = $1 AND kind = $2', [users.peerA.id, 'thread.accepted'])).toBe(1);
    // Accepting your own reply notifies nobody.
    expect(await count('notifications WHERE user_id = $1 AND kind = $2', [users.facilitatorA.id, 'thread.accepted'])).toBe(0);

    await as.learnerB.delete(`/api/threads/${thread.id}/accepted-reply`).expect(404);
    expect((await as.askerA.delete(`/api/threads/${thread.id}/accepted-reply`).expect(200)).body).toMatchObject({ status: 'answered', acceptedReplyId: null });
    void cohortB;
  });

  it('lets a facilitator endorse a reply, not a learner', async () => {
    const { cohortA, users, as } = await setUp();
    const thread = await ask(as.askerA, cohortA);
    const reply = await answer(as.peerA, thread.id);
    await as.askerA.put(`/api/replies/${reply.id}/endorsement`).expect(403);
    await as.learnerB.put(`/api/replies/${reply.id}/endorsement`).expect(404);
    const endorsed = await as.facilitatorA.put(`/api/replies/${reply.id}/endorsement`).expect(200);
    expect(endorsed.body.endorsement).toMatchObject({ by: { id: users.facilitatorA.id, displayName: users.facilitatorA.displayName } });
    await as.peerA.delete(`/api/replies/${reply.id}/endorsement`).expect(403);
    expect((await as.facilitatorA.delete(`/api/replies/${reply.id}/endorsement`).expect(200)).body.endorsement).toBeNull();
  });

  it('keeps the history of edits, by the author only', async () => {
    const { cohortA, as } = await setUp();
    const thread = await ask(as.askerA, cohortA);
    await as.peerA.patch(`/api/threads/${thread.id}`).send({ body: 'vandalisme' }).expect(403);
    await as.stranger.patch(`/api/threads/${thread.id}`).send({ body: 'vandalisme' }).expect(404);
    await as.askerA.patch(`/api/threads/${thread.id}`).send({ title: 'x' }).expect(400);
    await as.askerA.patch(`/api/threads/${thread.id}`).send({ body: 'J’ai aussi essayé `margin: auto`.' }).expect(200);
    const edited = await as.askerA.patch(`/api/threads/${thread.id}`).send({ title: 'Centrer une div verticalement et horizontalement', tags: ['css'] }).expect(200);
    expect(edited.body).toMatchObject({ title: 'Centrer une div verticalement et horizontalement', tags: ['css'], editedAt: expect.any(String) });
    // An edit that changes nothing writes no version.
    await as.askerA.patch(`/api/threads/${thread.id}`).send({ tags: ['CSS'] }).expect(200);

    const history = await as.peerA.get(`/api/threads/${thread.id}/revisions`).expect(200);
    expect(history.body.map((v: { version: number; current: boolean; title: string; body: string; tags: string[] }) => [v.version, v.current, v.title, v.body, v.tags])).toEqual([
      [1, false, 'Comment centrer une div verticalement ?', 'J’ai essayé `vertical-align` sans succès.', ['css', 'flexbox']],
      [2, false, 'Comment centrer une div verticalement ?', 'J’ai aussi essayé `margin: auto`.', ['css', 'flexbox']],
      [3, true, 'Centrer une div verticalement et horizontalement', 'J’ai aussi essayé `margin: auto`.', ['css']],
    ]);
    await as.stranger.get(`/api/threads/${thread.id}/revisions`).expect(404);

    const reply = await answer(as.peerA, thread.id, 'Première version');
    await as.askerA.patch(`/api/replies/${reply.id}`).send({ body: 'pas à toi' }).expect(403);
    await as.stranger.patch(`/api/replies/${reply.id}`).send({ body: 'pas à toi' }).expect(404);
    const changed = await as.peerA.patch(`/api/replies/${reply.id}`).send({ body: 'Deuxième version, **corrigée**' }).expect(200);
    expect(changed.body).toMatchObject({ body: 'Deuxième version, **corrigée**', bodyHtml: '<p>Deuxième version, <strong>corrigée</strong></p>\n', editedAt: expect.any(String) });
    const replyHistory = await as.askerA.get(`/api/replies/${reply.id}/revisions`).expect(200);
    expect(replyHistory.body.map((v: { body: string; current: boolean }) => [v.body, v.current])).toEqual([
      ['Première version', false],
      ['Deuxième version, **corrigée**', true],
    ]);
    await as.stranger.get(`/api/replies/${reply.id}/revisions`).expect(404);
  });

  it('soft-deletes: the text and its history disappear, the thread stays readable', async () => {
    const { cohortA, as } = await setUp();
    const thread = await ask(as.askerA, cohortA);
    const reply = await answer(as.peerA, thread.id, 'Une réponse maladroite');
    const kept = await answer(as.facilitatorA, thread.id, 'La bonne réponse');
    await as.peerA.patch(`/api/replies/${reply.id}`).send({ body: 'Une réponse corrigée' }).expect(200);
    await as.askerA.put(`/api/threads/${thread.id}/accepted-reply`).send({ replyId: reply.id }).expect(200);

    await as.askerA.delete(`/api/replies/${reply.id}`).expect(403);
    await as.stranger.delete(`/api/replies/${reply.id}`).expect(404);
    await as.peerA.delete(`/api/replies/${reply.id}`).expect(204);
    await as.peerA.delete(`/api/replies/${reply.id}`).expect(204);
    const after = await as.askerA.get(`/api/threads/${thread.id}`).expect(200);
    expect(after.body).toMatchObject({ status: 'answered', replyCount: 1, acceptedReplyId: null });
    expect(after.body.replies.items[0]).toMatchObject({ id: reply.id, deleted: true, body: null, bodyHtml: null, permissions: { edit: false, delete: false, vote: false } });
    expect(await count('help_post_revisions WHERE reply_id = $1', [reply.id])).toBe(0);
    expect((await ctx.dataSource.query(`SELECT body FROM help_replies WHERE id = $1`, [reply.id]))[0].body).toBe('');
    expect((await as.askerA.get(`/api/replies/${reply.id}/revisions`).expect(200)).body).toEqual([]);
    await as.peerA.patch(`/api/replies/${reply.id}`).send({ body: 'je reviens' }).expect(409);
    await as.askerA.put(`/api/replies/${reply.id}/vote`).send({ value: 1 }).expect(409);

    await as.peerA.delete(`/api/threads/${thread.id}`).expect(403);
    await as.askerA.delete(`/api/threads/${thread.id}`).expect(204);
    const deleted = await as.peerA.get(`/api/threads/${thread.id}`).expect(200);
    expect(deleted.body).toMatchObject({ deleted: true, body: null, title: 'Comment centrer une div verticalement ?', excerpt: '', permissions: { reply: false } });
    expect(deleted.body.replies.items.find((r: { id: string }) => r.id === kept.id)).toMatchObject({ body: 'La bonne réponse' });
    await as.peerA.post(`/api/threads/${thread.id}/replies`).send({ body: 'encore' }).expect(409);
    // Still listed: it has an answer worth reading.
    const listed = await as.peerA.get(`/api/cohorts/${cohortA.id}/threads`).expect(200);
    expect(listed.body.items.map((t: { id: string }) => t.id)).toContain(thread.id);
  });

  it('lets a facilitator hide a post with a reason; its author and facilitators still read it', async () => {
    const { cohortA, users, as } = await setUp();
    const thread = await ask(as.askerA, cohortA);
    const reply = await answer(as.peerA, thread.id, 'Voici ma clé : sk_live_123');
    await as.askerA.put(`/api/replies/${reply.id}/hidden`).send({ reason: 'Clé secrète publiée' }).expect(403);
    await as.facilitatorA.put(`/api/replies/${reply.id}/hidden`).send({ reason: '' }).expect(400);
    const hidden = await as.facilitatorA.put(`/api/replies/${reply.id}/hidden`).send({ reason: 'Clé secrète publiée : change-la' }).expect(200);
    expect(hidden.body).toMatchObject({ hidden: { reason: 'Clé secrète publiée : change-la' }, body: 'Voici ma clé : sk_live_123' });

    const seenByAsker = (await as.askerA.get(`/api/threads/${thread.id}`).expect(200)).body;
    expect(seenByAsker).toMatchObject({ status: 'unanswered', replyCount: 0 });
    expect(seenByAsker.replies.items[0]).toMatchObject({ body: null, bodyHtml: null, hidden: { reason: 'Clé secrète publiée : change-la' } });
    expect((await as.peerA.get(`/api/threads/${thread.id}`).expect(200)).body.replies.items[0].body).toBe('Voici ma clé : sk_live_123');
    await as.askerA.put(`/api/threads/${thread.id}/accepted-reply`).send({ replyId: reply.id }).expect(409);

    await as.facilitatorA.delete(`/api/replies/${reply.id}/hidden`).expect(200);
    expect((await as.askerA.get(`/api/threads/${thread.id}`).expect(200)).body).toMatchObject({ status: 'answered', replyCount: 1 });

    await as.peerA.put(`/api/threads/${thread.id}/hidden`).send({ reason: 'hors sujet' }).expect(403);
    await as.facilitatorA.put(`/api/threads/${thread.id}/hidden`).send({ reason: 'Doublon de la question de lundi' }).expect(200);
    const hiddenThread = (await as.peerA.get(`/api/threads/${thread.id}`).expect(200)).body;
    expect(hiddenThread).toMatchObject({ title: null, body: null, hidden: { reason: 'Doublon de la question de lundi' } });
    expect((await as.askerA.get(`/api/threads/${thread.id}`).expect(200)).body.body).toBe('J’ai essayé `vertical-align` sans succès.');
    expect((await as.peerA.get(`/api/cohorts/${cohortA.id}/threads`).expect(200)).body.items).toEqual([]);
    expect((await as.facilitatorA.get(`/api/cohorts/${cohortA.id}/threads`).expect(200)).body.items).toHaveLength(1);
    await as.peerA.delete(`/api/threads/${thread.id}/hidden`).expect(403);
    await as.facilitatorA.delete(`/api/threads/${thread.id}/hidden`).expect(200);
    expect((await ctx.dataSource.query(`SELECT hidden_by FROM help_threads WHERE id = $1`, [thread.id]))[0].hidden_by).toBeNull();
    void users;
  });

  it('hides an anonymous author from peers, not from their facilitators, and says so', async () => {
    const { cohortA, cohortB, users, as } = await setUp();
    const thread = await ask(as.askerA, cohortA, { anonymous: true, scope: 'track', title: 'Je ne comprends pas les promesses' });
    expect(thread.author.id).toBe(users.askerA.id);
    expect(thread.anonymityNotice).toMatch(/You posted this anonymously/);

    const byPeer = (await as.peerA.get(`/api/threads/${thread.id}`).expect(200)).body;
    expect(byPeer).toMatchObject({ author: null, anonymous: true });
    expect(byPeer.anonymityNotice).toMatch(/hidden from learners/);
    const listedB = (await as.learnerB.get(`/api/cohorts/${cohortB.id}/threads`).expect(200)).body.items[0];
    expect(listedB).toMatchObject({ id: thread.id, author: null, anonymous: true });
    expect(JSON.stringify(listedB)).not.toContain(users.askerA.id);

    const byFacilitator = (await as.facilitatorA.get(`/api/threads/${thread.id}`).expect(200)).body;
    expect(byFacilitator.author).toMatchObject({ id: users.askerA.id });
    expect(byFacilitator.anonymityNotice).toMatch(/you see the author/);
    // The facilitator of a sister cohort is not the author's facilitator.
    expect((await as.facilitatorB.get(`/api/threads/${thread.id}`).expect(200)).body.author).toBeNull();

    const reply = await answer(as.peerA, thread.id, 'Moi non plus, au début…', { anonymous: true });
    expect((await as.askerA.get(`/api/threads/${thread.id}`).expect(200)).body.replies.items[0]).toMatchObject({ id: reply.id, author: null, anonymous: true });
    await as.facilitatorA.post(`/api/threads/${thread.id}/replies`).send({ body: 'Je passe.', anonymous: true }).expect(400);
  });

  it('notifies followers and mentioned readers of a reply, once each, never the replier', async () => {
    const { cohortA, users, as } = await setUp();
    const thread = await ask(as.askerA, cohortA);
    const notifications = async (user: User) =>
      (await ctx.dataSource.query(`SELECT kind, occurrence_key AS key, payload FROM notifications WHERE user_id = $1 ORDER BY created_at`, [user.id])) as {
        kind: string;
        key: string;
        payload: Record<string, unknown>;
      }[];

    await as.peerA.put(`/api/threads/${thread.id}/follow`).expect(200, { following: true });
    await as.stranger.put(`/api/threads/${thread.id}/follow`).expect(404);
    const mention = `Je pense que @${handle(users.facilitatorA)} saura, et @${handle(users.askerA)} aussi. Pas @${handle(users.stranger)}.`;
    const reply = await answer(as.peerA, thread.id, mention);

    expect(await notifications(users.peerA)).toEqual([]);
    expect(await notifications(users.askerA)).toEqual([
      { kind: 'thread.mention', key: `reply:${reply.id}`, payload: expect.objectContaining({ threadId: thread.id, replyId: reply.id, authorName: users.peerA.displayName }) },
    ]);
    expect((await notifications(users.facilitatorA)).map((n) => n.kind)).toEqual(['thread.mention']);
    expect(await notifications(users.stranger)).toEqual([]);

    const second = await answer(as.facilitatorA, thread.id, 'Oui : `align-items`.');
    expect((await notifications(users.peerA)).map((n) => [n.kind, n.key])).toEqual([['thread.reply', `reply:${second.id}`]]);
    await as.peerA.delete(`/api/threads/${thread.id}/follow`).expect(200, { following: false });
    // A question can call someone in too.
    const calling = await ask(as.askerA, cohortA, { title: 'Question pour Kévin en particulier', body: `@${handle(users.peerA)} tu as réussi ce matin ?` });
    expect((await notifications(users.peerA)).map((n) => [n.kind, n.key])).toEqual([
      ['thread.reply', `reply:${second.id}`],
      ['thread.mention', `thread:${calling.id}`],
    ]);
    await answer(as.askerA, thread.id, 'Merci !');
    expect(await notifications(users.peerA)).toHaveLength(2);
    // Replying does not follow: the facilitator only heard of the mention.
    expect(await notifications(users.facilitatorA)).toHaveLength(1);
  });

  it('keeps counts exact under concurrent replies and votes', async () => {
    const { cohortA, as } = await setUp();
    const thread = await ask(as.askerA, cohortA);
    const voters = await Promise.all(
      Array.from({ length: 6 }, async () => ctx.as(await ctx.fixtures.member(cohortA, 'learner'))),
    );
    await Promise.all(voters.map((voter, i) => voter.post(`/api/threads/${thread.id}/replies`).send({ body: `Réponse ${i}` }).expect(201)));
    await Promise.all(voters.map((voter, i) => voter.put(`/api/threads/${thread.id}/vote`).send({ value: i % 3 === 0 ? -1 : 1 }).expect(200)));
    const [row] = await ctx.dataSource.query(
      `SELECT reply_count AS "replyCount", score, (SELECT count(*)::int FROM help_replies WHERE thread_id = $1) AS replies,
              (SELECT sum(value)::int FROM help_thread_votes WHERE thread_id = $1) AS votes FROM help_threads WHERE id = $1`,
      [thread.id],
    );
    expect(row).toEqual({ replyCount: 6, replies: 6, score: 2, votes: 2 });
  });

  it('refuses the wrong user on every thread and reply route', async () => {
    const { cohortA, as } = await setUp();
    const thread = await ask(as.askerA, cohortA);
    const reply = await answer(as.peerA, thread.id);
    const strangerGets404 = [
      as.stranger.delete(`/api/threads/${thread.id}/follow`),
      as.stranger.delete(`/api/threads/${thread.id}/vote`),
      as.stranger.put(`/api/threads/${thread.id}/hidden`).send({ reason: 'pas ici' }),
      as.stranger.put(`/api/threads/${thread.id}/accepted-reply`).send({ replyId: reply.id }),
      as.stranger.delete(`/api/threads/${thread.id}`),
      as.stranger.put(`/api/replies/${reply.id}/hidden`).send({ reason: 'pas ici' }),
      as.stranger.delete(`/api/replies/${reply.id}/hidden`),
      as.stranger.put(`/api/replies/${reply.id}/endorsement`),
    ];
    for (const response of await Promise.all(strangerGets404)) expect(response.status).toBe(404);
    const learnerGets403 = [
      as.peerA.delete(`/api/replies/${reply.id}/hidden`),
      as.peerA.delete(`/api/threads/${thread.id}/hidden`),
      as.askerA.delete(`/api/replies/${reply.id}/endorsement`),
    ];
    for (const response of await Promise.all(learnerGets403)) expect(response.status).toBe(403);
  });

  it('renders hostile markdown as safe HTML and keeps code blocks', async () => {
    const { cohortA, as } = await setUp();
    const body = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(2)>',
      '[clique](javascript:alert(3))',
      '```html',
      '<button onclick="go()">OK</button>',
      '```',
    ].join('\n');
    const thread = await ask(as.askerA, cohortA, { body });
    expect(thread.body).toBe(body);
    const unsafe = (html: string) => /<(script|img|svg|button|iframe)\b|<[^>]*\son\w+=|href="(?!https?:|mailto:)/i.test(html);
    expect(unsafe(thread.bodyHtml)).toBe(false);
    expect(thread.bodyHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(thread.bodyHtml).toContain('<pre><code class="language-html">&lt;button onclick="go()"&gt;OK&lt;/button&gt;');
    const reply = await answer(as.peerA, thread.id, '<svg onload=alert(4)>[x](JaVaScRiPt:alert(5))');
    expect(unsafe(reply.bodyHtml)).toBe(false);
    expect(unsafe('<a href="javascript:x">')).toBe(true);
  });

  it('limits how fast one user posts', async () => {
    const cohort = await ctx.fixtures.cohort();
    const learner = await ctx.as(await ctx.fixtures.member(cohort, 'learner'));
    const thread = await ask(learner, cohort);
    for (let i = 1; i < POSTS_PER_MINUTE; i++) await learner.post(`/api/threads/${thread.id}/replies`).send({ body: `précision ${i}` }).expect(201);
    const limited = await learner.post(`/api/threads/${thread.id}/replies`).send({ body: 'encore une' }).expect(429);
    expect(limited.body).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/posting too fast/) });
    expect(await count('help_replies WHERE thread_id = $1', [thread.id])).toBe(POSTS_PER_MINUTE - 1);
  });

  describe('lists', () => {
    /** Threads written straight to the database, a minute apart, oldest first. */
    async function seedThreads(cohort: Cohort, author: User, n: number, start: Date) {
      const rows: { id: string }[] = await ctx.dataSource.query(
        `INSERT INTO help_threads (cohort_id, track_id, scope, author_id, title, body, created_at, score, reply_count)
         SELECT $1, $2, 'cohort', $3, 'Question numéro ' || i, 'Texte ' || i, $4::timestamptz + i * interval '1 minute', i % 4, i % 3
           FROM generate_series(1, $5) AS i ORDER BY i RETURNING id`,
        [cohort.id, cohort.trackId, author.id, start, n],
      );
      return rows.map((row) => row.id);
    }

    async function pages(agent: Agent, path: string, between?: () => Promise<unknown>) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `${path}${path.includes('?') ? '&' : '?'}limit=7${cursor ? `&cursor=${cursor}` : ''}`;
        const response = await agent.get(url).expect(200);
        seen.push(...response.body.items.map((t: { id: string }) => t.id));
        cursor = response.body.nextCursor;
        await between?.();
      } while (cursor);
      return seen;
    }

    it('pages newest first without duplicates or gaps while new questions arrive', async () => {
      const { cohortA, users, as } = await setUp();
      const ids = await seedThreads(cohortA, users.askerA, 30, new Date('2026-10-01T08:00:00Z'));
      let arriving = 0;
      const seen = await pages(as.peerA, `/api/cohorts/${cohortA.id}/threads`, () =>
        as.askerA.post(`/api/cohorts/${cohortA.id}/threads`).send({ title: `Nouvelle question ${++arriving}`, body: 'x' }).expect(201),
      );
      expect(seen).toEqual([...ids].reverse());
      expect(arriving).toBeGreaterThan(3);
    });

    it('pages by votes and unanswered first, each row once', async () => {
      const { cohortA, users, as } = await setUp();
      const ids = await seedThreads(cohortA, users.askerA, 30, new Date('2026-10-01T08:00:00Z'));
      const rows: { id: string; score: number; created_at: Date; reply_count: number }[] = await ctx.dataSource.query(
        `SELECT id, score, created_at, reply_count FROM help_threads WHERE id = ANY($1)`,
        [ids],
      );
      const byVotes = [...rows].sort((a, b) => b.score - a.score || b.created_at.getTime() - a.created_at.getTime()).map((r) => r.id);
      expect(await pages(as.peerA, `/api/cohorts/${cohortA.id}/threads?sort=votes`)).toEqual(byVotes);
      const unansweredFirst = [...rows]
        .sort((a, b) => Number(a.reply_count > 0) - Number(b.reply_count > 0) || b.created_at.getTime() - a.created_at.getTime())
        .map((r) => r.id);
      expect(await pages(as.peerA, `/api/cohorts/${cohortA.id}/threads?sort=unanswered`)).toEqual(unansweredFirst);
      const unanswered = await as.peerA.get(`/api/cohorts/${cohortA.id}/threads?status=unanswered&limit=100`).expect(200);
      expect(unanswered.body.items).toHaveLength(10);
      await as.peerA.get(`/api/cohorts/${cohortA.id}/threads?cursor=bad`).expect(400);
      await as.peerA.get(`/api/cohorts/${cohortA.id}/threads?sort=random`).expect(400);
      await as.peerA.get(`/api/cohorts/${cohortA.id}/threads?limit=1000`).expect(400);
    });

    it('pages replies oldest first', async () => {
      const { cohortA, users, as } = await setUp();
      const thread = await ask(as.askerA, cohortA);
      await ctx.dataSource.query(
        `INSERT INTO help_replies (thread_id, author_id, body, created_at)
         SELECT $1, $2, 'réponse ' || i, now() + i * interval '1 second' FROM generate_series(1, 60) AS i`,
        [thread.id, users.peerA.id],
      );
      const first = await as.askerA.get(`/api/threads/${thread.id}`).expect(200);
      expect(first.body.replies.items).toHaveLength(50);
      const rest = await as.askerA.get(`/api/threads/${thread.id}/replies?cursor=${first.body.replies.nextCursor}`).expect(200);
      expect(rest.body).toMatchObject({ nextCursor: null });
      expect([...first.body.replies.items, ...rest.body.items].map((r: { body: string }) => r.body)).toEqual(Array.from({ length: 60 }, (_, i) => `réponse ${i + 1}`));
      await as.stranger.get(`/api/threads/${thread.id}/replies`).expect(404);
    });
  });
});
