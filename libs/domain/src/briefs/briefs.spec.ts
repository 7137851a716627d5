import { acceptsSubmissions, competencyMatrix, isExpectedLevel, isHttpUrl, isLate, isReviewLevel, type LevelEvidence, reviewCoverageProblem, workStatus } from './briefs.js';

describe('brief rules', () => {
  it('accepts levels 1–3 as expected and 0–3 in reviews, nothing else', () => {
    expect([0, 1, 2, 3, 4, 1.5, '2'].map(isExpectedLevel)).toEqual([false, true, true, true, false, false, false]);
    expect([-1, 0, 3, 4].map(isReviewLevel)).toEqual([false, true, true, false]);
  });

  it('accepts http(s) links only', () => {
    expect(['https://github.com/a/b', 'http://exemple.fr/page', 'ftp://x.fr', 'javascript:alert(1)', 'github.com/a', 'mailto:a@b.fr'].map(isHttpUrl)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });

  it('marks late strictly after the due instant', () => {
    const due = new Date('2026-10-09T16:00:00Z');
    expect(isLate(new Date('2026-10-09T16:00:00Z'), due)).toBe(false);
    expect(isLate(new Date('2026-10-09T16:00:01Z'), due)).toBe(true);
  });

  it('reopens a work on "to redo" and closes it once validated', () => {
    expect([undefined, null, 'to_redo', 'validated'].map((verdict) => acceptsSubmissions(workStatus(verdict as never)))).toEqual([true, true, true, false]);
    expect(workStatus(null)).toBe('submitted');
  });

  it('wants every targeted competency graded once, and no other', () => {
    expect(reviewCoverageProblem(['C1', 'C2'], ['C2', 'C1'])).toBeNull();
    expect(reviewCoverageProblem(['C1', 'C2'], ['C1', 'C3'])?.code).toBe('C3');
    expect(reviewCoverageProblem(['C1', 'C2'], ['C1', 'C1'])?.message).toContain('twice');
    expect(reviewCoverageProblem(['C1', 'C2'], ['C1'])?.code).toBe('C2');
  });

  it('keeps the highest validated level with the review that first gave it', () => {
    const at = (day: number) => new Date(`2026-10-${String(day).padStart(2, '0')}T10:00:00Z`);
    const evidence = (competencyCode: string, level: number, verdict: 'validated' | 'to_redo', day: number): LevelEvidence => ({
      competencyCode,
      level,
      verdict,
      briefId: `b${day}`,
      briefTitle: `Brief ${day}`,
      reviewId: `r${day}`,
      reviewedAt: at(day),
    });
    const matrix = competencyMatrix([
      evidence('C1', 1, 'validated', 1),
      evidence('C1', 3, 'to_redo', 2),
      evidence('C1', 2, 'validated', 3),
      evidence('C1', 2, 'validated', 4),
      evidence('C2', 0, 'validated', 5),
    ]);
    expect(matrix.get('C1')).toEqual({ competencyCode: 'C1', level: 2, evidence: { briefId: 'b3', briefTitle: 'Brief 3', reviewId: 'r3', reviewedAt: at(3) } });
    expect(matrix.has('C2')).toBe(false);
  });
});
