import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CohortAccess, type Principal } from '@fabrique/auth';
import {
  assignmentDue,
  type BehindCursor,
  buildCohortCalendar,
  isDue,
  learnersBehind,
  localDateAt,
  pageOfBehind,
  percentDone,
} from '@fabrique/domain';
import { AppException } from '@fabrique/errors';
import { ModuleAssignment, ResourceCompletion, recordActivity, recordEvents } from '@fabrique/persistence';
import { invalidField } from '../common/invalid-field.js';
import { CalendarRepository } from '../calendar/calendar.repository.js';
import { type AssignmentRow, CoursesRepository } from './courses.repository.js';
import type { AssignModuleDto, BehindModuleDto, BehindQueryDto, LearnersBehindPageDto } from './dto/course.dto.js';

export interface ModuleProgress {
  moduleId: string;
  dueOn: string;
  total: number;
  done: number;
  percent: number;
}

/**
 * A cohort's side of courses: which modules it studies when, what each learner marked done,
 * and who is behind. Facilitators of the cohort (and admins) assign; its learners mark.
 */
@Injectable()
export class CohortCoursesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CohortAccess,
    private readonly courses: CoursesRepository,
    private readonly calendar: CalendarRepository,
  ) {}

  async assign(principal: Principal, cohortId: string, input: AssignModuleDto): Promise<AssignmentRow> {
    await this.access.requireFacilitator(principal, cohortId);
    const id = await this.dataSource.transaction(async (manager) => {
      const trackId = (await this.courses.cohortTrack(cohortId, manager)) as string;
      if (!(await this.courses.moduleOfTrack(input.moduleId, trackId, manager))) {
        throw invalidField('moduleId', "moduleId does not match a module of this cohort's track");
      }
      const cohort = await this.calendar.cohort(cohortId, manager);
      if (!cohort) throw new AppException('not_found', 'Cohort not found');
      const calendar = buildCohortCalendar(cohort, await this.calendar.weeks(cohortId, manager));
      const due = assignmentDue(calendar, input.mode, input.week);
      if (!due) {
        const [kind, label] = input.mode === 'prepare_before_onsite' ? ['presential', 'on-site'] : ['distance', 'distance'];
        const count = calendar.filter((w) => w.kind === kind).length;
        throw invalidField('week', `week must be between 1 and ${count}, the cohort's ${label} weeks`);
      }
      const existing = await manager.findOneBy(ModuleAssignment, { cohortId, moduleId: input.moduleId });
      if (existing) throw new AppException('conflict', 'This module is already assigned to this cohort; remove the assignment first');
      const saved = await manager.save(
        ModuleAssignment,
        manager.create(ModuleAssignment, { cohortId, moduleId: input.moduleId, mode: input.mode, week: input.week, weekMonday: due.weekMonday, dueOn: due.dueOn }),
      );
      await recordEvents(manager, [
        { type: 'module.assigned', aggregateType: 'cohort', aggregateId: cohortId, actorId: principal.userId, payload: { assignmentId: saved.id, ...input, ...due } },
      ]);
      return saved.id;
    });
    return (await this.courses.assignments(cohortId, false)).find((a) => a.id === id) as AssignmentRow;
  }

  async assignments(principal: Principal, cohortId: string): Promise<AssignmentRow[]> {
    const standing = await this.access.requireMember(principal, cohortId);
    return this.courses.assignments(cohortId, standing === 'learner');
  }

  async unassign(principal: Principal, cohortId: string, assignmentId: string): Promise<void> {
    await this.access.requireFacilitator(principal, cohortId);
    await this.dataSource.transaction(async (manager) => {
      const assignment = await manager.findOneBy(ModuleAssignment, { id: assignmentId, cohortId });
      if (!assignment) throw new AppException('not_found', 'Assignment not found');
      await manager.delete(ModuleAssignment, { id: assignmentId });
      await recordEvents(manager, [
        { type: 'module.unassigned', aggregateType: 'cohort', aggregateId: cohortId, actorId: principal.userId, payload: { assignmentId, moduleId: assignment.moduleId } },
      ]);
    });
  }

  /** A learner marks a resource of a module assigned to their cohort done (idempotent); it counts as distance activity. */
  async markDone(principal: Principal, cohortId: string, resourceId: string, done: boolean): Promise<{ resourceId: string; done: boolean }> {
    const standing = await this.access.requireMember(principal, cohortId);
    if (standing !== 'learner') throw new AppException('forbidden', 'Only learners of this cohort mark resources done');
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.courses.assignedResource(cohortId, resourceId, manager))) throw new AppException('not_found', 'Resource not found');
      if (done) {
        const inserted = await manager
          .createQueryBuilder()
          .insert()
          .into(ResourceCompletion)
          .values({ resourceId, userId: principal.userId })
          .orIgnore()
          .returning('resource_id')
          .execute();
        if (inserted.raw.length > 0) {
          await recordActivity(manager, principal.userId, 'resource_done', resourceId);
        }
      } else {
        await manager.delete(ResourceCompletion, { resourceId, userId: principal.userId });
      }
    });
    return { resourceId, done };
  }

  /** The caller's own progress per assigned module, with the resources they marked done. */
  async myProgress(principal: Principal, cohortId: string) {
    const standing = await this.access.requireMember(principal, cohortId);
    if (standing !== 'learner') throw new AppException('forbidden', 'Only learners of this cohort have a progress of their own');
    const modules = (await this.courses.learnerModuleCounts(cohortId, principal.userId)).map((row) => this.moduleProgress(row));
    const doneIds = [...(await this.courses.doneResourceIds(principal.userId, modules.map((m) => m.moduleId)))];
    const total = modules.reduce((sum, m) => sum + m.total, 0);
    const done = modules.reduce((sum, m) => sum + m.done, 0);
    return { total, done, percent: percentDone(done, total), modules, doneResourceIds: doneIds };
  }

  /** For facilitators: per module, the share of the cohort's learners' work done; and the cohort as a whole. */
  async cohortProgress(principal: Principal, cohortId: string) {
    await this.access.requireFacilitator(principal, cohortId);
    const rows = await this.courses.learnerModuleCounts(cohortId);
    const byModule = new Map<string, ModuleProgress>();
    for (const row of rows) {
      const entry = byModule.get(row.moduleId) ?? { moduleId: row.moduleId, dueOn: row.dueOn, total: 0, done: 0, percent: 0 };
      entry.total += row.total;
      entry.done += row.done;
      byModule.set(row.moduleId, entry);
    }
    const modules = [...byModule.values()].map((m) => ({ ...m, percent: percentDone(m.done, m.total) }));
    const total = modules.reduce((sum, m) => sum + m.total, 0);
    const done = modules.reduce((sum, m) => sum + m.done, 0);
    return { learners: (await this.courses.learners(cohortId)).length, total, done, percent: percentDone(done, total), modules };
  }

  /** Learners who did less than what is due by `asOf` (today at the cohort's site), the furthest behind first, by cursor. */
  async behind(principal: Principal, cohortId: string, query: BehindQueryDto): Promise<LearnersBehindPageDto> {
    await this.access.requireFacilitator(principal, cohortId);
    const cursor = query.cursor ? this.decodeCursor(query.cursor) : null;
    const cohort = await this.calendar.cohort(cohortId);
    if (!cohort) throw new AppException('not_found', 'Cohort not found');
    const asOf = query.asOf ?? localDateAt(new Date(), cohort.timeZone);
    const learners = new Map((await this.courses.learners(cohortId)).map((l) => [l.userId, { ...l, due: 0, doneOfDue: 0 }]));
    // What each one has left, module by module: the rows come oldest due first, so `modules[0]` is since when.
    const left = new Map<string, BehindModuleDto[]>();
    for (const row of await this.courses.learnerModuleCounts(cohortId)) {
      const learner = learners.get(row.userId);
      if (!learner || !isDue(row.dueOn, asOf)) continue;
      learner.due += row.total;
      learner.doneOfDue += row.done;
      const missing = row.total - Math.min(row.done, row.total);
      if (missing > 0) left.set(row.userId, [...(left.get(row.userId) ?? []), { moduleId: row.moduleId, moduleTitle: row.moduleTitle, courseTitle: row.courseTitle, dueOn: row.dueOn, missing }]);
    }
    const page = pageOfBehind(learnersBehind([...learners.values()]), cursor, query.limit ?? 20);
    const items = page.items.map((entry) => {
      const modules = left.get(entry.userId) ?? [];
      return { ...entry, modules, behindSince: modules[0]?.dueOn ?? asOf };
    });
    return { asOf, items, nextCursor: page.next ? Buffer.from(JSON.stringify(page.next)).toString('base64url') : null };
  }

  private decodeCursor(cursor: string): BehindCursor {
    try {
      const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Partial<BehindCursor>;
      if (Number.isInteger(value.missing) && typeof value.userId === 'string') return { missing: value.missing as number, userId: value.userId };
    } catch {
      // Falls through to the 400 below.
    }
    throw invalidField('cursor', 'cursor is not one this list returned');
  }

  private moduleProgress(row: { moduleId: string; dueOn: string; total: number; done: number }): ModuleProgress {
    return { moduleId: row.moduleId, dueOn: row.dueOn, total: row.total, done: row.done, percent: percentDone(row.done, row.total) };
  }
}
