import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * What a user did in Fabrique, one row per action, for the distance-activity part of the
 * attendance evidence. Append-only, like attendance marks (a trigger refuses UPDATE and DELETE).
 */
@Entity({ name: 'activity_log' })
export class ActivityLogEntry {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  kind: string;

  /** What the action was about (a session, a resource, a submission…), when there is one. */
  @Column({ type: 'text', nullable: true })
  reference: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' })
  occurredAt: Date;
}
