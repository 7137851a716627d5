import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CohortAccess, type Principal } from '@fabrique/auth';
import { type RosterProblem, validateRoster } from '@fabrique/domain';
import { AppException } from '@fabrique/errors';
import type { InvitationOutcomeDto } from '../invitations/dto/invitation.dto.js';
import { MembershipEnrolment, RoleClash } from '../invitations/membership-enrolment.js';
import { readRosterCsv } from './roster-csv.js';

export interface RosterImportResult {
  members: Array<InvitationOutcomeDto & { line: number; displayName: string }>;
}

function rejectRoster(problems: RosterProblem[]): never {
  const lines = [...new Set(problems.map((problem) => problem.line))];
  throw new AppException(
    'validation_failed',
    `The roster has ${problems.length} problem${problems.length > 1 ? 's' : ''} on line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}; nothing was imported`,
    problems.map(({ message, ...problem }) => ({ ...problem, message: `line ${problem.line}: ${message}` })),
  );
}

/** Imports a whole roster or nothing: every line is checked first, then all are applied in one transaction. */
@Injectable()
export class RostersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CohortAccess,
    private readonly enrolment: MembershipEnrolment,
  ) {}

  async import(principal: Principal, cohortId: string, csv: string): Promise<RosterImportResult> {
    await this.access.requireMember(principal, cohortId);
    const { entries, problems } = validateRoster(readRosterCsv(csv));
    if (problems.length > 0) rejectRoster(problems);

    return this.dataSource.transaction(async (manager) => {
      const members: RosterImportResult['members'] = [];
      const clashes: RosterProblem[] = [];
      for (const entry of entries) {
        const outcome = await this.enrolment.enrol(manager, cohortId, { email: entry.email, role: entry.role, displayName: entry.name }, principal.userId);
        if (outcome instanceof RoleClash) {
          clashes.push({
            line: entry.line,
            field: 'role',
            message: `${entry.email} is already a ${outcome.currentRole} of this cohort`,
            rule: 'roleTaken',
            params: { email: entry.email, currentRole: outcome.currentRole },
          });
        } else {
          members.push({ ...outcome, line: entry.line, displayName: entry.name });
        }
      }
      // Throwing rolls back what the earlier lines wrote.
      if (clashes.length > 0) rejectRoster(clashes);
      return { members };
    });
  }
}
