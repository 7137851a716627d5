import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { ReviewVerdict } from '@fabrique/domain';

/** One version of a learner's (or a group's) deliverables; versions are never overwritten. */
@Entity({ name: 'submissions' })
export class Submission {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'assignment_id', type: 'uuid' }) assignmentId: string;
  @Column({ name: 'learner_id', type: 'uuid', nullable: true }) learnerId: string | null;
  @Column({ name: 'group_id', type: 'uuid', nullable: true }) groupId: string | null;
  @Column({ name: 'submitted_by', type: 'uuid' }) submittedBy: string;
  @Column({ type: 'integer' }) version: number;
  @Column({ type: 'jsonb' }) links: string[];
  @Column({ type: 'text', default: '' }) comment: string;
  @Column({ name: 'submitted_at', type: 'timestamptz', default: () => 'clock_timestamp()' }) submittedAt: Date;
  @Column({ type: 'boolean' }) late: boolean;
}

@Entity({ name: 'reviews' })
export class Review {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'submission_id', type: 'uuid' }) submissionId: string;
  @Column({ name: 'reviewer_id', type: 'uuid' }) reviewerId: string;
  @Column({ type: 'text' }) verdict: ReviewVerdict;
  @Column({ type: 'text', default: '' }) comment: string;
  @Column({ name: 'reviewed_at', type: 'timestamptz', default: () => 'clock_timestamp()' }) reviewedAt: Date;
}

@Entity({ name: 'review_levels' })
export class ReviewLevel {
  @PrimaryColumn({ name: 'review_id', type: 'uuid' }) reviewId: string;
  @PrimaryColumn({ name: 'competency_id', type: 'uuid' }) competencyId: string;
  @Column({ type: 'smallint' }) level: number;
  @Column({ type: 'text', default: '' }) comment: string;
}
