import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CohortAccess, type Principal } from '@fabrique/auth';
import type { FieldError } from '@fabrique/contracts';
import { AppException } from '@fabrique/errors';
import { AttendanceLedger } from './attendance-ledger.js';
import { AttendanceRepository } from './attendance.repository.js';
import type { AttendanceDayDto, MarkAttendanceDto, MarkAttendanceResultDto, MarkOutcomeDto } from './dto/attendance.dto.js';
import { OnSiteDays } from './on-site-days.js';

function rejectMarks(problems: FieldError[], summary: string): never {
  throw new AppException('validation_failed', problems.length === 1 ? (problems[0] as FieldError).message : summary, problems);
}

/** Facilitators mark learners on site, half-day by half-day, and read a day's record back. */
@Injectable()
export class AttendanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CohortAccess,
    private readonly attendance: AttendanceRepository,
    private readonly ledger: AttendanceLedger,
    private readonly onSite: OnSiteDays,
  ) {}

  /**
   * Records the status of one or many learners for a half-day, all or nothing. A learner whose
   * status changes gets a correction (a new mark superseding the current one, with a reason);
   * a learner who already has that status is left as is.
   */
  async mark(principal: Principal, cohortId: string, input: MarkAttendanceDto): Promise<MarkAttendanceResultDto> {
    await this.access.requireFacilitator(principal, cohortId);
    await this.onSite.require(cohortId, input.date);
    const { date, halfDay } = input;

    const seen = new Set<string>();
    const learners = await this.attendance.learnersAmong(cohortId, input.marks.map((entry) => entry.learnerId));
    const problems = input.marks.flatMap(({ learnerId }, index): FieldError[] => {
      const field = `marks.${index}.learnerId`;
      if (seen.has(learnerId)) return [{ field, message: `${field}: ${learnerId} is listed twice`, rule: 'listedOnce' }];
      seen.add(learnerId);
      return learners.has(learnerId) ? [] : [{ field, message: `${field}: ${learnerId} is not a learner of this cohort`, rule: 'cohortLearner' }];
    });
    if (problems.length > 0) rejectMarks(problems, `${problems.length} of these marks name no learner of this cohort; nothing was recorded`);

    return this.dataSource.transaction(async (manager) => {
      const outcomes: MarkOutcomeDto[] = [];
      const missingReasons: FieldError[] = [];
      // Half-days are locked in one order, so two batches over the same learners cannot deadlock.
      const entries = [...input.marks.entries()].sort(([, a], [, b]) => a.learnerId.localeCompare(b.learnerId));
      for (const [index, { learnerId, status, reason }] of entries) {
        const current = await this.ledger.current(manager, { cohortId, learnerId, date, halfDay });
        if (current?.status === status) {
          outcomes[index] = { learnerId, outcome: 'unchanged', mark: current };
          continue;
        }
        if (current && !reason) {
          const field = `marks.${index}.reason`;
          missingReasons.push({
            field,
            message: `${field}: a reason is required to change ${current.status} to ${status}, as recorded by ${current.recordedBy.displayName}`,
            rule: 'correctionReason',
            params: { from: current.status, to: status, recordedBy: current.recordedBy.displayName },
          });
          continue;
        }
        const mark = await this.ledger.append(
          manager,
          { cohortId, learnerId, date, halfDay, status, source: 'facilitator', reason: reason?.trim() ?? null, recordedBy: principal.userId },
          current,
        );
        outcomes[index] = { learnerId, outcome: current ? 'corrected' : 'marked', mark };
      }
      // Throwing rolls back the marks written above.
      if (missingReasons.length > 0) {
        missingReasons.sort((a, b) => a.field.localeCompare(b.field, 'en', { numeric: true }));
        rejectMarks(missingReasons, `${missingReasons.length} corrections have no reason; nothing was recorded`);
      }
      return { date, halfDay, marks: outcomes };
    });
  }

  /** A day's current status per learner and half-day, and every correction made to it. */
  async day(principal: Principal, cohortId: string, date: string): Promise<AttendanceDayDto> {
    await this.access.requireFacilitator(principal, cohortId);
    const [week, learners, marks, corrections] = await Promise.all([
      this.onSite.weekOf(cohortId, date),
      this.attendance.learners(cohortId, date, date),
      this.attendance.currentMarks(cohortId, date, date),
      this.attendance.corrections(cohortId, date),
    ]);
    const markOf = (userId: string, halfDay: 'morning' | 'afternoon') =>
      marks.find((mark) => mark.learnerId === userId && mark.halfDay === halfDay) ?? null;
    return {
      cohortId,
      date,
      onSite: week !== undefined,
      learners: learners.map((learner) => ({ ...learner, morning: markOf(learner.userId, 'morning'), afternoon: markOf(learner.userId, 'afternoon') })),
      corrections,
    };
  }
}
