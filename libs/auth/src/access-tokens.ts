import { Injectable } from '@nestjs/common';
import { JwtService, TokenExpiredError } from '@nestjs/jwt';
import { AppConfig } from '@fabrique/config';
import { AppException } from '@fabrique/errors';
import type { AccessTokenClaims, Principal } from './principal.js';

/** Short-lived signed access tokens (HS256), shared by the HTTP API and the socket handshake. */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: AppConfig,
  ) {}

  issue(principal: Principal): { accessToken: string; expiresIn: number } {
    const claims: AccessTokenClaims = { sub: principal.userId, adm: principal.isAdmin, sid: principal.sessionId };
    const expiresIn = this.config.JWT_ACCESS_TTL_SECONDS;
    return { accessToken: this.jwt.sign(claims, { expiresIn }), expiresIn };
  }

  /** Throws an AppException (401) naming why the token is refused. */
  verify(token: string): Principal {
    try {
      const claims = this.jwt.verify<AccessTokenClaims>(token, { algorithms: ['HS256'] });
      if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') throw new Error('malformed claims');
      return { userId: claims.sub, isAdmin: claims.adm === true, sessionId: claims.sid };
    } catch (error) {
      if (error instanceof TokenExpiredError) throw new AppException('token_expired', 'The access token has expired; refresh it');
      throw new AppException('unauthenticated', 'The access token is invalid');
    }
  }
}
