import { CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A learner marked a resource done; marking it not done deletes the row. */
@Entity({ name: 'resource_completions' })
export class ResourceCompletion {
  @PrimaryColumn({ name: 'resource_id', type: 'uuid' })
  resourceId: string;

  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @CreateDateColumn({ name: 'completed_at', type: 'timestamptz' })
  completedAt: Date;
}
