import { anonymityNotice, handleOf, mayAccept } from '@fabrique/domain';
import { markdownToPlainText, renderMarkdown } from '@fabrique/markdown';
import type { ReplyDto, ReplyPageDto, ThreadDto } from './dto/post.dto.js';
import type { AuthorDto, HiddenDto, ThreadSummaryDto } from './dto/thread.dto.js';
import type { HelpViewer } from './help-viewer.js';
import type { ReplyRow } from './peer-help.repository.js';
import type { ThreadRow } from './thread-sql.js';

/** What any post (a question or a reply) shares: an author who may be anonymous, moderation marks. */
export interface PostFacts {
  authorId: string;
  authorName: string;
  anonymous: boolean;
  authorRevealed: boolean;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
}

/**
 * The one place deciding what a post shows to a viewer: anonymous authors stay hidden from
 * peers, deleted text is gone for everyone, hidden text is kept for its author and moderators.
 */
export function postFacade(post: PostFacts, viewer: HelpViewer, moderates: boolean) {
  const isAuthor = post.authorId === viewer.userId;
  const author: AuthorDto | null =
    post.anonymous && !post.authorRevealed ? null : { id: post.authorId, displayName: post.authorName, handle: handleOf(post.authorName) };
  const hidden: HiddenDto | null = post.hiddenAt ? { reason: post.hiddenReason ?? '', hiddenAt: post.hiddenAt.toISOString() } : null;
  return {
    isAuthor,
    author,
    anonymous: post.anonymous,
    anonymityNotice: post.anonymous ? anonymityNotice(isAuthor ? 'author' : post.authorRevealed ? 'revealed' : 'peer') : null,
    deleted: post.deletedAt !== null,
    hidden,
    /** Whether the text may be shown: not deleted, and not hidden unless you wrote or moderate it. */
    textShown: post.deletedAt === null && (post.hiddenAt === null || isAuthor || moderates),
  };
}

export function presentThreadSummary(row: ThreadRow, viewer: HelpViewer): ThreadSummaryDto {
  const facade = postFacade(row, viewer, viewer.moderates(row));
  return {
    id: row.id,
    cohortId: row.cohortId,
    cohortName: row.cohortName,
    trackId: row.trackId,
    scope: row.scope,
    // A hidden question's title is hidden too: it is usually where the problem is.
    title: row.hiddenAt && !facade.isAuthor && !viewer.moderates(row) ? null : row.title,
    excerpt: facade.textShown ? markdownToPlainText(row.body, 200) : '',
    tags: row.tags,
    status: row.status,
    score: row.score,
    replyCount: row.replyCount,
    acceptedReplyId: row.acceptedReplyId,
    briefId: row.briefId,
    resourceId: row.resourceId,
    author: facade.author,
    anonymous: facade.anonymous,
    anonymityNotice: facade.anonymityNotice,
    myVote: row.myVote,
    following: row.following,
    deleted: facade.deleted,
    hidden: facade.hidden,
    createdAt: row.createdAt.toISOString(),
    lastActivityAt: row.lastActivityAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
  };
}

export function presentReply(row: ReplyRow, viewer: HelpViewer, thread: { acceptedReplyId: string | null; moderates: boolean }): ReplyDto {
  const facade = postFacade(row, viewer, thread.moderates);
  const live = !facade.deleted && !facade.hidden;
  return {
    id: row.id,
    threadId: row.threadId,
    author: facade.author,
    anonymous: facade.anonymous,
    anonymityNotice: facade.anonymityNotice,
    body: facade.textShown ? row.body : null,
    bodyHtml: facade.textShown ? renderMarkdown(row.body) : null,
    score: row.score,
    myVote: row.myVote,
    accepted: thread.acceptedReplyId === row.id,
    endorsement:
      row.endorsedBy && row.endorsedAt
        ? { by: { id: row.endorsedBy, displayName: row.endorsedByName ?? '', handle: handleOf(row.endorsedByName ?? '') }, endorsedAt: row.endorsedAt.toISOString() }
        : null,
    deleted: facade.deleted,
    hidden: facade.hidden,
    createdAt: row.createdAt.toISOString(),
    editedAt: row.editedAt?.toISOString() ?? null,
    permissions: {
      edit: facade.isAuthor && !facade.deleted,
      delete: facade.isAuthor && !facade.deleted,
      vote: !facade.isAuthor && live,
      moderate: thread.moderates,
    },
  };
}

export function presentThread(row: ThreadRow, viewer: HelpViewer, replies: ReplyPageDto): ThreadDto {
  const moderates = viewer.moderates(row);
  const facade = postFacade(row, viewer, moderates);
  const live = !facade.deleted && !facade.hidden;
  return {
    ...presentThreadSummary(row, viewer),
    body: facade.textShown ? row.body : null,
    bodyHtml: facade.textShown ? renderMarkdown(row.body) : null,
    permissions: {
      edit: facade.isAuthor && !facade.deleted,
      delete: facade.isAuthor && !facade.deleted,
      vote: !facade.isAuthor && live,
      moderate: moderates,
      accept: mayAccept({ isAuthor: facade.isAuthor, isModerator: moderates }),
      reply: live,
    },
    replies,
  };
}
