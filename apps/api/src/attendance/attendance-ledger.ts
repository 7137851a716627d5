import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { recordEvents } from '@fabrique/persistence';
import { AttendanceRepository, type LearnerHalfDay, type NewMark } from './attendance.repository.js';
import type { AttendanceMarkDto } from './dto/attendance.dto.js';

/**
 * The one writer of attendance marks. Marks are only ever added: a change is a new mark that
 * supersedes the current one, written with its event in the caller's transaction.
 */
@Injectable()
export class AttendanceLedger {
  constructor(private readonly attendance: AttendanceRepository) {}

  /** The learner's current mark for the half-day; the half-day stays locked until the transaction ends. */
  current(manager: EntityManager, slot: LearnerHalfDay): Promise<AttendanceMarkDto | undefined> {
    return this.attendance.lockCurrent(manager, slot);
  }

  async append(manager: EntityManager, mark: Omit<NewMark, 'supersedes'>, previous: AttendanceMarkDto | undefined): Promise<AttendanceMarkDto> {
    const saved = await this.attendance.insertMark(manager, { ...mark, supersedes: previous?.id ?? null });
    await recordEvents(manager, [
      {
        type: previous ? 'attendance.corrected' : 'attendance.marked',
        aggregateType: 'cohort',
        aggregateId: mark.cohortId,
        actorId: mark.recordedBy,
        payload: {
          markId: saved.id,
          learnerId: mark.learnerId,
          date: mark.date,
          halfDay: mark.halfDay,
          status: mark.status,
          source: mark.source,
          reason: mark.reason,
          ...(previous ? { supersedes: previous.id, previousStatus: previous.status } : {}),
        },
      },
    ]);
    return saved;
  }
}
