import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { HalfDay } from './attendance-mark.entity.js';

/**
 * A short code a facilitator shows on screen so learners check in for one half-day of one
 * cohort. Only a keyed hash is stored; the newest code of a half-day replaces the older ones.
 */
@Entity({ name: 'check_in_codes' })
export class CheckInCode {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId: string;

  @Column({ name: 'on_date', type: 'date' })
  date: string;

  @Column({ name: 'half_day', type: 'text' })
  halfDay: HalfDay;

  @Column({ name: 'code_hash', type: 'text' })
  codeHash: string;

  @Column({ name: 'opened_by', type: 'uuid' })
  openedBy: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'clock_timestamp()' })
  createdAt: Date;
}
