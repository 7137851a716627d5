import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { SessionRevocations } from '@fabrique/auth';
import { AppConfig } from '@fabrique/config';
import { RefreshToken } from '@fabrique/persistence';
import { hashToken, newOpaqueToken } from '../common/opaque-token.js';

export type RotationOutcome =
  | { kind: 'rotated'; userId: string; familyId: string }
  | { kind: 'reused'; familyId: string }
  | { kind: 'invalid' };

/** Refresh tokens of login sessions, grouped in families (one family per login). */
@Injectable()
export class RefreshTokensRepository {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly revocations: SessionRevocations,
  ) {}

  async issue(userId: string, familyId: string = randomUUID(), manager: EntityManager = this.dataSource.manager) {
    const token = newOpaqueToken();
    const expiresAt = new Date(Date.now() + this.config.REFRESH_TOKEN_TTL_DAYS * 86_400_000);
    await manager.insert(RefreshToken, { userId, familyId, tokenHash: hashToken(token), expiresAt });
    return { token, familyId };
  }

  /**
   * Marks the token used in one conditional UPDATE, so two concurrent refreshes
   * with the same token cannot both succeed: the loser is treated as a reuse.
   */
  async consume(token: string, manager: EntityManager): Promise<RotationOutcome> {
    const tokenHash = hashToken(token);
    const [rows] = (await manager.query(
      `UPDATE refresh_tokens SET used_at = now()
        WHERE token_hash = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()
        RETURNING user_id, family_id`,
      [tokenHash],
    )) as [Array<{ user_id: string; family_id: string }>, number];
    const consumed = rows[0];
    if (consumed) return { kind: 'rotated', userId: consumed.user_id, familyId: consumed.family_id };
    const known = await manager.findOneBy(RefreshToken, { tokenHash });
    if (known?.usedAt && !known.revokedAt) return { kind: 'reused', familyId: known.familyId };
    return { kind: 'invalid' };
  }

  async familyOf(token: string): Promise<string | null> {
    const known = await this.dataSource.getRepository(RefreshToken).findOneBy({ tokenHash: hashToken(token) });
    return known?.familyId ?? null;
  }

  /** Ends a login session: its refresh tokens stop working, and so do the access tokens already issued for it. */
  async revokeFamily(familyId: string): Promise<void> {
    await this.dataSource.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId]);
    await this.revocations.revoke(familyId);
  }
}
