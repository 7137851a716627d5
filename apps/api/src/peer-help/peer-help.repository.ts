import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { ThreadOrder, ThreadScope, ThreadStatus } from '@fabrique/domain';
import type { HelpViewer } from './help-viewer.js';
import { SqlParams, THREAD_FROM, type ThreadRow, createdAtKey, revealsAuthor, threadColumns, visibleThreads } from './thread-sql.js';

export type PostKind = 'thread' | 'reply';

export interface ReplyRow {
  id: string;
  threadId: string;
  authorId: string;
  authorName: string;
  anonymous: boolean;
  authorRevealed: boolean;
  body: string;
  score: number;
  endorsedBy: string | null;
  endorsedByName: string | null;
  endorsedAt: Date | null;
  createdAt: Date;
  createdAtKey: string;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  myVote: 1 | -1 | null;
}

/** The thread facts a write needs, read under a row lock. */
export interface LockedThread {
  id: string;
  cohortId: string;
  trackId: string;
  scope: ThreadScope;
  authorId: string;
  title: string;
  body: string;
  tags: string[];
  acceptedReplyId: string | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
}

export interface LockedReply {
  id: string;
  threadId: string;
  authorId: string;
  body: string;
  deletedAt: Date | null;
  hiddenAt: Date | null;
}

export interface ThreadListFilter {
  sort: ThreadOrder;
  status?: ThreadStatus;
  tag?: string;
  briefId?: string;
  scope?: ThreadScope;
  /** The sort key of the previous page's last row. */
  after: (string | number | boolean | null)[] | null;
  limit: number;
}

/** Each list order: its ORDER BY, its sort key, and the keyset condition "after this key". */
const ORDERS: Record<ThreadOrder, { orderBy: string; key: string[]; after: (p: string[]) => string }> = {
  newest: {
    orderBy: 't.created_at DESC, t.id DESC',
    key: ['createdAt', 'id'],
    after: ([c, i]) => `(t.created_at, t.id) < (${c}::timestamptz, ${i}::uuid)`,
  },
  votes: {
    orderBy: 't.score DESC, t.created_at DESC, t.id DESC',
    key: ['score', 'createdAt', 'id'],
    after: ([s, c, i]) => `(t.score, t.created_at, t.id) < (${s}::int, ${c}::timestamptz, ${i}::uuid)`,
  },
  unanswered: {
    orderBy: 't.answered, t.created_at DESC, t.id DESC',
    key: ['answered', 'createdAt', 'id'],
    after: ([a, c, i]) => `(t.answered > ${a}::boolean OR (t.answered = ${a}::boolean AND (t.created_at, t.id) < (${c}::timestamptz, ${i}::uuid)))`,
  },
};

export const sortKeyOf = (sort: ThreadOrder) => ORDERS[sort].key;

/** The SQL of peer-help threads and replies, in one place where it can be tuned. */
@Injectable()
export class PeerHelpRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A thread as the viewer may read it; undefined when it does not exist for them. */
  async thread(viewer: HelpViewer, id: string): Promise<ThreadRow | undefined> {
    const params = new SqlParams();
    const [row] = await this.dataSource.query(
      `SELECT ${threadColumns(viewer, params)} FROM ${THREAD_FROM} WHERE t.id = ${params.add(id)} AND ${visibleThreads(viewer, params)}`,
      params.values,
    );
    return row;
  }

  /**
   * One page of the threads readable from a cohort: its own, then the track-wide ones of its
   * sister cohorts. Each half is an index range scan in the list's order; the page merges them.
   */
  async threadsOfCohort(viewer: HelpViewer, cohort: { id: string; trackId: string }, moderates: { cohort: boolean; track: boolean }, filter: ThreadListFilter): Promise<ThreadRow[]> {
    const params = new SqlParams();
    const order = ORDERS[filter.sort];
    const conditions: string[] = [];
    if (filter.status) conditions.push(`t.status = ${params.add(filter.status)}`);
    if (filter.tag) conditions.push(`t.tags @> ARRAY[${params.add(filter.tag.toLowerCase())}::text]`);
    if (filter.briefId) conditions.push(`t.brief_id = ${params.add(filter.briefId)}::uuid`);
    if (filter.after) conditions.push(order.after(filter.after.map((value) => params.add(value))));
    // A deleted question stays listed while it has answers worth reading.
    conditions.push(`(t.deleted_at IS NULL OR t.reply_count > 0)`);
    const common = conditions.join(' AND ');
    const cohortId = params.add(cohort.id);
    const limit = params.add(filter.limit);
    const own = `t.cohort_id = ${cohortId}::uuid${filter.scope === 'track' ? ` AND t.scope = 'track'` : ''}
      ${moderates.cohort ? '' : 'AND t.hidden_at IS NULL'}`;
    const shared = `t.track_id = ${params.add(cohort.trackId)}::uuid AND t.scope = 'track' AND t.cohort_id <> ${cohortId}::uuid
      ${moderates.track ? '' : 'AND t.hidden_at IS NULL'}`;
    const halves = [filter.scope === 'cohort' ? null : shared, own]
      .filter((where): where is string => where !== null)
      .map((where) => `(SELECT t.id FROM help_threads t WHERE ${where} AND ${common} ORDER BY ${order.orderBy} LIMIT ${limit})`);
    return this.dataSource.query(
      `SELECT ${threadColumns(viewer, params)} FROM ${THREAD_FROM}
        WHERE t.id IN (${halves.join(' UNION ALL ')})
        ORDER BY ${order.orderBy} LIMIT ${limit}`,
      params.values,
    );
  }

  async replies(viewer: HelpViewer, threadId: string, after: { createdAt: string; id: string } | null, limit: number): Promise<ReplyRow[]> {
    const params = new SqlParams();
    const columns = replyColumns(viewer, params);
    return this.dataSource.query(
      `SELECT ${columns} FROM ${REPLY_FROM}
        WHERE r.thread_id = ${params.add(threadId)}::uuid
          AND (${params.add(after?.createdAt ?? null)}::timestamptz IS NULL OR (r.created_at, r.id) > (${params.add(after?.createdAt ?? null)}::timestamptz, ${params.add(after?.id ?? null)}::uuid))
        ORDER BY r.created_at, r.id LIMIT ${params.add(limit)}`,
      params.values,
    );
  }

  async reply(viewer: HelpViewer, replyId: string): Promise<ReplyRow | undefined> {
    const params = new SqlParams();
    const [row] = await this.dataSource.query(`SELECT ${replyColumns(viewer, params)} FROM ${REPLY_FROM} WHERE r.id = ${params.add(replyId)}::uuid`, params.values);
    return row;
  }

  /** The id of the thread a reply belongs to, so its visibility can be checked. */
  async threadIdOfReply(replyId: string): Promise<string | undefined> {
    const [row] = await this.dataSource.query(`SELECT thread_id AS "threadId" FROM help_replies WHERE id = $1`, [replyId]);
    return row?.threadId;
  }

  async lockThread(manager: EntityManager, id: string): Promise<LockedThread> {
    const [row] = await manager.query(
      `SELECT id, cohort_id AS "cohortId", track_id AS "trackId", scope, author_id AS "authorId", title, body, tags,
              accepted_reply_id AS "acceptedReplyId", deleted_at AS "deletedAt", hidden_at AS "hiddenAt"
         FROM help_threads WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row;
  }

  async lockReply(manager: EntityManager, id: string): Promise<LockedReply | undefined> {
    const [row] = await manager.query(
      `SELECT id, thread_id AS "threadId", author_id AS "authorId", body, deleted_at AS "deletedAt", hidden_at AS "hiddenAt"
         FROM help_replies WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row;
  }

  async briefOfTrack(briefId: string, trackId: string): Promise<boolean> {
    return (await this.dataSource.query(`SELECT 1 FROM briefs WHERE id = $1 AND track_id = $2`, [briefId, trackId])).length > 0;
  }

  async resourceOfTrack(resourceId: string, trackId: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM course_resources r JOIN course_modules m ON m.id = r.module_id JOIN courses c ON c.id = m.course_id WHERE r.id = $1 AND c.track_id = $2`,
      [resourceId, trackId],
    );
    return rows.length > 0;
  }

  async cohort(cohortId: string): Promise<{ id: string; trackId: string } | undefined> {
    const [row] = await this.dataSource.query(`SELECT id, track_id AS "trackId" FROM cohorts WHERE id = $1`, [cohortId]);
    return row;
  }

  /** Everyone who may read a thread: members of its cohort, or of every cohort of the track when shared. */
  async readers(manager: EntityManager, thread: { cohortId: string; trackId: string; scope: ThreadScope }): Promise<{ id: string; displayName: string }[]> {
    return manager.query(
      `SELECT DISTINCT u.id, u.display_name AS "displayName" FROM memberships m JOIN cohorts c ON c.id = m.cohort_id JOIN users u ON u.id = m.user_id
        WHERE c.id = $1 OR ($2 = 'track' AND c.track_id = $3)`,
      [thread.cohortId, thread.scope, thread.trackId],
    );
  }

  async followers(manager: EntityManager, threadId: string): Promise<string[]> {
    const rows: { userId: string }[] = await manager.query(`SELECT user_id AS "userId" FROM help_follows WHERE thread_id = $1`, [threadId]);
    return rows.map((row) => row.userId);
  }

  async follow(manager: EntityManager, threadId: string, userId: string): Promise<void> {
    await manager.query(`INSERT INTO help_follows (thread_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [threadId, userId]);
  }

  async unfollow(threadId: string, userId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM help_follows WHERE thread_id = $1 AND user_id = $2`, [threadId, userId]);
  }

  /** Sets (or with `null` removes) a user's vote and returns the post's new score. */
  async vote(manager: EntityManager, kind: PostKind, postId: string, userId: string, value: 1 | -1 | null): Promise<number> {
    const votes = `help_${kind}_votes`;
    if (value === null) await manager.query(`DELETE FROM ${votes} WHERE ${kind}_id = $1 AND user_id = $2`, [postId, userId]);
    else
      await manager.query(
        `INSERT INTO ${votes} (${kind}_id, user_id, value) VALUES ($1, $2, $3)
         ON CONFLICT (${kind}_id, user_id) DO UPDATE SET value = EXCLUDED.value, voted_at = now()`,
        [postId, userId, value],
      );
    const [row] = await manager.query(
      `UPDATE ${kind === 'thread' ? 'help_threads' : 'help_replies'} SET score = (SELECT coalesce(sum(value), 0) FROM ${votes} WHERE ${kind}_id = $1)
        WHERE id = $1 RETURNING score`,
      [postId],
    );
    return row[0].score;
  }

  /** Keeps the version being replaced, numbered after the earlier ones. */
  async keepRevision(manager: EntityManager, kind: PostKind, postId: string, version: { title?: string; body: string; tags?: string[]; writtenAt: Date }): Promise<void> {
    await manager.query(
      `INSERT INTO help_post_revisions (${kind}_id, version, title, body, tags, written_at)
       SELECT $1, coalesce(max(version), 0) + 1, $2, $3, $4, $5 FROM help_post_revisions WHERE ${kind}_id = $1`,
      [postId, version.title ?? null, version.body, version.tags ?? null, version.writtenAt],
    );
  }

  async revisions(kind: PostKind, postId: string): Promise<{ version: number; title: string | null; body: string; tags: string[] | null; writtenAt: Date }[]> {
    return this.dataSource.query(
      `SELECT version, title, body, tags, written_at AS "writtenAt" FROM help_post_revisions WHERE ${kind}_id = $1 ORDER BY version`,
      [postId],
    );
  }

  /** When the current version of a post was written: its last edit, or its creation. */
  async writtenAt(manager: EntityManager, kind: PostKind, postId: string): Promise<Date> {
    const [row] = await manager.query(`SELECT coalesce(edited_at, created_at) AS at FROM ${kind === 'thread' ? 'help_threads' : 'help_replies'} WHERE id = $1`, [postId]);
    return row.at;
  }
}

function replyColumns(viewer: HelpViewer, params: SqlParams): string {
  return `r.id, r.thread_id AS "threadId", r.author_id AS "authorId", au.display_name AS "authorName", r.anonymous,
    ${revealsAuthor(viewer, params, 'r')} AS "authorRevealed", r.body, r.score,
    r.endorsed_by AS "endorsedBy", eu.display_name AS "endorsedByName", r.endorsed_at AS "endorsedAt",
    r.created_at AS "createdAt", ${createdAtKey('r')} AS "createdAtKey", r.edited_at AS "editedAt", r.deleted_at AS "deletedAt", r.hidden_at AS "hiddenAt", r.hidden_reason AS "hiddenReason",
    (SELECT v.value FROM help_reply_votes v WHERE v.reply_id = r.id AND v.user_id = ${params.add(viewer.userId)}::uuid) AS "myVote"`;
}

const REPLY_FROM = `help_replies r JOIN users au ON au.id = r.author_id LEFT JOIN users eu ON eu.id = r.endorsed_by`;
