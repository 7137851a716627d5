import { Injectable } from '@nestjs/common';
import { CohortAccess, type Principal } from '@fabrique/auth';
import { competencyMatrix, type LevelEvidence } from '@fabrique/domain';
import { AppException } from '@fabrique/errors';
import { csvFileName } from '../common/csv-file-name.js';
import { BriefsRepository } from './briefs.repository.js';
import { matrixCsv } from './competency-matrix-csv.js';
import type { CohortMatrixDto, LearnerMatrixDto } from './dto/matrix.dto.js';

@Injectable()
export class CompetencyMatrixService {
  constructor(
    private readonly briefs: BriefsRepository,
    private readonly access: CohortAccess,
  ) {}

  /** A learner sees their own matrix; the cohort's facilitators (and admins) see anyone's. */
  async learner(principal: Principal, cohortId: string, learnerId: string): Promise<LearnerMatrixDto> {
    const standing = await this.access.requireMember(principal, cohortId);
    if (standing === 'learner' && learnerId !== principal.userId) throw new AppException('forbidden', 'A learner sees their own matrix only');
    const learner = (await this.briefs.learnersOf(cohortId)).find((candidate) => candidate.userId === learnerId);
    if (!learner) throw new AppException('not_found', 'Learner not found in this cohort');
    const [matrix] = await this.build(cohortId, [learner], await this.briefs.evidence(cohortId, learnerId));
    return matrix;
  }

  async cohort(principal: Principal, cohortId: string): Promise<CohortMatrixDto> {
    await this.access.requireFacilitator(principal, cohortId);
    const competencies = await this.briefs.competenciesOfCohort(cohortId);
    const learners = await this.build(cohortId, await this.briefs.learnersOf(cohortId), await this.briefs.evidence(cohortId));
    return { competencyCodes: competencies.map((competency) => competency.code), learners };
  }

  async csv(principal: Principal, cohortId: string): Promise<{ filename: string; csv: string }> {
    const grid = await this.cohort(principal, cohortId);
    const cohort = await this.briefs.cohort(cohortId);
    return { filename: csvFileName('competences', cohort?.name ?? ''), csv: matrixCsv(grid) };
  }

  private async build(
    cohortId: string,
    learners: { userId: string; displayName: string }[],
    evidence: (LevelEvidence & { learnerId: string })[],
  ): Promise<LearnerMatrixDto[]> {
    const competencies = await this.briefs.competenciesOfCohort(cohortId);
    return learners.map((learner) => {
      const best = competencyMatrix(evidence.filter((item) => item.learnerId === learner.userId));
      return {
        learnerId: learner.userId,
        displayName: learner.displayName,
        competencies: competencies.map(({ code, title, expectedLevel }) => {
          const cell = best.get(code);
          const evidence = cell ? { ...cell.evidence, reviewedAt: cell.evidence.reviewedAt.toISOString() } : null;
          return { code, title, level: cell?.level ?? 0, evidence, expectedLevel };
        }),
      };
    });
  }
}
