import { soloRow } from '../harness/rows.js';
import type { Scenario } from '../harness/types.js';

/** One RSS sample of each app, taken by BenchContext.sampleRss. */
export interface RssSample {
  label: string;
  app: string;
  mib: number;
}

/** Filled by main.ts's BenchContext.sampleRss: "idle" after start, then whatever each scenario records when it ends. */
export const rssSamples: RssSample[] = [];

/** Scenario 5 (part): resident memory of api, realtime and worker at each recorded moment; no baseline. Runs last. */
export const resources: Scenario = {
  name: 'resources',
  async run(ctx) {
    await ctx.sampleRss('end of run');
    return rssSamples.map((sample) =>
      soloRow({ scenario: 'resources', metric: `RSS ${sample.app}, ${sample.label}`, unit: 'MiB', values: [sample.mib] }),
    );
  },
};
