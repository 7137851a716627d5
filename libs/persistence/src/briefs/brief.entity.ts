import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { BriefMode } from '@fabrique/domain';

@Entity({ name: 'briefs' })
export class Brief {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'track_id', type: 'uuid' }) trackId: string;
  @Column({ type: 'text' }) title: string;
  /** Markdown. */
  @Column({ type: 'text', default: '' }) context: string;
  @Column({ type: 'text', default: '' }) deliverables: string;
  @Column({ type: 'text' }) mode: BriefMode;
  @Column({ name: 'created_by', type: 'uuid' }) createdBy: string;
  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}

@Entity({ name: 'brief_competencies' })
export class BriefCompetency {
  @PrimaryColumn({ name: 'brief_id', type: 'uuid' }) briefId: string;
  @PrimaryColumn({ name: 'competency_id', type: 'uuid' }) competencyId: string;
  @Column({ name: 'expected_level', type: 'smallint' }) expectedLevel: number;
}
