import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@fabrique/auth';
import { mayAccept, mayPostAnonymously, normalizeTags, voteRefusal } from '@fabrique/domain';
import { AppException } from '@fabrique/errors';
import { recordEvents } from '@fabrique/persistence';
import { invalidField } from '../common/invalid-field.js';
import { decodeCursor, encodeCursor } from '../common/keyset-cursor.js';
import type { RevisionDto, ThreadDto } from './dto/post.dto.js';
import type { EditThreadDto, NewThreadDto, ThreadListQueryDto, ThreadPageDto } from './dto/thread.dto.js';
import { type HelpViewer, HelpViewers } from './help-viewer.js';
import { type LockedThread, PeerHelpRepository, sortKeyOf } from './peer-help.repository.js';
import { PostRateLimiter } from './post-rate-limiter.js';
import { RepliesService } from './replies.service.js';
import { presentThread, presentThreadSummary } from './thread-presenter.js';
import { ThreadNotifier } from './thread-notifier.js';
import type { ThreadRow } from './thread-sql.js';

export const threadNotFound = () => new AppException('not_found', 'Thread not found');
const deletedConflict = () => new AppException('conflict', 'This post was deleted by its author');

/** Questions: asking, reading, listing, editing with history, deleting, moderating, following, voting, accepting. */
@Injectable()
export class ThreadsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: PeerHelpRepository,
    private readonly viewers: HelpViewers,
    private readonly limiter: PostRateLimiter,
    private readonly notifier: ThreadNotifier,
    private readonly replies: RepliesService,
  ) {}

  async create(principal: Principal, cohortId: string, input: NewThreadDto): Promise<ThreadDto> {
    const viewer = await this.viewers.of(principal);
    const cohort = await this.repository.cohort(cohortId);
    const role = viewer.roleIn(cohortId) ?? (viewer.isAdmin ? 'admin' : null);
    if (!cohort || !role) throw new AppException('not_found', 'Cohort not found');
    if (input.anonymous && !mayPostAnonymously(role)) throw invalidField('anonymous', 'Only learners may post anonymously');
    const tags = normalizeTags(input.tags ?? []);
    if ('problem' in tags) throw invalidField('tags', tags.problem);
    if (input.briefId && !(await this.repository.briefOfTrack(input.briefId, cohort.trackId)))
      throw invalidField('briefId', 'briefId is not a brief of this cohort’s track');
    if (input.resourceId && !(await this.repository.resourceOfTrack(input.resourceId, cohort.trackId)))
      throw invalidField('resourceId', 'resourceId is not a resource of a course of this cohort’s track');
    await this.limiter.consume(principal.userId);

    const scope = input.scope ?? 'cohort';
    const id = await this.dataSource.transaction(async (manager) => {
      const [row]: { id: string; authorName: string }[] = await manager.query(
        `INSERT INTO help_threads (cohort_id, track_id, scope, author_id, anonymous, title, body, tags, brief_id, resource_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         RETURNING id, (SELECT display_name FROM users WHERE id = $4) AS "authorName"`,
        [cohortId, cohort.trackId, scope, principal.userId, input.anonymous ?? false, input.title, input.body, tags.tags, input.briefId ?? null, input.resourceId ?? null],
      );
      const thread = { id: row.id, cohortId, trackId: cohort.trackId, scope, title: input.title };
      await this.repository.follow(manager, row.id, principal.userId);
      await this.notifier.questionPosted(manager, thread, { id: row.id, authorId: principal.userId, authorName: row.authorName, anonymous: input.anonymous ?? false, body: input.body });
      await recordEvents(manager, [
        { type: 'thread.posted', aggregateType: 'help_thread', aggregateId: row.id, actorId: principal.userId, payload: { cohortId, scope, anonymous: input.anonymous ?? false } },
      ]);
      return row.id;
    });
    return this.get(principal, id);
  }

  async get(principal: Principal, threadId: string): Promise<ThreadDto> {
    const viewer = await this.viewers.of(principal);
    const row = await this.readable(viewer, threadId);
    return presentThread(row, viewer, await this.replies.page(viewer, row, undefined));
  }

  async list(principal: Principal, cohortId: string, query: ThreadListQueryDto): Promise<ThreadPageDto> {
    const viewer = await this.viewers.of(principal);
    const cohort = await this.repository.cohort(cohortId);
    if (!cohort || !(viewer.isAdmin || viewer.roleIn(cohortId))) throw new AppException('not_found', 'Cohort not found');
    const sort = query.sort ?? 'newest';
    const key = sortKeyOf(sort);
    const limit = query.limit ?? 20;
    const shapes = { createdAt: 'date', id: 'uuid', score: 'number', answered: 'boolean' } as const;
    const rows = await this.repository.threadsOfCohort(
      viewer,
      cohort,
      {
        cohort: viewer.moderates({ ...cohort, cohortId, scope: 'cohort' }),
        track: viewer.isAdmin || viewer.facilitatedTrackIds.includes(cohort.trackId),
      },
      {
        sort,
        status: query.status,
        tag: query.tag,
        briefId: query.briefId,
        scope: query.scope,
        after: query.cursor ? decodeCursor(query.cursor, key.map((name) => shapes[name as keyof typeof shapes])) : null,
        limit: limit + 1,
      },
    );
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      items: page.map((row) => presentThreadSummary(row, viewer)),
      nextCursor: rows.length > limit && last ? encodeCursor(key.map((name) => sortValue(last, name))) : null,
    };
  }

  /** Only the author edits; the version replaced is kept in the history. */
  async edit(principal: Principal, threadId: string, input: EditThreadDto): Promise<ThreadDto> {
    const viewer = await this.viewers.of(principal);
    await this.readable(viewer, threadId);
    const tags = input.tags === undefined ? undefined : normalizeTags(input.tags);
    if (tags && 'problem' in tags) throw invalidField('tags', tags.problem);
    await this.limiter.consume(principal.userId);
    await this.dataSource.transaction(async (manager) => {
      const thread = await this.repository.lockThread(manager, threadId);
      if (thread.authorId !== principal.userId) throw new AppException('forbidden', 'Only the author edits a post');
      if (thread.deletedAt) throw deletedConflict();
      const next = { title: input.title ?? thread.title, body: input.body ?? thread.body, tags: tags?.tags ?? thread.tags };
      const same = next.title === thread.title && next.body === thread.body && next.tags.join() === thread.tags.join();
      if (same) return;
      await this.repository.keepRevision(manager, 'thread', threadId, {
        title: thread.title,
        body: thread.body,
        tags: thread.tags,
        writtenAt: await this.repository.writtenAt(manager, 'thread', threadId),
      });
      await manager.query(`UPDATE help_threads SET title = $2, body = $3, tags = $4, edited_at = clock_timestamp() WHERE id = $1`, [threadId, next.title, next.body, next.tags]);
      await recordEvents(manager, [{ type: 'thread.edited', aggregateType: 'help_thread', aggregateId: threadId, actorId: principal.userId }]);
    });
    return this.get(principal, threadId);
  }

  /**
   * The author deletes their question: its text and its history disappear, the title stays
   * so that the answers keep their context, and the thread stays readable.
   */
  async remove(principal: Principal, threadId: string): Promise<void> {
    const viewer = await this.viewers.of(principal);
    await this.readable(viewer, threadId);
    await this.dataSource.transaction(async (manager) => {
      const thread = await this.repository.lockThread(manager, threadId);
      if (thread.authorId !== principal.userId) throw new AppException('forbidden', 'Only the author deletes a post; facilitators hide it');
      if (thread.deletedAt) return;
      await manager.query(`UPDATE help_threads SET body = '', deleted_at = clock_timestamp() WHERE id = $1`, [threadId]);
      await manager.query(`DELETE FROM help_post_revisions WHERE thread_id = $1`, [threadId]);
      await recordEvents(manager, [{ type: 'thread.deleted', aggregateType: 'help_thread', aggregateId: threadId, actorId: principal.userId }]);
    });
  }

  /** A moderator hides a question with a reason everyone sees; its author and moderators still read it. */
  async hide(principal: Principal, threadId: string, reason: string | null): Promise<ThreadDto> {
    const viewer = await this.viewers.of(principal);
    const row = await this.readable(viewer, threadId);
    if (!viewer.moderates(row)) throw new AppException('forbidden', 'Only a facilitator of this cohort may hide or show a post');
    await this.dataSource.transaction(async (manager) => {
      await this.repository.lockThread(manager, threadId);
      await manager.query(
        `UPDATE help_threads SET hidden_at = CASE WHEN $2::text IS NULL THEN NULL ELSE clock_timestamp() END, hidden_reason = $2, hidden_by = CASE WHEN $2::text IS NULL THEN NULL ELSE $3::uuid END WHERE id = $1`,
        [threadId, reason, principal.userId],
      );
      await recordEvents(manager, [
        { type: reason ? 'thread.hidden' : 'thread.shown', aggregateType: 'help_thread', aggregateId: threadId, actorId: principal.userId, payload: reason ? { reason } : {} },
      ]);
    });
    return this.get(principal, threadId);
  }

  async follow(principal: Principal, threadId: string, following: boolean): Promise<{ following: boolean }> {
    const viewer = await this.viewers.of(principal);
    await this.readable(viewer, threadId);
    if (following) await this.repository.follow(this.dataSource.manager, threadId, principal.userId);
    else await this.repository.unfollow(threadId, principal.userId);
    return { following };
  }

  async vote(principal: Principal, threadId: string, value: 1 | -1 | null): Promise<{ score: number; myVote: 1 | -1 | null }> {
    const viewer = await this.viewers.of(principal);
    await this.readable(viewer, threadId);
    const score = await this.dataSource.transaction(async (manager) => {
      const thread = await this.repository.lockThread(manager, threadId);
      this.checkVote(viewer, thread);
      return this.repository.vote(manager, 'thread', threadId, principal.userId, value);
    });
    return { score, myVote: value };
  }

  /** The author or a moderator accepts one reply (replacing an earlier choice), or none with `null`. */
  async accept(principal: Principal, threadId: string, replyId: string | null): Promise<ThreadDto> {
    const viewer = await this.viewers.of(principal);
    const row = await this.readable(viewer, threadId);
    await this.dataSource.transaction(async (manager) => {
      const thread = await this.repository.lockThread(manager, threadId);
      if (!mayAccept({ isAuthor: thread.authorId === principal.userId, isModerator: viewer.moderates(row) }))
        throw new AppException('forbidden', 'Only the author of the question or a facilitator accepts an answer');
      if (replyId === null) {
        await manager.query(`UPDATE help_threads SET accepted_reply_id = NULL WHERE id = $1`, [threadId]);
        return;
      }
      const reply = await this.repository.lockReply(manager, replyId);
      if (!reply || reply.threadId !== threadId) throw invalidField('replyId', 'replyId is not a reply of this thread');
      if (reply.deletedAt || reply.hiddenAt) throw new AppException('conflict', 'A deleted or hidden reply cannot be the accepted answer');
      if (thread.acceptedReplyId === replyId) return;
      await manager.query(`UPDATE help_threads SET accepted_reply_id = $2 WHERE id = $1`, [threadId, replyId]);
      await this.notifier.accepted(manager, thread, reply, principal.userId);
      await recordEvents(manager, [{ type: 'thread.answer_accepted', aggregateType: 'help_thread', aggregateId: threadId, actorId: principal.userId, payload: { replyId } }]);
    });
    return this.get(principal, threadId);
  }

  /** Every version of the question, oldest first; nothing once it is deleted. */
  async revisions(principal: Principal, threadId: string): Promise<RevisionDto[]> {
    const viewer = await this.viewers.of(principal);
    const row = await this.readable(viewer, threadId);
    if (row.deletedAt || (row.hiddenAt && row.authorId !== viewer.userId && !viewer.moderates(row))) return [];
    const earlier = await this.repository.revisions('thread', threadId);
    return this.replies.history(earlier, { title: row.title, body: row.body, tags: row.tags, writtenAt: row.editedAt ?? row.createdAt });
  }

  private async readable(viewer: HelpViewer, threadId: string): Promise<ThreadRow> {
    const row = await this.repository.thread(viewer, threadId);
    if (!row) throw threadNotFound();
    return row;
  }

  private checkVote(viewer: HelpViewer, thread: LockedThread): void {
    const refusal = voteRefusal({ isAuthor: thread.authorId === viewer.userId, isModerator: false });
    if (refusal) throw new AppException('forbidden', refusal);
    if (thread.deletedAt || thread.hiddenAt) throw new AppException('conflict', 'A deleted or hidden post takes no votes');
  }
}

function sortValue(row: ThreadRow, name: string): string | number | boolean {
  switch (name) {
    case 'createdAt':
      return row.createdAtKey;
    case 'score':
      return row.score;
    case 'answered':
      return row.replyCount > 0;
    default:
      return row.id;
  }
}
