import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@fabrique/config';
import type { HalfDay } from '@fabrique/persistence';

export const CHECK_IN_CODE_DIGITS = 6;

/** How long a code stays valid at most; it also ends with its half-day. */
export const CHECK_IN_CODE_TTL_MS = 30 * 60_000;

export interface CheckInScope {
  cohortId: string;
  date: string;
  halfDay: HalfDay;
}

/** Six digits: quick to type on a phone, and few enough tries are allowed that guessing does not pay. */
export const newCheckInCode = () => randomInt(0, 10 ** CHECK_IN_CODE_DIGITS).toString().padStart(CHECK_IN_CODE_DIGITS, '0');

/** What a learner typed, without the spaces they may have put in; undefined when it cannot be a code. */
export function readCheckInCode(typed: string): string | undefined {
  const code = typed.replace(/\s+/g, '');
  return new RegExp(`^\\d{${CHECK_IN_CODE_DIGITS}}$`).test(code) ? code : undefined;
}

/**
 * Codes are stored as a keyed hash bound to their cohort and half-day: a million codes are
 * quickly hashed, so a plain hash would not hide them from someone who reads the database.
 */
@Injectable()
export class CheckInCodeHasher {
  private readonly key: Buffer;

  constructor(config: AppConfig) {
    this.key = createHmac('sha256', config.JWT_SECRET).update('fabrique:check-in-codes').digest();
  }

  hash(scope: CheckInScope, code: string): string {
    return createHmac('sha256', this.key).update(`${scope.cohortId}|${scope.date}|${scope.halfDay}|${code}`).digest('base64url');
  }

  matches(scope: CheckInScope, code: string, hash: string): boolean {
    const expected = Buffer.from(this.hash(scope, code));
    const stored = Buffer.from(hash);
    return expected.length === stored.length && timingSafeEqual(expected, stored);
  }
}
