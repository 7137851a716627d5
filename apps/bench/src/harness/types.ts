import type { Pool } from 'pg';
import type { Stack } from './stack.js';

/** One line of the results table. Numbers are medians over the rounds; `ratio` is the median of per-round ratios. */
export interface Row {
  scenario: string;
  /** What is measured, e.g. "throughput" or "p99 latency" or "RSS". */
  metric: string;
  unit: string;
  fabrique: number | null;
  baseline: number | null;
  ratio: number | null;
  /** "≥ 0.6", "≤ 2×", or "—" for a measure without a baseline. */
  target: string;
  pass: boolean | null;
  /** Every round's value, in round order. */
  samples: { fabrique: number[]; baseline: number[] };
  /** What bounded the run (CPU per process, errors seen…). */
  notes?: string;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
}

/** Everything a scenario gets: the running stack, the bench database, and helpers. */
export interface BenchContext {
  quick: boolean;
  stack: Stack;
  /** A pool on the bench database, for generating data and for baselines' checks. */
  pool: Pool;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  jwtSecret: string;
  /** POST /api/auth/login; returns the access token. */
  login(email: string, password: string): Promise<string>;
  /** Records the resident memory of api, realtime and worker under `label` (reported by the resources scenario). */
  sampleRss(label: string): Promise<void>;
  log: Logger;
}

export interface Scenario {
  name: string;
  /** Rows for the table; throws when the scenario cannot be measured honestly (e.g. the baseline answers differently). */
  run(ctx: BenchContext): Promise<Row[]>;
}
