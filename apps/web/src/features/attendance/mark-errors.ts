import type { TFunction } from 'i18next';
import { ApiError } from '../../api/api-error';

/** The rules of a refused mark that the screen words itself (apps/api/src/attendance/attendance.service.ts, on-site-days.ts). */
const MARK_RULES: Record<string, string> = {
  onSiteWeek: 'mark.errors.notOnSiteDay',
  isWeekday: 'mark.errors.notOnSiteDay',
  cohortLearner: 'mark.errors.notALearner',
  listedOnce: 'mark.errors.notALearner',
};

/**
 * Why a mark was refused, in the user's language, when the API names a known rule: the day left the
 * on-site weeks meanwhile, or the learner left the cohort. Otherwise undefined, for FormError.
 */
export function markProblem(error: unknown, t: TFunction<'attendance'>): string | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const key = error.details.map((detail) => (detail.rule ? MARK_RULES[detail.rule] : undefined)).find(Boolean);
  return key && t(key);
}
