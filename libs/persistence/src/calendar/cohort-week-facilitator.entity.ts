import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A facilitator present during an on-site week; `monday` is copied so PostgreSQL can refuse two places at once. */
@Entity({ name: 'cohort_week_facilitators' })
export class CohortWeekFacilitator {
  @PrimaryColumn({ name: 'week_id', type: 'uuid' })
  weekId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'date' })
  monday: string;
}
