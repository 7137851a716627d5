/** The shapes the API answers with for briefs, assignments, submissions and reviews (apps/api/src/briefs/dto). */

export interface TargetedCompetency {
  code: string;
  title: string;
  /** 1 imitate, 2 adapt, 3 transpose. */
  expectedLevel: number;
}

export interface Brief {
  id: string;
  trackId: string;
  title: string;
  /** Markdown, shown as written. */
  context: string;
  /** The context rendered by the API, sanitised there (libs/markdown): the only HTML the page shows. */
  contextHtml: string;
  deliverables: string;
  deliverablesHtml: string;
  mode: 'individual' | 'group';
  competencies: TargetedCompetency[];
  createdAt: string;
  updatedAt: string;
}

export interface Assignment {
  id: string;
  cohortId: string;
  brief: Brief;
  startsAt: string;
  dueAt: string;
  timeZone: string;
  /** A learner sees their own group only; facilitators see every group. */
  groups: { id: string; name: string; members: { userId: string; displayName: string }[] }[];
  /** Where the signed-in learner's work stands (null for facilitators). */
  myStatus: WorkStatus | null;
}

export type Verdict = 'validated' | 'to_redo';

export interface Review {
  id: string;
  reviewerId: string;
  reviewerName: string;
  verdict: Verdict;
  comment: string;
  reviewedAt: string;
  levels: { code: string; level: number; comment: string }[];
}

export interface Submission {
  id: string;
  assignmentId: string;
  learnerId: string | null;
  groupId: string | null;
  groupName: string | null;
  submittedBy: string;
  submittedByName: string;
  version: number;
  links: string[];
  comment: string;
  submittedAt: string;
  late: boolean;
  review: Review | null;
}

export type WorkStatus = 'not_submitted' | 'submitted' | 'to_redo' | 'validated';

/** A learner's (or their group's) work on one assignment: every version, newest first. */
export interface Work {
  status: WorkStatus;
  /** Whether a (new) version may be submitted. */
  open: boolean;
  versions: Submission[];
}

export interface SubmissionPage {
  items: Submission[];
  nextCursor: string | null;
}

/** The levels a competency is graded at, 0 (not reached) to 3. */
export const LEVELS = [0, 1, 2, 3] as const;
