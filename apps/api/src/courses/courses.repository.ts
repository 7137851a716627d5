import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '@fabrique/auth';
import type { AssignmentMode } from '@fabrique/domain';
import type { CourseStatus, ResourceKind } from '@fabrique/persistence';

export interface CourseRow {
  id: string;
  trackId: string;
  title: string;
  summary: string;
  status: CourseStatus;
  updatedAt: Date;
}

export interface ResourceRow {
  id: string;
  moduleId: string;
  position: number;
  title: string;
  url: string;
  kind: ResourceKind;
  estimatedMinutes: number;
}

export interface ModuleRow {
  id: string;
  courseId: string;
  position: number;
  title: string;
  summary: string;
}

export interface AssignmentRow {
  id: string;
  cohortId: string;
  moduleId: string;
  moduleTitle: string;
  courseId: string;
  courseTitle: string;
  mode: AssignmentMode;
  week: number;
  weekMonday: string;
  dueOn: string;
  resources: number;
  estimatedMinutes: number;
}

const DATE = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const COURSE = `c.id, c.track_id AS "trackId", c.title, c.summary, c.status, c.updated_at AS "updatedAt"`;

/** The SQL of courses, in one place. Methods take the caller's manager so checks and writes share a transaction. */
@Injectable()
export class CoursesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async trackExists(trackId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM tracks WHERE id = $1`, [trackId]);
    return rows.length > 0;
  }

  /** Admins, and facilitators of any cohort of the track, author its courses. */
  async isAuthor(principal: Principal, trackId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    if (principal.isAdmin) return true;
    const rows = await manager.query(
      `SELECT 1 FROM memberships m JOIN cohorts co ON co.id = m.cohort_id
        WHERE m.user_id = $1 AND m.role = 'facilitator' AND co.track_id = $2 LIMIT 1`,
      [principal.userId, trackId],
    );
    return rows.length > 0;
  }

  /** Whether the user is a member (any role) of a cohort of the track. */
  async isTrackMember(userId: string, trackId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM memberships m JOIN cohorts co ON co.id = m.cohort_id WHERE m.user_id = $1 AND co.track_id = $2 LIMIT 1`,
      [userId, trackId],
    );
    return rows.length > 0;
  }

  /** The course, locked for the rest of the transaction when `lock` is set (reorders and appends queue behind it). */
  async course(courseId: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<CourseRow | undefined> {
    const [row] = await manager.query(`SELECT ${COURSE} FROM courses c WHERE c.id = $1 ${lock ? 'FOR UPDATE' : ''}`, [courseId]);
    return row;
  }

  /** Courses the principal may see: every course for admins, their tracks' courses for facilitators, published ones for learners. */
  async visibleCourses(principal: Principal, trackId?: string): Promise<CourseRow[]> {
    return this.dataSource.query(
      `SELECT ${COURSE} FROM courses c
        WHERE ($2::uuid IS NULL OR c.track_id = $2)
          AND ($3 OR EXISTS (SELECT 1 FROM memberships m JOIN cohorts co ON co.id = m.cohort_id
                              WHERE m.user_id = $1 AND co.track_id = c.track_id
                                AND (m.role = 'facilitator' OR c.status = 'published')))
        ORDER BY c.title, c.id LIMIT 500`,
      [principal.userId, trackId ?? null, principal.isAdmin],
    );
  }

  async modules(courseId: string, manager: EntityManager = this.dataSource.manager): Promise<ModuleRow[]> {
    return manager.query(
      `SELECT id, course_id AS "courseId", position, title, summary FROM course_modules WHERE course_id = $1 ORDER BY position`,
      [courseId],
    );
  }

  async module(courseId: string, moduleId: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<ModuleRow | undefined> {
    const [row] = await manager.query(
      `SELECT id, course_id AS "courseId", position, title, summary FROM course_modules WHERE id = $1 AND course_id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [moduleId, courseId],
    );
    return row;
  }

  async resources(moduleIds: string[], manager: EntityManager = this.dataSource.manager): Promise<ResourceRow[]> {
    return manager.query(
      `SELECT id, module_id AS "moduleId", position, title, url, kind, estimated_minutes AS "estimatedMinutes"
         FROM course_resources WHERE module_id = ANY($1::uuid[]) ORDER BY module_id, position`,
      [moduleIds],
    );
  }

  async resource(courseId: string, resourceId: string, manager: EntityManager = this.dataSource.manager): Promise<ResourceRow | undefined> {
    const [row] = await manager.query(
      `SELECT r.id, r.module_id AS "moduleId", r.position, r.title, r.url, r.kind, r.estimated_minutes AS "estimatedMinutes"
         FROM course_resources r JOIN course_modules m ON m.id = r.module_id WHERE r.id = $1 AND m.course_id = $2`,
      [resourceId, courseId],
    );
    return row;
  }

  async nextModulePosition(courseId: string, manager: EntityManager): Promise<number> {
    const [row] = await manager.query(`SELECT coalesce(max(position), 0) + 1 AS next FROM course_modules WHERE course_id = $1`, [courseId]);
    return Number(row.next);
  }

  async nextResourcePosition(moduleId: string, manager: EntityManager): Promise<number> {
    const [row] = await manager.query(`SELECT coalesce(max(position), 0) + 1 AS next FROM course_resources WHERE module_id = $1`, [moduleId]);
    return Number(row.next);
  }

  /** Sets positions in one statement; the deferred unique constraint checks the result at commit. */
  async setPositions(table: 'course_modules' | 'course_resources', positions: Array<{ id: string; position: number }>, manager: EntityManager): Promise<void> {
    if (positions.length === 0) return;
    await manager.query(
      `UPDATE ${table} t SET position = p.position, updated_at = now()
         FROM unnest($1::uuid[], $2::int[]) AS p(id, position) WHERE t.id = p.id`,
      [positions.map((p) => p.id), positions.map((p) => p.position)],
    );
  }

  /** Of the cohort's track, the module, with its course's status; undefined when it belongs to another track. */
  async moduleOfTrack(moduleId: string, trackId: string, manager: EntityManager = this.dataSource.manager) {
    const [row] = await manager.query(
      `SELECT m.id, m.course_id AS "courseId", c.status FROM course_modules m JOIN courses c ON c.id = m.course_id
        WHERE m.id = $1 AND c.track_id = $2`,
      [moduleId, trackId],
    );
    return row as { id: string; courseId: string; status: CourseStatus } | undefined;
  }

  async cohortTrack(cohortId: string, manager: EntityManager = this.dataSource.manager): Promise<string | undefined> {
    const [row] = await manager.query(`SELECT track_id AS "trackId" FROM cohorts WHERE id = $1`, [cohortId]);
    return row?.trackId;
  }

  /** The cohort's assigned modules, by due date; learners see only those of published courses. */
  async assignments(cohortId: string, publishedOnly: boolean, manager: EntityManager = this.dataSource.manager): Promise<AssignmentRow[]> {
    return manager.query(
      `SELECT a.id, a.cohort_id AS "cohortId", a.module_id AS "moduleId", m.title AS "moduleTitle", c.id AS "courseId", c.title AS "courseTitle",
              a.mode, a.week, ${DATE('a.week_monday')} AS "weekMonday", ${DATE('a.due_on')} AS "dueOn",
              (SELECT count(*)::int FROM course_resources r WHERE r.module_id = m.id) AS resources,
              (SELECT coalesce(sum(r.estimated_minutes), 0)::int FROM course_resources r WHERE r.module_id = m.id) AS "estimatedMinutes"
         FROM module_assignments a JOIN course_modules m ON m.id = a.module_id JOIN courses c ON c.id = m.course_id
        WHERE a.cohort_id = $1 AND (NOT $2 OR c.status = 'published')
        ORDER BY a.due_on, c.title, m.position`,
      [cohortId, publishedOnly],
    );
  }

  /** Module ids assigned to one of the learner's cohorts, for the course view. */
  async assignedModuleIds(userId: string, courseId: string): Promise<Set<string>> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT DISTINCT a.module_id AS id FROM module_assignments a JOIN memberships ms ON ms.cohort_id = a.cohort_id
         JOIN course_modules m ON m.id = a.module_id WHERE ms.user_id = $1 AND m.course_id = $2`,
      [userId, courseId],
    );
    return new Set(rows.map((row) => row.id));
  }

  /** A resource of a published course's module assigned to the cohort; undefined otherwise. */
  async assignedResource(cohortId: string, resourceId: string, manager: EntityManager = this.dataSource.manager): Promise<{ id: string; moduleId: string } | undefined> {
    const [row] = await manager.query(
      `SELECT r.id, r.module_id AS "moduleId" FROM course_resources r
         JOIN module_assignments a ON a.module_id = r.module_id AND a.cohort_id = $1
         JOIN course_modules m ON m.id = r.module_id JOIN courses c ON c.id = m.course_id AND c.status = 'published'
        WHERE r.id = $2`,
      [cohortId, resourceId],
    );
    return row;
  }

  /** Per learner of the cohort and per assigned module of a published course: resources and how many the learner did. */
  async learnerModuleCounts(cohortId: string, userId?: string) {
    return this.dataSource.query(
      `SELECT u.id AS "userId", u.display_name AS "displayName", a.module_id AS "moduleId", ${DATE('a.due_on')} AS "dueOn",
              m.title AS "moduleTitle", c.title AS "courseTitle", count(r.id)::int AS total, count(d.resource_id)::int AS done
         FROM memberships ms JOIN users u ON u.id = ms.user_id
         JOIN module_assignments a ON a.cohort_id = ms.cohort_id
         JOIN course_modules m ON m.id = a.module_id JOIN courses c ON c.id = m.course_id AND c.status = 'published'
         LEFT JOIN course_resources r ON r.module_id = a.module_id
         LEFT JOIN resource_completions d ON d.resource_id = r.id AND d.user_id = u.id
        WHERE ms.cohort_id = $1 AND ms.role = 'learner' AND ($2::uuid IS NULL OR u.id = $2)
        GROUP BY u.id, u.display_name, a.module_id, a.due_on, m.title, c.title
        ORDER BY u.id, a.due_on, a.module_id`,
      [cohortId, userId ?? null],
    ) as Promise<Array<{ userId: string; displayName: string; moduleId: string; dueOn: string; moduleTitle: string; courseTitle: string; total: number; done: number }>>;
  }

  async learners(cohortId: string): Promise<Array<{ userId: string; displayName: string }>> {
    return this.dataSource.query(
      `SELECT u.id AS "userId", u.display_name AS "displayName" FROM memberships ms JOIN users u ON u.id = ms.user_id
        WHERE ms.cohort_id = $1 AND ms.role = 'learner' ORDER BY u.id`,
      [cohortId],
    );
  }

  async doneResourceIds(userId: string, moduleIds: string[]): Promise<Set<string>> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT d.resource_id AS id FROM resource_completions d JOIN course_resources r ON r.id = d.resource_id
        WHERE d.user_id = $1 AND r.module_id = ANY($2::uuid[])`,
      [userId, moduleIds],
    );
    return new Set(rows.map((row) => row.id));
  }
}
