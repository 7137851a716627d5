import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { Track } from './track.entity.js';

@Entity({ name: 'competencies' })
export class Competency {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'track_id', type: 'uuid' })
  trackId: string;

  @ManyToOne('Track', 'competencies', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'track_id' })
  track: Track;

  /** "C1"…"C8": unique within a track. */
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', default: '' })
  description: string;

  /** Order of the framework as published. */
  @Column({ type: 'integer' })
  position: number;
}
