/*
 * Rules of project briefs, submissions and competency reviews. Levels follow the
 * competency framework: 1 imitate, 2 adapt, 3 transpose; a review may also say 0 (not shown).
 */

export type BriefMode = 'individual' | 'group';
export type ReviewVerdict = 'validated' | 'to_redo';
export const REVIEW_VERDICTS: readonly ReviewVerdict[] = ['validated', 'to_redo'];

/** Where a learner's (or group's) work on an assignment stands, from its latest submission. */
export type WorkStatus = 'not_submitted' | 'submitted' | 'to_redo' | 'validated';

/** The level a brief may expect: a competency is targeted at 1, 2 or 3. */
export const isExpectedLevel = (level: unknown): level is 1 | 2 | 3 => level === 1 || level === 2 || level === 3;

/** The level a review may give: 0 when the competency was not shown, up to 3. */
export const isReviewLevel = (level: unknown): level is 0 | 1 | 2 | 3 => level === 0 || isExpectedLevel(level);

/** Deliverables are web links: a repository, a deployed page. Anything else (javascript:, ftp:, mailto:) is refused. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** A submission after the due instant is late: it is kept and marked, never refused. */
export const isLate = (submittedAt: Date, dueAt: Date): boolean => submittedAt.getTime() > dueAt.getTime();

/** The status of a work from the verdict on its latest submission (undefined: nothing submitted; null: not reviewed yet). */
export function workStatus(latestVerdict: ReviewVerdict | null | undefined): WorkStatus {
  if (latestVerdict === undefined) return 'not_submitted';
  if (latestVerdict === null) return 'submitted';
  return latestVerdict;
}

/** Learners may (re)submit until the work is validated: "to redo" reopens it; an unreviewed version may be replaced. */
export const acceptsSubmissions = (status: WorkStatus): boolean => status !== 'validated';

/**
 * Checks that a review grades exactly the competencies the brief targets. Returns the problem,
 * naming the offending code, or null when the review is complete.
 */
export function reviewCoverageProblem(targeted: readonly string[], graded: readonly string[]): { code: string; message: string } | null {
  const target = new Set(targeted);
  const seen = new Set<string>();
  for (const code of graded) {
    if (!target.has(code)) return { code, message: `competency ${code} is not targeted by this brief` };
    if (seen.has(code)) return { code, message: `competency ${code} is graded twice` };
    seen.add(code);
  }
  const missing = targeted.find((code) => !seen.has(code));
  return missing ? { code: missing, message: `competency ${missing} targeted by this brief is not graded` } : null;
}

export interface LevelEvidence {
  competencyCode: string;
  level: number;
  verdict: ReviewVerdict;
  briefId: string;
  briefTitle: string;
  reviewId: string;
  reviewedAt: Date;
}

export interface MatrixCell {
  competencyCode: string;
  level: number;
  evidence: { briefId: string; briefTitle: string; reviewId: string; reviewedAt: Date };
}

/**
 * A learner's matrix: for each competency, the highest level given in a *validated* review, with
 * the review that first gave it. A "to redo" review and a level 0 validate nothing.
 */
export function competencyMatrix(evidence: readonly LevelEvidence[]): Map<string, MatrixCell> {
  const best = new Map<string, MatrixCell>();
  for (const item of evidence) {
    if (item.verdict !== 'validated' || item.level < 1) continue;
    const current = best.get(item.competencyCode);
    const better = !current || item.level > current.level || (item.level === current.level && item.reviewedAt < current.evidence.reviewedAt);
    if (better) {
      const { briefId, briefTitle, reviewId, reviewedAt } = item;
      best.set(item.competencyCode, { competencyCode: item.competencyCode, level: item.level, evidence: { briefId, briefTitle, reviewId, reviewedAt } });
    }
  }
  return best;
}
