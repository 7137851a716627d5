import type { HelpViewer } from './help-viewer.js';

/** Positional parameters collected while a query is built, so fragments compose safely. */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Threads the viewer may read: their cohorts' threads, and the shared ones of their tracks. */
export function visibleThreads(viewer: HelpViewer, params: SqlParams, t = 't'): string {
  if (viewer.isAdmin) return 'true';
  return `(${t}.cohort_id = ANY(${params.add(viewer.cohortIds)}::uuid[]) OR (${t}.scope = 'track' AND ${t}.track_id = ANY(${params.add(viewer.trackIds)}::uuid[])))`;
}

/**
 * Whether the viewer sees who wrote an anonymous post: the author, admins, and the
 * facilitators of a cohort the author belongs to.
 */
export function revealsAuthor(viewer: HelpViewer, params: SqlParams, post: string): string {
  if (viewer.isAdmin) return 'true';
  return `(NOT ${post}.anonymous OR ${post}.author_id = ${params.add(viewer.userId)}::uuid OR EXISTS (
    SELECT 1 FROM memberships am WHERE am.user_id = ${post}.author_id AND am.cohort_id = ANY(${params.add(viewer.facilitatedCohortIds)}::uuid[])))`;
}

/** A timestamp as ISO-8601 UTC text with its microseconds, to carry in a cursor. */
export const createdAtKey = (alias: string) => `to_char(${alias}.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The columns of a thread as `ThreadRow`, with the viewer's vote and follow. */
export function threadColumns(viewer: HelpViewer, params: SqlParams): string {
  const me = params.add(viewer.userId);
  return `t.id, t.cohort_id AS "cohortId", co.name AS "cohortName", t.track_id AS "trackId", t.scope, t.title, t.body, t.tags,
    t.status, t.score, t.reply_count AS "replyCount", t.accepted_reply_id AS "acceptedReplyId", t.brief_id AS "briefId",
    t.resource_id AS "resourceId", t.author_id AS "authorId", au.display_name AS "authorName", t.anonymous,
    ${revealsAuthor(viewer, params, 't')} AS "authorRevealed",
    t.created_at AS "createdAt", ${createdAtKey('t')} AS "createdAtKey", t.last_activity_at AS "lastActivityAt", t.edited_at AS "editedAt", t.deleted_at AS "deletedAt",
    t.hidden_at AS "hiddenAt", t.hidden_reason AS "hiddenReason",
    (SELECT v.value FROM help_thread_votes v WHERE v.thread_id = t.id AND v.user_id = ${me}::uuid) AS "myVote",
    EXISTS (SELECT 1 FROM help_follows f WHERE f.thread_id = t.id AND f.user_id = ${me}::uuid) AS following`;
}

export const THREAD_FROM = `help_threads t JOIN cohorts co ON co.id = t.cohort_id JOIN users au ON au.id = t.author_id`;

export interface ThreadRow {
  id: string;
  cohortId: string;
  cohortName: string;
  trackId: string;
  scope: 'cohort' | 'track';
  title: string;
  body: string;
  tags: string[];
  status: 'unanswered' | 'answered' | 'accepted';
  score: number;
  replyCount: number;
  acceptedReplyId: string | null;
  briefId: string | null;
  resourceId: string | null;
  authorId: string;
  authorName: string;
  anonymous: boolean;
  authorRevealed: boolean;
  createdAt: Date;
  /** `createdAt` to the microsecond, for keyset cursors: a JS Date would drop the microseconds and repeat rows. */
  createdAtKey: string;
  lastActivityAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  myVote: 1 | -1 | null;
  following: boolean;
}
