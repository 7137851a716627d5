import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ThreadStatus } from '@fabrique/domain';
import type { HelpViewer } from '../help-viewer.js';
import { SqlParams, THREAD_FROM, threadColumns, type ThreadRow } from '../thread-sql.js';

/** Private-use characters ts_headline puts around matches; `highlightToHtml` turns them into <mark>. */
export const MARK_START = '\uE000';
export const MARK_STOP = '\uE001';

const MARKS = `StartSel=${MARK_START}, StopSel=${MARK_STOP}`;
/** A whole short text (a title, or a fragment already cut) with every match marked. */
const MARK_ALL = `${MARKS}, HighlightAll=true`;
/** At most two short fragments of a long text, around its best matches. */
const FRAGMENTS = `${MARKS}, MaxFragments=2, MaxWords=18, MinWords=6, FragmentDelimiter=" … "`;

/**
 * The web-search text in both languages of the platform: each configuration stems (and strips
 * accents) its own way, and the stored vectors hold both, so either reading may match.
 */
const tsQuery = (text: string) => `(websearch_to_tsquery('fabrique_fr', ${text}) || websearch_to_tsquery('fabrique_en', ${text}))`;

/** Drops the marker characters a user could have typed, so that only ts_headline writes them. */
const withoutMarks = (text: string) => `translate(${text}, E'\\uE000\\uE001', '')`;

/**
 * ts_headline marks the words it reads as matches under one configuration, so a word matching
 * only through English stemming ("deploying" ~ "deployment") is missed by the French pass and
 * the reverse. A second pass with the other configuration over the (short) result marks those
 * too; a word marked twice gets nested markers, which highlightToHtml flattens.
 */
const titleHeadline = (text: string, query: string) =>
  `ts_headline('fabrique_en', ts_headline('fabrique_fr', ${withoutMarks(text)}, ${query}, '${MARK_ALL}'), ${query}, '${MARK_ALL}')`;

/** Fragments are chosen by the configuration under which the text matches at all (French first). */
const snippetHeadline = (text: string, query: string) => `CASE WHEN to_tsvector('fabrique_fr', ${text}) @@ ${query}
    THEN ts_headline('fabrique_en', ts_headline('fabrique_fr', ${withoutMarks(text)}, ${query}, '${FRAGMENTS}'), ${query}, '${MARK_ALL}')
    ELSE ts_headline('fabrique_fr', ts_headline('fabrique_en', ${withoutMarks(text)}, ${query}, '${FRAGMENTS}'), ${query}, '${MARK_ALL}') END`;

/**
 * Ranking: ts_rank with the default weights (titles and tags A = 1.0, question bodies B = 0.4,
 * replies C = 0.2) and normalisation 1, dividing by 1 + log(length of the post). The logarithm
 * only damps long posts a little: a long stack trace mentioning a word often does not beat a
 * short question about it, yet length does not crush rank the way normalisation 2 (÷ length)
 * would for thorough questions. A thread's rank is its own plus its best reply's: replies weigh
 * C, so a thread matched in its title stays above one matched in a reply only.
 */
const RANK_NORMALIZATION = 1;

/**
 * Matches ranked per source (questions of the reader's cohorts, questions shared with their
 * tracks, and the same for replies): the newest this many. A word in more posts than that is
 * ranked among its most recent uses, which is also where a learner's answer usually is.
 */
export const SEARCH_CANDIDATES = 300;

export interface SearchFilters {
  cohortId?: string;
  trackId?: string;
  tag?: string;
  status?: ThreadStatus;
  briefId?: string;
}

export interface SearchHitKey {
  id: string;
  /** ts_rank is a float4: kept as the number PostgreSQL printed, which reads back to the same float4. */
  rank: number;
  inQuestion: boolean;
}

export interface SearchHitRow extends ThreadRow {
  titleHeadline: string;
  snippetHeadline: string;
}

export interface SimilarRow extends ThreadRow {
  titleHeadline: string;
}

export interface WaitingRow extends ThreadRow {
  /** created_at to the microsecond, for the cursor: a Date keeps only milliseconds. */
  createdAtKey: string;
}

/** Moderators of a thread (admins, facilitators where it shows) still find it while it is hidden. */
function moderatedThreads(viewer: HelpViewer, params: SqlParams, t = 't'): string {
  if (viewer.isAdmin) return 'true';
  return `(${t}.cohort_id = ANY(${params.add(viewer.facilitatedCohortIds)}::uuid[]) OR (${t}.scope = 'track' AND ${t}.track_id = ANY(${params.add(viewer.facilitatedTrackIds)}::uuid[])))`;
}

/**
 * Where a reader may read, as conditions on a post (thread or reply, both carry cohort, track and
 * scope): their cohorts, and the threads shared with their tracks. Each is searched on its own,
 * so each is one lookup of its two-column GIN index.
 */
function readableSources(viewer: HelpViewer, params: SqlParams): Array<(post: string) => string> {
  if (viewer.isAdmin) return [() => 'true'];
  const [cohorts, tracks] = [params.add(viewer.cohortIds), params.add(viewer.trackIds)];
  return [(post) => `${post}.cohort_id = ANY(${cohorts}::uuid[])`, (post) => `${post}.scope = 'track' AND ${post}.track_id = ANY(${tracks}::uuid[])`];
}

/** Full-text search, similar titles and the facilitators' waiting list, over help_threads and help_replies. */
@Injectable()
export class ThreadSearchRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The text without the words that are stop words in either language. Each configuration drops
   * only its own stop words, and every post is indexed in both, so without this "the" (kept as a
   * word by the French configuration) or "une" (kept by the English one) would match nearly every
   * post. "or" stays: it is websearch_to_tsquery's operator. Words glued to a hyphen stay too, so
   * that removing one never turns "a-b" into the negation "-b".
   */
  async withoutStopWords(text: string): Promise<string> {
    const rows: { token: string }[] = await this.dataSource.query(
      `SELECT DISTINCT p.token FROM ts_parse('default', $1) p
       WHERE lower(p.token) <> 'or' AND p.token ~ '[[:alnum:]]'
         AND (to_tsvector('fabrique_fr', p.token) = ''::tsvector OR to_tsvector('fabrique_en', p.token) = ''::tsvector)`,
      [text],
    );
    return rows.reduce(
      (cleaned, { token }) => cleaned.replace(new RegExp(`(?<![\\p{L}\\p{N}-])${token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}-])`, 'giu'), ' '),
      text,
    );
  }

  /** Whether the text gives no lexeme in either language, or only negated ones (which no index can serve). */
  async isEmptyQuery(text: string): Promise<boolean> {
    const [row] = await this.dataSource.query(`SELECT numnode(${tsQuery('$1')}) = 0 OR querytree(${tsQuery('$1')}) = 'T' AS empty`, [text]);
    return row.empty as boolean;
  }

  /**
   * One page of hits, ranked, keyed on (rank DESC, id). Threads match on their own vector or
   * through a reply's; both vectors are empty for deleted or hidden posts, so their text is never
   * found.
   *
   * Only the newest SEARCH_CANDIDATES matching questions and replies of each source (the reader's
   * cohorts; the threads shared with their tracks) are ranked: ranking every reply holding
   * "problème" in five years of a track is what made a common word slow as history grew. Each
   * source is one lookup of a two-column GIN index (cohort or track, words) that reads only the
   * posts this reader may see; rare words rank every match.
   */
  async searchPage(viewer: HelpViewer, text: string, filters: SearchFilters, after: { rank: number; id: string } | null, limit: number): Promise<SearchHitKey[]> {
    const params = new SqlParams();
    // Inline, not in a CTE: the planner then reads the words' frequencies and picks the plan.
    const query = tsQuery(params.add(text));
    const narrowing: string[] = [];
    if (filters.cohortId) narrowing.push(`t.cohort_id = ${params.add(filters.cohortId)}::uuid`);
    if (filters.trackId) narrowing.push(`t.track_id = ${params.add(filters.trackId)}::uuid`);
    if (filters.tag) narrowing.push(`t.tags @> ARRAY[${params.add(filters.tag)}::text]`);
    if (filters.status) narrowing.push(`t.status = ${params.add(filters.status)}`);
    if (filters.briefId) narrowing.push(`t.brief_id = ${params.add(filters.briefId)}::uuid`);
    const shown = `(t.hidden_at IS NULL OR ${moderatedThreads(viewer, params)})`;
    const cap = params.add(SEARCH_CANDIDATES);
    const sources = readableSources(viewer, params);
    const newestOf = (select: (source: (post: string) => string) => string) => sources.map((source) => `(${select(source)})`).join(' UNION ');
    const threadCandidates = newestOf(
      (source) => `SELECT t.id, t.search FROM help_threads t
         WHERE ${source('t')} AND t.search @@ ${query} AND ${[shown, ...narrowing].join(' AND ')}
         ORDER BY t.created_at DESC, t.id DESC LIMIT ${cap}`,
    );
    // A reply knows who may read it (its thread's cohort, track and scope): its thread is read
    // before the cap only when a filter needs it, else only for the capped few.
    const replyCandidates = narrowing.length
      ? newestOf(
          (source) => `SELECT r.id, r.thread_id, r.search FROM help_replies r JOIN help_threads t ON t.id = r.thread_id
             WHERE ${source('r')} AND r.search @@ ${query} AND ${[shown, ...narrowing].join(' AND ')}
             ORDER BY r.created_at DESC, r.id DESC LIMIT ${cap}`,
        )
      : `SELECT c.id, c.thread_id, c.search FROM (${newestOf(
          (source) => `SELECT r.id, r.thread_id, r.search FROM help_replies r
             WHERE ${source('r')} AND r.search @@ ${query} ORDER BY r.created_at DESC, r.id DESC LIMIT ${cap}`,
        )}) c JOIN help_threads t ON t.id = c.thread_id WHERE ${shown}`;
    let afterKey = 'true';
    if (after) {
      const rank = `${params.add(after.rank)}::float4`;
      afterKey = `(h.rank < ${rank} OR (h.rank = ${rank} AND h.id > ${params.add(after.id)}::uuid))`;
    }
    const rows: SearchHitKey[] = await this.dataSource.query(
      `WITH thread_candidates AS (${threadCandidates}),
       reply_candidates AS (${replyCandidates}),
       thread_hits AS (
         SELECT c.id, ts_rank(c.search, ${query}, ${RANK_NORMALIZATION}) AS rank FROM thread_candidates c
       ), reply_hits AS (
         SELECT c.thread_id AS id, max(ts_rank(c.search, ${query}, ${RANK_NORMALIZATION})) AS rank FROM reply_candidates c GROUP BY c.thread_id
       ), hits AS (
         SELECT id, (coalesce(th.rank, 0) + coalesce(rh.rank, 0))::float4 AS rank, th.id IS NOT NULL AS "inQuestion"
         FROM thread_hits th FULL JOIN reply_hits rh USING (id)
       )
       SELECT h.id, h.rank, h."inQuestion" FROM hits h
       WHERE ${afterKey}
       ORDER BY h.rank DESC, h.id
       LIMIT ${params.add(limit)}`,
      params.values,
    );
    return rows;
  }

  /** The page's threads with their headlines: ts_headline is costly, so only for these few rows. */
  async hitRows(viewer: HelpViewer, text: string, hits: SearchHitKey[]): Promise<SearchHitRow[]> {
    if (hits.length === 0) return [];
    const params = new SqlParams();
    const columns = threadColumns(viewer, params);
    const query = tsQuery(params.add(text));
    const inQuestion = params.add(hits.filter((hit) => hit.inQuestion).map((hit) => hit.id));
    return this.dataSource.query(
      `SELECT ${columns},
         ${titleHeadline('t.title', query)} AS "titleHeadline",
         CASE WHEN t.id = ANY(${inQuestion}::uuid[]) THEN ${snippetHeadline('t.body', query)}
              ELSE ${snippetHeadline('best.body', query)} END AS "snippetHeadline"
       FROM ${THREAD_FROM}
       LEFT JOIN LATERAL (
         SELECT r.body FROM help_replies r WHERE r.thread_id = t.id AND r.search @@ ${query}
         ORDER BY ts_rank(r.search, ${query}, ${RANK_NORMALIZATION}) DESC, r.created_at, r.id LIMIT 1
       ) best ON NOT (t.id = ANY(${inQuestion}::uuid[]))
       WHERE t.id = ANY(${params.add(hits.map((hit) => hit.id))}::uuid[])`,
      params.values,
    );
  }

  /**
   * Threads readable from a cohort sharing words with a title being typed. Ranked on titles
   * (weights D, C, B, A = 0.05, 0.1, 0.2, 1.0: the body counts half as much as by default), then
   * a small boost for a thread already solved (accepted) or answered, since that is where the
   * learner finds help right away; the same boost breaks ties.
   */
  async similar(viewer: HelpViewer, cohortId: string, anyWords: string, limit: number, briefId?: string): Promise<SimilarRow[]> {
    const params = new SqlParams();
    const columns = threadColumns(viewer, params);
    const query = tsQuery(params.add(anyWords));
    const cohort = params.add(cohortId);
    const rank = `ts_rank('{0.05, 0.1, 0.2, 1.0}', t.search, ${query}, ${RANK_NORMALIZATION})`;
    const solved = `CASE t.status WHEN 'accepted' THEN 2 WHEN 'answered' THEN 1 ELSE 0 END`;
    return this.dataSource.query(
      `SELECT ${columns}, ${titleHeadline('t.title', query)} AS "titleHeadline"
       FROM ${THREAD_FROM}
       WHERE (t.cohort_id = ${cohort}::uuid OR (t.scope = 'track' AND t.track_id = (SELECT c.track_id FROM cohorts c WHERE c.id = ${cohort}::uuid)))
         AND t.deleted_at IS NULL AND t.hidden_at IS NULL
         AND t.search @@ ${query}${briefId ? ` AND t.brief_id = ${params.add(briefId)}::uuid` : ''}
       ORDER BY ${rank} * (1 + 0.1 * ${solved}) DESC, ${solved} DESC, t.last_activity_at DESC, t.id
       LIMIT ${params.add(limit)}`,
      params.values,
    );
  }

  /**
   * Questions nobody answered for a day, oldest first, keyed on (created_at, id): an ordered scan
   * of the partial index help_threads_waiting_all_idx (reply_count = 0, not deleted, not hidden)
   * that stops at the page's end (about 1 ms with 600,000 threads, measured).
   */
  async waiting(viewer: HelpViewer, cohortId: string | undefined, after: { createdAt: string; id: string } | null, limit: number): Promise<WaitingRow[]> {
    const params = new SqlParams();
    const columns = threadColumns(viewer, params);
    const where = [`t.reply_count = 0`, `t.deleted_at IS NULL`, `t.hidden_at IS NULL`, `t.created_at < now() - interval '24 hours'`, moderatedThreads(viewer, params)];
    if (cohortId) where.push(`t.cohort_id = ${params.add(cohortId)}::uuid`);
    if (after) where.push(`(t.created_at, t.id) > (${params.add(after.createdAt)}::timestamptz, ${params.add(after.id)}::uuid)`);
    return this.dataSource.query(
      `SELECT ${columns}, to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAtKey"
       FROM ${THREAD_FROM}
       WHERE ${where.join(' AND ')}
       ORDER BY t.created_at, t.id
       LIMIT ${params.add(limit)}`,
      params.values,
    );
  }
}
