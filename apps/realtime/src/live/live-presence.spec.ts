import type { PresenceSignal } from '@fabrique/contracts';
import { LivePresence } from '@fabrique/help-queue';
import { RealtimeTestContext, inbox, until } from '../testing/realtime-test-context.js';

describe('live namespace: facilitators online, when an instance dies', () => {
  // A short TTL: heartbeats every 2/3 s, entries of a dead instance gone after 2 s.
  const env = { PRESENCE_TTL_SECONDS: '2' };
  const survivor = new RealtimeTestContext(env);
  const doomed = new RealtimeTestContext(env);
  beforeAll(() => Promise.all([survivor.start(), doomed.start()]));
  afterAll(() => Promise.all([survivor.stop(), doomed.stop()]));

  it('tells learners when facilitators come and go, including those of an instance that crashed', async () => {
    const cohort = await survivor.fixtures.cohort();
    const learner = await survivor.fixtures.member(cohort, 'learner');
    const facilitator = await survivor.fixtures.member(cohort, 'facilitator', await survivor.fixtures.user({ name: 'Julien Lefèvre' }));
    const colleague = await survivor.fixtures.member(cohort, 'facilitator', await survivor.fixtures.user({ name: 'Amina Diallo' }));

    await doomed.as(facilitator);
    const learnerSocket = await survivor.client(() => ({ token: survivor.token(learner) }));
    const signals = inbox<PresenceSignal>(learnerSocket, 'presence');
    await survivor.connected(learnerSocket);
    await until(() => signals.length >= 1, 'the count at connection');
    expect(signals[0]).toEqual({ cohortId: cohort.id, facilitatorsOnline: 1, facilitators: [{ id: facilitator.id, displayName: 'Julien Lefèvre' }] });

    // A second facilitator on the surviving instance, then gone cleanly.
    const colleagueSocket = await survivor.as(colleague);
    await until(() => signals.at(-1)?.facilitatorsOnline === 2, 'two facilitators');
    expect(signals.at(-1)?.facilitators.map((person) => person.displayName)).toEqual(['Amina Diallo', 'Julien Lefèvre']);
    colleagueSocket.disconnect();
    await until(() => signals.at(-1)?.facilitatorsOnline === 1, 'back to one');

    // The instance holding the first facilitator dies without saying goodbye.
    await doomed.kill();
    expect(await survivor.app.get(LivePresence).online(cohort.id, 'facilitator')).toEqual([facilitator.id]);
    const killedAt = Date.now();
    await until(() => signals.at(-1)?.facilitatorsOnline === 0, 'the dead instance’s facilitator to expire', 6_000);
    expect(Date.now() - killedAt).toBeLessThan(5_000);
    // Presence is a state: a connection racing a heartbeat may hear the same one twice, which changes nothing.
    const counts = signals.map((s) => s.facilitatorsOnline);
    expect(counts.filter((count, i) => i === 0 || count !== counts[i - 1])).toEqual([1, 2, 1, 0]);
    expect(signals.at(-1)?.facilitators).toEqual([]);
  });
});
