import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Principal } from '@fabrique/auth';
import { mayPostAnonymously, voteRefusal } from '@fabrique/domain';
import { AppException } from '@fabrique/errors';
import { renderMarkdown } from '@fabrique/markdown';
import { recordEvents } from '@fabrique/persistence';
import { decodeCursor, encodeCursor } from '../common/keyset-cursor.js';
import type { NewReplyDto, ReplyDto, ReplyPageDto, RevisionDto } from './dto/post.dto.js';
import { type HelpViewer, HelpViewers } from './help-viewer.js';
import { type LockedReply, PeerHelpRepository } from './peer-help.repository.js';
import { PostRateLimiter } from './post-rate-limiter.js';
import { presentReply } from './thread-presenter.js';
import { ThreadNotifier } from './thread-notifier.js';
import type { ThreadRow } from './thread-sql.js';

const REPLIES_PER_PAGE = 50;
const replyNotFound = () => new AppException('not_found', 'Reply not found');

// A reply counts towards "answered" while it is neither deleted nor hidden.
const countVisible = (manager: EntityManager, threadId: string, delta: 1 | -1) =>
  manager.query(`UPDATE help_threads SET reply_count = reply_count + $2 WHERE id = $1`, [threadId, delta]);

/** Replies: answering, editing with history, deleting, moderating, voting, endorsing. */
@Injectable()
export class RepliesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: PeerHelpRepository,
    private readonly viewers: HelpViewers,
    private readonly limiter: PostRateLimiter,
    private readonly notifier: ThreadNotifier,
  ) {}

  async create(principal: Principal, threadId: string, input: NewReplyDto): Promise<ReplyDto> {
    const viewer = await this.viewers.of(principal);
    const thread = await this.readableThread(viewer, threadId);
    if (input.anonymous && !mayPostAnonymously(viewer.moderates(thread) ? 'facilitator' : 'learner'))
      throw new AppException('validation_failed', 'Only learners may post anonymously', [{ field: 'anonymous', message: 'Only learners may post anonymously' }]);
    await this.limiter.consume(principal.userId);
    const replyId = await this.dataSource.transaction(async (manager) => {
      // The thread's row lock orders concurrent replies, acceptances and deletions.
      const locked = await this.repository.lockThread(manager, threadId);
      if (locked.deletedAt || locked.hiddenAt) throw new AppException('conflict', 'This question was deleted or hidden: it takes no new replies');
      const [row]: { id: string; authorName: string }[] = await manager.query(
        `INSERT INTO help_replies (thread_id, author_id, anonymous, body) VALUES ($1, $2, $3, $4)
         RETURNING id, (SELECT display_name FROM users WHERE id = $2) AS "authorName"`,
        [threadId, principal.userId, input.anonymous ?? false, input.body],
      );
      await manager.query(`UPDATE help_threads SET reply_count = reply_count + 1, last_activity_at = clock_timestamp() WHERE id = $1`, [threadId]);
      await this.notifier.replied(manager, locked, { id: row.id, authorId: principal.userId, authorName: row.authorName, anonymous: input.anonymous ?? false, body: input.body });
      await recordEvents(manager, [
        { type: 'thread.replied', aggregateType: 'help_thread', aggregateId: threadId, actorId: principal.userId, payload: { replyId: row.id, cohortId: locked.cohortId } },
      ]);
      return row.id;
    });
    return this.get(viewer, replyId);
  }

  /** A page of a thread's replies, oldest first. */
  async list(principal: Principal, threadId: string, cursor: string | undefined): Promise<ReplyPageDto> {
    const viewer = await this.viewers.of(principal);
    return this.page(viewer, await this.readableThread(viewer, threadId), cursor);
  }

  async page(viewer: HelpViewer, thread: ThreadRow, cursor: string | undefined): Promise<ReplyPageDto> {
    const after = cursor ? decodeCursor(cursor, ['date', 'uuid']) : null;
    const rows = await this.repository.replies(viewer, thread.id, after ? { createdAt: after[0] as string, id: after[1] as string } : null, REPLIES_PER_PAGE + 1);
    const page = rows.slice(0, REPLIES_PER_PAGE);
    const last = page.at(-1);
    const context = { acceptedReplyId: thread.acceptedReplyId, moderates: viewer.moderates(thread) };
    return {
      items: page.map((row) => presentReply(row, viewer, context)),
      nextCursor: rows.length > REPLIES_PER_PAGE && last ? encodeCursor([last.createdAtKey, last.id]) : null,
    };
  }

  async edit(principal: Principal, replyId: string, body: string): Promise<ReplyDto> {
    const viewer = await this.viewers.of(principal);
    await this.readableReply(viewer, replyId);
    await this.limiter.consume(principal.userId);
    await this.dataSource.transaction(async (manager) => {
      const reply = await this.lockOwnReply(manager, replyId, principal, 'edits');
      if (reply.body === body) return;
      await this.repository.keepRevision(manager, 'reply', replyId, { body: reply.body, writtenAt: await this.repository.writtenAt(manager, 'reply', replyId) });
      await manager.query(`UPDATE help_replies SET body = $2, edited_at = clock_timestamp() WHERE id = $1`, [replyId, body]);
      await recordEvents(manager, [{ type: 'reply.edited', aggregateType: 'help_thread', aggregateId: reply.threadId, actorId: principal.userId, payload: { replyId } }]);
    });
    return this.get(viewer, replyId);
  }

  /** The author deletes their reply: its text and history go, its place in the thread stays. */
  async remove(principal: Principal, replyId: string): Promise<void> {
    const viewer = await this.viewers.of(principal);
    await this.readableReply(viewer, replyId);
    await this.dataSource.transaction(async (manager) => {
      const threadId = (await this.repository.threadIdOfReply(replyId)) as string;
      await this.repository.lockThread(manager, threadId);
      const reply = (await this.repository.lockReply(manager, replyId)) as LockedReply;
      if (reply.authorId !== principal.userId) throw new AppException('forbidden', 'Only the author deletes a reply; facilitators hide it');
      if (reply.deletedAt) return;
      await manager.query(`UPDATE help_replies SET body = '', deleted_at = clock_timestamp() WHERE id = $1`, [replyId]);
      await manager.query(`DELETE FROM help_post_revisions WHERE reply_id = $1`, [replyId]);
      await this.leaveAnswers(manager, reply);
      await recordEvents(manager, [{ type: 'reply.deleted', aggregateType: 'help_thread', aggregateId: threadId, actorId: principal.userId, payload: { replyId } }]);
    });
  }

  /** A moderator hides a reply with a reason (or shows it again with `null`). */
  async hide(principal: Principal, replyId: string, reason: string | null): Promise<ReplyDto> {
    const viewer = await this.viewers.of(principal);
    const { thread } = await this.readableReply(viewer, replyId);
    if (!viewer.moderates(thread)) throw new AppException('forbidden', 'Only a facilitator of this cohort may hide or show a post');
    await this.dataSource.transaction(async (manager) => {
      await this.repository.lockThread(manager, thread.id);
      const reply = (await this.repository.lockReply(manager, replyId)) as LockedReply;
      if (reply.deletedAt || (reply.hiddenAt === null && reason === null)) return;
      await manager.query(
        `UPDATE help_replies SET hidden_at = CASE WHEN $2::text IS NULL THEN NULL ELSE clock_timestamp() END, hidden_reason = $2, hidden_by = CASE WHEN $2::text IS NULL THEN NULL ELSE $3::uuid END WHERE id = $1`,
        [replyId, reason, principal.userId],
      );
      // Changing the reason of a hidden reply changes no count.
      if (reason && !reply.hiddenAt) await this.leaveAnswers(manager, reply);
      if (!reason) await countVisible(manager, thread.id, 1);
      await recordEvents(manager, [
        { type: reason ? 'reply.hidden' : 'reply.shown', aggregateType: 'help_thread', aggregateId: thread.id, actorId: principal.userId, payload: { replyId, ...(reason ? { reason } : {}) } },
      ]);
    });
    return this.get(viewer, replyId);
  }

  async vote(principal: Principal, replyId: string, value: 1 | -1 | null): Promise<{ score: number; myVote: 1 | -1 | null }> {
    const viewer = await this.viewers.of(principal);
    await this.readableReply(viewer, replyId);
    const score = await this.dataSource.transaction(async (manager) => {
      const reply = (await this.repository.lockReply(manager, replyId)) as LockedReply;
      const refusal = voteRefusal({ isAuthor: reply.authorId === principal.userId, isModerator: false });
      if (refusal) throw new AppException('forbidden', refusal);
      if (reply.deletedAt || reply.hiddenAt) throw new AppException('conflict', 'A deleted or hidden post takes no votes');
      return this.repository.vote(manager, 'reply', replyId, principal.userId, value);
    });
    return { score, myVote: value };
  }

  /** A facilitator vouches for a reply ("this is right"), or withdraws with `false`. */
  async endorse(principal: Principal, replyId: string, endorsed: boolean): Promise<ReplyDto> {
    const viewer = await this.viewers.of(principal);
    const { thread } = await this.readableReply(viewer, replyId);
    if (!viewer.moderates(thread)) throw new AppException('forbidden', 'Only a facilitator of this cohort may endorse a reply');
    await this.dataSource.transaction(async (manager) => {
      const reply = (await this.repository.lockReply(manager, replyId)) as LockedReply;
      if (endorsed && (reply.deletedAt || reply.hiddenAt)) throw new AppException('conflict', 'A deleted or hidden reply cannot be endorsed');
      await manager.query(
        endorsed
          ? `UPDATE help_replies SET endorsed_by = $2, endorsed_at = clock_timestamp() WHERE id = $1 AND endorsed_by IS NULL`
          : `UPDATE help_replies SET endorsed_by = NULL, endorsed_at = NULL WHERE id = $1`,
        endorsed ? [replyId, principal.userId] : [replyId],
      );
    });
    return this.get(viewer, replyId);
  }

  async revisions(principal: Principal, replyId: string): Promise<RevisionDto[]> {
    const viewer = await this.viewers.of(principal);
    const { reply, thread } = await this.readableReply(viewer, replyId);
    if (reply.deletedAt || (reply.hiddenAt && reply.authorId !== viewer.userId && !viewer.moderates(thread))) return [];
    return this.history(await this.repository.revisions('reply', replyId), { title: null, body: reply.body, tags: null, writtenAt: reply.editedAt ?? reply.createdAt });
  }

  /** Earlier versions then the current one, each rendered as the post would be. */
  history(
    earlier: { version: number; title: string | null; body: string; tags: string[] | null; writtenAt: Date }[],
    current: { title: string | null; body: string; tags: string[] | null; writtenAt: Date },
  ): RevisionDto[] {
    const versions = [...earlier, { ...current, version: earlier.length + 1 }];
    return versions.map((version, i) => ({
      version: version.version,
      current: i === versions.length - 1,
      title: version.title,
      body: version.body,
      bodyHtml: renderMarkdown(version.body),
      tags: version.tags,
      writtenAt: version.writtenAt.toISOString(),
    }));
  }

  private async get(viewer: HelpViewer, replyId: string): Promise<ReplyDto> {
    const { reply, thread } = await this.readableReply(viewer, replyId);
    return presentReply(reply, viewer, { acceptedReplyId: thread.acceptedReplyId, moderates: viewer.moderates(thread) });
  }

  private async readableThread(viewer: HelpViewer, threadId: string): Promise<ThreadRow> {
    const thread = await this.repository.thread(viewer, threadId);
    if (!thread) throw new AppException('not_found', 'Thread not found');
    return thread;
  }

  /** A reply exists for the viewer when its thread does. */
  private async readableReply(viewer: HelpViewer, replyId: string) {
    const threadId = await this.repository.threadIdOfReply(replyId);
    const thread = threadId ? await this.repository.thread(viewer, threadId) : undefined;
    const reply = thread ? await this.repository.reply(viewer, replyId) : undefined;
    if (!thread || !reply) throw replyNotFound();
    return { thread, reply };
  }

  private async lockOwnReply(manager: EntityManager, replyId: string, principal: Principal, verb: string): Promise<LockedReply> {
    const reply = (await this.repository.lockReply(manager, replyId)) as LockedReply;
    if (reply.authorId !== principal.userId) throw new AppException('forbidden', `Only the author ${verb} a reply`);
    if (reply.deletedAt) throw new AppException('conflict', 'This post was deleted by its author');
    return reply;
  }

  /** A reply leaving the visible answers: one fewer answer, and no longer the accepted one. */
  private async leaveAnswers(manager: EntityManager, reply: LockedReply): Promise<void> {
    if (reply.deletedAt || reply.hiddenAt) return;
    await countVisible(manager, reply.threadId, -1);
    await manager.query(`UPDATE help_threads SET accepted_reply_id = NULL WHERE id = $1 AND accepted_reply_id = $2`, [reply.threadId, reply.id]);
  }
}
