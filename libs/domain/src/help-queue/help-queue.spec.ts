import { estimatedWaitSeconds, percentile, queueOrder, queuePositions, ticketMoveRefusal, typicalHandlingSeconds } from './help-queue.js';

const at = (time: string) => new Date(`2026-11-23T${time}Z`);

describe('help queue rules', () => {
  it('orders by waiting time; in the same minute the learner helped least today goes first', () => {
    const tickets = [
      { id: 'c', raisedAt: at('14:05:10'), away: false, helpedToday: 0 },
      { id: 'a', raisedAt: at('14:01:50'), away: false, helpedToday: 3 },
      { id: 'b', raisedAt: at('14:01:59'), away: false, helpedToday: 0 },
      { id: 'd', raisedAt: at('14:00:00'), away: false, helpedToday: 5 },
    ];
    expect(queueOrder(tickets).map((t) => t.id)).toEqual(['d', 'b', 'a', 'c']);
  });

  it('skips a learner who stepped away, who keeps their place for their return', () => {
    const tickets = [
      { id: 'first', raisedAt: at('09:00:00'), away: true, helpedToday: 0 },
      { id: 'second', raisedAt: at('09:05:00'), away: false, helpedToday: 0 },
      { id: 'third', raisedAt: at('09:10:00'), away: false, helpedToday: 0 },
    ];
    expect([...queuePositions(tickets)]).toEqual([
      ['first', null],
      ['second', 1],
      ['third', 2],
    ]);
    tickets[0] = { ...tickets[0]!, away: false };
    expect(queuePositions(tickets).get('first')).toBe(1);
  });

  it('estimates the wait from the typical handling time and the facilitators online', () => {
    expect(typicalHandlingSeconds([])).toBe(300);
    expect(typicalHandlingSeconds([600, 60, 120])).toBe(120);
    expect(typicalHandlingSeconds([60, 120, 180, 240])).toBe(150);
    expect(estimatedWaitSeconds(1, 120, 1)).toBe(120);
    expect(estimatedWaitSeconds(3, 120, 2)).toBe(180);
    expect(estimatedWaitSeconds(3, 120, 0)).toBe(360);
  });

  it('allows each move only in the statuses where it makes sense', () => {
    expect(ticketMoveRefusal('waiting', 'claim')).toBeNull();
    expect(ticketMoveRefusal('claimed', 'claim')).toBe('This ticket is already claimed');
    expect(ticketMoveRefusal('waiting', 'resolve')).toMatch(/claimed first/);
    expect(ticketMoveRefusal('resolved', 'cancel')).toBe('This ticket is resolved');
    expect(ticketMoveRefusal('claimed', 'cancel')).toBeNull();
    expect(ticketMoveRefusal('claimed', 'step_away')).not.toBeNull();
  });

  it('computes percentiles as PostgreSQL does', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([10, 20, 30, 40], 50)).toBe(25);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBeCloseTo(9.1);
  });
});
