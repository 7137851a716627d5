import { halfDayAt, localDateAt, localDateTimeToInstant } from './local-time.js';

const at = (iso: string) => new Date(iso);

describe('localDateAt', () => {
  it('gives the date on the clocks of the site, not in UTC', () => {
    expect(localDateAt(at('2026-09-06T22:30:00Z'), 'Europe/Paris')).toBe('2026-09-07');
    expect(localDateAt(at('2026-09-06T21:30:00Z'), 'Europe/Paris')).toBe('2026-09-06');
    expect(localDateAt(at('2026-09-07T02:00:00Z'), 'America/Cayenne')).toBe('2026-09-06');
    expect(localDateAt(at('2026-09-07T03:00:00Z'), 'America/Cayenne')).toBe('2026-09-07');
    expect(localDateAt(at('2026-09-06T13:00:00Z'), 'Pacific/Noumea')).toBe('2026-09-07');
    expect(localDateAt(at('2026-09-06T12:59:00Z'), 'Pacific/Noumea')).toBe('2026-09-06');
  });

  it('follows the offset change: 23:30 UTC is the next day in summer and in winter alike', () => {
    // CET (+01:00) before 2027-03-28, CEST (+02:00) after.
    expect(localDateAt(at('2027-03-27T22:59:00Z'), 'Europe/Paris')).toBe('2027-03-27');
    expect(localDateAt(at('2027-03-27T23:00:00Z'), 'Europe/Paris')).toBe('2027-03-28');
    expect(localDateAt(at('2027-03-28T21:59:00Z'), 'Europe/Paris')).toBe('2027-03-28');
    expect(localDateAt(at('2027-03-28T22:00:00Z'), 'Europe/Paris')).toBe('2027-03-29');
  });

  it('refuses unknown zones and invalid dates', () => {
    expect(() => localDateAt(at('2026-09-07T10:00:00Z'), 'Europe/Niort')).toThrow('"Europe/Niort" is not a time zone');
    expect(() => localDateAt(new Date('nope'), 'Europe/Paris')).toThrow(RangeError);
  });
});

describe('localDateTimeToInstant', () => {
  it('puts Monday 09:00 in Paris at 08:00Z in winter and 07:00Z in summer', () => {
    expect(localDateTimeToInstant('2027-03-22', '09:00', 'Europe/Paris').toISOString()).toBe('2027-03-22T08:00:00.000Z');
    expect(localDateTimeToInstant('2027-03-29', '09:00', 'Europe/Paris').toISOString()).toBe('2027-03-29T07:00:00.000Z');
    expect(localDateTimeToInstant('2026-10-19', '09:00', 'Europe/Paris').toISOString()).toBe('2026-10-19T07:00:00.000Z');
    expect(localDateTimeToInstant('2026-10-26', '09:00', 'Europe/Paris').toISOString()).toBe('2026-10-26T08:00:00.000Z');
  });

  it('keeps the wall-clock time on the day of the change itself', () => {
    expect(localDateTimeToInstant('2027-03-28', '09:00', 'Europe/Paris').toISOString()).toBe('2027-03-28T07:00:00.000Z');
    expect(localDateTimeToInstant('2026-10-25', '09:00', 'Europe/Paris').toISOString()).toBe('2026-10-25T08:00:00.000Z');
  });

  it('moves a time skipped by spring-forward past the gap, and takes the later of a repeated time', () => {
    expect(localDateTimeToInstant('2027-03-28', '02:30', 'Europe/Paris').toISOString()).toBe('2027-03-28T01:30:00.000Z');
    expect(localDateTimeToInstant('2026-10-25', '02:30', 'Europe/Paris').toISOString()).toBe('2026-10-25T01:30:00.000Z');
  });

  it('uses the fixed offset of zones without daylight saving', () => {
    expect(localDateTimeToInstant('2027-03-29', '09:00', 'America/Cayenne').toISOString()).toBe('2027-03-29T12:00:00.000Z');
    expect(localDateTimeToInstant('2026-10-26', '09:00', 'America/Cayenne').toISOString()).toBe('2026-10-26T12:00:00.000Z');
    // Nouméa is 11 hours ahead: Monday morning there is Sunday evening in UTC.
    expect(localDateTimeToInstant('2026-09-07', '09:00', 'Pacific/Noumea').toISOString()).toBe('2026-09-06T22:00:00.000Z');
  });

  it('round-trips with localDateAt', () => {
    for (const zone of ['Europe/Paris', 'America/Cayenne', 'Pacific/Noumea']) {
      expect(localDateAt(localDateTimeToInstant('2027-01-01', '00:00', zone), zone)).toBe('2027-01-01');
      expect(localDateAt(localDateTimeToInstant('2026-12-31', '23:59', zone), zone)).toBe('2026-12-31');
    }
  });

  it('refuses malformed dates, times and zones', () => {
    expect(() => localDateTimeToInstant('2027-02-29', '09:00', 'Europe/Paris')).toThrow('"2027-02-29" is not a date');
    expect(() => localDateTimeToInstant('2027-03-29', '9:00', 'Europe/Paris')).toThrow('"9:00" is not a time of day');
    expect(() => localDateTimeToInstant('2027-03-29', '24:00', 'Europe/Paris')).toThrow(RangeError);
    expect(() => localDateTimeToInstant('2027-03-29', '09:00:00', 'Europe/Paris')).toThrow(RangeError);
    expect(() => localDateTimeToInstant('2027-03-29', '09:00', 'CET+1')).toThrow('"CET+1" is not a time zone');
  });
});

describe('halfDayAt', () => {
  it('splits the day at 13:00 local time', () => {
    expect(halfDayAt(at('2026-09-07T10:59:00Z'), 'Europe/Paris')).toEqual({ date: '2026-09-07', halfDay: 'morning' });
    expect(halfDayAt(at('2026-09-07T11:00:00Z'), 'Europe/Paris')).toEqual({ date: '2026-09-07', halfDay: 'afternoon' });
    expect(halfDayAt(at('2026-09-06T22:00:00Z'), 'Europe/Paris')).toEqual({ date: '2026-09-07', halfDay: 'morning' });
  });

  it('uses the offset in force that day around the changes of time', () => {
    // 11:30Z is 13:30 in summer time on Saturday, 12:30 in winter time on Sunday 2026-10-25.
    expect(halfDayAt(at('2026-10-24T11:30:00Z'), 'Europe/Paris')).toEqual({ date: '2026-10-24', halfDay: 'afternoon' });
    expect(halfDayAt(at('2026-10-25T11:30:00Z'), 'Europe/Paris')).toEqual({ date: '2026-10-25', halfDay: 'morning' });
    // And the other way round on 2027-03-28.
    expect(halfDayAt(at('2027-03-27T11:30:00Z'), 'Europe/Paris')).toEqual({ date: '2027-03-27', halfDay: 'morning' });
    expect(halfDayAt(at('2027-03-28T11:30:00Z'), 'Europe/Paris')).toEqual({ date: '2027-03-28', halfDay: 'afternoon' });
  });

  it('works far from Paris', () => {
    expect(halfDayAt(at('2026-09-07T15:59:00Z'), 'America/Cayenne')).toEqual({ date: '2026-09-07', halfDay: 'morning' });
    expect(halfDayAt(at('2026-09-07T16:00:00Z'), 'America/Cayenne')).toEqual({ date: '2026-09-07', halfDay: 'afternoon' });
    expect(halfDayAt(at('2026-09-07T01:59:00Z'), 'Pacific/Noumea')).toEqual({ date: '2026-09-07', halfDay: 'morning' });
    expect(halfDayAt(at('2026-09-07T02:00:00Z'), 'Pacific/Noumea')).toEqual({ date: '2026-09-07', halfDay: 'afternoon' });
    expect(halfDayAt(at('2026-09-07T13:00:00Z'), 'Pacific/Noumea')).toEqual({ date: '2026-09-08', halfDay: 'morning' });
  });
});
