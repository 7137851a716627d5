import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AccessTokens, PasswordHasher } from '@fabrique/auth';
import { normalizeEmail } from '@fabrique/domain';
import { AppException } from '@fabrique/errors';
import { recordActivity, User } from '@fabrique/persistence';
import type { TokenPairDto } from './dto/token-pair.dto.js';
import { LoginRateLimiter } from './login-rate-limiter.js';
import { RefreshTokensRepository } from './refresh-tokens.repository.js';

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordHasher,
    private readonly accessTokens: AccessTokens,
    private readonly refreshTokens: RefreshTokensRepository,
    private readonly rateLimiter: LoginRateLimiter,
  ) {}

  async login(rawEmail: string, password: string, ip: string): Promise<TokenPairDto> {
    const email = normalizeEmail(rawEmail);
    await this.rateLimiter.beforeAttempt(ip, email);
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .addSelect('user.passwordHash')
      .where('user.email = :email', { email })
      .getOne();
    // Same answer, and about the same time, for an unknown e-mail and a wrong password.
    if (!(await this.passwords.verify(user?.passwordHash, password)) || !user) {
      await this.rateLimiter.onFailure(email);
      throw new AppException('invalid_credentials', 'Wrong e-mail or password');
    }
    await this.rateLimiter.onSuccess(email);
    return this.startSession(user);
  }

  /** Opens a new login session (token family) for a user who just proved who they are. */
  async startSession(user: Pick<User, 'id' | 'isAdmin'>): Promise<TokenPairDto> {
    const refresh = await this.refreshTokens.issue(user.id);
    return this.pair(user, refresh.familyId, refresh.token);
  }

  async refresh(token: string): Promise<TokenPairDto> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const consumed = await this.refreshTokens.consume(token, manager);
      if (consumed.kind !== 'rotated') return consumed;
      const user = await manager.findOneBy(User, { id: consumed.userId });
      if (!user) return { kind: 'invalid' as const };
      const next = await this.refreshTokens.issue(user.id, consumed.familyId, manager);
      return { kind: 'rotated' as const, user, next };
    });
    if (outcome.kind === 'reused') {
      // A used token presented again means it leaked: end the whole session, for the thief and the owner.
      await this.refreshTokens.revokeFamily(outcome.familyId);
      throw new AppException('refresh_token_reused', 'This refresh token was already used; the session is revoked, please log in again');
    }
    if (outcome.kind === 'invalid') throw new AppException('refresh_token_invalid', 'The refresh token is invalid, expired or revoked');
    return this.pair(outcome.user, outcome.next.familyId, outcome.next.token);
  }

  async logout(token: string): Promise<void> {
    const familyId = await this.refreshTokens.familyOf(token);
    if (familyId) await this.refreshTokens.revokeFamily(familyId);
  }

  /** Every new token pair (login, refresh, accepted invitation) counts as a sign-in in the distance-activity log. */
  private async pair(user: Pick<User, 'id' | 'isAdmin'>, familyId: string, refreshToken: string): Promise<TokenPairDto> {
    await recordActivity(this.dataSource.manager, user.id, 'sign_in', familyId);
    const access = this.accessTokens.issue({ userId: user.id, isAdmin: user.isAdmin, sessionId: familyId });
    return { ...access, refreshToken, tokenType: 'Bearer' };
  }
}
