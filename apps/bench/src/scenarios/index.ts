import type { Scenario } from '../harness/types.js';
import { learnerReads } from './learner-reads.js';
import { liveFanout } from './live-fanout.js';
import { mondayReminders } from './monday-reminders.js';
import { resources } from './resources.js';
import { searchGrowth } from './search-growth.js';

/**
 * Every scenario, in the order they run. Add one file per scenario (search growth, live fan-out,
 * Monday reminders…) before `resources`, which reports the memory samples the others recorded.
 */
export const scenarios: Scenario[] = [learnerReads, searchGrowth, liveFanout, mondayReminders, resources];
