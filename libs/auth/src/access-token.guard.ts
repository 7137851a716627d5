import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppException } from '@fabrique/errors';
import { AccessTokens } from './access-tokens.js';
import { ADMIN_ONLY, IS_PUBLIC } from './decorators.js';
import type { Principal } from './principal.js';
import { SessionRevocations } from './session-revocations.js';

/** Global guard: every route needs a valid bearer token unless marked @Public(); @AdminOnly() routes need an admin. */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
    private readonly revocations: SessionRevocations,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; principal?: Principal }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new AppException('unauthenticated', 'Missing bearer access token (Authorization: Bearer <token>)');
    }
    request.principal = this.tokens.verify(token);
    if (await this.revocations.isRevoked(request.principal.sessionId)) {
      throw new AppException('unauthenticated', 'This session has ended; log in again');
    }
    if (this.reflector.getAllAndOverride<boolean>(ADMIN_ONLY, targets) && !request.principal.isAdmin) {
      throw new AppException('forbidden', 'Only an admin may do this');
    }
    return true;
  }
}
