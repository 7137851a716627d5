import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { AssignmentMode } from '@fabrique/domain';

/** A module set for a cohort: to prepare before its Nth on-site week, or during its Nth distance week. */
@Entity({ name: 'module_assignments' })
export class ModuleAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'module_id', type: 'uuid' })
  moduleId: string;

  @Column({ name: 'cohort_id', type: 'uuid' })
  cohortId: string;

  @Column({ type: 'text' })
  mode: AssignmentMode;

  @Column({ type: 'integer' })
  week: number;

  /** The Monday of the week pointed at, as the calendar stood when assigned. */
  @Column({ name: 'week_monday', type: 'date' })
  weekMonday: string;

  @Column({ name: 'due_on', type: 'date' })
  dueOn: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
