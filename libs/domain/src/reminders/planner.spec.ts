import { afterQuietHours, nextDigestAt, planReminders, type CohortTruth } from './planner.js';

const PARIS = 'Europe/Paris';
const cohort = (extra: Partial<CohortTruth> = {}): CohortTruth => ({
  cohortId: 'c1',
  timeZone: PARIS,
  startsOn: '2026-10-12',
  endsOn: '2026-11-13',
  specialWeeks: [{ monday: '2026-11-02', kind: 'presential' }],
  settings: {},
  ...extra,
});
const window = (from: string, to: string) => ({ from: new Date(from), to: new Date(to) });
const keyed = (plan: ReturnType<typeof planReminders>) => plan.map((p) => [p.key, p.fireAt.toISOString()]);

describe('reminder planner', () => {
  it('kicks off each distance week on Monday 09:00 local, across the change to winter time', () => {
    const plan = planReminders([cohort()], [], window('2026-10-12T00:00:00Z', '2026-11-14T00:00:00Z')).filter((p) => p.kind === 'week.kickoff');
    expect(keyed(plan)).toEqual([
      ['week.kickoff:c1:2026-10-12', '2026-10-12T07:00:00.000Z'],
      ['week.kickoff:c1:2026-10-19', '2026-10-19T07:00:00.000Z'],
      // 25 October: clocks go back; 09:00 in Paris is now 08:00 UTC.
      ['week.kickoff:c1:2026-10-26', '2026-10-26T08:00:00.000Z'],
      ['week.kickoff:c1:2026-11-09', '2026-11-09T08:00:00.000Z'],
    ]);
  });

  it('announces an on-site week seven days before and the evening before; a moved week moves its reminders', () => {
    const plan = (mondays: string[]) =>
      keyed(
        planReminders([cohort({ specialWeeks: mondays.map((monday) => ({ monday, kind: 'presential' as const })) })], [], window('2026-10-12T00:00:00Z', '2026-11-14T00:00:00Z')).filter(
          (p) => p.kind === 'onsite.coming',
        ),
      );
    expect(plan(['2026-11-02'])).toEqual([
      ['onsite.coming:c1:2026-11-02:7d', '2026-10-26T08:00:00.000Z'],
      ['onsite.coming:c1:2026-11-02:1d', '2026-11-01T17:00:00.000Z'],
    ]);
    expect(plan(['2026-11-09'])).toEqual([
      ['onsite.coming:c1:2026-11-09:7d', '2026-11-02T08:00:00.000Z'],
      ['onsite.coming:c1:2026-11-09:1d', '2026-11-08T17:00:00.000Z'],
    ]);
  });

  it('reminds of a brief 48 and 3 hours before it is due, inside the window only', () => {
    const due = new Date('2026-10-23T15:00:00Z');
    const plan = planReminders([cohort()], [{ assignmentId: 'a1', cohortId: 'c1', dueAt: due }], window('2026-10-21T16:00:00Z', '2026-10-24T00:00:00Z'));
    expect(keyed(plan.filter((p) => p.kind === 'brief.deadline'))).toEqual([['brief.deadline:a1:3h', '2026-10-23T12:00:00.000Z']]);
    const wider = planReminders([cohort()], [{ assignmentId: 'a1', cohortId: 'c1', dueAt: due }], window('2026-10-20T00:00:00Z', '2026-10-24T00:00:00Z'));
    expect(wider.filter((p) => p.kind === 'brief.deadline').map((p) => p.key)).toEqual(['brief.deadline:a1:48h', 'brief.deadline:a1:3h']);
  });

  it('checks inactivity on the Thursday of each distance week, and digests for facilitators each weekday', () => {
    const plan = planReminders([cohort()], [], window('2026-10-12T00:00:00Z', '2026-10-19T00:00:00Z'));
    expect(keyed(plan.filter((p) => p.kind === 'inactivity.check'))).toEqual([['inactivity.check:c1:2026-10-12', '2026-10-15T08:00:00.000Z']]);
    expect(plan.filter((p) => p.kind === 'facilitator.digest').map((p) => p.ref.date)).toEqual(['2026-10-12', '2026-10-13', '2026-10-14', '2026-10-15', '2026-10-16']);
  });

  it('follows the cohort’s settings: a kind turned off, another time', () => {
    const settings = { 'facilitator.digest': { enabled: false, localTime: null }, 'week.kickoff': { enabled: true, localTime: '10:30' } };
    const plan = planReminders([cohort({ settings })], [], window('2026-10-12T00:00:00Z', '2026-10-19T00:00:00Z'));
    expect(plan.some((p) => p.kind === 'facilitator.digest')).toBe(false);
    expect(keyed(plan.filter((p) => p.kind === 'week.kickoff'))).toEqual([['week.kickoff:c1:2026-10-12', '2026-10-12T08:30:00.000Z']]);
  });

  it('plans the same occurrences whenever it is asked', () => {
    const first = planReminders([cohort()], [], window('2026-10-12T00:00:00Z', '2026-11-14T00:00:00Z'));
    expect(planReminders([cohort()], [], window('2026-10-12T00:00:00Z', '2026-11-14T00:00:00Z'))).toEqual(first);
  });

  it('holds e-mails during quiet hours, across midnight and in the user’s zone', () => {
    const now = (iso: string) => new Date(iso);
    // 22:30 in Paris (winter): waits for 08:00 the next morning.
    expect(afterQuietHours(now('2026-11-23T21:30:00Z'), PARIS, '21:00', '08:00').toISOString()).toBe('2026-11-24T07:00:00.000Z');
    // 06:00 in Paris: waits for 08:00 the same day.
    expect(afterQuietHours(now('2026-11-24T05:00:00Z'), PARIS, '21:00', '08:00').toISOString()).toBe('2026-11-24T07:00:00.000Z');
    // 12:00: leaves now.
    expect(afterQuietHours(now('2026-11-24T11:00:00Z'), PARIS, '21:00', '08:00').toISOString()).toBe('2026-11-24T11:00:00.000Z');
    // Quiet hours within a day (13:00–14:00), in Montreal.
    expect(afterQuietHours(now('2026-11-24T18:30:00Z'), 'America/Montreal', '13:00', '14:00').toISOString()).toBe('2026-11-24T19:00:00.000Z');
    expect(nextDigestAt(now('2026-11-24T11:00:00Z'), PARIS, '08:00').toISOString()).toBe('2026-11-25T07:00:00.000Z');
    expect(nextDigestAt(now('2026-11-24T05:00:00Z'), PARIS, '08:00').toISOString()).toBe('2026-11-24T07:00:00.000Z');
  });
});
