import { createHmac, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { SessionRevocations } from '@fabrique/auth';
import { AppConfig } from '@fabrique/config';
import type { ErrorBody } from '@fabrique/contracts';

/** Where bull-board is mounted on the API's Express instance (outside /api, outside Nest's guards). */
export const DASHBOARD_PATH = '/admin/queues';
export const DASHBOARD_COOKIE = 'fabrique_queue_dashboard';
/** How long a dashboard cookie stays valid: the admin opens the dashboard again from the app after that. */
export const DASHBOARD_SESSION_SECONDS = 15 * 60;

export interface DashboardSession {
  userId: string;
  /** The admin's login session: revoking it (logout) closes the dashboard too. */
  sessionId: string;
  expiresAt: Date;
}

/**
 * The short-lived proof, carried by an HttpOnly cookie, that an admin opened the queue
 * dashboard: browsers do not send bearer tokens when they navigate. It is an HMAC-signed
 * [userId, sessionId, expiry] with a key of its own, so neither an access token nor a
 * preference link is ever accepted in its place.
 */
@Injectable()
export class DashboardSessions {
  constructor(
    private readonly config: AppConfig,
    private readonly revocations: SessionRevocations,
  ) {}

  issue(userId: string, sessionId: string, now = new Date()): { token: string; expiresAt: Date } {
    const expiresAt = new Date(now.getTime() + DASHBOARD_SESSION_SECONDS * 1000);
    const body = Buffer.from(JSON.stringify([userId, sessionId, Math.floor(expiresAt.getTime() / 1000)]), 'utf8').toString('base64url');
    return { token: `${body}.${this.sign(body)}`, expiresAt };
  }

  /** The session a token stands for, or null when it is malformed, forged or expired. */
  read(token: string, now = new Date()): DashboardSession | null {
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const [userId, sessionId, exp] = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown[];
      if (typeof userId !== 'string' || typeof sessionId !== 'string' || typeof exp !== 'number') return null;
      if (exp * 1000 <= now.getTime()) return null;
      return { userId, sessionId, expiresAt: new Date(exp * 1000) };
    } catch {
      return null;
    }
  }

  /** Express middleware in front of bull-board: a valid cookie of a live admin session, or a 401 JSON error. */
  guard() {
    return async (request: Request, response: Response, next: NextFunction): Promise<void> => {
      const refuse = (message: string) => {
        const body: ErrorBody = { statusCode: 401, code: 'unauthenticated', message };
        response.status(401).set('Cache-Control', 'no-store').json(body);
      };
      const token = readCookie(request.headers.cookie, DASHBOARD_COOKIE);
      const session = token ? this.read(token) : null;
      if (!session) return refuse(`Open the queue dashboard from the app: POST /api/admin/queue-dashboard/session as an admin, then ${DASHBOARD_PATH}`);
      try {
        if (await this.revocations.isRevoked(session.sessionId)) return refuse('This session has ended; log in again');
      } catch (error) {
        return next(error);
      }
      next();
    };
  }

  private sign(body: string): string {
    return createHmac('sha256', `${this.config.JWT_SECRET}:queue-dashboard`).update(body).digest('base64url');
  }
}

/** One cookie's value from a Cookie header, or undefined. */
export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index < 0 || part.slice(0, index).trim() !== name) continue;
    const value = part.slice(index + 1).trim();
    try {
      return decodeURIComponent(value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}
