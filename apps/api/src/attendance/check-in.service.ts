import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CohortAccess, type Principal } from '@fabrique/auth';
import { conflict, forbidden } from '@fabrique/errors';
import { recordEvents } from '@fabrique/persistence';
import { invalidField } from '../common/invalid-field.js';
import { AttendanceLedger } from './attendance-ledger.js';
import { AttendanceRepository } from './attendance.repository.js';
import { CHECK_IN_CODE_DIGITS, CHECK_IN_CODE_TTL_MS, CheckInCodeHasher, type CheckInScope, newCheckInCode, readCheckInCode } from './check-in-codes.js';
import { CheckInRateLimiter } from './check-in-rate-limiter.js';
import { Clock } from './clock.js';
import type { CheckInCodeDto, CheckInDto, CheckInResultDto, OpenCheckInDto } from './dto/check-in.dto.js';
import { describeHalfDay, type HalfDaySlot, localTime } from './half-day.js';
import { OnSiteDays } from './on-site-days.js';

/** The `rule` of the code field's refusals, for clients to word them. */
export const CHECK_IN_RULES = { format: 'checkInCodeFormat', wrong: 'checkInCodeWrong' } as const;

/** The `reason` of the check-in refusals that name no field (rate limits: CHECK_IN_LIMIT_REASONS). */
export const CHECK_IN_REASONS = {
  notOnSite: 'not_on_site_now',
  notThisHalfDay: 'check_in_code_not_this_half_day',
  learnersOnly: 'check_in_learners_only',
  otherHalfDay: 'check_in_code_other_half_day',
  replaced: 'check_in_code_replaced',
  expired: 'check_in_code_expired',
} as const;

const sameHalfDay = (a: Pick<HalfDaySlot, 'date' | 'halfDay'>, b: Pick<HalfDaySlot, 'date' | 'halfDay'>) => a.date === b.date && a.halfDay === b.halfDay;

/**
 * Self check-in: a facilitator shows a short code for the half-day under way, and each learner
 * on site types it to be recorded present. Codes are tied to one cohort and one half-day, expire,
 * and wrong guesses are limited.
 */
@Injectable()
export class CheckInService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CohortAccess,
    private readonly attendance: AttendanceRepository,
    private readonly ledger: AttendanceLedger,
    private readonly onSite: OnSiteDays,
    private readonly hasher: CheckInCodeHasher,
    private readonly limiter: CheckInRateLimiter,
    private readonly clock: Clock,
  ) {}

  /** Opens a code for the half-day under way; a new code replaces the previous one. */
  async open(principal: Principal, cohortId: string, input: OpenCheckInDto): Promise<CheckInCodeDto> {
    await this.access.requireFacilitator(principal, cohortId);
    const now = this.clock.now();
    const { slot } = await this.underWay(cohortId, now);
    if ((input.date ?? slot.date) !== slot.date || (input.halfDay ?? slot.halfDay) !== slot.halfDay) {
      const asked = { date: input.date ?? slot.date, halfDay: input.halfDay ?? slot.halfDay };
      throw conflict(
        `A check-in code opens during its own half-day: it is now ${describeHalfDay(slot)}, not ${describeHalfDay(asked)}`,
        CHECK_IN_REASONS.notThisHalfDay,
        { date: slot.date, halfDay: slot.halfDay },
      );
    }
    const scope: CheckInScope = { cohortId, date: slot.date, halfDay: slot.halfDay };
    const code = newCheckInCode();
    const expiresAt = new Date(Math.min(now.getTime() + CHECK_IN_CODE_TTL_MS, slot.endsAt.getTime()));
    await this.dataSource.transaction(async (manager) => {
      const id = await this.attendance.insertCheckInCode(manager, { ...scope, codeHash: this.hasher.hash(scope, code), openedBy: principal.userId, expiresAt });
      await recordEvents(manager, [
        {
          type: 'check_in.opened',
          aggregateType: 'cohort',
          aggregateId: cohortId,
          actorId: principal.userId,
          payload: { checkInCodeId: id, date: slot.date, halfDay: slot.halfDay, expiresAt: expiresAt.toISOString() },
        },
      ]);
    });
    await this.limiter.onNewCode(scope);
    return { code, date: slot.date, halfDay: slot.halfDay, expiresAt: expiresAt.toISOString() };
  }

  /** Records the calling learner present for the half-day under way, if the code is the one on screen. */
  async checkIn(principal: Principal, cohortId: string, input: CheckInDto): Promise<CheckInResultDto> {
    const standing = await this.access.requireMember(principal, cohortId);
    if (standing !== 'learner') throw forbidden('Only a learner of this cohort checks in with a code', CHECK_IN_REASONS.learnersOnly);
    const code = readCheckInCode(input.code);
    if (!code) {
      throw invalidField('code', `code must be the ${CHECK_IN_CODE_DIGITS} digits shown by your facilitator`, CHECK_IN_RULES.format, { limit: CHECK_IN_CODE_DIGITS });
    }

    const now = this.clock.now();
    const { slot, timeZone } = await this.underWay(cohortId, now);
    const scope: CheckInScope = { cohortId, date: slot.date, halfDay: slot.halfDay };
    await this.limiter.beforeAttempt(principal.userId, scope);

    // Today's and yesterday's codes of this cohort, newest first: enough to tell a wrong code from a stale one.
    const codes = await this.attendance.recentCheckInCodes(cohortId, slot.date);
    const match = codes.find((candidate) => this.hasher.matches({ cohortId, ...candidate }, code, candidate.codeHash));
    if (!match) {
      await this.limiter.onWrongCode(principal.userId, scope);
      throw invalidField('code', 'This is not the check-in code of this cohort for this half-day', CHECK_IN_RULES.wrong);
    }
    if (!sameHalfDay(match, slot)) {
      throw conflict(`This code was for ${describeHalfDay(match)}; it is now ${describeHalfDay(slot)}`, CHECK_IN_REASONS.otherHalfDay, {
        date: match.date,
        halfDay: match.halfDay,
      });
    }
    if (codes.find((candidate) => sameHalfDay(candidate, slot))?.id !== match.id) {
      throw conflict('This code was replaced by a newer one; type the code on screen now', CHECK_IN_REASONS.replaced);
    }
    if (match.expiresAt.getTime() <= now.getTime()) {
      const time = localTime(match.expiresAt, timeZone);
      // The instant for clients to show in their user's zone, and the site's wall-clock time the message uses.
      throw conflict(`This code expired at ${time}; ask your facilitator for a new one`, CHECK_IN_REASONS.expired, {
        expiresAt: match.expiresAt.toISOString(),
        time,
      });
    }

    return this.dataSource.transaction(async (manager) => {
      const learnerHalfDay = { cohortId, learnerId: principal.userId, date: slot.date, halfDay: slot.halfDay };
      const current = await this.ledger.current(manager, learnerHalfDay);
      // Already recorded as here (perhaps late): the check-in adds nothing.
      if (current && (current.status === 'present' || current.status === 'late')) {
        return { date: slot.date, halfDay: slot.halfDay, outcome: 'unchanged' as const, mark: current };
      }
      const mark = await this.ledger.append(
        manager,
        {
          ...learnerHalfDay,
          status: 'present',
          source: 'check_in',
          reason: current ? `Checked in with the half-day code after being marked ${current.status}` : null,
          recordedBy: principal.userId,
        },
        current,
      );
      return { date: slot.date, halfDay: slot.halfDay, outcome: current ? ('corrected' as const) : ('marked' as const), mark };
    });
  }

  private async underWay(cohortId: string, now: Date) {
    const underWay = await this.onSite.underWay(cohortId, now);
    if (!underWay) throw conflict('No on-site half-day of this cohort is under way now', CHECK_IN_REASONS.notOnSite);
    return underWay;
  }
}
