import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { BriefMode, LevelEvidence, ReviewVerdict } from '@fabrique/domain';
import { renderMarkdown } from '@fabrique/markdown';
import type { GroupDto } from './dto/assignment.dto.js';
import type { BriefDto } from './dto/brief.dto.js';
import type { ReviewDto, SubmissionDto } from './dto/submission.dto.js';

export interface AssignmentRow {
  id: string;
  briefId: string;
  cohortId: string;
  startsAt: Date;
  dueAt: Date;
  mode: BriefMode;
  timeZone: string;
}

export interface SubmissionRow extends Omit<SubmissionDto, 'review' | 'submittedAt'> {
  submittedAt: Date;
  cohortId: string;
  briefId: string;
}

const BRIEF_COLUMNS = `b.id, b.track_id AS "trackId", b.title, b.context, b.deliverables, b.mode,
  b.created_at AS "createdAt", b.updated_at AS "updatedAt",
  coalesce((SELECT json_agg(json_build_object('code', c.code, 'title', c.title, 'expectedLevel', bc.expected_level) ORDER BY c.position)
     FROM brief_competencies bc JOIN competencies c ON c.id = bc.competency_id WHERE bc.brief_id = b.id), '[]') AS competencies`;

const SUBMISSION_COLUMNS = `s.id, s.assignment_id AS "assignmentId", s.learner_id AS "learnerId", s.group_id AS "groupId", g.name AS "groupName",
  s.submitted_by AS "submittedBy", u.display_name AS "submittedByName", s.version, s.links, s.comment, s.submitted_at AS "submittedAt", s.late,
  a.cohort_id AS "cohortId", a.brief_id AS "briefId"`;
const SUBMISSION_FROM = `submissions s JOIN brief_assignments a ON a.id = s.assignment_id JOIN users u ON u.id = s.submitted_by
  LEFT JOIN assignment_groups g ON g.id = s.group_id`;

type BriefRow = Omit<BriefDto, 'createdAt' | 'updatedAt' | 'contextHtml' | 'deliverablesHtml'> & { createdAt: Date; updatedAt: Date };
/** The markdown is rendered here, sanitised, so that no client renders a brief's HTML of its own. */
const toBrief = (row: BriefRow): BriefDto => ({
  ...row,
  contextHtml: renderMarkdown(row.context),
  deliverablesHtml: renderMarkdown(row.deliverables),
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** The queries of briefs, assignments, submissions and reviews, in one place. */
@Injectable()
export class BriefsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async brief(id: string, manager: EntityManager = this.dataSource.manager): Promise<BriefDto | undefined> {
    const [row] = await manager.query(`SELECT ${BRIEF_COLUMNS} FROM briefs b WHERE b.id = $1`, [id]);
    return row ? toBrief(row) : undefined;
  }

  async briefsOfTrack(trackId: string): Promise<BriefDto[]> {
    const rows: BriefRow[] = await this.dataSource.query(`SELECT ${BRIEF_COLUMNS} FROM briefs b WHERE b.track_id = $1 ORDER BY b.created_at, b.id`, [trackId]);
    return rows.map(toBrief);
  }

  async trackExists(trackId: string): Promise<boolean> {
    return (await this.dataSource.query(`SELECT 1 FROM tracks WHERE id = $1`, [trackId])).length > 0;
  }

  /** Whether the user facilitates some cohort of the track: facilitators author the track's briefs. */
  async facilitatesTrack(userId: string, trackId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM memberships m JOIN cohorts c ON c.id = m.cohort_id WHERE m.user_id = $1 AND m.role = 'facilitator' AND c.track_id = $2 LIMIT 1`,
      [userId, trackId],
    );
    return rows.length > 0;
  }

  async competencyIds(trackId: string): Promise<Map<string, string>> {
    const rows: { id: string; code: string }[] = await this.dataSource.query(`SELECT id, code FROM competencies WHERE track_id = $1`, [trackId]);
    return new Map(rows.map((row) => [row.code, row.id]));
  }

  async cohort(cohortId: string): Promise<{ name: string; trackId: string; timeZone: string | null } | undefined> {
    const [row] = await this.dataSource.query(
      `SELECT c.name, c.track_id AS "trackId", s.time_zone AS "timeZone" FROM cohorts c LEFT JOIN sites s ON s.id = c.home_site_id WHERE c.id = $1`,
      [cohortId],
    );
    return row;
  }

  async userTimeZone(userId: string): Promise<string> {
    const [row] = await this.dataSource.query(`SELECT time_zone AS "timeZone" FROM users WHERE id = $1`, [userId]);
    return row.timeZone;
  }

  async learnersOf(cohortId: string): Promise<{ userId: string; displayName: string }[]> {
    return this.dataSource.query(
      `SELECT u.id AS "userId", u.display_name AS "displayName" FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.cohort_id = $1 AND m.role = 'learner' ORDER BY u.display_name, u.id`,
      [cohortId],
    );
  }

  async assignment(id: string, manager: EntityManager = this.dataSource.manager): Promise<AssignmentRow | undefined> {
    const [row] = await manager.query(
      `SELECT a.id, a.brief_id AS "briefId", a.cohort_id AS "cohortId", a.starts_at AS "startsAt", a.due_at AS "dueAt", b.mode,
              coalesce(s.time_zone, u.time_zone) AS "timeZone"
         FROM brief_assignments a JOIN briefs b ON b.id = a.brief_id JOIN cohorts c ON c.id = a.cohort_id
         LEFT JOIN sites s ON s.id = c.home_site_id JOIN users u ON u.id = a.assigned_by
        WHERE a.id = $1`,
      [id],
    );
    return row;
  }

  async assignmentsOf(cohortId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM brief_assignments WHERE cohort_id = $1 ORDER BY due_at, id`, [cohortId]);
    return rows.map((row) => row.id);
  }

  /**
   * The verdict on a learner's latest version of each assignment (their own or their group's):
   * null when not reviewed yet; assignments without a version are absent. One query for a list.
   */
  async latestVerdicts(assignmentIds: string[], learnerId: string): Promise<Map<string, ReviewVerdict | null>> {
    const rows: { assignmentId: string; verdict: ReviewVerdict | null }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (s.assignment_id) s.assignment_id AS "assignmentId", r.verdict
         FROM submissions s LEFT JOIN reviews r ON r.submission_id = s.id
        WHERE s.assignment_id = ANY($1::uuid[])
          AND (s.learner_id = $2 OR s.group_id IN (SELECT gm.group_id FROM assignment_group_members gm WHERE gm.learner_id = $2 AND gm.assignment_id = s.assignment_id))
        ORDER BY s.assignment_id, s.version DESC`,
      [assignmentIds, learnerId],
    );
    return new Map(rows.map((row) => [row.assignmentId, row.verdict]));
  }

  async assignmentIdsOfBrief(briefId: string, manager: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM brief_assignments WHERE brief_id = $1`, [briefId]);
    return rows.map((row) => row.id);
  }

  /** Groups of an assignment; only the learner's own when `learnerId` is given. */
  async groups(assignmentId: string, learnerId?: string): Promise<GroupDto[]> {
    return this.dataSource.query(
      `SELECT g.id, g.name, json_agg(json_build_object('userId', u.id, 'displayName', u.display_name) ORDER BY u.display_name) AS members
         FROM assignment_groups g JOIN assignment_group_members gm ON gm.group_id = g.id JOIN users u ON u.id = gm.learner_id
        WHERE g.assignment_id = $1
          AND ($2::uuid IS NULL OR g.id = (SELECT group_id FROM assignment_group_members WHERE assignment_id = $1 AND learner_id = $2))
        GROUP BY g.id, g.name ORDER BY g.name`,
      [assignmentId, learnerId ?? null],
    );
  }

  async groupOf(assignmentId: string, learnerId: string, manager: EntityManager = this.dataSource.manager): Promise<string | undefined> {
    const [row] = await manager.query(`SELECT group_id AS "groupId" FROM assignment_group_members WHERE assignment_id = $1 AND learner_id = $2`, [assignmentId, learnerId]);
    return row?.groupId;
  }

  /** Versions of one work (a learner's or a group's), newest first. */
  async versions(assignmentId: string, owner: { learnerId?: string; groupId?: string }, manager: EntityManager = this.dataSource.manager): Promise<SubmissionRow[]> {
    return manager.query(
      `SELECT ${SUBMISSION_COLUMNS} FROM ${SUBMISSION_FROM}
        WHERE s.assignment_id = $1 AND (s.learner_id = $2 OR s.group_id = $3) ORDER BY s.version DESC`,
      [assignmentId, owner.learnerId ?? null, owner.groupId ?? null],
    );
  }

  async submission(id: string, manager: EntityManager = this.dataSource.manager): Promise<SubmissionRow | undefined> {
    const [row] = await manager.query(`SELECT ${SUBMISSION_COLUMNS} FROM ${SUBMISSION_FROM} WHERE s.id = $1`, [id]);
    return row;
  }

  async reviewsOf(submissionIds: string[]): Promise<Map<string, ReviewDto>> {
    if (submissionIds.length === 0) return new Map();
    const rows: (ReviewDto & { submissionId: string; reviewedAt: Date })[] = await this.dataSource.query(
      `SELECT r.submission_id AS "submissionId", r.id, r.reviewer_id AS "reviewerId", u.display_name AS "reviewerName", r.verdict, r.comment, r.reviewed_at AS "reviewedAt",
              (SELECT json_agg(json_build_object('code', c.code, 'level', rl.level, 'comment', rl.comment) ORDER BY c.position)
                 FROM review_levels rl JOIN competencies c ON c.id = rl.competency_id WHERE rl.review_id = r.id) AS levels
         FROM reviews r JOIN users u ON u.id = r.reviewer_id WHERE r.submission_id = ANY($1)`,
      [submissionIds],
    );
    return new Map(rows.map(({ submissionId, reviewedAt, ...review }) => [submissionId, { ...review, reviewedAt: reviewedAt.toISOString() }]));
  }

  async verdictOf(submissionId: string, manager: EntityManager): Promise<ReviewVerdict | null> {
    const [row] = await manager.query(`SELECT verdict FROM reviews WHERE submission_id = $1`, [submissionId]);
    return row?.verdict ?? null;
  }

  /**
   * The latest unreviewed version of each work of the cohort, oldest first, one page after
   * the keyset (submittedAt, id) of the previous page.
   */
  async toReview(cohortId: string, after: { submittedAt: string; id: string } | null, limit: number): Promise<SubmissionRow[]> {
    return this.dataSource.query(
      `SELECT ${SUBMISSION_COLUMNS} FROM ${SUBMISSION_FROM}
        WHERE a.cohort_id = $1
          AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.submission_id = s.id)
          AND NOT EXISTS (SELECT 1 FROM submissions newer WHERE newer.assignment_id = s.assignment_id
                            AND coalesce(newer.group_id, newer.learner_id) = coalesce(s.group_id, s.learner_id) AND newer.version > s.version)
          AND ($2::timestamptz IS NULL OR (s.submitted_at, s.id) > ($2::timestamptz, $3::uuid))
        ORDER BY s.submitted_at, s.id LIMIT $4`,
      [cohortId, after?.submittedAt ?? null, after?.id ?? null, limit],
    );
  }

  /** Every level given to the cohort's learners (directly or through their group), for their matrices. */
  async evidence(cohortId: string, learnerId?: string): Promise<(LevelEvidence & { learnerId: string })[]> {
    return this.dataSource.query(
      `SELECT coalesce(s.learner_id, gm.learner_id) AS "learnerId", c.code AS "competencyCode", rl.level, r.verdict,
              b.id AS "briefId", b.title AS "briefTitle", r.id AS "reviewId", r.reviewed_at AS "reviewedAt"
         FROM review_levels rl JOIN reviews r ON r.id = rl.review_id JOIN competencies c ON c.id = rl.competency_id
         JOIN submissions s ON s.id = r.submission_id JOIN brief_assignments a ON a.id = s.assignment_id JOIN briefs b ON b.id = a.brief_id
         LEFT JOIN assignment_group_members gm ON gm.group_id = s.group_id
        WHERE a.cohort_id = $1 AND ($2::uuid IS NULL OR coalesce(s.learner_id, gm.learner_id) = $2)`,
      [cohortId, learnerId ?? null],
    );
  }

  /** The track's competencies, each with the highest level the briefs assigned to the cohort expect of it (null when none does). */
  async competenciesOfCohort(cohortId: string): Promise<{ code: string; title: string; expectedLevel: number | null }[]> {
    return this.dataSource.query(
      `SELECT cp.code, cp.title,
              (SELECT max(bc.expected_level)::int FROM brief_competencies bc JOIN brief_assignments a ON a.brief_id = bc.brief_id
                WHERE a.cohort_id = c.id AND bc.competency_id = cp.id) AS "expectedLevel"
         FROM competencies cp JOIN cohorts c ON c.track_id = cp.track_id WHERE c.id = $1 ORDER BY cp.position`,
      [cohortId],
    );
  }
}
