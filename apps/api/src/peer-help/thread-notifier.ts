import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { handleOf, mentionedHandles, type ThreadScope } from '@fabrique/domain';
import { markdownToPlainText } from '@fabrique/markdown';
import { type NewNotification, recordNotifications } from '@fabrique/persistence';
import { PeerHelpRepository } from './peer-help.repository.js';

interface ThreadRef {
  id: string;
  cohortId: string;
  trackId: string;
  scope: ThreadScope;
  title: string;
}

interface PostRef {
  id: string;
  authorId: string;
  authorName: string;
  anonymous: boolean;
  body: string;
}

/**
 * Writes the inbox rows a post produces, in the post's transaction: followers hear of a
 * reply, mentioned readers of a mention (once, as a mention). Delivery (live push, e-mail)
 * reads these rows later; a mention of someone who cannot read the thread notifies nobody.
 */
@Injectable()
export class ThreadNotifier {
  constructor(private readonly repository: PeerHelpRepository) {}

  async questionPosted(manager: EntityManager, thread: ThreadRef, question: PostRef): Promise<void> {
    const mentioned = await this.mentionedReaders(manager, thread, question.body);
    await recordNotifications(manager, this.rows(mentioned, question.authorId, 'thread.mention', `thread:${thread.id}`, this.payload(thread, question, null)));
  }

  async replied(manager: EntityManager, thread: ThreadRef, reply: PostRef): Promise<void> {
    const mentioned = new Set(await this.mentionedReaders(manager, thread, reply.body));
    const followers = (await this.repository.followers(manager, thread.id)).filter((id) => !mentioned.has(id));
    const payload = this.payload(thread, reply, reply.id);
    await recordNotifications(manager, [
      ...this.rows([...mentioned], reply.authorId, 'thread.mention', `reply:${reply.id}`, payload),
      ...this.rows(followers, reply.authorId, 'thread.reply', `reply:${reply.id}`, payload),
    ]);
  }

  async accepted(manager: EntityManager, thread: ThreadRef, reply: { id: string; authorId: string }, acceptedBy: string): Promise<void> {
    const payload = { threadId: thread.id, threadTitle: thread.title, cohortId: thread.cohortId, replyId: reply.id };
    await recordNotifications(manager, this.rows([reply.authorId], acceptedBy, 'thread.accepted', `reply:${reply.id}`, payload));
  }

  private async mentionedReaders(manager: EntityManager, thread: ThreadRef, body: string): Promise<string[]> {
    const handles = new Set(mentionedHandles(body));
    if (handles.size === 0) return [];
    const readers = await this.repository.readers(manager, thread);
    return readers.filter((reader) => handles.has(handleOf(reader.displayName))).map((reader) => reader.id);
  }

  private payload(thread: ThreadRef, post: PostRef, replyId: string | null): Record<string, unknown> {
    return {
      threadId: thread.id,
      threadTitle: thread.title,
      cohortId: thread.cohortId,
      replyId,
      // An anonymous author stays anonymous in everyone's inbox, facilitators' included: the
      // thread itself shows them the author.
      authorName: post.anonymous ? null : post.authorName,
      excerpt: markdownToPlainText(post.body, 160),
    };
  }

  private rows(userIds: string[], authorId: string, kind: string, occurrenceKey: string, payload: Record<string, unknown>): NewNotification[] {
    return userIds.filter((userId) => userId !== authorId).map((userId) => ({ userId, kind, occurrenceKey, payload }));
  }
}
