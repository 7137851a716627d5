import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CohortAccess, type Principal } from '@fabrique/auth';
import { localDateTimeToInstant, workStatus } from '@fabrique/domain';
import { AppException } from '@fabrique/errors';
import { AssignmentGroup, AssignmentGroupMember, Brief, BriefAssignment, BriefCompetency, recordEvents } from '@fabrique/persistence';
import { invalidField } from '../common/invalid-field.js';
import { BriefsRepository } from './briefs.repository.js';
import type { AssignBriefDto, AssignmentDto, GroupInputDto } from './dto/assignment.dto.js';
import type { BriefDto, CreateBriefDto, TargetedCompetencyDto, UpdateBriefDto } from './dto/brief.dto.js';

@Injectable()
export class BriefsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly briefs: BriefsRepository,
    private readonly access: CohortAccess,
  ) {}

  async create(principal: Principal, trackId: string, input: CreateBriefDto): Promise<BriefDto> {
    await this.requireAuthor(principal, trackId);
    const targets = await this.resolveCompetencies(trackId, input.competencies);
    const id = await this.dataSource.transaction(async (manager) => {
      const { competencies: _competencies, ...fields } = input;
      const brief = await manager.save(Brief, manager.create(Brief, { ...fields, trackId, createdBy: principal.userId }));
      await manager.insert(BriefCompetency, targets.map((target) => ({ ...target, briefId: brief.id })));
      await recordEvents(manager, [{ type: 'brief.created', aggregateType: 'brief', aggregateId: brief.id, actorId: principal.userId, payload: { ...input } }]);
      return brief.id;
    });
    return this.requireBrief(id);
  }

  async list(principal: Principal, trackId: string): Promise<BriefDto[]> {
    if (!(await this.briefs.trackExists(trackId))) throw new AppException('not_found', 'Track not found');
    await this.requireAuthor(principal, trackId);
    return this.briefs.briefsOfTrack(trackId);
  }

  async get(principal: Principal, briefId: string): Promise<BriefDto> {
    const brief = await this.requireBrief(briefId);
    await this.requireAuthor(principal, brief.trackId);
    return brief;
  }

  /** Learners of cohorts the brief is assigned to see the change through updatedAt; the event records what changed. */
  async update(principal: Principal, briefId: string, changes: UpdateBriefDto): Promise<BriefDto> {
    const before = await this.get(principal, briefId);
    if (Object.keys(changes).length === 0) return before;
    const targets = changes.competencies ? await this.resolveCompetencies(before.trackId, changes.competencies) : undefined;
    await this.dataSource.transaction(async (manager) => {
      const { competencies: _competencies, ...fields } = changes;
      await manager.update(Brief, { id: briefId }, { ...fields, updatedAt: () => 'clock_timestamp()' });
      if (targets) {
        await manager.delete(BriefCompetency, { briefId });
        await manager.insert(BriefCompetency, targets.map((target) => ({ ...target, briefId })));
      }
      const assignmentIds = await this.briefs.assignmentIdsOfBrief(briefId, manager);
      const previous = Object.fromEntries(Object.keys(changes).map((key) => [key, before[key as keyof BriefDto]]));
      await recordEvents(manager, [
        { type: 'brief.updated', aggregateType: 'brief', aggregateId: briefId, actorId: principal.userId, payload: { changes: { ...changes }, previous, assignmentIds } },
      ]);
    });
    return this.requireBrief(briefId);
  }

  async assign(principal: Principal, cohortId: string, input: AssignBriefDto): Promise<AssignmentDto> {
    await this.access.requireFacilitator(principal, cohortId);
    const cohort = await this.briefs.cohort(cohortId);
    const brief = await this.briefs.brief(input.briefId);
    if (!cohort || !brief || brief.trackId !== cohort.trackId) throw invalidField('briefId', 'briefId does not match a brief of this cohort’s track');
    // A fully remote cohort has no site: its times are read in the zone of whoever assigns.
    const timeZone = cohort.timeZone ?? (await this.briefs.userTimeZone(principal.userId));
    const startsAt = localDateTimeToInstant(input.start.date, input.start.time, timeZone);
    const dueAt = localDateTimeToInstant(input.due.date, input.due.time, timeZone);
    if (dueAt <= startsAt) throw invalidField('due', 'due must be after start');
    const groups = await this.checkGroups(cohortId, brief.mode, input.groups);

    const id = await this.dataSource.transaction(async (manager) => {
      const assignment = await manager.save(BriefAssignment, manager.create(BriefAssignment, { briefId: brief.id, cohortId, startsAt, dueAt, assignedBy: principal.userId }));
      await this.formGroups(manager, assignment.id, groups);
      await recordEvents(manager, [
        {
          type: 'brief.assigned',
          aggregateType: 'cohort',
          aggregateId: cohortId,
          actorId: principal.userId,
          payload: { assignmentId: assignment.id, briefId: brief.id, startsAt: startsAt.toISOString(), dueAt: dueAt.toISOString(), groups: groups.length },
        },
      ]);
      return assignment.id;
    });
    return this.assignment(principal, id);
  }

  async assignments(principal: Principal, cohortId: string): Promise<AssignmentDto[]> {
    await this.access.requireMember(principal, cohortId);
    const ids = await this.briefs.assignmentsOf(cohortId);
    return this.withMyStatus(principal, await Promise.all(ids.map((id) => this.assignmentView(principal, id))));
  }

  async assignment(principal: Principal, assignmentId: string): Promise<AssignmentDto> {
    return (await this.withMyStatus(principal, [await this.assignmentView(principal, assignmentId)]))[0];
  }

  private async assignmentView(principal: Principal, assignmentId: string): Promise<AssignmentDto> {
    const row = await this.briefs.assignment(assignmentId);
    if (!row) throw new AppException('not_found', 'Assignment not found');
    const standing = await this.access.standing(principal, row.cohortId);
    if (!standing) throw new AppException('not_found', 'Assignment not found');
    const brief = await this.requireBrief(row.briefId);
    const groups = await this.briefs.groups(assignmentId, standing === 'learner' ? principal.userId : undefined);
    return { id: row.id, cohortId: row.cohortId, brief, startsAt: row.startsAt.toISOString(), dueAt: row.dueAt.toISOString(), timeZone: row.timeZone, groups, myStatus: null };
  }

  /** Where a learner's work stands on each assignment, read for the whole list at once; facilitators get null. */
  private async withMyStatus(principal: Principal, assignments: AssignmentDto[]): Promise<AssignmentDto[]> {
    if (assignments.length === 0 || (await this.access.standing(principal, assignments[0].cohortId)) !== 'learner') return assignments;
    const verdicts = await this.briefs.latestVerdicts(assignments.map((assignment) => assignment.id), principal.userId);
    return assignments.map((assignment) => ({ ...assignment, myStatus: workStatus(verdicts.has(assignment.id) ? verdicts.get(assignment.id) : undefined) }));
  }

  private async requireBrief(id: string): Promise<BriefDto> {
    const brief = await this.briefs.brief(id);
    if (!brief) throw new AppException('not_found', 'Brief not found');
    return brief;
  }

  /** Admins, and facilitators of a cohort of the track, author its briefs. */
  private async requireAuthor(principal: Principal, trackId: string): Promise<void> {
    if (principal.isAdmin) return;
    if (!(await this.briefs.facilitatesTrack(principal.userId, trackId))) throw new AppException('forbidden', 'Only an admin or a facilitator of this track may do this');
  }

  private async resolveCompetencies(trackId: string, targets: TargetedCompetencyDto[]): Promise<{ competencyId: string; expectedLevel: number }[]> {
    const ids = await this.briefs.competencyIds(trackId);
    const seen = new Set<string>();
    return targets.map((target, index) => {
      const competencyId = ids.get(target.code);
      if (!competencyId) throw invalidField(`competencies.${index}.code`, `competency ${target.code} is not in this track’s framework`);
      if (seen.has(target.code)) throw invalidField(`competencies.${index}.code`, `competency ${target.code} is targeted twice`);
      seen.add(target.code);
      return { competencyId, expectedLevel: target.expectedLevel };
    });
  }

  /** Group briefs put every learner of the cohort in exactly one group; individual briefs take no groups. */
  private async checkGroups(cohortId: string, mode: string, groups: GroupInputDto[] | undefined): Promise<GroupInputDto[]> {
    if (mode === 'individual') {
      if (groups && groups.length > 0) throw invalidField('groups', 'groups are for group briefs only');
      return [];
    }
    if (!groups || groups.length === 0) throw invalidField('groups', 'a group brief needs its groups');
    const learners = new Set((await this.briefs.learnersOf(cohortId)).map((learner) => learner.userId));
    const placed = new Set<string>();
    const names = new Set<string>();
    for (const [index, group] of groups.entries()) {
      if (names.has(group.name)) throw invalidField(`groups.${index}.name`, `group name ${group.name} is used twice`);
      names.add(group.name);
      for (const learnerId of group.learnerIds) {
        if (!learners.has(learnerId)) throw invalidField(`groups.${index}.learnerIds`, `${learnerId} is not a learner of this cohort`);
        if (placed.has(learnerId)) throw invalidField(`groups.${index}.learnerIds`, `${learnerId} is in two groups`);
        placed.add(learnerId);
      }
    }
    if (placed.size !== learners.size) throw invalidField('groups', 'every learner of the cohort must be in a group');
    return groups;
  }

  private async formGroups(manager: EntityManager, assignmentId: string, groups: GroupInputDto[]): Promise<void> {
    for (const group of groups) {
      const saved = await manager.save(AssignmentGroup, manager.create(AssignmentGroup, { assignmentId, name: group.name }));
      await manager.insert(
        AssignmentGroupMember,
        group.learnerIds.map((learnerId) => ({ assignmentId, groupId: saved.id, learnerId })),
      );
    }
  }
}
