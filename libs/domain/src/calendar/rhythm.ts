import { DateTime } from 'luxon';
import { assertIsoDate, toDateTime, toIsoDate } from './calendar-date.js';
import { addWeeks, fridayOf, isMonday, mondayOf } from './iso-week.js';
import type { DateRange } from './local-date.js';

/*
 * A rhythm says which weeks a cohort spends on site, so an admin plans a whole
 * school year in one go ("the first full week of every month") instead of week
 * by week. Expanding a rule only proposes Mondays: clashes are checked by
 * week-plan.ts, and the admin may still move or add weeks one by one.
 */

export type NthWeek = 1 | 2 | 3 | 4 | 'last';

export type RhythmRule =
  /**
   * In each month, the first week whose Monday to Friday all lie in that month
   * and within the cohort's dates. A first Monday falls on day 1 to 7, so its
   * Friday (day 5 to 11) is always in the same month: away from the cohort's
   * first month this is the week of the month's first Monday, as
   * nth-week-of-month 1. They differ when the cohort starts after the first
   * Monday's week has begun: this rule then takes the cohort's first full week
   * in that month (starts Wednesday 2026-09-09 → week of 2026-09-14), where
   * nth-week-of-month 1 skips the month.
   */
  | { kind: 'first-full-week-of-month' }
  /**
   * The weeks whose Monday is the nth Monday of the month ('last': the month's
   * last Monday). Such a week may end in the next month (Monday 2026-11-30).
   */
  | { kind: 'nth-week-of-month'; n: NthWeek }
  /** `from` (a Monday) and every `every`th week after it; never a week before `from`. */
  | { kind: 'every-n-weeks'; every: number; from: string };

export type RhythmKind = RhythmRule['kind'];

export interface RhythmProblem {
  field: string;
  message: string;
  /** Stable, for clients to word the problem (class-validator's names where one fits). */
  rule: 'isObject' | 'isIn' | 'whitelistValidation' | 'rhythmEvery' | 'isMonday';
  /** The most weeks `every` may be. */
  limit?: number;
}

export type RhythmParseResult = { ok: true; rule: RhythmRule } | { ok: false; problems: RhythmProblem[] };

export const RHYTHM_KINDS: readonly RhythmKind[] = ['first-full-week-of-month', 'nth-week-of-month', 'every-n-weeks'];
export const MAX_EVERY_N_WEEKS = 12;

const FIELDS: Record<RhythmKind, readonly string[]> = {
  'first-full-week-of-month': ['kind'],
  'nth-week-of-month': ['kind', 'n'],
  'every-n-weeks': ['kind', 'every', 'from'],
};

/**
 * The Mondays the rule gives between startsOn and endsOn, ascending, keeping
 * only weeks whose Monday to Friday lie entirely in [startsOn, endsOn]: a
 * cohort is not on site before it starts or after it ends. Throws a RangeError
 * on an invalid rule or date (parse HTTP input with parseRhythmRule first).
 */
export function expandRhythm(rule: RhythmRule, { startsOn, endsOn }: DateRange): string[] {
  const parsed = parseRhythmRule(rule);
  if (!parsed.ok) throw new RangeError(parsed.problems.map((problem) => problem.message).join('; '));
  assertIsoDate(startsOn);
  assertIsoDate(endsOn);
  const fits = (monday: string) => monday >= startsOn && fridayOf(monday) <= endsOn;
  if (rule.kind === 'every-n-weeks') return everyNWeeks(rule.every, rule.from, { startsOn, endsOn }).filter(fits);
  return monthsBetween(startsOn, endsOn)
    .map((month) => pickInMonth(rule, mondaysOfMonth(month), fits))
    .filter((monday): monday is string => monday !== undefined && fits(monday));
}

function pickInMonth(rule: Exclude<RhythmRule, { kind: 'every-n-weeks' }>, mondays: string[], fits: (monday: string) => boolean) {
  if (rule.kind === 'nth-week-of-month') return rule.n === 'last' ? mondays.at(-1) : mondays[rule.n - 1];
  return mondays.find((monday) => fits(monday) && fridayOf(monday).slice(0, 7) === monday.slice(0, 7));
}

function everyNWeeks(every: number, from: string, { startsOn, endsOn }: DateRange): string[] {
  // Jump straight to the first week of the series that can overlap the cohort.
  const behind = Math.max(0, weeksBetween(from, mondayOf(startsOn)));
  const mondays: string[] = [];
  for (let monday = addWeeks(from, Math.ceil(behind / every) * every); monday <= endsOn; monday = addWeeks(monday, every)) {
    mondays.push(monday);
  }
  return mondays;
}

const weeksBetween = (from: string, to: string) => Math.round(toDateTime(to).diff(toDateTime(from), 'weeks').weeks);

/** "2026-09" … "2027-06": every month the range touches. */
function monthsBetween(startsOn: string, endsOn: string): DateTime[] {
  const months: DateTime[] = [];
  for (let month = toDateTime(startsOn).startOf('month'); toIsoDate(month) <= endsOn; month = month.plus({ months: 1 })) months.push(month);
  return months;
}

function mondaysOfMonth(firstOfMonth: DateTime): string[] {
  const mondays: string[] = [];
  // weekday is 1 (Monday) to 7 (Sunday): the first Monday is 0 to 6 days after the 1st.
  for (let day = firstOfMonth.plus({ days: (8 - firstOfMonth.weekday) % 7 }); day.month === firstOfMonth.month; day = day.plus({ weeks: 1 })) {
    mondays.push(toIsoDate(day));
  }
  return mondays;
}

/**
 * Checks a rule received as JSON and reports every problem at once, each naming
 * its field; give `path` ("rhythm") when the rule sits inside a larger body, and
 * fields are named "rhythm.n".
 * Unknown fields are problems too. Values are not coerced: "2" is not 2.
 */
export function parseRhythmRule(input: unknown, path = ''): RhythmParseResult {
  const field = (name: string) => (path ? `${path}.${name}` : name);
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    const whole = path || 'rhythm';
    return { ok: false, problems: [{ field: whole, message: `${whole} must be an object with a kind`, rule: 'isObject' }] };
  }
  const value = input as Record<string, unknown>;
  const kind = value.kind;
  if (typeof kind !== 'string' || !(RHYTHM_KINDS as readonly string[]).includes(kind)) {
    return { ok: false, problems: [{ field: field('kind'), message: `${field('kind')} must be one of ${RHYTHM_KINDS.join(', ')}`, rule: 'isIn' }] };
  }
  const ruleKind = kind as RhythmKind;
  const problems: RhythmProblem[] = Object.keys(value)
    .filter((key) => !FIELDS[ruleKind].includes(key))
    .map((key) => ({ field: field(key), message: `${field(key)} is not a field of the ${ruleKind} rhythm`, rule: 'whitelistValidation' }));

  if (ruleKind === 'nth-week-of-month') {
    const n = value.n;
    if (n !== 1 && n !== 2 && n !== 3 && n !== 4 && n !== 'last') {
      problems.push({ field: field('n'), message: `${field('n')} must be 1, 2, 3, 4 or "last"`, rule: 'isIn' });
    }
  }
  if (ruleKind === 'every-n-weeks') {
    const every = value.every;
    if (typeof every !== 'number' || !Number.isInteger(every) || every < 1 || every > MAX_EVERY_N_WEEKS) {
      problems.push({
        field: field('every'),
        message: `${field('every')} must be a whole number of weeks from 1 to ${MAX_EVERY_N_WEEKS}`,
        rule: 'rhythmEvery',
        limit: MAX_EVERY_N_WEEKS,
      });
    }
    const from = value.from;
    if (typeof from !== 'string' || !isMonday(from)) {
      problems.push({ field: field('from'), message: `${field('from')} must be a Monday (YYYY-MM-DD)`, rule: 'isMonday' });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, rule: toRule(ruleKind, value) };
}

/** Builds a fresh rule holding only its own fields, once they are checked. */
function toRule(kind: RhythmKind, value: Record<string, unknown>): RhythmRule {
  switch (kind) {
    case 'first-full-week-of-month':
      return { kind };
    case 'nth-week-of-month':
      return { kind, n: value.n as NthWeek };
    case 'every-n-weeks':
      return { kind, every: value.every as number, from: value.from as string };
  }
}
