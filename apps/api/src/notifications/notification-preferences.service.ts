import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { PreferenceLinks } from '@fabrique/auth';
import { AppConfig } from '@fabrique/config';
import { DIGEST_KINDS, EMAIL_BY_DEFAULT, NOTIFICATION_KINDS, type NotificationKind } from '@fabrique/contracts';
import { AppException } from '@fabrique/errors';
import { invalidField } from '../common/invalid-field.js';
import type { KindPreferenceDto, NotificationPreferencesDto, UpdatePreferencesDto } from './dto/preferences.dto.js';
import { NotificationsRepository, type PreferencesRow } from './notifications.repository.js';
import { unsubscribePage } from './unsubscribe-page.js';

const isKind = (kind: string): kind is NotificationKind => (NOTIFICATION_KINDS as readonly string[]).includes(kind);

/** Where the app shows the notification preferences (the link of the unsubscribe page). */
export const preferencesPath = '/me/notification-preferences';

export function presentPreferences(row: PreferencesRow): NotificationPreferencesDto {
  const kinds = Object.fromEntries(
    NOTIFICATION_KINDS.map((kind): [NotificationKind, KindPreferenceDto] => [
      kind,
      { email: typeof row.email[kind] === 'boolean' ? row.email[kind] : EMAIL_BY_DEFAULT[kind], inApp: true, digestable: DIGEST_KINDS.includes(kind) },
    ]),
  ) as Record<NotificationKind, KindPreferenceDto>;
  return { kinds, quietHours: { start: row.quietStart, end: row.quietEnd }, digest: row.digest, timeZone: row.timeZone, language: row.locale };
}

/** Each user's e-mail switches per kind, quiet hours, digest, language and time zone; and the one-click unsubscribe. */
@Injectable()
export class NotificationPreferencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: NotificationsRepository,
    private readonly links: PreferenceLinks,
    private readonly config: AppConfig,
  ) {}

  async get(userId: string): Promise<NotificationPreferencesDto> {
    const row = await this.repository.preferences(userId);
    if (!row) throw new AppException('not_found', 'User not found');
    return presentPreferences(row);
  }

  async update(userId: string, input: UpdatePreferencesDto): Promise<NotificationPreferencesDto> {
    const email = input.email === undefined ? undefined : emailSwitches(input.email);
    await this.dataSource.transaction(async (manager) => {
      if (email !== undefined || input.quietHours || input.digest !== undefined) {
        await this.repository.changePreferences(manager, userId, {
          email,
          quietStart: input.quietHours?.start,
          quietEnd: input.quietHours?.end,
          digest: input.digest ?? undefined,
        });
      }
      if (input.language || input.timeZone) await this.repository.changeUser(manager, userId, { locale: input.language, timeZone: input.timeZone });
    });
    return this.get(userId);
  }

  /**
   * The one-click link of an e-mail: turns that kind's e-mails off for the user the token
   * names, whoever follows it (the token is the proof). Following it again changes nothing.
   * Returns the confirmation page, in the user's language.
   */
  async unsubscribe(token: string): Promise<string> {
    const link = this.links.read(token);
    const refused = () => new AppException('validation_failed', 'This unsubscribe link is not valid', [{ field: 'token', message: 'token is not a valid unsubscribe token' }]);
    if (!link || !isKind(link.kind) || !isUUID(link.userId)) throw refused();
    const kind = link.kind;
    const locale = await this.dataSource.transaction(async (manager) => {
      const row = await this.repository.preferences(link.userId, manager);
      if (!row) return null;
      await this.repository.changePreferences(manager, link.userId, { email: { [kind]: false } });
      return row.locale;
    });
    if (!locale) throw refused();
    return unsubscribePage(kind, locale, `${this.config.PUBLIC_URL}${preferencesPath}`);
  }
}

/** The e-mail switches of a request: known kinds only, booleans only; otherwise a 400 naming `email.<kind>`. */
function emailSwitches(input: Record<string, unknown>): Record<NotificationKind, boolean> {
  const switches: Partial<Record<NotificationKind, boolean>> = {};
  for (const [kind, value] of Object.entries(input)) {
    if (!isKind(kind)) throw invalidField(`email.${kind}`, `email.${kind}: "${kind}" is not a notification kind (${NOTIFICATION_KINDS.join(', ')})`);
    if (typeof value !== 'boolean') throw invalidField(`email.${kind}`, `email.${kind} must be true or false`);
    switches[kind] = value;
  }
  return switches as Record<NotificationKind, boolean>;
}
