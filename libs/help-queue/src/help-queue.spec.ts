import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Principal } from '@fabrique/auth';
import { ConfigModule } from '@fabrique/config';
import { DatabaseModule, RedisModule, type User } from '@fabrique/persistence';
import { Fixtures } from '@fabrique/testing';
import { HelpQueue } from './help-queue.js';
import { HelpQueueModule } from './help-queue.module.js';
import { LivePresence } from './live-presence.js';

@Module({ imports: [ConfigModule, DatabaseModule, RedisModule, HelpQueueModule] })
class TestModule {}

describe('the help queue, against PostgreSQL and Redis', () => {
  let app: INestApplicationContext;
  let queue: HelpQueue;
  let dataSource: DataSource;
  let fixtures: Fixtures;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(TestModule, { logger: false });
    queue = app.get(HelpQueue);
    dataSource = app.get<DataSource>(getDataSourceToken());
    fixtures = new Fixtures(dataSource);
  });
  afterAll(() => app.close());

  const as = (user: User): Principal => ({ userId: user.id, isAdmin: user.isAdmin, sessionId: user.id });
  const uuid = () => crypto.randomUUID();

  async function setUp() {
    const cohort = await fixtures.cohort();
    const facilitators = [await fixtures.member(cohort, 'facilitator'), await fixtures.member(cohort, 'facilitator')];
    const learners = [await fixtures.member(cohort, 'learner'), await fixtures.member(cohort, 'learner')];
    const stranger = await fixtures.member(await fixtures.cohort(), 'learner');
    return { cohort, facilitators, learners, stranger };
  }

  it('raises, orders, claims once under a race, chats, resolves; each change numbered once', async () => {
    const { cohort, facilitators, learners } = await setUp();
    const first = await queue.raise(as(learners[0]!), { cohortId: cohort.id, question: 'Mon flex ne centre pas', competencyCode: 'C2' });
    const second = await queue.raise(as(learners[1]!), { cohortId: cohort.id, question: 'Git refuse mon push' });
    expect(first).toMatchObject({ status: 'waiting', competency: { code: 'C2' }, learner: { id: learners[0]!.id } });

    const snapshot = await queue.snapshot(as(facilitators[0]!), cohort.id);
    expect(snapshot.tickets.map((t) => t.id)).toEqual([first.id, second.id]);
    expect(snapshot.queue.waiting.map((w) => w.position)).toEqual([1, 2]);
    expect(snapshot.byCompetency).toEqual(expect.arrayContaining([{ code: 'C2', title: expect.any(String), ticketIds: [first.id] }]));

    const race = await Promise.allSettled(facilitators.map((f) => queue.claim(as(f), first.id)));
    const won = race.filter((r) => r.status === 'fulfilled');
    const lost = race.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost[0]!.reason.message).toMatch(/^Already claimed by /);

    const claimer = (won[0] as PromiseFulfilledResult<{ claimedBy: { id: string } }>).value.claimedBy.id;
    const claimerUser = facilitators.find((f) => f.id === claimer)!;
    await queue.message(as(learners[0]!), first.id, 'Voici mon CSS');
    await queue.message(as(claimerUser), first.id, 'Essaie align-items');
    await expect(queue.message(as(learners[1]!), first.id, 'intrus')).rejects.toMatchObject({ status: 404 });
    await expect(queue.resolve(as(learners[0]!), first.id, 'fini')).rejects.toMatchObject({ status: 403 });
    const resolved = await queue.resolve(as(claimerUser), first.id, 'align-items: center sur le parent');
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'align-items: center sur le parent' });

    const events = await queue.replay(as(facilitators[0]!), cohort.id, 0);
    expect(events.events.map((e) => [e.seq, e.type])).toEqual([
      [1, 'ticket.raised'],
      [2, 'ticket.raised'],
      [3, 'ticket.claimed'],
      [4, 'ticket.message'],
      [5, 'ticket.message'],
      [6, 'ticket.resolved'],
    ]);
    // The other learner replays what the cohort may know, without the first learner's question or chat.
    const theirs = await queue.replay(as(learners[1]!), cohort.id, 0);
    expect(theirs.events.map((e) => e.type)).toEqual(['ticket.raised', 'ticket.raised', 'ticket.claimed', 'ticket.resolved']);
    expect(theirs.events[0]!.data.ticket).toMatchObject({ id: first.id, learner: null, question: null });
    expect(theirs.events[1]!.data.ticket).toMatchObject({ id: second.id, question: 'Git refuse mon push' });
    expect(JSON.stringify(theirs.events)).not.toContain('Mon flex');
  });

  it('keeps two open tickets per learner and cohort, even when raised at once', async () => {
    const { cohort, learners } = await setUp();
    const results = await Promise.allSettled(
      [1, 2, 3, 4].map((i) => queue.raise(as(learners[0]!), { cohortId: cohort.id, question: `Question ${i}` })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(results.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.status)).toEqual([409, 409]);
  });

  it('applies a retried command once and answers it the same', async () => {
    const { cohort, learners } = await setUp();
    const commandId = uuid();
    const [a, b] = await Promise.all([
      queue.raise(as(learners[0]!), { cohortId: cohort.id, question: 'Une fois' }, commandId),
      queue.raise(as(learners[0]!), { cohortId: cohort.id, question: 'Une fois' }, commandId),
    ]);
    const c = await queue.raise(as(learners[0]!), { cohortId: cohort.id, question: 'Une fois' }, commandId);
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM help_tickets WHERE learner_id = $1`, [learners[0]!.id]);
    expect(n).toBe(1);
    await expect(queue.cancel(as(learners[0]!), a.id, commandId)).rejects.toMatchObject({ status: 400 });

    // A retry racing the first attempt answers the first result even when the change itself
    // would now be refused (here: the second raise reaches the open-ticket limit).
    const again = uuid();
    const raced = await Promise.all([1, 2, 3].map(() => queue.raise(as(learners[0]!), { cohortId: cohort.id, question: 'Deuxième' }, again)));
    expect(new Set(raced.map((t) => t.id)).size).toBe(1);
  });

  it('skips a learner who stepped away and gives their place back on return', async () => {
    const { cohort, facilitators, learners } = await setUp();
    const first = await queue.raise(as(learners[0]!), { cohortId: cohort.id, question: 'Première' });
    const second = await queue.raise(as(learners[1]!), { cohortId: cohort.id, question: 'Seconde' });
    await queue.setAway(as(learners[0]!), first.id, true);
    let waiting = (await queue.snapshot(as(learners[1]!), cohort.id)).queue.waiting;
    expect(waiting.map((w) => [w.ticketId, w.position])).toEqual([
      [first.id, null],
      [second.id, 1],
    ]);
    await expect(queue.claim(as(facilitators[0]!), first.id)).rejects.toMatchObject({ status: 409 });
    await queue.setAway(as(learners[0]!), first.id, false);
    waiting = (await queue.snapshot(as(learners[1]!), cohort.id)).queue.waiting;
    expect(waiting.map((w) => w.position)).toEqual([1, 2]);
  });

  it('escalates a ticket waiting ten minutes once, to every facilitator, and notifies an offline learner when claimed', async () => {
    const { cohort, facilitators, learners } = await setUp();
    const ticket = await queue.raise(as(learners[0]!), { cohortId: cohort.id, question: 'Personne ?' });
    await dataSource.query(`UPDATE help_tickets SET raised_at = now() - interval '11 minutes' WHERE id = $1`, [ticket.id]);
    expect(await queue.escalateOverdue(10)).toBeGreaterThanOrEqual(1);
    await queue.escalateOverdue(10);
    const escalations = await dataSource.query(`SELECT user_id FROM notifications WHERE kind = 'ticket.escalated' AND occurrence_key = $1`, [ticket.id]);
    expect(escalations.map((r: { user_id: string }) => r.user_id).sort()).toEqual(facilitators.map((f) => f.id).sort());
    const events = await queue.replay(as(facilitators[0]!), cohort.id, 0);
    expect(events.events.filter((e) => e.type === 'ticket.escalated')).toHaveLength(1);
    expect((await queue.replay(as(learners[0]!), cohort.id, 0)).events.map((e) => e.type)).toEqual(['ticket.raised']);

    await queue.claim(as(facilitators[0]!), ticket.id);
    const [{ n }] = await dataSource.query(`SELECT count(*)::int AS n FROM notifications WHERE user_id = $1 AND kind = 'ticket.claimed'`, [learners[0]!.id]);
    expect(n).toBe(1);
  });

  it('tells a client too far behind to reload instead of replaying a history with holes', async () => {
    const { cohort, facilitators, learners } = await setUp();
    const ticket = await queue.raise(as(learners[0]!), { cohortId: cohort.id, question: 'Une' });
    await queue.cancel(as(learners[0]!), ticket.id);
    await queue.raise(as(learners[0]!), { cohortId: cohort.id, question: 'Deux' });
    expect(await queue.replay(as(facilitators[0]!), cohort.id, 1)).toMatchObject({ stale: false, lastSeq: 3 });
    await dataSource.query(`DELETE FROM live_events WHERE cohort_id = $1 AND seq < 3`, [cohort.id]);
    expect(await queue.replay(as(facilitators[0]!), cohort.id, 1)).toEqual({ events: [], lastSeq: 3, hasMore: false, stale: true });
    expect((await queue.replay(as(facilitators[0]!), cohort.id, 2)).events.map((e) => e.seq)).toEqual([3]);
    expect(await queue.replay(as(facilitators[0]!), cohort.id, 3)).toMatchObject({ events: [], stale: false });
  });

  it('counts facilitators online once across tabs, and forgets sockets that stop beating', async () => {
    const { cohort, facilitators } = await setUp();
    const presence = app.get(LivePresence);
    const entry = (socketId: string, user: User) => ({ socketId, userId: user.id, cohorts: [{ cohortId: cohort.id, role: 'facilitator' as const }] });
    await presence.refresh([entry('tab-1', facilitators[0]!), entry('tab-2', facilitators[0]!), entry('tab-3', facilitators[1]!)]);
    expect((await presence.online(cohort.id, 'facilitator')).sort()).toEqual(facilitators.map((f) => f.id).sort());
    await presence.remove(entry('tab-1', facilitators[0]!));
    expect(await presence.online(cohort.id, 'facilitator')).toHaveLength(2);
    expect(await presence.isOnline(facilitators[0]!.id)).toBe(true);
  });
});
