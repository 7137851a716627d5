import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CohortRole } from '@fabrique/domain';
import { AppException } from '@fabrique/errors';
import { Cohort, Membership } from '@fabrique/persistence';
import type { Principal } from './principal.js';

export type CohortStanding = CohortRole | 'admin';

/**
 * Per-object authorisation for cohorts: a cohort you are not in does not exist
 * for you (404); an action your role may not take is forbidden (403).
 */
@Injectable()
export class CohortAccess {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async standing(principal: Principal, cohortId: string): Promise<CohortStanding | null> {
    if (principal.isAdmin) return (await this.dataSource.getRepository(Cohort).existsBy({ id: cohortId })) ? 'admin' : null;
    const membership = await this.dataSource.getRepository(Membership).findOneBy({ cohortId, userId: principal.userId });
    return membership?.role ?? null;
  }

  /** Any member (or an admin) may read the cohort. */
  async requireMember(principal: Principal, cohortId: string): Promise<CohortStanding> {
    const standing = await this.standing(principal, cohortId);
    if (!standing) throw new AppException('not_found', 'Cohort not found');
    return standing;
  }

  /** Facilitators of the cohort (and admins) may act on it. */
  async requireFacilitator(principal: Principal, cohortId: string): Promise<CohortStanding> {
    const standing = await this.requireMember(principal, cohortId);
    if (standing === 'learner') throw new AppException('forbidden', 'Only a facilitator of this cohort may do this');
    return standing;
  }
}
