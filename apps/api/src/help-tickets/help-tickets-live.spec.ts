import { randomUUID } from 'node:crypto';
import { type Server as HttpServer, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { type Socket, io as connect } from 'socket.io-client';
import { AppConfig } from '@fabrique/config';
import { LIVE_EVENT, LIVE_NAMESPACE, type LiveEvent, rooms } from '@fabrique/contracts';
import { LivePublisher } from '@fabrique/help-queue';
import type { User } from '@fabrique/persistence';
import { ApiTestContext } from '../testing/api-test-context.js';

/**
 * REST changes reach sockets live: a bare socket.io server stands in for the realtime service,
 * meeting the API through the socket.io Redis adapter on the key the realtime service uses.
 */
describe('help tickets changed over REST reach sockets live', () => {
  const ctx = new ApiTestContext();
  const key = `${process.env.REDIS_PREFIX ?? 'fabrique'}:socket.io`;
  let http: HttpServer;
  let server: Server;
  let pub: Redis;
  let sub: Redis;
  let url: string;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    await ctx.start();
    pub = new Redis(process.env.REDIS_URL as string);
    sub = pub.duplicate();
    http = createServer();
    server = new Server(http, { adapter: createAdapter(pub, sub, { key }) });
    // As the realtime gateway does at the handshake (here the query says who connects: no token in this test).
    server.of(LIVE_NAMESPACE).on('connection', (socket) => {
      const { cohortId, userId, role } = socket.handshake.query as Record<string, string>;
      socket.join([rooms.user(userId), role === 'facilitator' ? rooms.cohortFacilitators(cohortId) : rooms.cohortLearners(cohortId)]);
    });
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(http.address() as AddressInfo).port}${LIVE_NAMESPACE}`;
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await Promise.all([pub.quit(), sub.quit()]);
    await ctx.stop();
  });

  /** A connected socket, its events collected; ready once a broadcast through Redis reaches it (the adapter has subscribed). */
  async function socketOf(user: User, cohortId: string, role: 'learner' | 'facilitator') {
    const socket = connect(url, { query: { userId: user.id, cohortId, role }, transports: ['websocket'], forceNew: true });
    sockets.push(socket);
    const events: LiveEvent[] = [];
    socket.on(LIVE_EVENT, (event: LiveEvent) => events.push(event));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    const publisher = ctx.app.get(LivePublisher);
    let ready = false;
    socket.once('resync', () => (ready = true));
    for (let i = 0; i < 50 && !ready; i++) {
      publisher.live.to(rooms.user(user.id)).emit('resync', { reason: 'warm-up' });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!ready) throw new Error('the socket never heard from Redis');
    return { socket, events };
  }

  async function until<T>(find: () => T | undefined, what: string): Promise<T> {
    for (let i = 0; i < 50; i++) {
      const found = find();
      if (found !== undefined) return found;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`never received: ${what}`);
  }

  it('sends the full ticket to facilitators and its learner, the public form to other learners, nothing to another cohort', async () => {
    expect(key).toBe(`${ctx.app.get(AppConfig).REDIS_PREFIX}:socket.io`);
    const cohort = await ctx.fixtures.cohort();
    const other = await ctx.fixtures.cohort();
    const facilitator = await ctx.fixtures.member(cohort, 'facilitator');
    const learner = await ctx.fixtures.member(cohort, 'learner');
    const peer = await ctx.fixtures.member(cohort, 'learner');
    const outsider = await ctx.fixtures.member(other, 'learner');
    const [f, l, p, o] = [
      await socketOf(facilitator, cohort.id, 'facilitator'),
      await socketOf(learner, cohort.id, 'learner'),
      await socketOf(peer, cohort.id, 'learner'),
      await socketOf(outsider, other.id, 'learner'),
    ];

    const agent = await ctx.as(learner);
    const question = `Mon service worker ne se met pas à jour ${randomUUID().slice(0, 6)}`;
    const ticket = (await agent.post(`/api/cohorts/${cohort.id}/tickets`).send({ question, competencyCode: 'C1' }).expect(201)).body;

    const raisedFor = (events: LiveEvent[]) => () => events.find((e) => e.type === 'ticket.raised' && e.ticketId === ticket.id);
    const forFacilitator = await until(raisedFor(f.events), 'ticket.raised for the facilitator');
    expect(forFacilitator).toMatchObject({ cohortId: cohort.id, seq: expect.any(Number), data: { ticket: { id: ticket.id, question, learner: { id: learner.id } } } });
    expect(forFacilitator.data.queue?.waiting).toEqual([expect.objectContaining({ ticketId: ticket.id, position: 1 })]);
    const forOwner = await until(raisedFor(l.events), 'ticket.raised for its learner');
    expect(forOwner.data.ticket).toMatchObject({ question, learner: { id: learner.id } });
    const forPeer = await until(raisedFor(p.events), 'ticket.raised for another learner');
    expect(forPeer.data.ticket).toMatchObject({ id: ticket.id, status: 'waiting', question: null, learner: null, competency: { code: 'C1' } });
    expect(JSON.stringify(forPeer)).not.toContain(question);
    expect(l.events.filter((e) => e.ticketId === ticket.id)).toHaveLength(1);

    await agent.post(`/api/tickets/${ticket.id}/cancel`).expect(200);
    const cancelled = await until(() => f.events.find((e) => e.type === 'ticket.cancelled'), 'ticket.cancelled');
    expect(cancelled.seq).toBe(forFacilitator.seq + 1);
    expect(cancelled.data.ticket).toMatchObject({ id: ticket.id, status: 'cancelled' });
    await until(() => p.events.find((e) => e.type === 'ticket.cancelled'), 'ticket.cancelled for another learner');
    expect(o.events).toEqual([]);
  });
});
