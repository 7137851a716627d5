import type { Row } from './types.js';
import { median, meets, pairedRatio } from '../stats.js';

/** A compared row: medians of each side, the median per-round ratio, and the verdict against `target`. */
export function comparedRow(fields: { scenario: string; metric: string; unit: string; target: string; fabrique: number[]; baseline: number[]; notes?: string }): Row {
  const ratioValue = pairedRatio(fields.fabrique, fields.baseline);
  return {
    scenario: fields.scenario,
    metric: fields.metric,
    unit: fields.unit,
    fabrique: median(fields.fabrique),
    baseline: median(fields.baseline),
    ratio: ratioValue,
    target: fields.target,
    pass: meets(ratioValue, fields.target),
    samples: { fabrique: fields.fabrique, baseline: fields.baseline },
    notes: fields.notes,
  };
}

/** A measure with no baseline (target "—"). */
export function soloRow(fields: { scenario: string; metric: string; unit: string; values: number[]; notes?: string }): Row {
  return {
    scenario: fields.scenario,
    metric: fields.metric,
    unit: fields.unit,
    fabrique: median(fields.values),
    baseline: null,
    ratio: null,
    target: '—',
    pass: null,
    samples: { fabrique: fields.values, baseline: [] },
    notes: fields.notes,
  };
}

/** "api 97%, postgres 41%, bench 63%": the median CPU of each process over the rounds. */
export function describeCpu(samples: Record<string, number>[]): string {
  if (!samples.length) return '';
  return Object.keys(samples[0])
    .map((name) => `${name} ${Math.round(median(samples.map((sample) => sample[name])))}%`)
    .join(', ');
}
