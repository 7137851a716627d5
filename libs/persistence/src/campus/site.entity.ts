import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { Room } from './room.entity.js';

/** A campus or third place where on-site weeks happen. */
@Entity({ name: 'sites' })
export class Site {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  address: string;

  /** IANA zone: every local time of the site's cohorts is computed in it. */
  @Column({ name: 'time_zone', type: 'text' })
  timeZone: string;

  @OneToMany(() => Room, (room) => room.site, { cascade: true })
  rooms: Room[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
