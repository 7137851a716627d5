import { Injectable } from '@nestjs/common';
import { AppException } from '@fabrique/errors';
import { decodeCursor, encodeCursor } from '../common/keyset-cursor.js';
import type { NotificationDto, NotificationListQueryDto, NotificationPageDto } from './dto/notification.dto.js';
import { type NotificationRow, NotificationsRepository } from './notifications.repository.js';

export const presentNotification = (row: NotificationRow): NotificationDto => ({
  id: row.id,
  kind: row.kind,
  payload: row.payload,
  createdAt: row.createdAt.toISOString(),
  readAt: row.readAt?.toISOString() ?? null,
});

/** The caller's in-app inbox: newest first, unread count, marking read. Only ever the caller's own rows. */
@Injectable()
export class NotificationsService {
  constructor(private readonly repository: NotificationsRepository) {}

  async list(userId: string, query: NotificationListQueryDto): Promise<NotificationPageDto> {
    const limit = query.limit ?? 20;
    const after = query.cursor ? decodeCursor(query.cursor, ['date', 'uuid']) : null;
    const rows = await this.repository.inbox(userId, {
      unreadOnly: query.unread === true,
      after: after ? { createdAt: after[0] as string, id: after[1] as string } : null,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map(presentNotification),
      nextCursor: rows.length > limit && last ? encodeCursor([last.createdAtKey, last.id]) : null,
    };
  }

  async unreadCount(userId: string): Promise<{ unread: number }> {
    return { unread: await this.repository.unreadCount(userId) };
  }

  /** Idempotent: reading it again keeps the first reading time. Someone else's notification does not exist for the caller. */
  async markRead(userId: string, id: string): Promise<NotificationDto> {
    const row = await this.repository.markRead(userId, id);
    if (!row) throw new AppException('not_found', 'Notification not found');
    return presentNotification(row);
  }

  async markAllRead(userId: string, before: string | undefined): Promise<{ marked: number }> {
    return { marked: await this.repository.markAllRead(userId, before ?? null) };
  }
}
