import { isBefore, isIsoDate } from './local-date.js';

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
