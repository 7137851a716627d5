import { addDays, isBefore, isIsoDate } from './local-date.js';

describe('local dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2026-09-07')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('07/09/2026')).toBe(false);
  });

  it('orders dates', () => {
    expect(isBefore('2026-09-07', '2027-06-25')).toBe(true);
    expect(isBefore('2027-06-25', '2026-09-07')).toBe(false);
  });
});

describe('addDays', () => {
  it('moves across months, leap days and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-03-01', -1)).toBe('2027-02-28');
  });

  it('is not shortened by the daylight-saving change', () => {
    expect(addDays('2027-03-27', 2)).toBe('2027-03-29');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
  });

  it('refuses what is not a date', () => {
    expect(() => addDays('2027-02-29', 1)).toThrow(RangeError);
  });
});
