import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const HALF_DAYS = ['morning', 'afternoon'] as const;
export type HalfDay = (typeof HALF_DAYS)[number];

export const ATTENDANCE_STATUSES = ['present', 'late', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const MARK_SOURCES = ['facilitator', 'check_in'] as const;
export type MarkSource = (typeof MARK_SOURCES)[number];

/**
 * One statement of a learner's on-site attendance for a half-day. Evidence for funders:
 * rows are never updated or deleted (a trigger refuses it); a correction is a new row that
 * `supersedes` the previous one, so the current status is the row nobody supersedes.
 */
@Entity({ name: 'attendance_marks' })
export class AttendanceMark {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId: string;

  @Column({ name: 'learner_id', type: 'uuid' })
  learnerId: string;

  /** The local date of the half-day at the on-site week's site (YYYY-MM-DD). */
  @Column({ name: 'on_date', type: 'date' })
  date: string;

  @Column({ name: 'half_day', type: 'text' })
  halfDay: HalfDay;

  @Column({ type: 'text' })
  status: AttendanceStatus;

  @Column({ type: 'text' })
  source: MarkSource;

  /** Required when the row corrects another. */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;

  @Column({ type: 'uuid', nullable: true })
  supersedes: string | null;
}
