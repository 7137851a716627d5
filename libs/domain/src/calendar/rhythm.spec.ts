import { expandRhythm, parseRhythmRule, type RhythmRule } from './rhythm.js';

// A school year: Monday 2026-09-07 to Friday 2027-06-25.
const schoolYear = { startsOn: '2026-09-07', endsOn: '2027-06-25' };

describe('expandRhythm: first-full-week-of-month', () => {
  const rule: RhythmRule = { kind: 'first-full-week-of-month' };

  it('takes the week of the first Monday of each month, never a week that began in the month before', () => {
    // 2026-10-01 is a Thursday: the week of 2026-09-28 is not October's first full week.
    expect(expandRhythm(rule, schoolYear)).toEqual([
      '2026-09-07', '2026-10-05', '2026-11-02', '2026-12-07', '2027-01-04',
      '2027-02-01', '2027-03-01', '2027-04-05', '2027-05-03', '2027-06-07',
    ]);
  });

  it("in the cohort's first month, takes its first full week even after the month's first Monday", () => {
    const fromWednesday = { startsOn: '2026-09-09', endsOn: '2026-11-30' };
    expect(expandRhythm(rule, fromWednesday)).toEqual(['2026-09-14', '2026-10-05', '2026-11-02']);
    // …where nth-week-of-month 1 skips September.
    expect(expandRhythm({ kind: 'nth-week-of-month', n: 1 }, fromWednesday)).toEqual(['2026-10-05', '2026-11-02']);
  });

  it('gives no week in a last month that ends before its first full week does', () => {
    expect(expandRhythm(rule, { startsOn: '2027-04-01', endsOn: '2027-06-10' })).toEqual(['2027-04-05', '2027-05-03']);
    expect(expandRhythm(rule, { startsOn: '2027-04-01', endsOn: '2027-06-11' })).toEqual(['2027-04-05', '2027-05-03', '2027-06-07']);
  });

  it('never takes a week that does not end in its own month, even when the cohort starts late in the month', () => {
    // The week of 2026-12-28 is the only one of December inside the cohort, but it ends in January.
    expect(expandRhythm(rule, { startsOn: '2026-12-22', endsOn: '2027-01-31' })).toEqual(['2027-01-04']);
  });
});

describe('expandRhythm: nth-week-of-month', () => {
  it('takes the nth Monday of each month', () => {
    expect(expandRhythm({ kind: 'nth-week-of-month', n: 2 }, schoolYear)).toEqual([
      '2026-09-14', '2026-10-12', '2026-11-09', '2026-12-14', '2027-01-11',
      '2027-02-08', '2027-03-08', '2027-04-12', '2027-05-10', '2027-06-14',
    ]);
  });

  it('tells the fourth Monday from the last one, and drops a week running past the cohort', () => {
    // November, March and May 2027 have five Mondays; June's 4th Monday (28th) runs past 2027-06-25.
    expect(expandRhythm({ kind: 'nth-week-of-month', n: 4 }, schoolYear)).toEqual([
      '2026-09-28', '2026-10-26', '2026-11-23', '2026-12-28', '2027-01-25',
      '2027-02-22', '2027-03-22', '2027-04-26', '2027-05-24',
    ]);
    expect(expandRhythm({ kind: 'nth-week-of-month', n: 'last' }, schoolYear)).toEqual([
      '2026-09-28', '2026-10-26', '2026-11-30', '2026-12-28', '2027-01-25',
      '2027-02-22', '2027-03-29', '2027-04-26', '2027-05-31',
    ]);
  });

  it('keeps a last week that ends in the next month or the next year (2026-W53)', () => {
    expect(expandRhythm({ kind: 'nth-week-of-month', n: 'last' }, { startsOn: '2026-11-01', endsOn: '2027-01-10' })).toEqual([
      '2026-11-30', '2026-12-28',
    ]);
  });
});

describe('expandRhythm: every-n-weeks', () => {
  it('steps from the given Monday through the turn of the year', () => {
    expect(expandRhythm({ kind: 'every-n-weeks', every: 4, from: '2026-09-07' }, schoolYear)).toEqual([
      '2026-09-07', '2026-10-05', '2026-11-02', '2026-11-30', '2026-12-28', '2027-01-25',
      '2027-02-22', '2027-03-22', '2027-04-19', '2027-05-17', '2027-06-14',
    ]);
  });

  it('keeps the series of a from before the cohort and drops the weeks the cohort does not fully hold', () => {
    // 2026-08-17, 2026-09-07 (the cohort starts on Wednesday the 9th), then 2026-09-28…
    expect(expandRhythm({ kind: 'every-n-weeks', every: 3, from: '2026-08-17' }, { startsOn: '2026-09-09', endsOn: '2026-10-30' })).toEqual([
      '2026-09-28', '2026-10-19',
    ]);
  });

  it('never goes back before from', () => {
    expect(expandRhythm({ kind: 'every-n-weeks', every: 2, from: '2026-10-05' }, { startsOn: '2026-09-07', endsOn: '2026-11-06' })).toEqual([
      '2026-10-05', '2026-10-19', '2026-11-02',
    ]);
    expect(expandRhythm({ kind: 'every-n-weeks', every: 1, from: '2027-01-04' }, { startsOn: '2026-09-07', endsOn: '2026-12-31' })).toEqual([]);
  });

  it('gives every week with every: 1', () => {
    expect(expandRhythm({ kind: 'every-n-weeks', every: 1, from: '2026-12-21' }, { startsOn: '2026-12-21', endsOn: '2027-01-08' })).toEqual([
      '2026-12-21', '2026-12-28', '2027-01-04',
    ]);
  });
});

describe('expandRhythm: guards', () => {
  it('gives nothing for an empty or reversed range', () => {
    expect(expandRhythm({ kind: 'first-full-week-of-month' }, { startsOn: '2026-09-07', endsOn: '2026-09-10' })).toEqual([]);
    expect(expandRhythm({ kind: 'first-full-week-of-month' }, { startsOn: '2027-06-25', endsOn: '2026-09-07' })).toEqual([]);
  });

  it('refuses invalid rules and dates instead of looping or guessing', () => {
    expect(() => expandRhythm({ kind: 'every-n-weeks', every: 0, from: '2026-09-07' }, schoolYear)).toThrow(RangeError);
    expect(() => expandRhythm({ kind: 'every-n-weeks', every: 2, from: '2026-09-08' }, schoolYear)).toThrow('from must be a Monday');
    expect(() => expandRhythm({ kind: 'first-full-week-of-month' }, { startsOn: '2026-09-31', endsOn: '2027-06-25' })).toThrow(RangeError);
  });
});

describe('parseRhythmRule', () => {
  it('accepts each kind of rule and keeps only its fields', () => {
    expect(parseRhythmRule({ kind: 'first-full-week-of-month' })).toEqual({ ok: true, rule: { kind: 'first-full-week-of-month' } });
    expect(parseRhythmRule({ kind: 'nth-week-of-month', n: 'last' })).toEqual({ ok: true, rule: { kind: 'nth-week-of-month', n: 'last' } });
    expect(parseRhythmRule({ kind: 'every-n-weeks', every: 12, from: '2026-12-28' })).toEqual({
      ok: true,
      rule: { kind: 'every-n-weeks', every: 12, from: '2026-12-28' },
    });
  });

  it('names the field of every problem', () => {
    expect(parseRhythmRule({ kind: 'every-n-weeks', every: 13, from: '2026-12-29', extra: true })).toEqual({
      ok: false,
      problems: [
        { field: 'extra', message: 'extra is not a field of the every-n-weeks rhythm', rule: 'whitelistValidation' },
        { field: 'every', message: 'every must be a whole number of weeks from 1 to 12', rule: 'rhythmEvery', limit: 12 },
        { field: 'from', message: 'from must be a Monday (YYYY-MM-DD)', rule: 'isMonday' },
      ],
    });
    expect(parseRhythmRule({ kind: 'nth-week-of-month', n: 5 })).toEqual({
      ok: false,
      problems: [{ field: 'n', message: 'n must be 1, 2, 3, 4 or "last"', rule: 'isIn' }],
    });
  });

  it('does not coerce strings or fractions', () => {
    expect(parseRhythmRule({ kind: 'nth-week-of-month', n: '2' }).ok).toBe(false);
    expect(parseRhythmRule({ kind: 'every-n-weeks', every: '4', from: '2026-09-07' }).ok).toBe(false);
    expect(parseRhythmRule({ kind: 'every-n-weeks', every: 1.5, from: '2026-09-07' }).ok).toBe(false);
    expect(parseRhythmRule({ kind: 'every-n-weeks', every: 2, from: '2026-W37' }).ok).toBe(false);
  });

  it('rejects unknown kinds and non-objects, prefixing fields with the path', () => {
    expect(parseRhythmRule({ kind: 'monthly' }, 'rhythm')).toEqual({
      ok: false,
      problems: [{ field: 'rhythm.kind', message: 'rhythm.kind must be one of first-full-week-of-month, nth-week-of-month, every-n-weeks', rule: 'isIn' }],
    });
    expect(parseRhythmRule({ kind: 'nth-week-of-month' }, 'rhythm')).toEqual({
      ok: false,
      problems: [{ field: 'rhythm.n', message: 'rhythm.n must be 1, 2, 3, 4 or "last"', rule: 'isIn' }],
    });
    expect(parseRhythmRule(null)).toEqual({ ok: false, problems: [{ field: 'rhythm', message: 'rhythm must be an object with a kind', rule: 'isObject' }] });
    expect(parseRhythmRule(['every-n-weeks'], 'body.rhythm').ok).toBe(false);
  });
});
