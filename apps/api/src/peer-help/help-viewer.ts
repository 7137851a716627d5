import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@fabrique/auth';
import type { CohortRole } from '@fabrique/domain';

/**
 * Who reads peer help, with every cohort they belong to: one query per request decides what
 * they see (their cohorts' threads and their tracks' shared ones) and what they moderate.
 */
export class HelpViewer {
  readonly cohortIds: string[];
  readonly trackIds: string[];
  readonly facilitatedCohortIds: string[];
  readonly facilitatedTrackIds: string[];

  constructor(
    readonly userId: string,
    readonly isAdmin: boolean,
    private readonly memberships: { cohortId: string; trackId: string; role: CohortRole }[],
  ) {
    const distinct = (values: string[]) => [...new Set(values)];
    this.cohortIds = memberships.map((m) => m.cohortId);
    this.trackIds = distinct(memberships.map((m) => m.trackId));
    const facilitated = memberships.filter((m) => m.role === 'facilitator');
    this.facilitatedCohortIds = facilitated.map((m) => m.cohortId);
    this.facilitatedTrackIds = distinct(facilitated.map((m) => m.trackId));
  }

  roleIn(cohortId: string): CohortRole | null {
    return this.memberships.find((m) => m.cohortId === cohortId)?.role ?? null;
  }

  trackOf(cohortId: string): string | null {
    return this.memberships.find((m) => m.cohortId === cohortId)?.trackId ?? null;
  }

  /** Admins and facilitators of a cohort where the thread shows moderate it. */
  moderates(thread: { cohortId: string; trackId: string; scope: string }): boolean {
    return (
      this.isAdmin ||
      this.facilitatedCohortIds.includes(thread.cohortId) ||
      (thread.scope === 'track' && this.facilitatedTrackIds.includes(thread.trackId))
    );
  }
}

@Injectable()
export class HelpViewers {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async of(principal: Principal): Promise<HelpViewer> {
    const rows: { cohortId: string; trackId: string; role: CohortRole }[] = await this.dataSource.query(
      `SELECT m.cohort_id AS "cohortId", c.track_id AS "trackId", m.role FROM memberships m JOIN cohorts c ON c.id = m.cohort_id WHERE m.user_id = $1`,
      [principal.userId],
    );
    return new HelpViewer(principal.userId, principal.isAdmin, rows);
  }
}
