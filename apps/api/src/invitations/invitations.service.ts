import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CohortAccess, PasswordHasher, type Principal } from '@fabrique/auth';
import { normalizeEmail } from '@fabrique/domain';
import { AppException } from '@fabrique/errors';
import { Invitation, Membership, recordEvents, User } from '@fabrique/persistence';
import { hashToken } from '../common/opaque-token.js';
import type { TokenPairDto } from '../sessions/dto/token-pair.dto.js';
import { AuthService } from '../sessions/auth.service.js';
import type { AcceptInvitationDto, InvitationOutcomeDto, InviteMemberDto } from './dto/invitation.dto.js';
import { MembershipEnrolment, RoleClash } from './membership-enrolment.js';

@Injectable()
export class InvitationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CohortAccess,
    private readonly enrolment: MembershipEnrolment,
    private readonly passwords: PasswordHasher,
    private readonly sessions: AuthService,
  ) {}

  async invite(principal: Principal, cohortId: string, input: InviteMemberDto): Promise<InvitationOutcomeDto> {
    await this.access.requireMember(principal, cohortId);
    const outcome = await this.dataSource.transaction((manager) =>
      this.enrolment.enrol(manager, cohortId, { ...input, email: normalizeEmail(input.email) }, principal.userId),
    );
    if (outcome instanceof RoleClash) {
      throw new AppException('conflict', `${input.email} is already a ${outcome.currentRole} of this cohort`);
    }
    return outcome;
  }

  /** Activates the account (name and password), joins the cohort, and opens a session: one step for the newcomer. */
  async accept(input: AcceptInvitationDto): Promise<TokenPairDto> {
    const passwordHash = await this.passwords.hash(input.password);
    const user = await this.dataSource.transaction(async (manager) => {
      // Locked, so two acceptances of one token cannot both pass.
      const invitation = await manager
        .getRepository(Invitation)
        .createQueryBuilder('i')
        .setLock('pessimistic_write')
        .where('i.tokenHash = :hash', { hash: hashToken(input.token) })
        .getOne();
      if (!invitation) throw new AppException('not_found', 'Invitation not found');
      if (invitation.acceptedAt) throw new AppException('invitation_used', 'This invitation was already used; log in instead');
      if (invitation.expiresAt.getTime() <= Date.now()) {
        throw new AppException('invitation_expired', 'This invitation has expired; ask your school for a new one');
      }
      await manager.update(Invitation, { id: invitation.id }, { acceptedAt: new Date() });
      await manager.update(User, { email: invitation.email }, { displayName: input.displayName, passwordHash });
      const account = await manager.findOneByOrFail(User, { email: invitation.email });
      await manager
        .createQueryBuilder()
        .insert()
        .into(Membership)
        .values({ cohortId: invitation.cohortId, userId: account.id, role: invitation.role })
        .orIgnore()
        .execute();
      await recordEvents(manager, [
        { type: 'invitation.accepted', aggregateType: 'cohort', aggregateId: invitation.cohortId, actorId: account.id, payload: { userId: account.id } },
      ]);
      return account;
    });
    return this.sessions.startSession(user);
  }
}
