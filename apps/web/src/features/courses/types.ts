/** The shapes the API answers with for courses (apps/api/src/courses) and the competency matrix (apps/api/src/briefs/dto/matrix.dto.ts). */

export type AssignmentMode = 'prepare_before_onsite' | 'during_distance';
export type ResourceKind = 'video' | 'article' | 'exercise' | 'mooc_chapter' | 'documentation' | 'other';

/** A module assigned to a cohort, with when it is due (GET /api/cohorts/:id/module-assignments). */
export interface ModuleAssignment {
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

export interface ModuleProgress {
  moduleId: string;
  dueOn: string;
  total: number;
  done: number;
  percent: number;
}

/** GET /api/cohorts/:id/course-progress/me */
export interface MyProgress {
  total: number;
  done: number;
  percent: number;
  modules: ModuleProgress[];
  doneResourceIds: string[];
}

export interface Resource {
  id: string;
  moduleId: string;
  position: number;
  title: string;
  url: string;
  kind: ResourceKind;
  estimatedMinutes: number;
}

/** GET /api/courses/:id: a learner gets only the modules assigned to their cohorts. */
export interface CourseView {
  id: string;
  trackId: string;
  title: string;
  summary: string;
  status: 'draft' | 'published';
  modules: Array<{ id: string; courseId: string; position: number; title: string; summary: string; resources: Resource[] }>;
}

export interface MatrixCell {
  code: string;
  title: string;
  /** Highest validated level, 0 when none yet. */
  level: number;
  evidence: { briefId: string; briefTitle: string; reviewId: string; reviewedAt: string } | null;
  /** The highest level the briefs assigned to the cohort so far expect, null when none targets it. */
  expectedLevel: number | null;
}

export interface LearnerMatrix {
  learnerId: string;
  displayName: string;
  competencies: MatrixCell[];
}

export interface CohortMatrix {
  competencyCodes: string[];
  learners: LearnerMatrix[];
}

/** What the competency screens read of a brief assignment: its brief, to link a piece of evidence to it. */
export interface BriefAssignment {
  id: string;
  brief: { id: string; title: string };
}
