import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppException } from '@fabrique/errors';
import { User } from '@fabrique/persistence';
import type { MeDto, MyCohortDto, UpdateMeDto } from './dto/me.dto.js';

@Injectable()
export class MeService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async get(userId: string): Promise<MeDto> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: userId });
    if (!user) throw new AppException('unauthenticated', 'This account no longer exists');
    const cohorts = (await this.dataSource.query(
      `SELECT c.id, c.name, m.role, c.track_id AS "trackId", c.home_site_id AS "homeSiteId",
              to_char(c.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(c.ends_on, 'YYYY-MM-DD') AS "endsOn",
              c.fully_remote AS "fullyRemote"
         FROM memberships m JOIN cohorts c ON c.id = m.cohort_id
        WHERE m.user_id = $1
        ORDER BY c.starts_on DESC, c.name`,
      [userId],
    )) as MyCohortDto[];
    const { id, email, displayName, locale, timeZone, isAdmin } = user;
    return { id, email, displayName, locale, timeZone, isAdmin, cohorts };
  }

  async update(userId: string, changes: UpdateMeDto): Promise<MeDto> {
    if (Object.keys(changes).length > 0) await this.dataSource.getRepository(User).update({ id: userId }, changes);
    return this.get(userId);
  }
}
