import type { TFunction } from 'i18next';
import { ApiError } from '../../api/api-error';

export interface CheckInProblem {
  /** Said next to the code field: the code typed is not the one on screen. */
  code?: string;
  /** Said for the whole form: the cohort is not on site, too many tries, or anything else. */
  form?: string;
}

/**
 * The API words check-in refusals in English for developers (apps/api/src/attendance/check-in.service.ts
 * and check-in-rate-limiter.ts); the learner reads them in their language. An unknown refusal keeps the API's words.
 */
export function checkInProblem(error: unknown, t: TFunction<'attendance'>): CheckInProblem {
  if (!(error instanceof ApiError)) return {};
  const message = error.fieldError('code') ?? error.message;
  const minutes = /try again in (\d+) minutes/.exec(message)?.[1] ?? '1';
  if (error.status === 429) return { form: t(/new code/.test(message) ? 'checkIn.errors.tooManyCohort' : 'checkIn.errors.tooManyMine', { minutes }) };
  if (error.status === 403) return { form: t('checkIn.errors.notLearner') };
  if (error.status === 400 && error.fieldError('code')) {
    return { code: /digits/.test(message) ? t('checkIn.errors.format') : /not the check-in code/.test(message) ? t('checkIn.errors.wrong') : message };
  }
  if (error.status === 409) {
    if (/under way/.test(message)) return { form: t('checkIn.errors.notOnSite') };
    const expiredAt = /expired at (\d\d:\d\d)/.exec(message)?.[1];
    if (expiredAt) return { code: t('checkIn.errors.expired', { time: expiredAt }) };
    if (/replaced/.test(message)) return { code: t('checkIn.errors.replaced') };
    if (/This code was for/.test(message)) return { code: t('checkIn.errors.otherHalfDay') };
    return { code: message };
  }
  return {};
}
