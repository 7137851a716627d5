import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AppConfig } from '@fabrique/config';

export interface PreferenceLink {
  userId: string;
  /** The notification kind whose e-mails the link turns off. */
  kind: string;
}

/**
 * The one-click "stop these e-mails" link of every e-mail: a token naming a user and a kind,
 * signed with the server's secret, so it works without logging in and cannot be forged for
 * someone else. It never expires: an old e-mail's link still does what it says.
 */
@Injectable()
export class PreferenceLinks {
  constructor(@Inject(AppConfig) private readonly config: AppConfig) {}

  token(link: PreferenceLink): string {
    const body = Buffer.from(JSON.stringify([link.userId, link.kind]), 'utf8').toString('base64url');
    return `${body}.${this.sign(body)}`;
  }

  /** The link a token stands for, or null when it is malformed or not ours. */
  read(token: string): PreferenceLink | null {
    const [body, signature, extra] = token.split('.');
    if (!body || !signature || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(body));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const [userId, kind] = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown[];
      return typeof userId === 'string' && typeof kind === 'string' ? { userId, kind } : null;
    } catch {
      return null;
    }
  }

  private sign(body: string): string {
    return createHmac('sha256', `${this.config.JWT_SECRET}:preference-links`).update(body).digest('base64url');
  }
}
