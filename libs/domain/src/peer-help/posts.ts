/*
 * Rules of peer-help threads (entraide): what a post may hold, who may vote, accept,
 * moderate, and what an anonymous post shows to whom.
 */

export type ThreadScope = 'cohort' | 'track';
export const THREAD_SCOPES: readonly ThreadScope[] = ['cohort', 'track'];
export type ThreadStatus = 'unanswered' | 'answered' | 'accepted';
export const THREAD_STATUSES: readonly ThreadStatus[] = ['unanswered', 'answered', 'accepted'];
export type ThreadOrder = 'newest' | 'votes' | 'unanswered';
export const THREAD_ORDERS: readonly ThreadOrder[] = ['newest', 'votes', 'unanswered'];

export const TITLE_MIN_LENGTH = 8;
export const TITLE_MAX_LENGTH = 160;
/** Long enough for a stack trace and the code around it; a post is not a file dump. */
export const BODY_MAX_LENGTH = 20_000;
export const TAGS_MAX = 5;
const TAG = /^[a-z0-9][a-z0-9+#.-]{0,29}$/;

/**
 * Tags as stored: trimmed, lower case, without duplicates, in the order given. Returns the
 * problem in words when a tag is malformed or there are too many.
 */
export function normalizeTags(tags: readonly string[]): { tags: string[] } | { problem: string } {
  const normalized = [...new Set(tags.map((tag) => tag.trim().toLowerCase()))];
  const bad = normalized.find((tag) => !TAG.test(tag));
  if (bad !== undefined) return { problem: `tag "${bad}" must be 1 to 30 letters, digits or + # . - (starting with a letter or digit)` };
  if (normalized.length > TAGS_MAX) return { problem: `at most ${TAGS_MAX} tags` };
  return { tags: normalized };
}

/** How the viewer stands towards a thread: what they may do follows from it. */
export interface ThreadStanding {
  /** The viewer wrote the post in question. */
  isAuthor: boolean;
  /** An admin, or a facilitator of a cohort where the thread is visible. */
  isModerator: boolean;
}

export type VoteValue = 1 | -1;
export const isVoteValue = (value: unknown): value is VoteValue => value === 1 || value === -1;

/** One vote per user and post, changeable; never on your own post. */
export const voteRefusal = (standing: ThreadStanding): string | null =>
  standing.isAuthor ? 'You cannot vote on your own post' : null;

/** The thread's author or a moderator accepts a reply as the answer. */
export const mayAccept = (standing: ThreadStanding): boolean => standing.isAuthor || standing.isModerator;

/** Only learners post anonymously: a facilitator's word is meant to be theirs. */
export const mayPostAnonymously = (role: 'learner' | 'facilitator' | 'admin'): boolean => role === 'learner';

/** Who is looking at an anonymous post decides what it shows. */
export type AnonymityViewer = 'author' | 'revealed' | 'peer';

/**
 * The plain words the API returns with an anonymous post, so no screen can hide the rule:
 * peers see "anonymous", the author's facilitators see who wrote it.
 */
export function anonymityNotice(viewer: AnonymityViewer): string {
  switch (viewer) {
    case 'author':
      return 'You posted this anonymously: other learners see "anonymous"; your facilitators can see that you wrote it.';
    case 'revealed':
      return 'Posted anonymously: learners see "anonymous"; you see the author because you facilitate their cohort.';
    case 'peer':
      return 'Posted anonymously: the author is hidden from learners; their facilitators can see who wrote it.';
  }
}
