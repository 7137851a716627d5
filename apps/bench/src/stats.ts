/** The arithmetic of the benchmark report: medians, percentiles, ratios and targets, kept pure so a test checks it. */

/** The median of the values (the mean of the two middle ones for an even count); NaN for none. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** The p-th percentile (0–100) by linear interpolation between closest ranks; NaN for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (p < 0 || p > 100 || Number.isNaN(p)) throw new RangeError(`percentile must be between 0 and 100 (got ${p})`);
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

/** Fabrique ÷ baseline; null when either side is missing or the baseline is 0. */
export function ratio(fabrique: number | null, baseline: number | null): number | null {
  if (fabrique === null || baseline === null || !Number.isFinite(fabrique) || !Number.isFinite(baseline) || baseline === 0) return null;
  return fabrique / baseline;
}

/**
 * The median of per-round ratios: each round measures Fabrique and its baseline back to back,
 * so a ratio taken within a round cancels the machine's drift between rounds.
 */
export function pairedRatio(fabrique: readonly number[], baseline: readonly number[]): number | null {
  if (fabrique.length !== baseline.length) throw new RangeError(`one baseline sample per Fabrique sample (got ${fabrique.length} and ${baseline.length})`);
  const ratios = fabrique.map((value, i) => ratio(value, baseline[i])).filter((value): value is number => value !== null);
  return ratios.length ? median(ratios) : null;
}

export interface Target {
  op: '>=' | '<=';
  value: number;
}

/** Reads a target written "≥ 0.6", ">= 0.6", "≤ 2×", "<= 2x"; null for "—" (no target). */
export function parseTarget(text: string): Target | null {
  const trimmed = text.trim();
  if (trimmed === '—' || trimmed === '-' || trimmed === '') return null;
  const match = /^(≥|>=|≤|<=)\s*(\d+(?:\.\d+)?)\s*(×|x)?$/.exec(trimmed);
  if (!match) throw new Error(`unreadable target "${text}" (write "≥ 0.6" or "≤ 2×")`);
  return { op: match[1] === '≥' || match[1] === '>=' ? '>=' : '<=', value: Number(match[2]) };
}

/** Whether a ratio meets its target; null when there is no target or no ratio. */
export function meets(ratioValue: number | null, target: string): boolean | null {
  const parsed = parseTarget(target);
  if (parsed === null || ratioValue === null || !Number.isFinite(ratioValue)) return null;
  return parsed.op === '>=' ? ratioValue >= parsed.value : ratioValue <= parsed.value;
}

/** A number for the table: thousands with a thin space, 3 significant digits below 100. */
export function formatNumber(value: number | null, unit = ''): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  const text = abs >= 100 ? Math.round(value).toLocaleString('en-US') : abs >= 10 ? value.toFixed(1) : value.toFixed(2);
  return unit ? `${text} ${unit}` : text;
}

export function formatRatio(value: number | null): string {
  return value === null || !Number.isFinite(value) ? '—' : `${value.toFixed(2)}×`;
}

export function formatPass(pass: boolean | null): string {
  return pass === null ? '—' : pass ? 'yes' : 'NO';
}
