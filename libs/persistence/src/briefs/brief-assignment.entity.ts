import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** A brief given to a cohort: what its learners see, with instants computed from the site's local times. */
@Entity({ name: 'brief_assignments' })
export class BriefAssignment {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'brief_id', type: 'uuid' }) briefId: string;
  @Column({ name: 'cohort_id', type: 'uuid' }) cohortId: string;
  @Column({ name: 'starts_at', type: 'timestamptz' }) startsAt: Date;
  @Column({ name: 'due_at', type: 'timestamptz' }) dueAt: Date;
  @Column({ name: 'assigned_by', type: 'uuid' }) assignedBy: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
}

@Entity({ name: 'assignment_groups' })
export class AssignmentGroup {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'assignment_id', type: 'uuid' }) assignmentId: string;
  @Column({ type: 'text' }) name: string;
}

@Entity({ name: 'assignment_group_members' })
export class AssignmentGroupMember {
  @PrimaryColumn({ name: 'assignment_id', type: 'uuid' }) assignmentId: string;
  @PrimaryColumn({ name: 'learner_id', type: 'uuid' }) learnerId: string;
  @Column({ name: 'group_id', type: 'uuid' }) groupId: string;
}
