import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Socket } from 'socket.io-client';
import type { DataSource } from 'typeorm';
import { SessionRevocations } from '@fabrique/auth';
import type { LiveEvent, TicketMessage, TicketView, TypingSignal } from '@fabrique/contracts';
import type { QueueSnapshot } from '@fabrique/help-queue';
import type { Cohort } from '@fabrique/persistence';
import { RealtimeTestContext, inbox, ok, send, until } from '../testing/realtime-test-context.js';

const uuid = () => randomUUID();

describe('live namespace: the help queue commands', () => {
  // A generous budget: the rate limit has its own test, with the default.
  const ctx = new RealtimeTestContext({ LIVE_COMMANDS_PER_SECOND: '1000' });
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  const db = () => ctx.app.get<DataSource>(getDataSourceToken());
  const raise = (client: Socket, cohort: Cohort, question = 'Mon flex ne centre pas') =>
    ok<TicketView>(send(client, 'ticket:raise', { commandId: uuid(), cohortId: cohort.id, question }));

  async function setUp() {
    const cohort = await ctx.fixtures.cohort();
    const other = await ctx.fixtures.cohort();
    const users = {
      learner: await ctx.fixtures.member(cohort, 'learner'),
      peer: await ctx.fixtures.member(cohort, 'learner'),
      facilitator: await ctx.fixtures.member(cohort, 'facilitator'),
      colleague: await ctx.fixtures.member(cohort, 'facilitator'),
      outsider: await ctx.fixtures.member(other, 'learner'),
      foreignFacilitator: await ctx.fixtures.member(other, 'facilitator'),
    };
    const sockets = Object.fromEntries(await Promise.all(Object.entries(users).map(async ([name, user]) => [name, await ctx.as(user)]))) as Record<
      keyof typeof users,
      Socket
    >;
    return { cohort, other, users, sockets };
  }

  it('raises, claims, chats and resolves over sockets, each answered through the acknowledgement', async () => {
    const { cohort, users, sockets } = await setUp();
    const ticket = await ok<TicketView>(
      send(sockets.learner, 'ticket:raise', { commandId: uuid(), cohortId: cohort.id, question: 'Git refuse mon push', competencyCode: 'C1' }),
    );
    expect(ticket).toMatchObject({ status: 'waiting', question: 'Git refuse mon push', competency: { code: 'C1' }, learner: { id: users.learner.id } });

    const snapshot = await ok<QueueSnapshot>(send(sockets.facilitator, 'queue:get', { cohortId: cohort.id }));
    expect(snapshot).toMatchObject({ cohortId: cohort.id, role: 'facilitator', lastSeq: 1, tickets: [{ id: ticket.id }] });
    expect(await ok<QueueSnapshot>(send(sockets.peer, 'queue:get', { cohortId: cohort.id }))).toMatchObject({ role: 'learner', tickets: [] });

    expect(await ok(send(sockets.facilitator, 'ticket:claim', { commandId: uuid(), ticketId: ticket.id }))).toMatchObject({
      status: 'claimed',
      claimedBy: { id: users.facilitator.id },
    });
    const typing = inbox<TypingSignal>(sockets.facilitator, 'typing');
    const learnerTyping = inbox<TypingSignal>(sockets.learner, 'typing');
    expect(await send(sockets.learner, 'ticket:typing', { ticketId: ticket.id })).toEqual({ ok: true, data: null });
    await until(() => typing.length === 1, 'typing');
    expect(typing[0]).toEqual({ ticketId: ticket.id, user: { id: users.learner.id, displayName: users.learner.displayName } });

    const message = await ok<TicketMessage>(send(sockets.learner, 'ticket:message', { commandId: uuid(), ticketId: ticket.id, body: 'Voici mon terminal' }));
    expect(message).toMatchObject({ body: 'Voici mon terminal', author: { id: users.learner.id } });
    await ok(send(sockets.facilitator, 'ticket:hand-over', { commandId: uuid(), ticketId: ticket.id, facilitatorId: users.colleague.id }));
    await ok(send(sockets.colleague, 'ticket:message', { commandId: uuid(), ticketId: ticket.id, body: 'git pull --rebase' }));
    const full = await ok<TicketView & { messages: TicketMessage[] }>(send(sockets.learner, 'ticket:get', { ticketId: ticket.id }));
    expect(full.messages.map((m) => m.body)).toEqual(['Voici mon terminal', 'git pull --rebase']);
    expect(full.claimedBy?.id).toBe(users.colleague.id);

    await ok(send(sockets.colleague, 'ticket:release', { commandId: uuid(), ticketId: ticket.id }));
    await ok(send(sockets.learner, 'ticket:away', { commandId: uuid(), ticketId: ticket.id, away: true }));
    await ok(send(sockets.learner, 'ticket:away', { commandId: uuid(), ticketId: ticket.id, away: false }));
    await ok(send(sockets.facilitator, 'ticket:claim', { commandId: uuid(), ticketId: ticket.id }));
    expect(await ok(send(sockets.facilitator, 'ticket:resolve', { commandId: uuid(), ticketId: ticket.id, resolution: 'Rebase sur main' }))).toMatchObject({
      status: 'resolved',
      resolution: 'Rebase sur main',
    });
    expect(await ok(send(sockets.facilitator, 'queue:announce', { commandId: uuid(), cohortId: cohort.id, message: 'Pause à 15 h' }))).toEqual({ announced: true });
    const second = await raise(sockets.learner, cohort);
    expect(await ok(send(sockets.learner, 'ticket:cancel', { commandId: uuid(), ticketId: second.id }))).toMatchObject({ status: 'cancelled' });
    expect(learnerTyping).toEqual([]); // the sender's own socket is left out
  });

  it('refuses the wrong cohort or ticket on every event, and keeps every socket connected', async () => {
    const { cohort, users, sockets } = await setUp();
    const claimed = await raise(sockets.learner, cohort);
    const waiting = await raise(sockets.learner, cohort, 'Et mon grid ?');
    await ok(send(sockets.facilitator, 'ticket:claim', { commandId: uuid(), ticketId: claimed.id }));
    const commandId = uuid;

    const cases: [keyof typeof sockets, string, Record<string, unknown>, string][] = [
      ['outsider', 'queue:get', { cohortId: cohort.id }, 'not_found'],
      ['foreignFacilitator', 'queue:get', { cohortId: cohort.id }, 'not_found'],
      ['outsider', 'ticket:raise', { commandId: commandId(), cohortId: cohort.id, question: 'intrus' }, 'not_found'],
      ['facilitator', 'ticket:raise', { commandId: commandId(), cohortId: cohort.id, question: 'moi aussi' }, 'forbidden'],
      ['peer', 'ticket:away', { commandId: commandId(), ticketId: waiting.id, away: true }, 'not_found'],
      ['outsider', 'ticket:away', { commandId: commandId(), ticketId: waiting.id, away: true }, 'not_found'],
      ['facilitator', 'ticket:away', { commandId: commandId(), ticketId: waiting.id, away: true }, 'forbidden'],
      ['peer', 'ticket:cancel', { commandId: commandId(), ticketId: waiting.id }, 'not_found'],
      ['facilitator', 'ticket:cancel', { commandId: commandId(), ticketId: waiting.id }, 'forbidden'],
      ['learner', 'ticket:claim', { commandId: commandId(), ticketId: waiting.id }, 'forbidden'],
      ['peer', 'ticket:claim', { commandId: commandId(), ticketId: waiting.id }, 'not_found'],
      ['foreignFacilitator', 'ticket:claim', { commandId: commandId(), ticketId: waiting.id }, 'not_found'],
      ['learner', 'ticket:release', { commandId: commandId(), ticketId: claimed.id }, 'forbidden'],
      ['peer', 'ticket:release', { commandId: commandId(), ticketId: claimed.id }, 'not_found'],
      ['foreignFacilitator', 'ticket:release', { commandId: commandId(), ticketId: claimed.id }, 'not_found'],
      ['learner', 'ticket:hand-over', { commandId: commandId(), ticketId: claimed.id, facilitatorId: users.colleague.id }, 'forbidden'],
      ['foreignFacilitator', 'ticket:hand-over', { commandId: commandId(), ticketId: claimed.id, facilitatorId: users.foreignFacilitator.id }, 'not_found'],
      ['facilitator', 'ticket:hand-over', { commandId: commandId(), ticketId: claimed.id, facilitatorId: users.foreignFacilitator.id }, 'validation_failed'],
      ['peer', 'ticket:message', { commandId: commandId(), ticketId: claimed.id, body: 'intrus' }, 'not_found'],
      ['outsider', 'ticket:message', { commandId: commandId(), ticketId: claimed.id, body: 'intrus' }, 'not_found'],
      ['foreignFacilitator', 'ticket:message', { commandId: commandId(), ticketId: claimed.id, body: 'intrus' }, 'not_found'],
      ['learner', 'ticket:resolve', { commandId: commandId(), ticketId: claimed.id, resolution: 'fini' }, 'forbidden'],
      ['peer', 'ticket:resolve', { commandId: commandId(), ticketId: claimed.id, resolution: 'fini' }, 'not_found'],
      ['learner', 'queue:announce', { commandId: commandId(), cohortId: cohort.id, message: 'Salut' }, 'forbidden'],
      ['outsider', 'queue:announce', { commandId: commandId(), cohortId: cohort.id, message: 'Salut' }, 'not_found'],
      ['foreignFacilitator', 'queue:announce', { commandId: commandId(), cohortId: cohort.id, message: 'Salut' }, 'not_found'],
      ['peer', 'ticket:get', { ticketId: claimed.id }, 'not_found'],
      ['outsider', 'ticket:get', { ticketId: claimed.id }, 'not_found'],
      ['foreignFacilitator', 'ticket:get', { ticketId: claimed.id }, 'not_found'],
      ['peer', 'ticket:typing', { ticketId: claimed.id }, 'not_found'],
      ['foreignFacilitator', 'ticket:typing', { ticketId: claimed.id }, 'not_found'],
      ['learner', 'ticket:typing', { ticketId: waiting.id }, 'conflict'],
    ];
    for (const [who, event, payload, code] of cases) {
      const answer = await send(sockets[who], event, payload);
      expect({ who, event, answer }).toMatchObject({ who, event, answer: { ok: false, error: { code } } });
    }
    // sync answers per cohort: the foreign one carries its error, the others their events.
    const synced = await ok<Record<string, unknown>>(send(sockets.outsider, 'sync', { cohorts: { [cohort.id]: 0 } }));
    expect(synced).toEqual({ [cohort.id]: { error: { code: 'not_found', message: 'Cohort not found' } } });

    const peerTyping = inbox(sockets.peer, 'typing');
    await ok(send(sockets.facilitator, 'ticket:typing', { ticketId: claimed.id }));
    expect(Object.values(sockets).every((socket) => socket.connected)).toBe(true);
    const after = await ok<TicketView & { messages: unknown[] }>(send(sockets.learner, 'ticket:get', { ticketId: claimed.id }));
    expect(after).toMatchObject({ status: 'claimed', claimedBy: { id: users.facilitator.id }, messages: [] });
    expect(await ok<TicketView>(send(sockets.learner, 'ticket:get', { ticketId: waiting.id }))).toMatchObject({ status: 'waiting', away: false });
    expect(peerTyping).toEqual([]);
  });

  it('answers bad payloads and unknown events with validation errors, without dropping the socket', async () => {
    const { cohort, sockets } = await setUp();
    const learner = sockets.learner;
    const invalid = async (event: string, ...args: unknown[]) => {
      const answer = await send(learner, event, ...args);
      if (answer.ok) throw new Error(`${event} ${JSON.stringify(args)} was accepted`);
      expect(answer.error.code).toBe('validation_failed');
      return answer.error;
    };

    expect(await invalid('ticket:raise')).toMatchObject({ details: [{ field: 'payload' }] });
    await invalid('ticket:raise', 'raise it');
    await invalid('ticket:raise', null);
    await invalid('ticket:raise', [cohort.id]);
    await invalid('ticket:raise', 42);
    const missing = await invalid('ticket:raise', {});
    expect(missing.details?.map((d) => d.field)).toEqual(expect.arrayContaining(['commandId', 'cohortId', 'question']));
    const wrongTypes = await invalid('ticket:raise', { commandId: 'abc', cohortId: 12, question: 5 });
    expect(new Set(wrongTypes.details?.map((d) => d.field))).toEqual(new Set(['commandId', 'cohortId', 'question']));
    await invalid('ticket:raise', { commandId: uuid(), cohortId: cohort.id, question: 'x'.repeat(2001) });
    await invalid('ticket:raise', { commandId: uuid(), cohortId: cohort.id, question: '' });
    expect(await invalid('ticket:raise', { commandId: uuid(), cohortId: cohort.id, question: '   ' })).toMatchObject({ message: 'question must not be empty' });
    expect(await invalid('ticket:raise', { commandId: uuid(), cohortId: cohort.id, question: 'ok', admin: true })).toMatchObject({
      details: [{ field: 'admin', message: 'property admin should not exist' }],
    });
    await invalid('ticket:raise', { commandId: uuid(), cohortId: cohort.id, question: 'ok', competencyCode: 'C99' });
    await invalid('ticket:away', { commandId: uuid(), ticketId: uuid(), away: 'yes' });
    await invalid('ticket:message', { commandId: uuid(), ticketId: uuid(), body: 'x'.repeat(4001) });
    await invalid('ticket:resolve', { commandId: uuid(), ticketId: uuid() });
    await invalid('queue:announce', { commandId: uuid(), cohortId: cohort.id, message: 'x'.repeat(501) });
    await invalid('ticket:hand-over', { commandId: uuid(), ticketId: uuid(), facilitatorId: 'someone' });
    await invalid('queue:get', { cohortId: 'not-a-uuid' });
    await invalid('sync', { cohorts: [] });
    await invalid('sync', { cohorts: { 'not-a-uuid': 1 } });
    await invalid('sync', { cohorts: { [cohort.id]: -1 } });
    await invalid('sync', { cohorts: { [cohort.id]: '3' } });
    await invalid('ticket:typing', { ticketId: 7 });
    expect(await invalid('ticket:explode', { ticketId: uuid() })).toMatchObject({ details: [{ field: 'event' }] });
    await invalid('constructor', {});
    await invalid('__proto__', {});

    // Without an acknowledgement: refused or handled quietly, never a crash or a drop.
    learner.emit('ticket:raise', 'garbage');
    learner.emit('nope');
    learner.emit('ticket:raise', { commandId: uuid(), cohortId: cohort.id, question: 'Sans accusé de réception' });
    let mine: QueueSnapshot | undefined;
    for (let attempt = 0; attempt < 50 && (mine?.tickets.length ?? 0) === 0; attempt++) {
      mine = await ok<QueueSnapshot>(send(learner, 'queue:get', { cohortId: cohort.id }));
      if (mine.tickets.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(mine?.tickets.map((t) => t.question)).toEqual(['Sans accusé de réception']);
    expect(learner.connected).toBe(true);
  });

  it('keeps a learner to two open tickets per cohort', async () => {
    const { cohort, sockets } = await setUp();
    await raise(sockets.learner, cohort, 'Un');
    await raise(sockets.learner, cohort, 'Deux');
    const third = await send(sockets.learner, 'ticket:raise', { commandId: uuid(), cohortId: cohort.id, question: 'Trois' });
    expect(third).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'You already have 2 open tickets in this cohort: wait for one to be resolved, or cancel one' },
    });
  });

  it('applies a retried command once and answers it with the first result', async () => {
    const { cohort, users, sockets } = await setUp();
    const command = { commandId: uuid(), cohortId: cohort.id, question: 'Retry me' };
    const first = await ok<TicketView>(send(sockets.learner, 'ticket:raise', command));
    const retried = await ok<TicketView>(send(sockets.learner, 'ticket:raise', command));
    expect(retried).toEqual(first);
    const [{ count }] = await db().query(`SELECT count(*)::int AS count FROM help_tickets WHERE learner_id = $1`, [users.learner.id]);
    expect(count).toBe(1);
    // The same command racing itself (a retry while the first is in flight) is applied once too.
    // (A learner with no open ticket: see the report about a racing retry that meets the open-ticket limit.)
    const racing = { commandId: uuid(), cohortId: cohort.id, question: 'Racing retry' };
    const [a, b] = await Promise.all([ok<TicketView>(send(sockets.peer, 'ticket:raise', racing)), ok<TicketView>(send(sockets.peer, 'ticket:raise', racing))]);
    expect(a.id).toBe(b.id);
    const [{ raced }] = await db().query(`SELECT count(*)::int AS raced FROM help_tickets WHERE learner_id = $1`, [users.peer.id]);
    expect(raced).toBe(1);

    await ok(send(sockets.facilitator, 'ticket:claim', { commandId: uuid(), ticketId: first.id }));
    const message = { commandId: uuid(), ticketId: first.id, body: 'Une seule fois' };
    const sent = await ok<TicketMessage>(send(sockets.learner, 'ticket:message', message));
    expect(await ok<TicketMessage>(send(sockets.learner, 'ticket:message', message))).toEqual(sent);
    const [{ messages }] = await db().query(`SELECT count(*)::int AS messages FROM help_ticket_messages WHERE ticket_id = $1`, [first.id]);
    expect(messages).toBe(1);
    // The same id for another command is a client bug, named as such.
    expect(await send(sockets.learner, 'ticket:cancel', { commandId: message.commandId, ticketId: first.id })).toMatchObject({
      ok: false,
      error: { code: 'validation_failed', details: [{ field: 'commandId' }] },
    });
  });

  it("shows other learners' tickets to a learner in public form only", async () => {
    const { cohort, users, sockets } = await setUp();
    const [toPeer, toLearner, toFacilitator, toOutsider] = [sockets.peer, sockets.learner, sockets.facilitator, sockets.outsider].map((s) => inbox<LiveEvent>(s, 'live'));
    const ticket = await raise(sockets.learner, cohort, 'Ma question privée');
    await until(() => toPeer.length === 1 && toLearner.length === 1 && toFacilitator.length === 1, 'the raise');
    expect(toPeer[0]).toMatchObject({ type: 'ticket.raised', seq: 1, data: { ticket: { id: ticket.id, learner: null, question: null } } });
    expect(JSON.stringify(toPeer[0])).not.toContain('Ma question privée');
    expect(toLearner[0]).toMatchObject({ data: { ticket: { question: 'Ma question privée', learner: { id: users.learner.id } } } });
    expect(toFacilitator[0]).toMatchObject({ data: { ticket: { question: 'Ma question privée' } } });

    await ok(send(sockets.facilitator, 'ticket:claim', { commandId: uuid(), ticketId: ticket.id }));
    await ok(send(sockets.learner, 'ticket:message', { commandId: uuid(), ticketId: ticket.id, body: 'Chut' }));
    await until(() => toLearner.length === 3 && toFacilitator.length === 3, 'the claim and the message');
    await until(() => toPeer.length === 2, 'the public claim');
    // The chat is for the ticket's people: the peer got the claim (public) and not the message.
    expect(toPeer.map((e) => e.type)).toEqual(['ticket.raised', 'ticket.claimed']);
    expect(toPeer[1]).toMatchObject({ data: { ticket: { learner: null, question: null } } });
    expect(toLearner.map((e) => e.type)).toEqual(['ticket.raised', 'ticket.claimed', 'ticket.message']);
    expect(toOutsider).toEqual([]);
  });

  it('refuses the next event of a session ended at logout, then drops the socket', async () => {
    const cohort = await ctx.fixtures.cohort();
    const learner = await ctx.fixtures.member(cohort, 'learner');
    const sessionId = uuid();
    const client = await ctx.as(learner, sessionId);
    await ok(send(client, 'queue:get', { cohortId: cohort.id }));
    const disconnected = new Promise<string>((resolve) => client.once('disconnect', resolve));
    await ctx.app.get(SessionRevocations).revoke(sessionId);
    expect(await send(client, 'ticket:raise', { commandId: uuid(), cohortId: cohort.id, question: 'Encore là ?' })).toEqual({
      ok: false,
      error: { code: 'unauthenticated', message: 'This session has ended; log in again' },
    });
    expect(await disconnected).toBe('io server disconnect');
    const [{ count }] = await db().query(`SELECT count(*)::int AS count FROM help_tickets WHERE learner_id = $1`, [learner.id]);
    expect(count).toBe(0);
  });
});

describe('live namespace: the rate limit', () => {
  const ctx = new RealtimeTestContext(); // the default: 5 events per second and socket
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  it('answers rate_limited beyond the budget of a socket, then lets it go on', async () => {
    const cohort = await ctx.fixtures.cohort();
    const [first, second] = [await ctx.as(await ctx.fixtures.member(cohort, 'learner')), await ctx.as(await ctx.fixtures.member(cohort, 'learner'))];
    const answers = await Promise.all(Array.from({ length: 8 }, () => send(first, 'queue:get', { cohortId: cohort.id })));
    expect(answers.filter((a) => a.ok)).toHaveLength(5);
    const limited = answers.filter((a) => !a.ok);
    expect(limited).toHaveLength(3);
    expect(limited[0]).toMatchObject({ ok: false, error: { code: 'rate_limited', message: expect.stringMatching(/^Too many events: at most 5 per second/) } });
    // Per socket: another socket is not affected; the first recovers after a second.
    await ok(send(second, 'queue:get', { cohortId: cohort.id }));
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await ok(send(first, 'queue:get', { cohortId: cohort.id }));
    expect(first.connected).toBe(true);
  });
});
