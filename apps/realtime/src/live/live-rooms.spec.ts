import type { Namespace } from 'socket.io';
import type { Socket } from 'socket.io-client';
import { rooms } from '@fabrique/contracts';
import { RealtimeTestContext } from '../testing/realtime-test-context.js';

/** Everything `client` receives on `event`, in order. */
function inbox(client: Socket, event: string): unknown[] {
  const received: unknown[] = [];
  client.on(event, (payload: unknown) => received.push(payload));
  return received;
}

/** Resolves once `received` holds `count` messages. */
async function until(received: unknown[], count: number): Promise<void> {
  for (let waited = 0; received.length < count; waited += 10) {
    if (waited > 5_000) throw new Error(`expected ${count} messages, got ${JSON.stringify(received)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('live namespace: rooms, across two instances', () => {
  // Two instances that meet only through Redis, as behind a load balancer.
  const first = new RealtimeTestContext();
  const second = new RealtimeTestContext();
  beforeAll(() => Promise.all([first.start(), second.start()]));
  afterAll(() => Promise.all([first.stop(), second.stop()]));

  // The event maps are empty until the live features arrive: emit an event of the tests' own.
  const emitter = () => second.live as unknown as Namespace;

  it('delivers to a cohort its learners and facilitators, wherever they are connected, and to nobody else', async () => {
    const cohort = await first.fixtures.cohort();
    const otherCohort = await first.fixtures.cohort();
    const learner = await first.fixtures.member(cohort, 'learner');
    const facilitator = await first.fixtures.member(cohort, 'facilitator');
    const outsider = await first.fixtures.member(otherCohort, 'learner');
    const admin = await first.fixtures.admin();

    const [learnerSocket, outsiderSocket, adminSocket] = await Promise.all([learner, outsider, admin].map((user) => first.as(user)));
    const facilitatorSocket = await second.as(facilitator);
    const [toLearner, toOutsider, toAdmin, toFacilitator] = [learnerSocket, outsiderSocket, adminSocket, facilitatorSocket].map((s) =>
      inbox(s, 'probe'),
    );

    emitter().to(rooms.cohort(cohort.id)).emit('probe', 'cohort');
    emitter().to(rooms.cohortFacilitators(cohort.id)).emit('probe', 'facilitators');
    // Redis keeps the order of one publisher: once these arrive, anything meant for them before has arrived too.
    emitter().to(rooms.user(outsider.id)).emit('probe', 'outsider');
    emitter().to(rooms.user(admin.id)).emit('probe', 'admin');
    emitter().to(rooms.user(learner.id)).emit('probe', 'learner');

    await Promise.all([until(toLearner, 2), until(toFacilitator, 2), until(toOutsider, 1), until(toAdmin, 1)]);
    expect(toLearner).toEqual(['cohort', 'learner']);
    expect(toFacilitator).toEqual(['cohort', 'facilitators']);
    expect(toOutsider).toEqual(['outsider']);
    expect(toAdmin).toEqual(['admin']);
  });

  it('gives each user a room of their own, on every device', async () => {
    const user = await first.fixtures.user();
    const [laptop, phone] = [await first.as(user), await second.as(user)];
    const [onLaptop, onPhone] = [inbox(laptop, 'probe'), inbox(phone, 'probe')];
    emitter().to(rooms.user(user.id)).emit('probe', 'hello');
    await Promise.all([until(onLaptop, 1), until(onPhone, 1)]);
    expect([onLaptop, onPhone]).toEqual([['hello'], ['hello']]);
  });
});
