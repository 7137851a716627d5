import pg from 'pg';
import { startExtraApp } from '../harness/extra-app.js';
import { closedLoop, type ClosedLoopResult, type TimedRequest } from '../harness/closed-loop.js';
import { pidsNamed } from '../harness/proc-stats.js';
import { alternate, type Side } from '../harness/rounds.js';
import { comparedRow, describeCpu } from '../harness/rows.js';
import { migrate } from '../harness/services.js';
import type { StackApp } from '../harness/stack.js';
import { accessToken } from '../harness/tokens.js';
import type { BenchContext, Row, Scenario } from '../harness/types.js';
import { percentile } from '../stats.js';
import { SEARCHER_EMAIL, SEARCHES, searchDatabase } from './search-data.js';

const SCENARIO = 'search growth';
/** Learners searching at the same moment, each waiting for their answer before the next search. */
const CLIENTS = 4;

/** One size of school: its api process and the learner who searches it. */
interface School {
  posts: number;
  api: StackApp;
  token: string;
  visiblePosts: number;
}

const label = (posts: number) => posts.toLocaleString('en');

async function prepare(ctx: BenchContext, posts: number): Promise<Omit<School, 'api' | 'token'> & { databaseUrl: string; userId: string }> {
  const server = new URL(ctx.databaseUrl);
  server.pathname = '/postgres';
  const databaseUrl = await searchDatabase({
    root: process.cwd(),
    serverUrl: server.toString(),
    name: `fabrique_bench_search_${posts}`,
    posts,
    log: ctx.log,
    migrate: (url) => migrate(process.cwd(), url, ctx.redisUrl),
  });
  
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows: [searcher] } = await client.query<{ id: string; visible: string }>(
      `SELECT u.id,
         (SELECT count(*) FROM help_threads t WHERE t.cohort_id = m.cohort_id OR (t.scope = 'track' AND t.track_id = c.track_id))
         + (SELECT count(*) FROM help_replies r JOIN help_threads t ON t.id = r.thread_id WHERE t.cohort_id = m.cohort_id OR (t.scope = 'track' AND t.track_id = c.track_id)) AS visible
       FROM users u JOIN memberships m ON m.user_id = u.id JOIN cohorts c ON c.id = m.cohort_id WHERE u.email = $1`,
      [SEARCHER_EMAIL],
    );
    return { posts, databaseUrl, userId: searcher.id, visiblePosts: Number(searcher.visible) };
  } finally {
    await client.end();
  }
}

function searchRequests(side: School): TimedRequest[] {
  return SEARCHES.flatMap((search) =>
    [search.accented, search.plain].map((q) => ({
      url: `${side.api.url}/api/threads?q=${encodeURIComponent(q)}`,
      headers: { authorization: `Bearer ${side.token}` },
      label: search.kind,
    })),
  );
}

/** Both spellings must find the same threads, or "accents ignored" is not what is measured. */
async function checkAccents(side: School, log: BenchContext['log']): Promise<void> {
  for (const search of SEARCHES) {
    const [accented, plain] = await Promise.all(
      [search.accented, search.plain].map(async (q) => {
        const response = await fetch(`${side.api.url}/api/threads?q=${encodeURIComponent(q)}`, { headers: { authorization: `Bearer ${side.token}` } });
        if (!response.ok) throw new Error(`search "${q}" answered ${response.status}: ${await response.text()}`);
        return ((await response.json()) as { items: { id: string }[]; nextCursor: string | null });
      }),
    );
    const ids = (page: typeof accented) => page.items.map((item) => item.id).join(',');
    if (ids(accented) !== ids(plain)) throw new Error(`at ${label(side.posts)} posts, "${search.accented}" and "${search.plain}" find different threads`);
    log.info(`  ${label(side.posts)} posts, "${search.accented}" = "${search.plain}": ${accented.items.length} hits on the first page${accented.nextCursor ? ', more after' : ''}`);
  }
}

/**
 * Scenario 2. Thread search (French words with and without accents) as a learner, against a
 * school with 10,000 posts and one with 1,000,000 (quick: 100,000), each in its own database
 * served by its own api process, measured alternately in the same run. The 10,000-post school is
 * the baseline: the target is that p95 grows at most 2× when the history grows 100×.
 */
export const searchGrowth: Scenario = {
  name: 'search-growth',
  async run(ctx) {
    const sizes = { baseline: 10_000, fabrique: ctx.quick ? 100_000 : 1_000_000 } as const;
    const prepared = { baseline: await prepare(ctx, sizes.baseline), fabrique: await prepare(ctx, sizes.fabrique) };
    const started: StackApp[] = [];
    const rows: Row[] = [];
    try {
      const sides = {} as Record<Side, School>;
      for (const side of ['baseline', 'fabrique'] as const) {
        const { posts, databaseUrl, userId, visiblePosts } = prepared[side];
        const api = await startExtraApp(process.cwd(), ctx.stack, ctx.log, { app: 'api', name: `api-search-${posts}`, env: { DATABASE_URL: databaseUrl } });
        started.push(api);
        sides[side] = { posts, api, token: accessToken(ctx.jwtSecret, userId), visiblePosts };
        await checkAccents(sides[side], ctx.log);
      }

      const seconds = ctx.quick ? 2 : 10;
      const measured = await alternate<ClosedLoopResult>({
        label: 'thread search',
        rounds: ctx.quick ? 2 : 5,
        log: ctx.log,
        warmUp: (side) => closedLoop({ requests: searchRequests(sides[side]), clients: CLIENTS, seconds: 2 }),
        measure: (side) => closedLoop({ requests: searchRequests(sides[side]), clients: CLIENTS, seconds }),
        describe: (result) => `${Math.round(result.throughput)} searches/s, p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms`,
        cpu: {
          fabrique: { api: () => [sides.fabrique.api.pid], postgres: () => pidsNamed('postgres'), bench: () => [process.pid] },
          baseline: { api: () => [sides.baseline.api.pid], postgres: () => pidsNamed('postgres'), bench: () => [process.pid] },
        },
      });

      const perKind = (side: Side) =>
        SEARCHES.map((search) => `${search.kind} "${search.accented}" ${percentile(measured[side].flatMap((round) => round.byLabel[search.kind] ?? []), 95).toFixed(1)} ms`).join(', ');
      const metric = `GET /api/threads?q= at ${label(sizes.fabrique)} vs ${label(sizes.baseline)} posts`;
      const notes =
        `${CLIENTS} learners searching back to back, 12 searches in turn (6 searches, with and without accents). ` +
        `The searcher reads ${label(sides.fabrique.visiblePosts)} of ${label(sizes.fabrique)} posts and ${label(sides.baseline.visiblePosts)} of ${label(sizes.baseline)}. ` +
        `p95 per search at ${label(sizes.fabrique)}: ${perKind('fabrique')}; at ${label(sizes.baseline)}: ${perKind('baseline')}. ` +
        `CPU (% of one core) — ${label(sizes.fabrique)}: ${describeCpu(measured.cpu.fabrique)}; ${label(sizes.baseline)}: ${describeCpu(measured.cpu.baseline)}.`;
      rows.push(
        comparedRow({
          scenario: SCENARIO,
          metric: `${metric}, p95 latency`,
          unit: 'ms',
          target: '≤ 2×',
          fabrique: measured.fabrique.map((result) => result.p95),
          baseline: measured.baseline.map((result) => result.p95),
          notes,
        }),
        comparedRow({
          scenario: SCENARIO,
          metric: `${metric}, p50 latency`,
          unit: 'ms',
          target: '—',
          fabrique: measured.fabrique.map((result) => result.p50),
          baseline: measured.baseline.map((result) => result.p50),
        }),
        comparedRow({
          scenario: SCENARIO,
          metric: `${metric}, searches per second`,
          unit: 'req/s',
          target: '—',
          fabrique: measured.fabrique.map((result) => result.throughput),
          baseline: measured.baseline.map((result) => result.throughput),
        }),
      );
    } finally {
      for (const app of started) await app.child.stop();
    }
    return rows;
  },
};
