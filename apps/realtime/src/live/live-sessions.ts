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
    // Every member follows the cohort; facilitators also follow what only they should see (the help queue).
    // Admins follow only their own room: they oversee every cohort but need not receive all of their traffic.
    const joined = [rooms.user(principal.userId)];
    for (const { cohortId, role } of await this.memberships.ofUser(principal.userId)) {
      joined.push(rooms.cohort(cohortId));
      if (role === 'facilitator') joined.push(rooms.cohortFacilitators(cohortId));
    }
    return { principal, rooms: joined };
  }
}
