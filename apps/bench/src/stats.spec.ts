import { formatNumber, formatPass, formatRatio, median, meets, pairedRatio, parseTarget, percentile, ratio } from './stats.js';

describe('bench stats', () => {
  it('takes medians of odd and even counts, ignoring order', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('interpolates percentiles between ranks', () => {
    const values = Array.from({ length: 101 }, (_, i) => i);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile([10, 20], 75)).toBe(17.5);
    expect(percentile([5], 99)).toBe(5);
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('divides Fabrique by its baseline, refusing a missing or zero baseline', () => {
    expect(ratio(600, 1000)).toBeCloseTo(0.6);
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(null, 3)).toBeNull();
  });

  it('takes the median of per-round ratios, so drift between rounds cancels', () => {
    // The machine slows down by half in round 2: each round's ratio still holds at 0.5.
    expect(pairedRatio([500, 250, 510], [1000, 500, 1020])).toBeCloseTo(0.5);
    expect(pairedRatio([1, 2, 3], [1, 1, 1])).toBe(2);
    expect(() => pairedRatio([1, 2], [1])).toThrow(RangeError);
  });

  it('reads targets and checks ratios against them', () => {
    expect(parseTarget('≥ 0.6')).toEqual({ op: '>=', value: 0.6 });
    expect(parseTarget('<= 2x')).toEqual({ op: '<=', value: 2 });
    expect(parseTarget('≤ 2×')).toEqual({ op: '<=', value: 2 });
    expect(parseTarget('—')).toBeNull();
    expect(() => parseTarget('about 2')).toThrow(/unreadable target/);
    expect(meets(0.6, '≥ 0.6')).toBe(true);
    expect(meets(0.59, '≥ 0.6')).toBe(false);
    expect(meets(2, '≤ 2×')).toBe(true);
    expect(meets(2.01, '≤ 2×')).toBe(false);
    expect(meets(null, '≥ 0.6')).toBeNull();
    expect(meets(1.2, '—')).toBeNull();
  });

  it('formats numbers, ratios and verdicts for the table', () => {
    expect(formatNumber(12345.6, 'req/s')).toBe('12,346 req/s');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(formatNumber(1.234, 'ms')).toBe('1.23 ms');
    expect(formatNumber(null)).toBe('—');
    expect(formatRatio(0.6123)).toBe('0.61×');
    expect(formatPass(true)).toBe('yes');
    expect(formatPass(false)).toBe('NO');
    expect(formatPass(null)).toBe('—');
  });
});
