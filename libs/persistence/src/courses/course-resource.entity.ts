import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const RESOURCE_KINDS = ['video', 'article', 'exercise', 'mooc_chapter', 'documentation', 'other'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** Something to study (a link), at position 1..n within its module. */
@Entity({ name: 'course_resources' })
export class CourseResource {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'module_id', type: 'uuid' })
  moduleId: string;

  @Column({ type: 'integer' })
  position: number;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  url: string;

  @Column({ type: 'text' })
  kind: ResourceKind;

  @Column({ name: 'estimated_minutes', type: 'integer' })
  estimatedMinutes: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
