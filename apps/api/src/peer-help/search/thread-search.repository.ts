import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { ThreadStatus } from '@fabrique/domain';
import type { HelpViewer } from '../help-viewer.js';
import { SqlParams, THREAD_FROM, threadColumns, visibleThreads, type ThreadRow } from '../thread-sql.js';

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
   * One page of hits, ranked, keyed on (rank DESC, id). Threads match on their own vector (the
   * GIN index help_threads_search_idx) or through a reply's (help_replies_search_idx); both
   * vectors are empty for deleted or hidden posts, so their text is never found.
   */
  async searchPage(viewer: HelpViewer, text: string, filters: SearchFilters, after: { rank: number; id: string } | null, limit: number): Promise<SearchHitKey[]> {
    const params = new SqlParams();
    const query = tsQuery(params.add(text));
    const where = [visibleThreads(viewer, params), `(t.hidden_at IS NULL OR ${moderatedThreads(viewer, params)})`];
    if (filters.cohortId) where.push(`t.cohort_id = ${params.add(filters.cohortId)}::uuid`);
    if (filters.trackId) where.push(`t.track_id = ${params.add(filters.trackId)}::uuid`);
    if (filters.tag) where.push(`t.tags @> ARRAY[${params.add(filters.tag)}::text]`);
    if (filters.status) where.push(`t.status = ${params.add(filters.status)}`);
    if (filters.briefId) where.push(`t.brief_id = ${params.add(filters.briefId)}::uuid`);
    let afterKey = 'true';
    if (after) {
      const rank = `${params.add(after.rank)}::float4`;
      afterKey = `(h.rank < ${rank} OR (h.rank = ${rank} AND h.id > ${params.add(after.id)}::uuid))`;
    }
    // Visibility and filters apply inside both matches, so ranking only ever sees the threads
    // this reader may find, however many other cohorts share the words.
    const readable = where.join(' AND ');
    const rows: SearchHitKey[] = await this.dataSource.query(
      `WITH thread_hits AS (
         SELECT t.id, ts_rank(t.search, ${query}, ${RANK_NORMALIZATION}) AS rank FROM help_threads t WHERE t.search @@ ${query} AND ${readable}
       ), reply_hits AS (
         SELECT r.thread_id AS id, max(ts_rank(r.search, ${query}, ${RANK_NORMALIZATION})) AS rank
         FROM help_replies r JOIN help_threads t ON t.id = r.thread_id WHERE r.search @@ ${query} AND ${readable} GROUP BY r.thread_id
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
