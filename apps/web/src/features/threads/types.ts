/** The shapes the peer-help API returns (apps/api/src/peer-help/dto and search/dto), as these screens read them. */

export type ThreadScope = 'cohort' | 'track';
export type ThreadStatus = 'unanswered' | 'answered' | 'accepted';
export type Vote = 1 | -1;

export interface Author {
  id: string;
  displayName: string;
  handle: string;
}

export interface Hidden {
  reason: string;
  hiddenAt: string;
}

export interface ThreadSummary {
  id: string;
  cohortId: string;
  cohortName: string;
  trackId: string;
  scope: ThreadScope;
  /** Null when a facilitator hid it and the reader is not one. */
  title: string | null;
  /** Plain text: React escapes it. */
  excerpt: string;
  tags: string[];
  status: ThreadStatus;
  score: number;
  replyCount: number;
  acceptedReplyId: string | null;
  /** Null when posted anonymously and the reader may not see who. */
  author: Author | null;
  anonymous: boolean;
  myVote: Vote | null;
  following: boolean;
  deleted: boolean;
  hidden: Hidden | null;
  createdAt: string;
  lastActivityAt: string;
  editedAt: string | null;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A search result: `titleHighlight` and `snippet` are HTML the API escaped, with matches in <mark>. */
export interface SearchHit extends ThreadSummary {
  titleHighlight: string;
  snippet: string;
  matchedIn: 'question' | 'reply';
}

/** A thread like the title being typed: `titleHighlight` is escaped HTML with shared words in <mark>. */
export interface SimilarThread extends ThreadSummary {
  titleHighlight: string;
}

export interface PostPermissions {
  edit: boolean;
  delete: boolean;
  vote: boolean;
  /** Hide with a reason, endorse a reply: facilitators of a cohort where the thread shows. */
  moderate: boolean;
}

export interface Reply {
  id: string;
  threadId: string;
  author: Author | null;
  anonymous: boolean;
  /** The markdown as written (what an edit starts from); null when deleted or hidden from the reader. */
  body: string | null;
  /** Sanitised HTML rendered by the API from the markdown; null when deleted or hidden from the reader. */
  bodyHtml: string | null;
  score: number;
  myVote: Vote | null;
  accepted: boolean;
  endorsement: { by: Author; endorsedAt: string } | null;
  deleted: boolean;
  hidden: Hidden | null;
  createdAt: string;
  editedAt: string | null;
  permissions: PostPermissions;
}

export interface Thread extends ThreadSummary {
  /** The markdown as written (what an edit starts from); null when deleted or hidden from the reader. */
  body: string | null;
  /** Sanitised HTML rendered by the API from the markdown; null when deleted or hidden from the reader. */
  bodyHtml: string | null;
  permissions: PostPermissions & { accept: boolean; reply: boolean };
  replies: Page<Reply>;
}

/** One version of a post (GET …/revisions), oldest first; `title` and `tags` for a question only. */
export interface Revision {
  version: number;
  current: boolean;
  title: string | null;
  body: string;
  bodyHtml: string;
  tags: string[] | null;
  writtenAt: string;
}
