/** A rhythm rule as the form holds it (text of inputs), and the JSON rule the API expects. */
export type RuleKind = 'first-full-week-of-month' | 'nth-week-of-month' | 'every-n-weeks';
export type NthWeek = '1' | '2' | '3' | '4' | 'last';

export const RULE_KINDS: readonly RuleKind[] = ['first-full-week-of-month', 'nth-week-of-month', 'every-n-weeks'];
export const NTH_WEEKS: readonly NthWeek[] = ['1', '2', '3', '4', 'last'];

export interface RuleDraft {
  kind: RuleKind;
  n: NthWeek;
  every: string;
  from: string;
}

export type RhythmRule = { kind: 'first-full-week-of-month' } | { kind: 'nth-week-of-month'; n: 1 | 2 | 3 | 4 | 'last' } | { kind: 'every-n-weeks'; every: number; from: string };

/** Only the fields of the chosen kind: the API refuses the others. A bad number is sent as is, for the API to name. */
export function toRule(draft: RuleDraft): RhythmRule {
  switch (draft.kind) {
    case 'first-full-week-of-month':
      return { kind: draft.kind };
    case 'nth-week-of-month':
      return { kind: draft.kind, n: draft.n === 'last' ? 'last' : (Number(draft.n) as 1 | 2 | 3 | 4) };
    case 'every-n-weeks':
      return { kind: draft.kind, every: Number(draft.every), from: draft.from };
  }
}

/** The Monday of the week holding an ISO date (dates only, so UTC arithmetic is exact). */
export function mondayOf(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}
