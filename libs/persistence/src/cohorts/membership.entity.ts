import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { CohortRole } from '@fabrique/domain';

/** A user's role in one cohort. A user has at most one role per cohort. */
@Entity({ name: 'memberships' })
export class Membership {
  @PrimaryColumn({ name: 'cohort_id', type: 'uuid' })
  cohortId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  role: CohortRole;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
