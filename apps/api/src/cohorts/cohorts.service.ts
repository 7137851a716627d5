import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CohortAccess, type Principal } from '@fabrique/auth';
import { isBefore } from '@fabrique/domain';
import { AppException } from '@fabrique/errors';
import { Cohort, recordEvents } from '@fabrique/persistence';
import { invalidField } from '../common/invalid-field.js';
import { CohortsRepository } from './cohorts.repository.js';
import type { CohortDto, CohortMemberDto, CreateCohortDto, UpdateCohortDto } from './dto/cohort.dto.js';

@Injectable()
export class CohortsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly cohorts: CohortsRepository,
    private readonly access: CohortAccess,
  ) {}

  async list(principal: Principal): Promise<CohortDto[]> {
    if (principal.isAdmin) return (await this.cohorts.listAll()).map((cohort) => ({ ...cohort, myRole: 'admin' as const }));
    return this.cohorts.listForMember(principal.userId);
  }

  async get(principal: Principal, id: string): Promise<CohortDto> {
    const myRole = await this.access.requireMember(principal, id);
    const cohort = await this.cohorts.find(id);
    if (!cohort) throw new AppException('not_found', 'Cohort not found');
    return { ...cohort, myRole };
  }

  async create(principal: Principal, input: CreateCohortDto): Promise<CohortDto> {
    const cohort = { fullyRemote: false, homeSiteId: null, ...input };
    await this.validate(cohort);
    const saved = await this.dataSource.transaction(async (manager) => {
      const row = await manager.save(Cohort, manager.create(Cohort, cohort));
      await recordEvents(manager, [
        { type: 'cohort.created', aggregateType: 'cohort', aggregateId: row.id, actorId: principal.userId, payload: { ...cohort } },
      ]);
      return row;
    });
    return this.get(principal, saved.id);
  }

  async update(principal: Principal, id: string, changes: UpdateCohortDto): Promise<CohortDto> {
    const current = await this.get(principal, id);
    const { myRole: _myRole, id: _id, learnerCount: _learners, facilitatorCount: _facilitators, ...currentFields } = current;
    await this.validate({ ...currentFields, ...changes });
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Cohort, { id }, changes);
      await recordEvents(manager, [{ type: 'cohort.updated', aggregateType: 'cohort', aggregateId: id, actorId: principal.userId, payload: { ...changes } }]);
    });
    return this.get(principal, id);
  }

  /** Learners see their peers' names; e-mails are for the people who run the cohort. */
  async members(principal: Principal, id: string): Promise<CohortMemberDto[]> {
    const standing = await this.access.requireMember(principal, id);
    const members = await this.cohorts.members(id);
    return members.map(({ email, ...member }) => (standing === 'learner' ? member : { ...member, email }));
  }

  private async validate(cohort: Omit<CreateCohortDto, 'fullyRemote' | 'homeSiteId'> & { fullyRemote: boolean; homeSiteId?: string | null }) {
    if (!isBefore(cohort.startsOn, cohort.endsOn)) throw invalidField('endsOn', 'endsOn must be after startsOn');
    if (!(await this.cohorts.exists('tracks', cohort.trackId))) throw invalidField('trackId', 'trackId does not match a track');
    if (cohort.homeSiteId) {
      if (!(await this.cohorts.exists('sites', cohort.homeSiteId))) throw invalidField('homeSiteId', 'homeSiteId does not match a site');
    } else if (!cohort.fullyRemote) {
      throw invalidField('homeSiteId', 'homeSiteId is required unless the cohort is fully remote');
    }
  }
}
