import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '@fabrique/config';
import type { CohortRole } from '@fabrique/domain';
import { Invitation, Membership, recordEvents, User } from '@fabrique/persistence';
import { hashToken, newOpaqueToken } from '../common/opaque-token.js';
import type { InvitationOutcomeDto } from './dto/invitation.dto.js';

export interface Enrolment {
  email: string;
  role: CohortRole;
  displayName?: string;
}

export class RoleClash {
  constructor(readonly currentRole: CohortRole) {}
}

/**
 * Puts a person in a cohort, inside the caller's transaction. Someone who
 * already has an account simply joins; anyone else gets an account to activate
 * and a fresh single-use invitation. Shared by single invitations and roster imports.
 */
@Injectable()
export class MembershipEnrolment {
  constructor(private readonly config: AppConfig) {}

  async enrol(manager: EntityManager, cohortId: string, enrolment: Enrolment, actorId: string): Promise<InvitationOutcomeDto | RoleClash> {
    const { email, role } = enrolment;
    let user = await manager.getRepository(User).createQueryBuilder('u').addSelect('u.passwordHash').where('u.email = :email', { email }).getOne();
    const membership = user ? await manager.findOneBy(Membership, { cohortId, userId: user.id }) : null;
    if (membership && membership.role !== role) return new RoleClash(membership.role);

    if (!user) {
      user = await manager.save(User, manager.create(User, { email, displayName: enrolment.displayName ?? email.split('@')[0], passwordHash: null }));
    }
    if (!membership) {
      await manager.insert(Membership, { cohortId, userId: user.id, role });
      await recordEvents(manager, [{ type: 'membership.added', aggregateType: 'cohort', aggregateId: cohortId, actorId, payload: { userId: user.id, role } }]);
    }
    const outcome = { userId: user.id, email, role };
    if (user.passwordHash) return { ...outcome, status: membership ? 'unchanged' : 'member_added' };

    const token = newOpaqueToken();
    const expiresAt = new Date(Date.now() + this.config.INVITATION_TTL_DAYS * 86_400_000);
    await manager.insert(Invitation, { tokenHash: hashToken(token), email, cohortId, role, invitedBy: actorId, expiresAt });
    return {
      ...outcome,
      status: 'invited',
      expiresAt: expiresAt.toISOString(),
      acceptUrl: `${this.config.PUBLIC_URL}/invitations/accept?token=${token}`,
    };
  }
}
