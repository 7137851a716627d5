/**
 * The baseline of the "learner reads" scenario: bare node:http + pg answering GET /api/me/week and
 * GET /api/cohorts/:id/threads with the SQL the API runs (copied from apps/api/src/calendar and
 * apps/api/src/peer-help, same statements, same parameters, same order) and the same JSON. It
 * authenticates like the API's guard: HS256 access token verified with the same secret through
 * @nestjs/jwt's JwtService, then the session-revocation check in Redis. It does not validate
 * query strings (the bench sends none), log requests, set security headers or compute ETags.
 *
 * Run as a child of the bench: PORT, DATABASE_URL, REDIS_URL, REDIS_PREFIX, JWT_SECRET.
 */
import 'reflect-metadata';
import http from 'node:http';
import { JwtService } from '@nestjs/jwt';
import { Redis } from 'ioredis';
import pg from 'pg';
import {
  addWeeks,
  anonymityNotice,
  buildCohortCalendar,
  type CalendarWeek,
  handleOf,
  isoWeekLabel,
  localDateAt,
  localDateTimeToInstant,
  mondayOf,
  nextOnSiteWeek,
  weekOf,
} from '@fabrique/domain';
import { markdownToPlainText } from '@fabrique/markdown';

const env = process.env;
const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 10, application_name: 'fabrique-bench-baseline' }); // TypeORM's pool: max 10
const redis = new Redis(env.REDIS_URL ?? 'redis://127.0.0.1:6379', { maxRetriesPerRequest: 2 });
const jwt = new JwtService({ secret: env.JWT_SECRET });
const prefix = env.REDIS_PREFIX ?? 'fabrique';

interface Principal {
  userId: string;
  isAdmin: boolean;
  sessionId: string;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function authenticate(header: string | undefined): Promise<Principal> {
  const [scheme, token] = (header ?? '').split(' ');
  if (scheme?.toLowerCase() !== 'bearer' || !token) throw new HttpError(401, 'unauthenticated', 'Missing bearer access token');
  let principal: Principal;
  try {
    const claims = jwt.verify<{ sub: string; adm: boolean; sid: string }>(token, { algorithms: ['HS256'] });
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') throw new Error('malformed claims');
    principal = { userId: claims.sub, isAdmin: claims.adm === true, sessionId: claims.sid };
  } catch {
    throw new HttpError(401, 'unauthenticated', 'The access token is invalid');
  }
  if ((await redis.exists(`${prefix}:revoked-session:${principal.sessionId}`)) === 1) throw new HttpError(401, 'unauthenticated', 'This session has ended');
  return principal;
}

const query = async <T>(text: string, values: unknown[]): Promise<T[]> => (await pool.query(text, values)).rows as T[];

// ------------------------------------------------------------------ GET /api/me/week (CalendarService.myWeek)

const DATE = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

interface WeekRow {
  id: string;
  monday: string;
  kind: 'presential' | 'internship' | 'holiday';
  agenda: string;
  siteId: string | null;
  siteName: string | null;
  address: string | null;
  roomId: string | null;
  roomName: string | null;
  facilitators: unknown;
}

function weekDto(week: CalendarWeek<WeekRow> | WeekRow) {
  const isoWeek = 'isoWeek' in week ? week.isoWeek : undefined;
  if (week.kind === 'distance') return { monday: week.monday, isoWeek: isoWeek as string, kind: 'distance' };
  const base = { monday: week.monday, isoWeek: isoWeek ?? isoWeekLabel(week.monday), kind: week.kind, weekId: week.id, agenda: week.agenda };
  if (week.kind !== 'presential') return base;
  return {
    ...base,
    site: { id: week.siteId, name: week.siteName, address: week.address },
    room: { id: week.roomId, name: week.roomName },
    facilitators: week.facilitators,
  };
}

async function myWeek(principal: Principal) {
  const memberships = await query<{ cohortId: string; role: string }>(
    `SELECT m.cohort_id AS "cohortId", m.role FROM memberships m JOIN cohorts c ON c.id = m.cohort_id
        WHERE m.user_id = $1 ORDER BY c.starts_on DESC`,
    [principal.userId],
  );
  return Promise.all(
    memberships.map(async ({ cohortId, role }) => {
      const [cohort] = await query<{ name: string; startsOn: string; endsOn: string; timeZone: string }>(
        `SELECT c.id, c.name, ${DATE('c.starts_on')} AS "startsOn", ${DATE('c.ends_on')} AS "endsOn", c.home_site_id AS "homeSiteId",
              coalesce(s.time_zone, 'Europe/Paris') AS "timeZone",
              (SELECT count(*)::int FROM memberships m WHERE m.cohort_id = c.id AND m.role = 'learner') AS "onSiteLearners"
         FROM cohorts c LEFT JOIN sites s ON s.id = c.home_site_id
        WHERE c.id = $1`,
        [cohortId],
      );
      if (!cohort) throw new HttpError(404, 'not_found', 'Cohort not found');
      const weeks = await query<WeekRow>(
        `SELECT w.id, w.cohort_id AS "cohortId", ${DATE('w.monday')} AS monday, w.kind, w.agenda, w.sequence,
              s.id AS "siteId", s.name AS "siteName", s.address, r.id AS "roomId", r.name AS "roomName",
              coalesce((SELECT json_agg(json_build_object('userId', u.id, 'displayName', u.display_name) ORDER BY u.display_name)
                          FROM cohort_week_facilitators f JOIN users u ON u.id = f.user_id WHERE f.week_id = w.id), '[]') AS facilitators
         FROM cohort_weeks w LEFT JOIN rooms r ON r.id = w.room_id LEFT JOIN sites s ON s.id = w.site_id
        WHERE w.cohort_id = $1 AND w.status = 'scheduled'
        ORDER BY w.monday`,
        [cohortId],
      );
      const calendar = buildCohortCalendar(cohort, weeks);
      const day = localDateAt(new Date(), cohort.timeZone);
      const week = weekOf(calendar, day);
      const next = nextOnSiteWeek(calendar, day);
      const monday = mondayOf(day);
      const [from, to] = [monday, addWeeks(monday, 1)].map((date) => localDateTimeToInstant(date, '00:00', cohort.timeZone));
      const toStudy = await query(
        `SELECT ma.id AS "assignmentId", m.id AS "moduleId", m.title AS "moduleTitle", c.title AS "courseTitle", ma.mode,
              to_char(ma.due_on, 'YYYY-MM-DD') AS "dueOn",
              count(r.id)::int AS resources, count(rc.resource_id)::int AS done,
              coalesce(sum(r.estimated_minutes), 0)::int AS "estimatedMinutes"
         FROM module_assignments ma
         JOIN course_modules m ON m.id = ma.module_id
         JOIN courses c ON c.id = m.course_id AND c.status = 'published'
         LEFT JOIN course_resources r ON r.module_id = m.id
         LEFT JOIN resource_completions rc ON rc.resource_id = r.id AND rc.user_id = $2
        WHERE ma.cohort_id = $1
          AND ((ma.mode = 'during_distance' AND ma.week_monday = $3) OR (ma.mode = 'prepare_before_onsite' AND ma.week_monday = $4))
        GROUP BY ma.id, m.id, c.id
        ORDER BY ma.due_on, c.title, m.position`,
        [cohortId, principal.userId, monday, next?.monday ?? null],
      );
      const dueThisWeek = await query(
        `SELECT a.id AS "assignmentId", b.id AS "briefId", b.title, a.due_at AS "dueAt",
              EXISTS (SELECT 1 FROM submissions s
                       WHERE s.assignment_id = a.id
                         AND (s.learner_id = $2 OR s.group_id IN (SELECT g.group_id FROM assignment_group_members g WHERE g.assignment_id = a.id AND g.learner_id = $2))
                     ) AS submitted
         FROM brief_assignments a JOIN briefs b ON b.id = a.brief_id
        WHERE a.cohort_id = $1 AND a.due_at >= $3 AND a.due_at < $4
        ORDER BY a.due_at`,
        [cohortId, principal.userId, from, to],
      );
      return {
        cohortId,
        cohortName: cohort.name,
        role,
        date: day,
        week: week ? weekDto(week) : null,
        nextOnSiteWeek: next ? weekDto(next) : null,
        toStudy,
        dueThisWeek,
      };
    }),
  );
}

// ------------------------------------------- GET /api/cohorts/:id/threads (ThreadsService.list, newest first, 20)

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LIMIT = 20;

interface ThreadRow {
  id: string;
  cohortId: string;
  cohortName: string;
  trackId: string;
  scope: 'cohort' | 'track';
  title: string;
  body: string;
  tags: string[];
  status: string;
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
  createdAtKey: string;
  lastActivityAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  myVote: 1 | -1 | null;
  following: boolean;
}

async function threads(principal: Principal, cohortId: string) {
  if (!UUID.test(cohortId)) throw new HttpError(400, 'validation_failed', 'cohortId must be a UUID');
  // HelpViewers.of
  const memberships = await query<{ cohortId: string; trackId: string; role: string }>(
    `SELECT m.cohort_id AS "cohortId", c.track_id AS "trackId", m.role FROM memberships m JOIN cohorts c ON c.id = m.cohort_id WHERE m.user_id = $1`,
    [principal.userId],
  );
  const facilitated = memberships.filter((m) => m.role === 'facilitator');
  const facilitatedCohortIds = facilitated.map((m) => m.cohortId);
  const facilitatedTrackIds = [...new Set(facilitated.map((m) => m.trackId))];
  const moderates = (thread: { cohortId: string; trackId: string; scope: string }) =>
    principal.isAdmin || facilitatedCohortIds.includes(thread.cohortId) || (thread.scope === 'track' && facilitatedTrackIds.includes(thread.trackId));
  // PeerHelpRepository.cohort
  const [cohort] = await query<{ id: string; trackId: string }>(`SELECT id, track_id AS "trackId" FROM cohorts WHERE id = $1`, [cohortId]);
  if (!cohort || !(principal.isAdmin || memberships.some((m) => m.cohortId === cohortId))) throw new HttpError(404, 'not_found', 'Cohort not found');
  // PeerHelpRepository.threadsOfCohort, sort "newest", no filter, no cursor: the statement it builds, parameter for parameter.
  const moderatesCohort = moderates({ cohortId, trackId: cohort.trackId, scope: 'cohort' });
  const moderatesTrack = principal.isAdmin || facilitatedTrackIds.includes(cohort.trackId);
  const values: unknown[] = [cohortId, LIMIT + 1, cohort.trackId];
  const own = `t.cohort_id = $1::uuid
      ${moderatesCohort ? '' : 'AND t.hidden_at IS NULL'}`;
  const shared = `t.track_id = $3::uuid AND t.scope = 'track' AND t.cohort_id <> $1::uuid
      ${moderatesTrack ? '' : 'AND t.hidden_at IS NULL'}`;
  const common = `(t.deleted_at IS NULL OR t.reply_count > 0)`;
  const orderBy = 't.created_at DESC, t.id DESC';
  const halves = [shared, own].map((where) => `(SELECT t.id FROM help_threads t WHERE ${where} AND ${common} ORDER BY ${orderBy} LIMIT $2)`);
  values.push(principal.userId);
  let revealed = 'true';
  if (!principal.isAdmin) {
    values.push(principal.userId, facilitatedCohortIds);
    revealed = `(NOT t.anonymous OR t.author_id = $5::uuid OR EXISTS (
    SELECT 1 FROM memberships am WHERE am.user_id = t.author_id AND am.cohort_id = ANY($6::uuid[])))`;
  }
  const rows = await query<ThreadRow>(
    `SELECT t.id, t.cohort_id AS "cohortId", co.name AS "cohortName", t.track_id AS "trackId", t.scope, t.title, t.body, t.tags,
    t.status, t.score, t.reply_count AS "replyCount", t.accepted_reply_id AS "acceptedReplyId", t.brief_id AS "briefId",
    t.resource_id AS "resourceId", t.author_id AS "authorId", au.display_name AS "authorName", t.anonymous,
    ${revealed} AS "authorRevealed",
    t.created_at AS "createdAt", to_char(t.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "createdAtKey", t.last_activity_at AS "lastActivityAt", t.edited_at AS "editedAt", t.deleted_at AS "deletedAt",
    t.hidden_at AS "hiddenAt", t.hidden_reason AS "hiddenReason",
    (SELECT v.value FROM help_thread_votes v WHERE v.thread_id = t.id AND v.user_id = $4::uuid) AS "myVote",
    EXISTS (SELECT 1 FROM help_follows f WHERE f.thread_id = t.id AND f.user_id = $4::uuid) AS following FROM help_threads t JOIN cohorts co ON co.id = t.cohort_id JOIN users au ON au.id = t.author_id
        WHERE t.id IN (${halves.join(' UNION ALL ')})
        ORDER BY ${orderBy} LIMIT $2`,
    values,
  );
  const page = rows.slice(0, LIMIT);
  const last = page.at(-1);
  return {
    items: page.map((row) => {
      const isMod = moderates(row);
      const isAuthor = row.authorId === principal.userId;
      const textShown = row.deletedAt === null && (row.hiddenAt === null || isAuthor || isMod);
      return {
        id: row.id,
        cohortId: row.cohortId,
        cohortName: row.cohortName,
        trackId: row.trackId,
        scope: row.scope,
        title: row.hiddenAt && !isAuthor && !isMod ? null : row.title,
        excerpt: textShown ? markdownToPlainText(row.body, 200) : '',
        tags: row.tags,
        status: row.status,
        score: row.score,
        replyCount: row.replyCount,
        acceptedReplyId: row.acceptedReplyId,
        briefId: row.briefId,
        resourceId: row.resourceId,
        author: row.anonymous && !row.authorRevealed ? null : { id: row.authorId, displayName: row.authorName, handle: handleOf(row.authorName) },
        anonymous: row.anonymous,
        anonymityNotice: row.anonymous ? anonymityNotice(isAuthor ? 'author' : row.authorRevealed ? 'revealed' : 'peer') : null,
        myVote: row.myVote,
        following: row.following,
        deleted: row.deletedAt !== null,
        hidden: row.hiddenAt ? { reason: row.hiddenReason ?? '', hiddenAt: row.hiddenAt.toISOString() } : null,
        createdAt: row.createdAt.toISOString(),
        lastActivityAt: row.lastActivityAt.toISOString(),
        editedAt: row.editedAt?.toISOString() ?? null,
      };
    }),
    nextCursor: rows.length > LIMIT && last ? Buffer.from(JSON.stringify([last.createdAtKey, last.id]), 'utf8').toString('base64url') : null,
  };
}

// ------------------------------------------------------------------------------------------ server

const THREADS = /^\/api\/cohorts\/([^/]+)\/threads$/;

async function route(request: http.IncomingMessage): Promise<unknown> {
  const path = (request.url ?? '/').split('?')[0];
  if (request.method === 'GET' && path === '/health/live') return { status: 'ok' };
  if (request.method !== 'GET') throw new HttpError(404, 'not_found', 'No such route');
  if (path === '/api/me/week') return myWeek(await authenticate(request.headers.authorization));
  const match = THREADS.exec(path);
  if (match) return threads(await authenticate(request.headers.authorization), match[1]);
  throw new HttpError(404, 'not_found', 'No such route');
}

const server = http.createServer((request, response) => {
  route(request).then(
    (body) => {
      const text = JSON.stringify(body);
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
      response.end(text);
    },
    (error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (status === 500) console.error(error);
      const text = JSON.stringify({ error: { code: error instanceof HttpError ? error.code : 'internal', message: error instanceof Error ? error.message : String(error) } });
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
      response.end(text);
    },
  );
});

server.keepAliveTimeout = 5_000;
server.listen(Number(env.PORT), '127.0.0.1');

/** Stops accepting, lets requests in flight finish (autocannon leaves some), then exits. */
const stop = () => {
  server.close(() => void Promise.allSettled([pool.end(), redis.quit()]).then(() => process.exit(0)));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 3_000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
