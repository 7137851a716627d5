import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface StudyItem {
  assignmentId: string;
  moduleId: string;
  moduleTitle: string;
  courseTitle: string;
  mode: 'prepare_before_onsite' | 'during_distance';
  dueOn: string;
  resources: number;
  done: number;
  estimatedMinutes: number;
}

export interface DeadlineItem {
  assignmentId: string;
  briefId: string;
  title: string;
  dueAt: string;
  submitted: boolean;
}

/** What a week asks of a learner: modules to study and brief deadlines, from the courses and briefs tables. */
@Injectable()
export class MyWeekRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Published modules due to be studied during `monday`'s week, or to be prepared for the on-site week `prepareFor`. */
  async studyPlan(cohortId: string, userId: string, monday: string, prepareFor: string | null): Promise<StudyItem[]> {
    return this.dataSource.query(
      `SELECT ma.id AS "assignmentId", m.id AS "moduleId", m.title AS "moduleTitle", c.title AS "courseTitle", ma.mode,
              to_char(ma.due_on, 'YYYY-MM-DD') AS "dueOn",
              count(r.id)::int AS resources, count(rc.resource_id)::int AS done,
              coalesce(sum(r.estimated_minutes), 0)::int AS "estimatedMinutes"
         FROM module_assignments ma
         JOIN course_modules m ON m.id = ma.module_id
         JOIN courses c ON c.id = m.course_id AND c.status = 'published'
         LEFT JOIN course_resources r ON r.module_id = m.id
         LEFT JOIN resource_completions rc ON rc.resource_id = r.id AND rc.user_id = $2
        WHERE ma.cohort_id = $1
          AND ((ma.mode = 'during_distance' AND ma.week_monday = $3) OR (ma.mode = 'prepare_before_onsite' AND ma.week_monday = $4))
        GROUP BY ma.id, m.id, c.id
        ORDER BY ma.due_on, c.title, m.position`,
      [cohortId, userId, monday, prepareFor],
    );
  }

  /** Brief assignments due between two instants, with whether the learner (or their group) has submitted. */
  async deadlines(cohortId: string, userId: string, from: Date, to: Date): Promise<DeadlineItem[]> {
    return this.dataSource.query(
      `SELECT a.id AS "assignmentId", b.id AS "briefId", b.title, a.due_at AS "dueAt",
              EXISTS (SELECT 1 FROM submissions s
                       WHERE s.assignment_id = a.id
                         AND (s.learner_id = $2 OR s.group_id IN (SELECT g.group_id FROM assignment_group_members g WHERE g.assignment_id = a.id AND g.learner_id = $2))
                     ) AS submitted
         FROM brief_assignments a JOIN briefs b ON b.id = a.brief_id
        WHERE a.cohort_id = $1 AND a.due_at >= $3 AND a.due_at < $4
        ORDER BY a.due_at`,
      [cohortId, userId, from, to],
    );
  }
}
