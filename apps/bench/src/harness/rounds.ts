import { CpuMeter } from './proc-stats.js';
import type { Logger } from './types.js';

export type Side = 'fabrique' | 'baseline';

export interface Measured<R> {
  fabrique: R[];
  baseline: R[];
  /** Median CPU per watched process while each side ran, % of one core, e.g. { fabrique: { api: 98, postgres: 40 } }. */
  cpu: Record<Side, Record<string, number>[]>;
}

/**
 * Runs both sides `rounds` times, alternating which goes first (F B, B F, F B…) so neither always
 * runs on a warmer or cooler machine, after one unrecorded warm-up run of each.
 */
export async function alternate<R>(options: {
  label: string;
  rounds: number;
  log: Logger;
  warmUp: (side: Side) => Promise<unknown>;
  measure: (side: Side) => Promise<R>;
  cpu?: Record<Side, Record<string, () => number[]>>;
  describe?: (result: R) => string;
}): Promise<Measured<R>> {
  const { label, rounds, log, warmUp, measure, cpu, describe = () => '' } = options;
  const measured: Measured<R> = { fabrique: [], baseline: [], cpu: { fabrique: [], baseline: [] } };
  await warmUp('fabrique');
  await warmUp('baseline');
  for (let round = 0; round < rounds; round++) {
    const order: Side[] = round % 2 === 0 ? ['fabrique', 'baseline'] : ['baseline', 'fabrique'];
    for (const side of order) {
      const meter = cpu ? new CpuMeter(cpu[side]) : null;
      meter?.start();
      const result = await measure(side);
      if (meter) measured.cpu[side].push(meter.stop());
      measured[side].push(result);
      log.info(`  ${label} round ${round + 1}/${rounds} ${side}: ${describe(result)}`);
    }
  }
  return measured;
}
