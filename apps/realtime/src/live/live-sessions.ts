import { Injectable } from '@nestjs/common';
import { AccessTokens, SessionRevocations } from '@fabrique/auth';
import { rooms } from '@fabrique/contracts';
import { AppException } from '@fabrique/errors';
import type { LiveSession } from './live-socket.js';
import { MembershipsRepository } from './memberships.repository.js';

/** Turns a handshake's `auth` into a session: who is connecting and which rooms they follow. */
@Injectable()
export class LiveSessions {
  constructor(
    private readonly tokens: AccessTokens,
    private readonly revocations: SessionRevocations,
    private readonly memberships: MembershipsRepository,
  ) {}

  /** Throws an AppException (401) when the token is missing, invalid, expired or its session has ended. */
  async open(auth: Record<string, unknown>): Promise<LiveSession> {
    const token = auth.token;
    if (typeof token !== 'string' || token === '') {
      throw new AppException('unauthenticated', 'Missing access token: connect with auth: { token: <access token> }');
    }
    const principal = this.tokens.verify(token);
    if (await this.revocations.isRevoked(principal.sessionId)) {
      throw new AppException('unauthenticated', 'This session has ended; log in again');
    }
    const [person, cohorts] = await Promise.all([this.memberships.person(principal.userId), this.memberships.ofUser(principal.userId)]);
    if (!person) throw new AppException('unauthenticated', 'This account no longer exists');
    // Every member follows the cohort; learners also follow what only learners receive (other learners'
    // tickets in public form), facilitators what only they should see (the help queue in full).
    // Admins follow only their own room: they oversee every cohort but need not receive all of their traffic.
    const joined = [rooms.user(principal.userId)];
    for (const { cohortId, role } of cohorts) {
      joined.push(rooms.cohort(cohortId));
      joined.push(role === 'facilitator' ? rooms.cohortFacilitators(cohortId) : rooms.cohortLearners(cohortId));
    }
    return { principal, person, cohorts: cohorts.map(({ cohortId, role }) => ({ cohortId, role })), rooms: joined };
  }
}
