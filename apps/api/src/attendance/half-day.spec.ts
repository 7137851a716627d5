import { mondayOf } from '@fabrique/domain';
import { datesOfMonth, halfDayAt, halfDaySlot, isWeekday } from './half-day.js';

describe('half-days at a site', () => {
  it('splits the local day at 13:00, in the site time zone', () => {
    // 11:59 UTC is 12:59 in Paris in winter (morning) and 13:59 in summer (afternoon).
    expect(halfDayAt(new Date('2026-01-12T11:59:00Z'), 'Europe/Paris')).toMatchObject({ date: '2026-01-12', halfDay: 'morning' });
    expect(halfDayAt(new Date('2026-06-15T11:59:00Z'), 'Europe/Paris')).toMatchObject({ date: '2026-06-15', halfDay: 'afternoon' });
    // Late evening UTC is already the next morning in Réunion.
    expect(halfDayAt(new Date('2026-10-04T22:30:00Z'), 'Indian/Reunion')).toMatchObject({ date: '2026-10-05', halfDay: 'morning' });
  });

  it('gives the instants where a half-day starts and ends, across a daylight-saving change', () => {
    const morning = halfDaySlot('2026-10-05', 'morning', 'Europe/Paris');
    expect([morning.startsAt.toISOString(), morning.endsAt.toISOString()]).toEqual(['2026-10-04T22:00:00.000Z', '2026-10-05T11:00:00.000Z']);
    // Clocks go back on 2026-10-25: that afternoon ends at 23:00 UTC.
    const afternoon = halfDaySlot('2026-10-25', 'afternoon', 'Europe/Paris');
    expect([afternoon.startsAt.toISOString(), afternoon.endsAt.toISOString()]).toEqual(['2026-10-25T12:00:00.000Z', '2026-10-25T23:00:00.000Z']);
  });

  it('knows the Monday of a week, weekdays and the days of a month', () => {
    expect(mondayOf('2026-10-11')).toBe('2026-10-05');
    expect(mondayOf('2026-10-05')).toBe('2026-10-05');
    expect([isWeekday('2026-10-09'), isWeekday('2026-10-10')]).toEqual([true, false]);
    expect(datesOfMonth('2026-02')).toHaveLength(28);
    expect(datesOfMonth('2026-10').at(-1)).toBe('2026-10-31');
  });
});
