import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { LiveEvent, TicketView } from '@fabrique/contracts';
import type { ReplayPage } from '@fabrique/help-queue';
import { RealtimeTestContext, inbox, ok, send, until } from '../testing/realtime-test-context.js';

const uuid = () => randomUUID();

describe('live namespace: nothing lost when a process dies', () => {
  const steady = new RealtimeTestContext({ LIVE_COMMANDS_PER_SECOND: '1000' });
  beforeAll(() => steady.start());
  afterAll(() => steady.stop());

  it('publishes an event whose writer died between its commit and its publication (the relay)', async () => {
    const cohort = await steady.fixtures.cohort();
    const facilitator = await steady.fixtures.member(cohort, 'facilitator');
    const socket = await steady.as(facilitator);
    const received = inbox<LiveEvent>(socket, 'live');
    const dataSource = steady.app.get<DataSource>(getDataSourceToken());
    // What a crashed API leaves behind: the change and its event committed, never published.
    await dataSource.query(`INSERT INTO live_sequences (cohort_id, last_seq) VALUES ($1, 1)`, [cohort.id]);
    await dataSource.query(
      `INSERT INTO live_events (cohort_id, seq, type, audience, payload, public_payload, created_at)
       VALUES ($1, 1, 'queue.announcement', 'cohort', $2, $2, clock_timestamp())`,
      [cohort.id, JSON.stringify({ announcement: { by: { id: facilitator.id, displayName: facilitator.displayName }, message: 'CSS à 14 h' } })],
    );
    await until(() => received.length === 1, 'the relayed event', 8_000);
    expect(received[0]).toMatchObject({ cohortId: cohort.id, seq: 1, type: 'queue.announcement', data: { announcement: { message: 'CSS à 14 h' } } });
    const [{ published }] = await dataSource.query(`SELECT published_at IS NOT NULL AS published FROM live_events WHERE cohort_id = $1 AND seq = 1`, [cohort.id]);
    expect(published).toBe(true);
  });

  it('lets a learner whose instance restarted catch up on everything that happened meanwhile', async () => {
    const doomed = await new RealtimeTestContext({ LIVE_COMMANDS_PER_SECOND: '1000' }).start();
    const cohort = await steady.fixtures.cohort();
    const learner = await steady.fixtures.member(cohort, 'learner');
    const facilitator = await steady.fixtures.member(cohort, 'facilitator');
    const learnerSocket = await doomed.as(learner);
    const facilitatorSocket = await steady.as(facilitator);
    const seen = inbox<LiveEvent>(learnerSocket, 'live');
    const ticket = await ok<TicketView>(send(learnerSocket, 'ticket:raise', { commandId: uuid(), cohortId: cohort.id, question: 'Mon conteneur ne démarre pas' }));
    await until(() => seen.length === 1, 'the raise');
    const lastSeen = Math.max(...seen.map((e) => e.seq));

    await doomed.stop();
    await ok(send(facilitatorSocket, 'ticket:claim', { commandId: uuid(), ticketId: ticket.id }));
    await ok(send(facilitatorSocket, 'ticket:message', { commandId: uuid(), ticketId: ticket.id, body: 'Tu as lancé `docker compose up` ?' }));
    await ok(send(facilitatorSocket, 'queue:announce', { commandId: uuid(), cohortId: cohort.id, message: 'Je reprends à 14 h' }));

    const restarted = await new RealtimeTestContext({ LIVE_COMMANDS_PER_SECOND: '1000' }).start();
    try {
      const back = await restarted.as(learner);
      const answer = await ok<Record<string, ReplayPage>>(send(back, 'sync', { cohorts: { [cohort.id]: lastSeen } }));
      const replayed = answer[cohort.id]!.events;
      expect(replayed.map((e) => [e.seq, e.type])).toEqual([
        [2, 'ticket.claimed'],
        [3, 'ticket.message'],
        [4, 'queue.announcement'],
      ]);
      expect(replayed[1]!.data.message?.body).toBe('Tu as lancé `docker compose up` ?');
      expect(answer[cohort.id]).toMatchObject({ lastSeq: 4, hasMore: false, stale: false });
    } finally {
      await restarted.stop();
    }
  });
});
