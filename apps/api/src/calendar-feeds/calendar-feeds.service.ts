import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@fabrique/config';
import { AppException } from '@fabrique/errors';
import { recordEvents } from '@fabrique/persistence';
import { hashToken, newOpaqueToken } from '../common/opaque-token.js';
import { CalendarFeedsRepository } from './calendar-feeds.repository.js';
import type { CalendarFeedDto } from './dto/calendar-feed.dto.js';
import { FEED_EVENT_SOURCES, type FeedEventSource } from './feed-event.js';
import { entityTag, toHttpSeconds, type Validators } from './http-caching.js';
import { writeIcs } from './ics-writer.js';

/** What newOpaqueToken makes; anything else cannot be a feed and is refused without a query. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export interface RenderedFeed extends Validators {
  body: string;
}

@Injectable()
export class CalendarFeedsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly feeds: CalendarFeedsRepository,
    private readonly config: AppConfig,
    @Inject(FEED_EVENT_SOURCES) private readonly sources: FeedEventSource[],
  ) {}

  /** Makes a new secret address for the user and revokes the previous one: the only moment the token is shown. */
  async create(userId: string): Promise<CalendarFeedDto> {
    const token = newOpaqueToken();
    await this.dataSource.transaction(async (manager) => {
      await this.feeds.lockUser(manager, userId);
      const revoked = await this.feeds.revokeLive(manager, userId);
      const feedId = await this.feeds.insert(manager, userId, hashToken(token));
      await recordEvents(manager, [
        ...revoked.map((id) => ({ type: 'calendar_feed.revoked', aggregateType: 'user', aggregateId: userId, actorId: userId, payload: { feedId: id } })),
        { type: 'calendar_feed.created', aggregateType: 'user', aggregateId: userId, actorId: userId, payload: { feedId } },
      ]);
    });
    return { url: `${this.config.PUBLIC_URL}/api/calendar/${token}.ics` };
  }

  /** Revokes the user's address; idempotent, so a second call (or none to revoke) also succeeds. */
  async revoke(userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.feeds.lockUser(manager, userId);
      const revoked = await this.feeds.revokeLive(manager, userId);
      await recordEvents(
        manager,
        revoked.map((id) => ({ type: 'calendar_feed.revoked', aggregateType: 'user', aggregateId: userId, actorId: userId, payload: { feedId: id } })),
      );
    });
  }

  /** The feed behind a token, with its validators; unknown and revoked tokens are the same 404. */
  async render(token: string, now = new Date()): Promise<RenderedFeed> {
    const feed = TOKEN_SHAPE.test(token) ? await this.feeds.findLive(hashToken(token)) : undefined;
    if (!feed) throw new AppException('not_found', 'Calendar feed not found (the address may have been revoked or replaced)');
    const parts = await Promise.all(this.sources.map((source) => source.eventsFor(feed.userId, now)));
    const body = writeIcs('Fabrique', parts.flatMap((part) => part.events));
    const changes = [feed.createdAt, ...parts.map((part) => part.lastModified)].filter((date): date is Date => date !== null);
    const lastModified = new Date(Math.min(now.getTime(), Math.max(...changes.map((date) => date.getTime()))));
    return { body, etag: entityTag(body), lastModified: toHttpSeconds(lastModified) };
  }
}
