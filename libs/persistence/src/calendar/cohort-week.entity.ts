import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type SpecialWeekKind = 'presential' | 'internship' | 'holiday';
export type CohortWeekStatus = 'scheduled' | 'cancelled';

/** A week of a cohort that is not a distance week. Cancelled weeks stay, for history and calendar feeds. */
@Entity({ name: 'cohort_weeks' })
export class CohortWeek {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId: string;

  /** The Monday of the ISO week, a local date of the cohort's site. */
  @Column({ type: 'date' })
  monday: string;

  @Column({ type: 'text' })
  kind: SpecialWeekKind;

  @Column({ name: 'site_id', type: 'uuid', nullable: true })
  siteId: string | null;

  @Column({ name: 'room_id', type: 'uuid', nullable: true })
  roomId: string | null;

  @Column({ type: 'text', default: '' })
  agenda: string;

  @Column({ type: 'text', default: 'scheduled' })
  status: CohortWeekStatus;

  /** Grows at every change, as iCalendar's SEQUENCE must. */
  @Column({ type: 'integer', default: 0 })
  sequence: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
