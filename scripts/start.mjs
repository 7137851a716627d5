// `npm start` (scripts/start.sh installs dependencies first, then runs this): builds when the
// sources changed, makes sure PostgreSQL and Redis answer (starting an embedded PostgreSQL or a
// local redis-server when they do not), migrates, seeds the demo school, runs api, realtime and
// worker as children until Ctrl-C or SIGTERM, then stops them before the services it started.
//
// Settings, all optional: DATABASE_URL and REDIS_URL (used as given: nothing is started for them
// when they do not answer, except a redis-server on this machine); FABRIQUE_EMBEDDED_POSTGRES=1 to
// use the embedded PostgreSQL even when one answers on 5432; FABRIQUE_EMBEDDED_POSTGRES_PORT (5433,
// or the next free port); API_PORT, REALTIME_PORT, WORKER_HEALTH_PORT; any other variable of
// libs/config reaches the apps unchanged.
import { execFileSync, fork, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import pg from 'pg';
import { ensureBuilt } from './ensure-built.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
process.chdir(root);
const began = Date.now();
const env = process.env;
const DATA = join(root, '.data');
const STATE_FILE = join(DATA, 'start.json');
const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/fabrique';
const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
// The embedded server listens on 127.0.0.1 only; this password just satisfies its scram setup.
const EMBEDDED_PASSWORD = 'fabrique';

const APPS = [
  { name: 'api', portVariable: 'API_PORT', defaultPort: 3000 },
  { name: 'realtime', portVariable: 'REALTIME_PORT', defaultPort: 3001 },
  { name: 'worker', portVariable: 'WORKER_HEALTH_PORT', defaultPort: 3002 },
].map((app) => ({ ...app, main: `dist/apps/${app.name}/src/main.js`, port: Number(env[app.portVariable] || app.defaultPort) }));

/** A failure whose message says everything: printed without a stack. */
class StartError extends Error {}

const say = (message) => console.log(`[start] ${message}`);
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

/** What this launcher started, oldest first: { name, kind: 'app' | 'service', child, marker, stop(signal) }. */
const running = [];
let stopping = false;

// ---------------------------------------------------------------------------------- processes

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** True when `pid` still runs a command containing `marker` (pids get reused). */
function runs(pid, marker) {
  if (!pid || !isAlive(pid)) return false;
  try {
    return execFileSync('ps', ['-o', 'command=', '-p', String(pid)], { encoding: 'utf8' }).includes(marker);
  } catch {
    return false;
  }
}

function saveState() {
  mkdirSync(DATA, { recursive: true });
  const children = running.map(({ name, child, marker }) => ({ name, pid: child.pid, marker }));
  writeFileSync(STATE_FILE, `${JSON.stringify({ launcher: process.pid, children }, null, 2)}\n`);
}

/** Refuses to run twice at once, and stops what a launcher that was killed outright left behind. */
async function takeOverState() {
  if (!existsSync(STATE_FILE)) return;
  const state = JSON.parse(readFileSync(STATE_FILE, 'utf8'));
  if (state.launcher !== process.pid && runs(state.launcher, 'scripts/start.mjs')) {
    throw new StartError(`Fabrique is already running (launcher pid ${state.launcher}). Stop it with Ctrl-C in its terminal, or: kill ${state.launcher}`);
  }
  for (const { name, pid, marker } of state.children ?? []) {
    if (!runs(pid, marker)) continue;
    say(`Stopping ${name} (pid ${pid}) left running by an earlier launcher…`);
    process.kill(pid, 'SIGTERM');
    for (let waited = 0; isAlive(pid) && waited < 15_000; waited += 100) await sleep(100);
    if (isAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(STATE_FILE, { force: true });
}

/** Copies a child's output line by line: JSON log lines as they are (they name their service), others prefixed. */
function relay(child, name) {
  for (const [stream, out] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => out.write(line.startsWith('{') ? `${line}\n` : `[${name}] ${line}\n`));
  }
}

const exited = (child) => child.exitCode !== null || child.signalCode !== null;

function waitForExit(child, ms) {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((done) => {
    const timer = setTimeout(() => done(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      done(true);
    });
  });
}

/** Sends `signal`, waits up to `ms`, then kills the child's whole process group. */
async function stopChild(child, signal, ms) {
  if (exited(child)) return;
  child.kill(signal);
  if (await waitForExit(child, ms)) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
  await waitForExit(child, 5_000);
}

/** Runs `node <script> [args]` to completion with the apps' environment; resolves with its stdout when `capture`. */
function runNode(name, args, childEnv, { capture = false } = {}) {
  if (stopping) throw new StartError('Stopped.');
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let captured = '';
    if (capture) {
      child.stdout.on('data', (chunk) => (captured += chunk));
      relay({ stderr: child.stderr }, name);
    } else {
      relay(child, name);
    }
    child.on('error', fail);
    child.on('exit', (code, signal) => (code === 0 ? done(captured) : fail(new StartError(`${name} failed (${signal ?? `exit code ${code}`}).`))));
  });
}

// ------------------------------------------------------------------------------------ network

function tcpAnswers(host, port, ms = 1_000) {
  return new Promise((done) => {
    const socket = net.connect({ host: host.replace(/^\[|\]$/g, ''), port });
    const finish = (answer) => {
      socket.destroy();
      done(answer);
    };
    socket.setTimeout(ms, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

function portIsFree(port) {
  return new Promise((done) => {
    const server = net.createServer();
    server.once('error', () => done(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => done(true)));
  });
}

async function freePortFrom(port) {
  for (let candidate = port; candidate < port + 20; candidate++) if (await portIsFree(candidate)) return candidate;
  throw new StartError(`No free port between ${port} and ${port + 19} for the embedded PostgreSQL.`);
}

const portOf = (url, fallback) => Number(url.port || fallback);
const isLocalHost = (host) => ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host);
const withoutPassword = (url) => {
  const shown = new URL(url);
  if (shown.password) shown.password = '***';
  return shown.toString();
};

// --------------------------------------------------------------------------------- PostgreSQL

async function ensurePostgres() {
  const given = env.DATABASE_URL;
  const forceEmbedded = env.FABRIQUE_EMBEDDED_POSTGRES === '1';
  if (given && forceEmbedded) throw new StartError('Set DATABASE_URL or FABRIQUE_EMBEDDED_POSTGRES=1, not both.');
  let url = new URL(given || DEFAULT_DATABASE_URL);
  const answers = !forceEmbedded && (await tcpAnswers(url.hostname, portOf(url, 5432)));
  if (answers) {
    say(`Using the PostgreSQL that answers on ${url.host}.`);
  } else if (given) {
    throw new StartError(
      `PostgreSQL does not answer on ${url.host} (DATABASE_URL). Start it, or unset DATABASE_URL and npm start runs an embedded PostgreSQL.`,
    );
  } else {
    url = await startEmbeddedPostgres(forceEmbedded ? 'FABRIQUE_EMBEDDED_POSTGRES=1' : `nothing answers on ${url.host}`);
  }
  await createDatabaseIfMissing(url);
  return url.toString();
}

async function startEmbeddedPostgres(why) {
  if (stopping) throw new StartError('Stopped.');
  const port = await freePortFrom(Number(env.FABRIQUE_EMBEDDED_POSTGRES_PORT || 5433));
  const dataDir = join(DATA, 'postgres');
  say(`Starting an embedded PostgreSQL on 127.0.0.1:${port} (${why}); data in .data/postgres, log in .data/postgres.log…`);
  const marker = 'scripts/embedded-postgres.mjs';
  const child = fork(join(root, marker), [JSON.stringify({ dataDir, port, password: EMBEDDED_PASSWORD })], {
    detached: true, // Ctrl-C reaches the launcher only; the launcher stops the database last
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  relay(child, 'postgres');
  running.push({ name: 'postgres', kind: 'service', child, marker, stop: () => stopChild(child, 'SIGTERM', 20_000) });
  saveState();
  await new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new StartError('The embedded PostgreSQL did not start within 120 s (see .data/postgres.log).')), 120_000);
    child.on('message', (message) => {
      clearTimeout(timer);
      if (message.ready) done();
      else fail(new StartError(`The embedded PostgreSQL did not start: ${message.error}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(new StartError(`The embedded PostgreSQL stopped during start-up (exit code ${code}); see .data/postgres.log.`));
    });
  });
  return new URL(`postgres://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/fabrique`);
}

async function createDatabaseIfMissing(url) {
  const database = decodeURIComponent(url.pathname.slice(1)) || 'postgres';
  const tryConnect = async (target) => {
    const client = new pg.Client({ connectionString: target.toString(), connectionTimeoutMillis: 5_000 });
    await client.connect();
    return client;
  };
  try {
    await (await tryConnect(url)).end();
    return;
  } catch (error) {
    if (error.code !== '3D000') throw new StartError(`Cannot connect to PostgreSQL at ${withoutPassword(url)}: ${error.message}`);
  }
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = await tryConnect(maintenance);
  try {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
    say(`Created the database "${database}".`);
  } catch (error) {
    if (error.code !== '42P04') throw new StartError(`Cannot create the database "${database}": ${error.message}`);
  } finally {
    await client.end();
  }
}

// -------------------------------------------------------------------------------------- Redis

async function redisAnswers(url) {
  const client = new Redis(url.toString(), {
    lazyConnect: true,
    connectTimeout: 1_000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

function onPath(command) {
  try {
    execFileSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function ensureRedis() {
  const url = new URL(env.REDIS_URL || DEFAULT_REDIS_URL);
  if (await redisAnswers(url)) {
    say(`Using the Redis that answers on ${url.host}.`);
    return url.toString();
  }
  if (!isLocalHost(url.hostname) || !onPath('redis-server')) {
    throw new StartError(
      [
        `No Redis answers on ${url.host}${env.REDIS_URL ? ' (REDIS_URL)' : ''}. Start one, or install one and run npm start again:`,
        '  Debian, Ubuntu:  sudo apt-get install redis-server',
        '  macOS:           brew install redis && brew services start redis',
        '  Docker:          docker run -d --name fabrique-redis -p 127.0.0.1:6379:6379 redis:7',
      ].join('\n'),
    );
  }
  if (stopping) throw new StartError('Stopped.');
  const port = portOf(url, 6379);
  const dir = join(DATA, 'redis');
  mkdirSync(dir, { recursive: true });
  say(`Starting redis-server on 127.0.0.1:${port} (nothing answered); data in .data/redis, log in .data/redis.log…`);
  const child = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--dir', dir, '--logfile', join(DATA, 'redis.log')], {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  relay(child, 'redis');
  running.push({ name: 'redis', kind: 'service', child, marker: 'redis-server', stop: () => stopChild(child, 'SIGTERM', 15_000) });
  saveState();
  for (let waited = 0; waited < 15_000; waited += 200) {
    if (exited(child)) break;
    if (await redisAnswers(url)) return url.toString();
    await sleep(200);
  }
  throw new StartError('redis-server did not answer within 15 s; see .data/redis.log.');
}

// --------------------------------------------------------------------------------------- apps

async function startApp(app, appEnv) {
  if (stopping) throw new StartError('Stopped.');
  if (!existsSync(app.main)) throw new StartError(`${app.main} is missing: does apps/${app.name}/src/main.ts exist?`);
  const child = spawn(process.execPath, ['--enable-source-maps', app.main], {
    env: appEnv,
    detached: true, // only the launcher gets Ctrl-C, and forwards it once
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  relay(child, app.name);
  const entry = { name: app.name, kind: 'app', child, marker: app.main, stop: (signal) => stopChild(child, signal, 15_000) };
  running.push(entry);
  saveState();
  child.on('exit', (code, signal) => {
    if (!stopping) void shutdown(`${app.name} stopped unexpectedly (${signal ?? `exit code ${code}`})`, 1);
  });
}

async function waitUntilReady(app) {
  const url = `http://127.0.0.1:${app.port}/health/ready`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (stopping) throw new StartError('Stopped.');
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new StartError(`${app.name} was not ready within 120 s (${url}).`);
}

// ------------------------------------------------------------------------------------ the run

async function shutdown(reason, exitCode, signal = 'SIGTERM') {
  if (stopping) return;
  stopping = true;
  if (reason) say(`${reason}: stopping…`);
  const apps = running.filter((entry) => entry.kind === 'app');
  await Promise.all(apps.map((entry) => entry.stop(signal)));
  for (const entry of running.filter((candidate) => candidate.kind === 'service').reverse()) await entry.stop();
  rmSync(STATE_FILE, { force: true });
  if (running.length) say('Stopped.');
  process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  // npm forwards the terminal's Ctrl-C as well: the repeats are ignored, the stop has its own time limits.
  process.on(signal, () => void shutdown(`Received ${signal}`, 0, signal === 'SIGHUP' ? 'SIGTERM' : signal));
}

// `kill <pid of npm>` ends npm without passing the signal on: stop when the parent is gone.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) void shutdown('The process that started this launcher has gone', 0);
}, 500).unref();

async function main() {
  await takeOverState();
  await ensureBuilt({ root, log: say });

  const databaseUrl = await ensurePostgres();
  const redisUrl = await ensureRedis();
  const [api, realtime] = APPS;
  const appEnv = {
    // The web app is served by the API: its pages open their socket to realtime, on the ports chosen here.
    PUBLIC_URL: `http://localhost:${api.port}`,
    REALTIME_PUBLIC_URL: `http://localhost:${realtime.port}`,
    CORS_ORIGINS: [api.port, 5173].flatMap((port) => [`http://localhost:${port}`, `http://127.0.0.1:${port}`]).join(','),
    ...env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
  };

  for (const app of APPS) {
    if (!(await portIsFree(app.port))) {
      throw new StartError(`Port ${app.port} (${app.name}) is taken by another program. Stop it, or choose another port: ${app.portVariable}=${app.port + 10} npm start`);
    }
  }

  say('Migrating…');
  await runNode('migrate', ['dist/libs/persistence/src/cli/migrate.js'], appEnv);
  let seed;
  if ((env.NODE_ENV ?? 'development') === 'production') {
    say('NODE_ENV=production: no demo data.');
  } else {
    const output = await runNode('seed', ['dist/apps/api/src/seed/seed-cli.js', '--json'], appEnv, { capture: true });
    seed = JSON.parse(output.trim().split('\n').pop());
    say(seed.created || seed.updated ? `Demo data written (${seed.created} rows created, ${seed.updated} updated).` : 'Demo data already in place.');
  }

  say('Starting api, realtime and worker…');
  for (const app of APPS) await startApp(app, appEnv);
  await Promise.all(APPS.map(waitUntilReady));
  printBanner(databaseUrl, redisUrl, seed);
}

function printBanner(databaseUrl, redisUrl, seed) {
  const [api, realtime, worker] = APPS;
  const lines = [
    '',
    `Fabrique is ready (${((Date.now() - began) / 1000).toFixed(1)} s).`,
    `  Web app      http://localhost:${api.port}/   (open this; npm run dev:web serves it with hot reload on :5173)`,
    `  API          http://localhost:${api.port}/api`,
    `  API docs     http://localhost:${api.port}/docs`,
    `  Realtime     http://localhost:${realtime.port}  (socket.io; health: /health/ready)`,
    `  Worker       http://localhost:${worker.port}/health/ready`,
    `  PostgreSQL   ${withoutPassword(databaseUrl)}`,
    `  Redis        ${redisUrl}`,
  ];
  if (seed) {
    lines.push('', `Demo logins, all with the password "${seed.password}":`);
    for (const login of seed.logins) lines.push(`  ${login.role.padEnd(12)} ${login.email.padEnd(32)} ${login.displayName}`);
    lines.push(
      '',
      'Try:',
      `  curl -s http://localhost:${api.port}/api/auth/login -H 'Content-Type: application/json' \\`,
      `    -d '{"email":"${seed.logins[0].email}","password":"${seed.password}"}'`,
    );
  }
  lines.push('', 'Ctrl-C stops everything.', '');
  console.log(lines.join('\n'));
}

main().catch((error) => {
  if (stopping) return;
  console.error(error instanceof StartError ? `[start] ${error.message}` : error);
  void shutdown(undefined, 1);
});
