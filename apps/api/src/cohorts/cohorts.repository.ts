import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CohortRole } from '@fabrique/domain';
import type { CohortDto } from './dto/cohort.dto.js';

interface MemberRow {
  userId: string;
  displayName: string;
  email: string;
  role: CohortRole;
  active: boolean;
}

const COHORT_COLUMNS = `c.id, c.name, c.track_id AS "trackId", c.home_site_id AS "homeSiteId",
  to_char(c.starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(c.ends_on, 'YYYY-MM-DD') AS "endsOn", c.fully_remote AS "fullyRemote",
  (SELECT count(*)::int FROM memberships n WHERE n.cohort_id = c.id AND n.role = 'learner') AS "learnerCount",
  (SELECT count(*)::int FROM memberships n WHERE n.cohort_id = c.id AND n.role = 'facilitator') AS "facilitatorCount"`;

/** The cohort queries, in one place. */
@Injectable()
export class CohortsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async listAll(): Promise<Omit<CohortDto, 'myRole'>[]> {
    return this.dataSource.query(`SELECT ${COHORT_COLUMNS} FROM cohorts c ORDER BY c.starts_on DESC, c.name`);
  }

  async listForMember(userId: string): Promise<CohortDto[]> {
    return this.dataSource.query(
      `SELECT ${COHORT_COLUMNS}, m.role AS "myRole" FROM cohorts c JOIN memberships m ON m.cohort_id = c.id
        WHERE m.user_id = $1 ORDER BY c.starts_on DESC, c.name`,
      [userId],
    );
  }

  async find(id: string): Promise<Omit<CohortDto, 'myRole'> | undefined> {
    const [row] = await this.dataSource.query(`SELECT ${COHORT_COLUMNS} FROM cohorts c WHERE c.id = $1`, [id]);
    return row;
  }

  async members(cohortId: string): Promise<MemberRow[]> {
    return this.dataSource.query(
      `SELECT u.id AS "userId", u.display_name AS "displayName", u.email, m.role, (u.password_hash IS NOT NULL) AS active
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.cohort_id = $1
        ORDER BY m.role DESC, u.display_name`,
      [cohortId],
    );
  }

  async exists(table: 'tracks' | 'sites', id: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM ${table} WHERE id = $1`, [id]);
    return rows.length > 0;
  }
}
