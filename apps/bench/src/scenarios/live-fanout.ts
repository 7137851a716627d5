import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { startExtraApp } from '../harness/extra-app.js';
import { freePort, sleep, waitForHttp } from '../harness/ports.js';
import { startNode } from '../harness/processes.js';
import { rssMiB } from '../harness/proc-stats.js';
import { alternate, type Side } from '../harness/rounds.js';
import { comparedRow, describeCpu } from '../harness/rows.js';
import type { StackApp } from '../harness/stack.js';
import { accessToken } from '../harness/tokens.js';
import type { BenchContext, Row, Scenario } from '../harness/types.js';
import { median, percentile } from '../stats.js';

const SCENARIO = 'live fan-out';
/** Sockets opened at once: the handshake burst (token check, session, memberships) stays under the timeouts. */
const CONNECT_BATCH = 50;
const TIMEOUT_MS = 15_000;

interface LiveLike {
  type?: string;
  ticketId?: string | null;
}

type Ack = { ok: true; data: { id?: string } | null } | { ok: false; error: { code: string; message: string } };

/** Opens one socket on `${url}/live` and resolves once connected; rejects on a refused handshake. */
function connect(url: string, token: string | null): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(`${url}/live`, {
      transports: ['websocket'],
      auth: token ? { token } : {},
      reconnection: false,
      timeout: TIMEOUT_MS,
      forceNew: true,
    });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error: Error & { data?: unknown }) => {
      socket.close();
      reject(new Error(`socket to ${url}/live refused: ${error.message} ${JSON.stringify(error.data ?? '')}`));
    });
  });
}

/**
 * A set of sockets whose `live` events go to whoever currently waits for one: `arrivals()` resolves
 * with the time (performance.now()) each socket received the first matching event.
 */
class Sockets {
  readonly sockets: Socket[] = [];
  private listener: ((index: number, event: LiveLike, at: number) => void) | null = null;

  /** Connects socket `index` to `url(index)`, CONNECT_BATCH at a time. */
  async open(count: number, url: (index: number) => string, token: (index: number) => string | null): Promise<void> {
    for (let start = 0; start < count; start += CONNECT_BATCH) {
      const batch = Array.from({ length: Math.min(CONNECT_BATCH, count - start) }, (_, offset) => start + offset);
      await Promise.all(batch.map((index) => this.replace(index, url(index), token(index))));
    }
  }

  /** Closes socket `index` (if any) and opens it again on `url`. */
  async replace(index: number, url: string, token: string | null): Promise<void> {
    this.sockets[index]?.close();
    const socket = await connect(url, token);
    socket.on('live', (event: LiveLike) => this.listener?.(index, event, performance.now()));
    this.sockets[index] = socket;
  }

  arrivals(matches: (event: LiveLike) => boolean, what: string): Promise<number[]> {
    const times: number[] = new Array<number>(this.sockets.length).fill(Number.NaN);
    let count = 0;
    return new Promise<number[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listener = null;
        reject(new Error(`${what}: only ${count} of ${times.length} sockets received it within ${TIMEOUT_MS / 1000} s`));
      }, TIMEOUT_MS);
      this.listener = (index, event, at) => {
        if (!Number.isNaN(times[index]) || !matches(event)) return;
        times[index] = at;
        if (++count === times.length) {
          clearTimeout(timer);
          this.listener = null;
          resolve(times);
        }
      };
    });
  }

  close(): void {
    for (const socket of this.sockets) socket?.close();
  }
}

async function call(socket: Socket, event: string, payload: object): Promise<Ack & { ok: true }> {
  const answer = (await socket.timeout(TIMEOUT_MS).emitWithAck(event, payload)) as Ack;
  if (!answer.ok) throw new Error(`${event} refused: ${answer.error.code} ${answer.error.message}`);
  return answer;
}

/** 500 learners (quick: 100) and 5 facilitators (quick: 2) in a new cohort of the demo track, with access tokens. */
async function generateCohort(ctx: BenchContext, learners: number, facilitators: number): Promise<{ cohortId: string; users: { id: string; role: string }[] }> {
  const { rows: [cohort] } = await ctx.pool.query<{ id: string }>(
    `INSERT INTO cohorts (name, track_id, home_site_id, starts_on, ends_on, fully_remote)
     SELECT 'Bench live fan-out', track_id, home_site_id, starts_on, ends_on, fully_remote FROM cohorts ORDER BY created_at LIMIT 1
     RETURNING id`,
  );
  if (!cohort) throw new Error('no cohort to copy the track from: did the seed run?');
  const { rows: users } = await ctx.pool.query<{ id: string; role: string }>(
    `WITH people AS (
       SELECT i, CASE WHEN i <= $2 THEN 'learner' ELSE 'facilitator' END AS role FROM generate_series(1, $2::int + $3::int) AS i
     ), created AS (
       INSERT INTO users (email, display_name)
       SELECT 'live-fanout-' || i || '@bench.test', 'Bench ' || role || ' ' || i FROM people ORDER BY i
       RETURNING id, email
     ), joined AS (
       INSERT INTO memberships (cohort_id, user_id, role)
       SELECT $1, c.id, p.role FROM created c JOIN people p ON c.email = 'live-fanout-' || p.i || '@bench.test'
       RETURNING user_id, role
     )
     SELECT j.user_id AS id, j.role FROM joined j JOIN created c ON c.id = j.user_id ORDER BY c.email`,
    [cohort.id, learners, facilitators],
  );
  return { cohortId: cohort.id, users };
}

/**
 * A process's RSS once the handshakes' garbage had time to go: the median of five samples a second
 * apart, after 3 s. One sample 2 s after connecting gave 1.19× in one run and 3.5× in another.
 */
async function settledRss(pid: number): Promise<number | null> {
  await sleep(3_000);
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const value = rssMiB(pid);
    if (value === null) return null;
    samples.push(value);
    await sleep(1_000);
  }
  return median(samples);
}

interface Round {
  /** p99 over every socket of every broadcast of the round, ms. */
  p99: number;
  median: number;
}

function summarise(latencies: number[]): Round {
  return { p99: percentile(latencies, 99), median: median(latencies) };
}

/**
 * Scenario 3. One learner raises a ticket; how long until its `live` event reaches every socket of
 * the cohort (500 learners and 5 facilitators), measured from the moment `ticket:raise` is sent, with
 * one realtime instance and with two behind Redis; against a bare socket.io server broadcasting a
 * payload of the same size to a room on a trigger message. And the memory each connected socket costs.
 */
export const liveFanout: Scenario = {
  name: 'live-fanout',
  async run(ctx) {
    const learnerCount = ctx.quick ? 100 : 500;
    const facilitatorCount = ctx.quick ? 2 : 5;
    const rounds = ctx.quick ? 2 : 5;
    const raisesPerRound = ctx.quick ? 5 : 10;
    const { cohortId, users } = await generateCohort(ctx, learnerCount, facilitatorCount);
    const count = users.length;
    const tokens = users.map((user) => accessToken(ctx.jwtSecret, user.id));
    const learnerIndexes = users.flatMap((user, index) => (user.role === 'learner' ? [index] : []));
    ctx.log.info(`  cohort of ${learnerCount} learners and ${facilitatorCount} facilitators`);

    const root = process.cwd();
    const realtime = ctx.stack.apps.realtime;
    const fabrique = new Sockets();
    const bare = new Sockets();
    let baseline: ReturnType<typeof startNode> | null = null;
    let second: StackApp | null = null;
    const rows: Row[] = [];
    try {
      // Memory per socket: RSS of the server before and after the sockets connect.
      const realtimeBefore = await settledRss(realtime.pid);
      await fabrique.open(count, () => realtime.url, (index) => tokens[index]);
      const realtimeAfter = await settledRss(realtime.pid);
      ctx.log.info(`  ${count} sockets connected to realtime`);

      let raiseNumber = 0;
      const raise = async (): Promise<number[]> => {
        const socket = fabrique.sockets[learnerIndexes[raiseNumber++ % learnerIndexes.length]];
        const raised = fabrique.arrivals((event) => event.type === 'ticket.raised', 'ticket.raised');
        const sent = performance.now();
        const ticket = await call(socket, 'ticket:raise', { commandId: randomUUID(), cohortId, question: `Bench question ${raiseNumber}: pourquoi mon fetch renvoie undefined ?` });
        const times = await raised;
        const ticketId = ticket.data?.id;
        if (!ticketId) throw new Error('ticket:raise answered without a ticket id');
        // Cancelled before the next raise (two open tickets at most), its event delivered everywhere first.
        const cancelled = fabrique.arrivals((event) => event.type === 'ticket.cancelled' && event.ticketId === ticketId, 'ticket.cancelled');
        await call(socket, 'ticket:cancel', { commandId: randomUUID(), ticketId });
        await cancelled;
        return times.map((time) => time - sent);
      };

      // One raise to capture what a learner receives: the baseline broadcasts a payload of that size.
      let sample: unknown = null;
      const observer = fabrique.sockets[learnerIndexes[learnerIndexes.length - 1]];
      observer.once('live', (event: unknown) => (sample = event));
      await raise();
      const payload = JSON.stringify(sample);
      ctx.log.info(`  a learner's ticket.raised event: ${payload.length} bytes of JSON`);

      const port = await freePort();
      baseline = startNode('socket.io baseline', [join(root, 'dist/apps/bench/src/baselines/socketio-broadcast-server.js')], { ...process.env, PORT: String(port), PAYLOAD: payload }, ctx.log);
      const baselineUrl = `http://127.0.0.1:${port}`;
      await waitForHttp(`${baselineUrl}/health/live`, 30_000, baseline.alive);
      const baselineBefore = await settledRss(baseline.pid);
      await bare.open(count, () => baselineUrl, () => null);
      const baselineAfter = await settledRss(baseline.pid);
      const baselinePid = baseline.pid;

      const trigger = async (): Promise<number[]> => {
        const socket = bare.sockets[learnerIndexes[raiseNumber++ % learnerIndexes.length]];
        const broadcast = bare.arrivals(() => true, 'broadcast');
        const sent = performance.now();
        await call(socket, 'trigger', {});
        return (await broadcast).map((time) => time - sent);
      };
      const measureRound = async (side: Side, raises: number): Promise<Round> => {
        const latencies: number[] = [];
        for (let i = 0; i < raises; i++) latencies.push(...(side === 'fabrique' ? await raise() : await trigger()));
        return summarise(latencies);
      };

      const bench = () => [process.pid];
      const compare = async (label: string, realtimePids: () => number[], target: string) => {
        const measured = await alternate<Round>({
          label,
          rounds,
          log: ctx.log,
          warmUp: (side) => measureRound(side, 2),
          measure: (side) => measureRound(side, raisesPerRound),
          describe: (round) => `p99 ${round.p99.toFixed(1)} ms, median ${round.median.toFixed(1)} ms`,
          cpu: {
            fabrique: { realtime: realtimePids, 'bench (clients)': bench },
            baseline: { baseline: () => [baselinePid], 'bench (clients)': bench },
          },
        });
        return comparedRow({
          scenario: SCENARIO,
          metric: `ticket event to ${count} sockets p99 latency, ${label}`,
          unit: 'ms',
          target,
          fabrique: measured.fabrique.map((round) => round.p99),
          baseline: measured.baseline.map((round) => round.p99),
          notes:
            `baseline: bare socket.io 4 broadcasting ${payload.length} bytes to a room on a trigger. ${raisesPerRound} broadcasts per round, from send to arrival on every socket. ` +
            `Median latency (ms, median of rounds) — Fabrique ${median(measured.fabrique.map((round) => round.median)).toFixed(1)}, baseline ${median(measured.baseline.map((round) => round.median)).toFixed(1)}. ` +
            `CPU (% of one core, median of rounds; a round lasts well under a second, so these are coarse: 10 ms ticks) — Fabrique run: ${describeCpu(measured.cpu.fabrique)}; baseline run: ${describeCpu(measured.cpu.baseline)}.`,
        });
      };

      rows.push(await compare('one realtime instance', () => [realtime.pid], '≤ 1.5×'));

      if (realtimeBefore !== null && realtimeAfter !== null && baselineBefore !== null && baselineAfter !== null) {
        const perSocket = (before: number, after: number) => ((after - before) * 1024) / count;
        rows.push(
          comparedRow({
            scenario: SCENARIO,
            metric: `memory per connected socket (${count} sockets)`,
            unit: 'KiB',
            target: '≤ 1.5×',
            fabrique: [perSocket(realtimeBefore, realtimeAfter)],
            baseline: [perSocket(baselineBefore, baselineAfter)],
            notes: `RSS delta of the server ÷ sockets, each side settled (median of five samples a second apart, from 3 s after the last connected). realtime ${realtimeBefore.toFixed(1)} → ${realtimeAfter.toFixed(1)} MiB; bare socket.io ${baselineBefore.toFixed(1)} → ${baselineAfter.toFixed(1)} MiB.`,
          }),
        );
      } else {
        ctx.log.warn('  could not read the RSS of realtime or the baseline: no memory row');
      }

      // Two instances behind Redis: every other socket moves to a second realtime process.
      second = await startExtraApp(root, ctx.stack, ctx.log, { app: 'realtime', name: 'realtime-2' });
      const secondUrl = second.url;
      const moved = Array.from({ length: count }, (_, index) => index).filter((index) => index % 2 === 1);
      for (let start = 0; start < moved.length; start += CONNECT_BATCH) {
        await Promise.all(moved.slice(start, start + CONNECT_BATCH).map((index) => fabrique.replace(index, secondUrl, tokens[index])));
      }
      await sleep(1_000);
      ctx.log.info(`  ${moved.length} sockets moved to a second realtime instance`);
      const secondPid = second.pid;
      rows.push(await compare('two realtime instances (Redis)', () => [realtime.pid, secondPid], '≤ 2×'));
    } finally {
      fabrique.close();
      bare.close();
      await baseline?.stop();
      await second?.child.stop();
    }
    await ctx.sampleRss('after live fan-out');
    return rows;
  },
};
