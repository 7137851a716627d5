import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A "promotion": a group of learners on a track, at a home site, between two dates. */
@Entity({ name: 'cohorts' })
export class Cohort {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'track_id', type: 'uuid' })
  trackId: string;

  /** Null only for a fully remote cohort without a campus. */
  @Column({ name: 'home_site_id', type: 'uuid', nullable: true })
  homeSiteId: string | null;

  /** Local calendar dates (YYYY-MM-DD) in the home site's time zone. */
  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date' })
  endsOn: string;

  @Column({ name: 'fully_remote', type: 'boolean', default: false })
  fullyRemote: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
