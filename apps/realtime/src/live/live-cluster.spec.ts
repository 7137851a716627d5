import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import type { LiveEvent, TicketMessage, TicketView, TypingSignal } from '@fabrique/contracts';
import { HelpQueue, type ReplayPage } from '@fabrique/help-queue';
import { RealtimeTestContext, inbox, ok, send, until } from '../testing/realtime-test-context.js';

const uuid = () => randomUUID();

describe('live namespace: two instances behind a load balancer', () => {
  const first = new RealtimeTestContext({ LIVE_COMMANDS_PER_SECOND: '1000' });
  const second = new RealtimeTestContext({ LIVE_COMMANDS_PER_SECOND: '1000' });
  beforeAll(() => Promise.all([first.start(), second.start()]));
  afterAll(() => Promise.all([first.stop(), second.stop()]));

  const raise = (client: Socket, cohortId: string, question = 'Mon flex ne centre pas') =>
    ok<TicketView>(send(client, 'ticket:raise', { commandId: uuid(), cohortId, question }));

  it('lets exactly one of two facilitators on two instances claim a ticket; the other is told who', async () => {
    const cohort = await first.fixtures.cohort();
    const learner = await first.fixtures.member(cohort, 'learner');
    const alice = await first.fixtures.member(cohort, 'facilitator');
    const bob = await first.fixtures.member(cohort, 'facilitator');
    const [learnerSocket, aliceSocket, bobSocket] = [await first.as(learner), await first.as(alice), await second.as(bob)];
    const ticket = await raise(learnerSocket, cohort.id);

    const answers = await Promise.all([aliceSocket, bobSocket].map((s) => send<TicketView>(s, 'ticket:claim', { commandId: uuid(), ticketId: ticket.id })));
    const won = answers.filter((a) => a.ok);
    const lost = answers.filter((a) => !a.ok);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = won[0]!.ok ? won[0]!.data.claimedBy : null;
    expect(lost[0]).toEqual({ ok: false, error: { code: 'conflict', message: `Already claimed by ${winner?.displayName}` } });
    expect([alice.id, bob.id]).toContain(winner?.id);
  });

  it('shows a learner on one instance and a facilitator on the other each other’s events, chat and typing included', async () => {
    const cohort = await first.fixtures.cohort();
    const learner = await first.fixtures.member(cohort, 'learner');
    const facilitator = await first.fixtures.member(cohort, 'facilitator');
    const learnerSocket = await first.as(learner);
    const facilitatorSocket = await second.as(facilitator);
    const [toLearner, toFacilitator] = [learnerSocket, facilitatorSocket].map((s) => inbox<LiveEvent>(s, 'live'));
    const typing = inbox<TypingSignal>(learnerSocket, 'typing');

    const ticket = await raise(learnerSocket, cohort.id);
    await until(() => toFacilitator.length === 1, 'the raise on the other instance');
    expect(toFacilitator[0]).toMatchObject({ type: 'ticket.raised', data: { ticket: { id: ticket.id, question: 'Mon flex ne centre pas' } } });
    await ok(send(facilitatorSocket, 'ticket:claim', { commandId: uuid(), ticketId: ticket.id }));
    await ok(send(facilitatorSocket, 'ticket:typing', { ticketId: ticket.id }));
    await ok<TicketMessage>(send(facilitatorSocket, 'ticket:message', { commandId: uuid(), ticketId: ticket.id, body: 'Montre-moi ton CSS' }));
    await ok<TicketMessage>(send(learnerSocket, 'ticket:message', { commandId: uuid(), ticketId: ticket.id, body: 'Le voici' }));
    await until(() => toLearner.length === 4 && toFacilitator.length === 4 && typing.length === 1, 'the claim and the chat');
    expect(toLearner.map((e) => [e.seq, e.type, e.data.message?.body])).toEqual([
      [1, 'ticket.raised', undefined],
      [2, 'ticket.claimed', undefined],
      [3, 'ticket.message', 'Montre-moi ton CSS'],
      [4, 'ticket.message', 'Le voici'],
    ]);
    expect(toFacilitator).toEqual(toLearner);
    expect(typing).toEqual([{ ticketId: ticket.id, user: { id: facilitator.id, displayName: facilitator.displayName } }]);
  });

  it('loses nothing across a cut connection: live events, then sync from the last seq, give every event once', async () => {
    const cohort = await first.fixtures.cohort();
    const learner = await first.fixtures.member(cohort, 'learner');
    const peer = await first.fixtures.member(cohort, 'learner');
    const facilitator = await first.fixtures.member(cohort, 'facilitator');
    const learnerSocket = await first.as(learner);
    const peerSocket = await second.as(peer);
    const facilitatorSocket = await second.as(facilitator);
    const received = inbox<LiveEvent>(learnerSocket, 'live');
    const toFacilitator = inbox<LiveEvent>(facilitatorSocket, 'live');

    const ticket = await raise(learnerSocket, cohort.id, 'Ma question');
    await ok(send(facilitatorSocket, 'ticket:claim', { commandId: uuid(), ticketId: ticket.id }));
    await until(() => received.length === 2, 'the first events');

    // Events keep flowing from others while the learner's transport is cut.
    const cut = new Promise((resolve) => learnerSocket.once('disconnect', resolve));
    learnerSocket.io.engine.close();
    await cut;
    // The last seq seen before the cut: what arrives after the reconnection is buffered, it does not move the mark.
    const lastSeen = Math.max(...received.map((e) => e.seq));
    const flow = (async () => {
      for (let i = 0; i < 6; i++) {
        await ok(send(facilitatorSocket, 'ticket:message', { commandId: uuid(), ticketId: ticket.id, body: `message ${i}` }));
        if (i === 1) await raise(peerSocket, cohort.id, 'Question du voisin');
        if (i === 3) await ok(send(facilitatorSocket, 'queue:announce', { commandId: uuid(), cohortId: cohort.id, message: 'Pause à 15 h' }));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 30));
    await first.connected(learnerSocket); // reconnects while the others are still talking

    // The client protocol: buffer what arrives live during the sync, then merge and drop doubles by seq.
    const page = (await ok<Record<string, ReplayPage>>(send(learnerSocket, 'sync', { cohorts: { [cohort.id]: lastSeen } })))[cohort.id]!;
    expect(page).toMatchObject({ hasMore: false, stale: false });
    await flow;
    await ok(send(facilitatorSocket, 'ticket:message', { commandId: uuid(), ticketId: ticket.id, body: 'after the sync' }));
    await until(() => received.some((e) => e.data.message?.body === 'after the sync'), 'the message after the sync');

    const union = new Map<number, LiveEvent>();
    for (const event of [...received, ...page.events]) union.set(event.seq, event);
    const merged = [...union.values()].sort((a, b) => a.seq - b.seq);
    // What the learner may see of the cohort, from the log: every one of them, once, none missing.
    const expected = await first.app.get(HelpQueue).replay({ userId: learner.id, isAdmin: false, sessionId: uuid() }, cohort.id, 0);
    expect(merged.map((e) => e.seq)).toEqual(expected.events.map((e) => e.seq));
    expect(merged.map((e) => e.type)).toEqual(expected.events.map((e) => e.type));
    expect(merged.filter((e) => e.type === 'ticket.message')).toHaveLength(7);
    expect(merged.find((e) => e.type === 'ticket.raised' && e.data.ticket?.id !== ticket.id)?.data.ticket).toMatchObject({ learner: null, question: null });
    expect(page.events.length).toBeGreaterThan(0);
    // Live delivery itself never doubles, and the facilitator, never cut, saw every seq in order.
    expect(new Set(received.map((e) => e.seq)).size).toBe(received.length);
    await until(() => toFacilitator.length === expected.lastSeq, 'every event at the facilitator');
    expect(toFacilitator.map((e) => e.seq)).toEqual(Array.from({ length: expected.lastSeq }, (_, i) => i + 1));
  });

  it('asks its sockets to resync when its Redis subscriber comes back, and sync then has what was missed', async () => {
    const cohort = await first.fixtures.cohort();
    const learner = await first.fixtures.member(cohort, 'learner');
    const facilitator = await first.fixtures.member(cohort, 'facilitator');
    const learnerSocket = await first.as(learner);
    const facilitatorSocket = await second.as(facilitator);
    const resyncs = inbox<{ reason: string }>(learnerSocket, 'resync');
    const otherResyncs = inbox(facilitatorSocket, 'resync');

    first.ioAdapter.subscriber.disconnect(true); // the link drops; ioredis reconnects and resubscribes
    await ok(send(facilitatorSocket, 'queue:announce', { commandId: uuid(), cohortId: cohort.id, message: 'Annonce pendant la coupure' }));
    await until(() => resyncs.length === 1, 'resync', 10_000);
    expect(resyncs).toEqual([{ reason: 'redis_reconnected' }]);
    const synced = await ok<Record<string, ReplayPage>>(send(learnerSocket, 'sync', { cohorts: { [cohort.id]: 0 } }));
    expect(synced[cohort.id]!.events.map((e) => e.data.announcement?.message)).toEqual(['Annonce pendant la coupure']);
    expect(otherResyncs).toEqual([]); // only the instance that lost its link asks
  });
});
