import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { alternate, type Side } from '../harness/rounds.js';
import { load, type LoadResult } from '../harness/load.js';
import { startNode } from '../harness/processes.js';
import { freePort, waitForHttp } from '../harness/ports.js';
import { pidsNamed } from '../harness/proc-stats.js';
import { comparedRow, describeCpu } from '../harness/rows.js';
import type { BenchContext, Row, Scenario } from '../harness/types.js';

export const DEMO_LEARNER = { email: 'sandrine.lemaire@fabrique.demo', password: 'fabrique-demo' };
const THREADS = 400;

/** A few hundred peer-help threads in the learner's cohort: markdown bodies, tags, some anonymous, hidden, deleted, voted, followed. */
async function generateThreads(ctx: BenchContext, cohortId: string, learnerId: string): Promise<void> {
  await ctx.pool.query(
    `WITH members AS (SELECT array_agg(m.user_id ORDER BY m.user_id) AS ids FROM memberships m WHERE m.cohort_id = $1),
          facilitator AS (SELECT m.user_id FROM memberships m WHERE m.cohort_id = $1 AND m.role = 'facilitator' LIMIT 1)
     INSERT INTO help_threads (cohort_id, track_id, scope, author_id, anonymous, title, body, tags, score, reply_count, created_at, last_activity_at,
                               deleted_at, hidden_at, hidden_by, hidden_reason)
     SELECT c.id, c.track_id, CASE WHEN i % 5 = 0 THEN 'track' ELSE 'cohort' END,
            members.ids[1 + i % cardinality(members.ids)], i % 7 = 0,
            'Question ' || i || ' : pourquoi mon ' || (ARRAY['useEffect','fetch','JOIN','git rebase','CSS grid'])[1 + i % 5] || ' ne marche pas ?',
            '## Contexte' || E'\n\n' || 'J''essaie de **faire marcher** le brief, mais ' || repeat('le code \`renvoie undefined\` quand je clique. ', 1 + i % 6)
              || E'\n\n' || '- étape 1' || E'\n' || '- étape 2' || E'\n\n' || '\`\`\`js' || E'\n' || 'const x = await fetch(url);' || E'\n' || '\`\`\`',
            ARRAY[(ARRAY['javascript','sql','git','css','react'])[1 + i % 5]] || CASE WHEN i % 3 = 0 THEN ARRAY['brief'] ELSE ARRAY[]::text[] END,
            (i % 9) - 2, i % 4, now() - make_interval(mins => i * 37), now() - make_interval(mins => i * 30),
            CASE WHEN i % 41 = 0 THEN now() END,
            CASE WHEN i % 53 = 0 THEN now() END, CASE WHEN i % 53 = 0 THEN facilitator.user_id END, CASE WHEN i % 53 = 0 THEN 'Hors sujet' END
       FROM generate_series(1, $2::int) AS i, cohorts c, members, facilitator
      WHERE c.id = $1`,
    [cohortId, THREADS],
  );
  await ctx.pool.query(
    `INSERT INTO help_thread_votes (thread_id, user_id, value, voted_at)
     SELECT t.id, $2, 1, now() FROM help_threads t WHERE t.cohort_id = $1 AND t.author_id <> $2 AND t.score % 3 = 0 ON CONFLICT DO NOTHING`,
    [cohortId, learnerId],
  );
  await ctx.pool.query(
    `INSERT INTO help_follows (thread_id, user_id, followed_at)
     SELECT t.id, $2, now() FROM help_threads t WHERE t.cohort_id = $1 AND t.reply_count = 2 ON CONFLICT DO NOTHING`,
    [cohortId, learnerId],
  );
  await ctx.pool.query('ANALYZE');
}

async function getJson(url: string, token: string): Promise<unknown> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const text = await response.text();
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

/** The first path where two JSON values differ, for the failure message. */
function firstDifference(a: unknown, b: unknown, path = '$'): string {
  if (isDeepStrictEqual(a, b)) return '';
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
      if (found) return found;
    }
  }
  return `${path}: Fabrique ${JSON.stringify(a)?.slice(0, 200)} ≠ baseline ${JSON.stringify(b)?.slice(0, 200)}`;
}

/**
 * Scenario 1. A learner's two most frequent reads, "my week" and the cohort's thread list, through
 * the API against bare node:http + pg running the same SQL; and a no-op route through Nest against
 * bare Express. Fabrique and baseline alternate, several rounds, 20 connections.
 */
export const learnerReads: Scenario = {
  name: 'learner-reads',
  async run(ctx) {
    const { rows: [learner] } = await ctx.pool.query<{ id: string; cohortId: string }>(
      `SELECT u.id, m.cohort_id AS "cohortId" FROM users u JOIN memberships m ON m.user_id = u.id WHERE u.email = $1 LIMIT 1`,
      [DEMO_LEARNER.email],
    );
    if (!learner) throw new Error(`no demo learner ${DEMO_LEARNER.email}: did the seed run?`);
    await generateThreads(ctx, learner.cohortId, learner.id);
    const token = await ctx.login(DEMO_LEARNER.email, DEMO_LEARNER.password);

    const root = process.cwd();
    const [baselinePort, expressPort] = [await freePort(), await freePort()];
    const baseline = startNode(
      'baseline',
      [join(root, 'dist/apps/bench/src/baselines/learner-reads-server.js')],
      { ...process.env, PORT: String(baselinePort), DATABASE_URL: ctx.databaseUrl, REDIS_URL: ctx.redisUrl, REDIS_PREFIX: ctx.redisPrefix, JWT_SECRET: ctx.jwtSecret },
      ctx.log,
    );
    const bareExpress = startNode('express', [join(root, 'dist/apps/bench/src/baselines/express-live-server.js')], { ...process.env, PORT: String(expressPort) }, ctx.log);
    const rows: Row[] = [];
    try {
      const baselineUrl = `http://127.0.0.1:${baselinePort}`;
      const expressUrl = `http://127.0.0.1:${expressPort}`;
      await waitForHttp(`${baselineUrl}/health/live`, 30_000, baseline.alive);
      await waitForHttp(`${expressUrl}/health/live`, 30_000, bareExpress.alive);

      const endpoints = [
        { metric: 'GET /api/me/week', path: '/api/me/week', fabrique: ctx.stack.apiUrl, baseline: baselineUrl, baselinePid: baseline.pid, label: 'node:http + pg', auth: true },
        { metric: `GET /api/cohorts/:id/threads`, path: `/api/cohorts/${learner.cohortId}/threads`, fabrique: ctx.stack.apiUrl, baseline: baselineUrl, baselinePid: baseline.pid, label: 'node:http + pg', auth: true },
        { metric: 'GET /health/live (no-op)', path: '/health/live', fabrique: ctx.stack.apiUrl, baseline: expressUrl, baselinePid: bareExpress.pid, label: 'bare Express', auth: false },
      ];

      // Same answer, or the comparison means nothing.
      for (const endpoint of endpoints.filter((e) => e.auth)) {
        const [ours, theirs] = [await getJson(endpoint.fabrique + endpoint.path, token), await getJson(endpoint.baseline + endpoint.path, token)];
        const difference = firstDifference(ours, theirs);
        if (difference) throw new Error(`the baseline of ${endpoint.metric} answers differently from Fabrique — ${difference}`);
        const size = JSON.stringify(ours).length;
        ctx.log.info(`  ${endpoint.metric}: baseline answers the same JSON (${size} bytes)`);
      }

      const connections = 20;
      const seconds = ctx.quick ? 2 : 10;
      const rounds = ctx.quick ? 2 : 5;
      const postgres = () => pidsNamed('postgres');
      const bench = () => [process.pid];
      for (const endpoint of endpoints) {
        const headers: Record<string, string> = endpoint.auth ? { authorization: `Bearer ${token}` } : {};
        const url = (side: Side) => (side === 'fabrique' ? endpoint.fabrique : endpoint.baseline) + endpoint.path;
        const measured = await alternate<LoadResult>({
          label: endpoint.metric,
          rounds,
          log: ctx.log,
          warmUp: (side) => load({ url: url(side), headers, connections, seconds: 1 }),
          measure: (side) => load({ url: url(side), headers, connections, seconds }),
          describe: (result) => `${Math.round(result.throughput)} req/s, p99 ${result.p99} ms`,
          cpu: {
            fabrique: { api: () => [ctx.stack.apps.api.pid], postgres, 'bench (autocannon)': bench },
            baseline: { baseline: () => [endpoint.baselinePid], postgres, 'bench (autocannon)': bench },
          },
        });
        const notes = `baseline: ${endpoint.label}. CPU (% of one core, median of rounds) — Fabrique run: ${describeCpu(measured.cpu.fabrique)}; baseline run: ${describeCpu(measured.cpu.baseline)}.`;
        const target = endpoint.auth ? '≥ 0.6' : '≥ 0.75';
        rows.push(
          comparedRow({
            scenario: 'learner reads',
            metric: `${endpoint.metric} throughput`,
            unit: 'req/s',
            target,
            fabrique: measured.fabrique.map((r) => r.throughput),
            baseline: measured.baseline.map((r) => r.throughput),
            notes,
          }),
          comparedRow({
            scenario: 'learner reads',
            metric: `${endpoint.metric} p99 latency`,
            unit: 'ms',
            target: endpoint.auth ? '≤ 2×' : '—',
            fabrique: measured.fabrique.map((r) => r.p99),
            baseline: measured.baseline.map((r) => r.p99),
          }),
        );
      }
    } finally {
      await baseline.stop();
      await bareExpress.stop();
    }
    await ctx.sampleRss('after learner reads');
    return rows;
  },
};
