import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { CohortAccess, type Principal } from '@fabrique/auth';
import { acceptsSubmissions, isHttpUrl, isLate, reviewCoverageProblem, workStatus } from '@fabrique/domain';
import { AppException } from '@fabrique/errors';
import { Review, ReviewLevel, Submission, recordActivity, recordEvents } from '@fabrique/persistence';
import { invalidField } from '../common/invalid-field.js';
import { decodeCursor, encodeCursor } from '../common/keyset-cursor.js';
import { type AssignmentRow, BriefsRepository, type SubmissionRow } from './briefs.repository.js';
import type { ReviewInputDto, SubmissionDto, SubmissionPageDto, SubmitDto, WorkDto } from './dto/submission.dto.js';

interface Owner {
  learnerId?: string;
  groupId?: string;
}

const notFound = () => new AppException('not_found', 'Submission not found');

@Injectable()
export class SubmissionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly briefs: BriefsRepository,
    private readonly access: CohortAccess,
  ) {}

  /** A learner (or any member of their group) submits a new version; late ones are marked, not refused. */
  async submit(principal: Principal, assignmentId: string, input: SubmitDto): Promise<WorkDto> {
    const assignment = await this.learnerAssignment(principal, assignmentId);
    const badLink = input.links.findIndex((link) => !isHttpUrl(link));
    if (badLink >= 0) throw invalidField(`links.${badLink}`, `links.${badLink} must be an http(s) URL`);
    const owner = await this.ownerOf(assignment, principal.userId);

    await this.dataSource.transaction(async (manager) => {
      await this.lockWork(manager, assignmentId, owner);
      const [latest] = await this.briefs.versions(assignmentId, owner, manager);
      const status = workStatus(latest ? await this.briefs.verdictOf(latest.id, manager) : undefined);
      if (!acceptsSubmissions(status)) throw new AppException('conflict', 'This work is validated: it takes no new version');
      const now = new Date();
      const saved = await manager.save(
        Submission,
        manager.create(Submission, {
          assignmentId,
          learnerId: owner.learnerId ?? null,
          groupId: owner.groupId ?? null,
          submittedBy: principal.userId,
          version: (latest?.version ?? 0) + 1,
          links: input.links,
          comment: input.comment ?? '',
          submittedAt: now,
          late: isLate(now, assignment.dueAt),
        }),
      );
      await recordActivity(manager, principal.userId, 'submission', saved.id);
      await recordEvents(manager, [
        {
          type: 'submission.submitted',
          aggregateType: 'assignment',
          aggregateId: assignmentId,
          actorId: principal.userId,
          payload: { submissionId: saved.id, version: saved.version, late: saved.late, groupId: owner.groupId ?? null },
        },
      ]);
    });
    return this.work(principal, assignmentId);
  }

  /** The caller's own work (or their group's): every version, newest first, with its review. */
  async work(principal: Principal, assignmentId: string): Promise<WorkDto> {
    const assignment = await this.learnerAssignment(principal, assignmentId);
    const versions = await this.withReviews(await this.briefs.versions(assignmentId, await this.ownerOf(assignment, principal.userId)));
    const status = workStatus(versions[0] ? (versions[0].review?.verdict ?? null) : undefined);
    return { status, open: acceptsSubmissions(status), versions };
  }

  /** A version, for its authors (the learner, their group) and the cohort's facilitators. */
  async get(principal: Principal, submissionId: string): Promise<SubmissionDto> {
    const row = await this.briefs.submission(submissionId);
    if (!row) throw notFound();
    const standing = await this.access.standing(principal, row.cohortId);
    if (!standing) throw notFound();
    if (standing === 'learner' && !(await this.isAuthor(row, principal.userId))) throw notFound();
    const [submission] = await this.withReviews([row]);
    return submission;
  }

  async toReview(principal: Principal, cohortId: string, cursor: string | undefined, limit = 20): Promise<SubmissionPageDto> {
    await this.access.requireFacilitator(principal, cohortId);
    const after = cursor ? decodeCursor(cursor, ['date', 'uuid']) : null;
    const rows = await this.briefs.toReview(cohortId, after ? { submittedAt: after[0] as string, id: after[1] as string } : null, limit + 1);
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return { items: await this.withReviews(page), nextCursor: rows.length > limit && last ? encodeCursor([last.submittedAt.toISOString(), last.id]) : null };
  }

  /** Only the cohort's facilitators review, the latest version, once; "to redo" reopens the work. */
  async review(principal: Principal, submissionId: string, input: ReviewInputDto): Promise<SubmissionDto> {
    const row = await this.briefs.submission(submissionId);
    if (!row) throw notFound();
    const standing = await this.access.requireMember(principal, row.cohortId);
    // Another learner's work does not exist for a learner; their own they may read but not review.
    if (standing === 'learner' && !(await this.isAuthor(row, principal.userId))) throw notFound();
    if (standing !== 'facilitator') throw new AppException('forbidden', 'Only a facilitator of this cohort may review');
    const brief = await this.briefs.brief(row.briefId);
    const targeted = brief?.competencies.map((competency) => competency.code) ?? [];
    const problem = reviewCoverageProblem(targeted, input.levels.map((level) => level.code));
    if (problem) {
      const index = input.levels.findIndex((level) => level.code === problem.code);
      throw invalidField(index >= 0 ? `levels.${index}.code` : 'levels', problem.message);
    }
    const ids = await this.briefs.competencyIds(brief?.trackId ?? '');

    await this.dataSource.transaction(async (manager) => {
      await this.lockWork(manager, row.assignmentId, { learnerId: row.learnerId ?? undefined, groupId: row.groupId ?? undefined });
      const [latest] = await this.briefs.versions(row.assignmentId, { learnerId: row.learnerId ?? undefined, groupId: row.groupId ?? undefined }, manager);
      if (latest?.id !== submissionId) throw new AppException('conflict', 'A newer version was submitted: review that one');
      if ((await this.briefs.verdictOf(submissionId, manager)) !== null) throw new AppException('conflict', 'This version is already reviewed');
      const review = await manager.save(Review, manager.create(Review, { submissionId, reviewerId: principal.userId, verdict: input.verdict, comment: input.comment ?? '' }));
      await manager.insert(
        ReviewLevel,
        input.levels.map((level) => ({ reviewId: review.id, competencyId: ids.get(level.code) as string, level: level.level, comment: level.comment ?? '' })),
      );
      await recordEvents(manager, [
        {
          type: 'submission.reviewed',
          aggregateType: 'assignment',
          aggregateId: row.assignmentId,
          actorId: principal.userId,
          payload: { submissionId, reviewId: review.id, verdict: input.verdict, levels: input.levels.map(({ code, level }) => ({ code, level })) },
        },
      ]);
      // Distance work of the facilitator, traceable like the learners' (funders audit both).
      await recordActivity(manager, principal.userId, 'review', review.id);
    });
    return this.get(principal, submissionId);
  }

  /** The assignment, for a learner of its cohort (any other member has no work of their own). */
  private async learnerAssignment(principal: Principal, assignmentId: string): Promise<AssignmentRow> {
    const assignment = await this.briefs.assignment(assignmentId);
    if (!assignment) throw new AppException('not_found', 'Assignment not found');
    const standing = await this.access.standing(principal, assignment.cohortId);
    if (!standing) throw new AppException('not_found', 'Assignment not found');
    if (standing !== 'learner') throw new AppException('forbidden', 'Only a learner of this cohort submits work');
    return assignment;
  }

  private async ownerOf(assignment: AssignmentRow, learnerId: string): Promise<Owner> {
    if (assignment.mode === 'individual') return { learnerId };
    const groupId = await this.briefs.groupOf(assignment.id, learnerId);
    if (!groupId) throw new AppException('forbidden', 'You are in no group of this brief: ask a facilitator');
    return { groupId };
  }

  private async isAuthor(row: SubmissionRow, userId: string): Promise<boolean> {
    if (row.learnerId) return row.learnerId === userId;
    return (await this.briefs.groupOf(row.assignmentId, userId)) === row.groupId;
  }

  /** Serialises submissions and reviews of one work, so versions are numbered without gaps and a review sees the latest. */
  private async lockWork(manager: EntityManager, assignmentId: string, owner: Owner): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`work:${assignmentId}:${owner.groupId ?? owner.learnerId}`]);
  }

  private async withReviews(rows: SubmissionRow[]): Promise<SubmissionDto[]> {
    const reviews = await this.briefs.reviewsOf(rows.map((row) => row.id));
    return rows.map(({ cohortId: _cohortId, briefId: _briefId, submittedAt, ...row }) => ({
      ...row,
      submittedAt: submittedAt.toISOString(),
      review: reviews.get(row.id) ?? null,
    }));
  }
}

