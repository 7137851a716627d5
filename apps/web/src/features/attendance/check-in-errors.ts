import type { TFunction } from 'i18next';
import { DateTime } from 'luxon';
import { ApiError } from '../../api/api-error';

export interface CheckInProblem {
  /** Said next to the code field: the code typed is not the one on screen. */
  code?: string;
  /** Said for the whole form: the cohort is not on site, too many tries, or anything else. */
  form?: string;
}

/** The check-in refusals that name no field, by the API's `reason` (apps/api/src/attendance/check-in.service.ts). */
export const CHECK_IN_REASONS = {
  notOnSite: 'not_on_site_now',
  learnersOnly: 'check_in_learners_only',
  otherHalfDay: 'check_in_code_other_half_day',
  replaced: 'check_in_code_replaced',
  expired: 'check_in_code_expired',
  tooManyMine: 'check_in_too_many_tries',
  tooManyCohort: 'check_in_too_many_tries_cohort',
} as const;

/** The `rule` of the code field's refusals. */
const CODE_RULES: Record<string, 'format' | 'wrong'> = { checkInCodeFormat: 'format', checkInCodeWrong: 'wrong' };

/** The expiry time in the learner's own zone; the site's time the API gave if the instant is missing. */
function expiryTime(params: Record<string, string | number>, zone: string): string {
  const instant = typeof params.expiresAt === 'string' ? DateTime.fromISO(params.expiresAt) : null;
  return instant?.isValid ? instant.setZone(zone).toFormat('HH:mm') : String(params.time ?? '');
}

/**
 * The API names each check-in refusal with a stable rule (on the code field) or reason (for the
 * whole request); the learner reads it in their language. An unknown refusal keeps the API's words.
 */
export function checkInProblem(error: unknown, t: TFunction<'attendance'>, zone: string): CheckInProblem {
  if (!(error instanceof ApiError)) return {};
  const codeDetail = error.details.find((detail) => detail.field === 'code');
  if (codeDetail) {
    const known = codeDetail.rule ? CODE_RULES[codeDetail.rule] : undefined;
    return { code: known ? t(`checkIn.errors.${known}`) : codeDetail.message };
  }
  const params = error.body?.params ?? {};
  const minutes = params.minutes ?? 1;
  switch (error.body?.reason) {
    case CHECK_IN_REASONS.notOnSite:
      return { form: t('checkIn.errors.notOnSite') };
    case CHECK_IN_REASONS.learnersOnly:
      return { form: t('checkIn.errors.notLearner') };
    case CHECK_IN_REASONS.tooManyMine:
      return { form: t('checkIn.errors.tooManyMine', { minutes }) };
    case CHECK_IN_REASONS.tooManyCohort:
      return { form: t('checkIn.errors.tooManyCohort', { minutes }) };
    // Stale codes are said next to the field, where the learner types the code on screen now.
    case CHECK_IN_REASONS.otherHalfDay:
      return { code: t('checkIn.errors.otherHalfDay') };
    case CHECK_IN_REASONS.replaced:
      return { code: t('checkIn.errors.replaced') };
    case CHECK_IN_REASONS.expired:
      return { code: t('checkIn.errors.expired', { time: expiryTime(params, zone) }) };
    default:
      return {};
  }
}
