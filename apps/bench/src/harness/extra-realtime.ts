import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, waitForHttp } from './ports.js';
import { startNode } from './processes.js';
import type { Stack, StackApp } from './stack.js';
import type { Logger } from './types.js';

/**
 * A second realtime instance beside the stack's, as in a scaled deployment: the same environment
 * (database, Redis and its prefix, JWT secret), its own port. Events reach its sockets through the
 * Redis adapter. Stop it with `app.child.stop()`.
 */
export async function startExtraRealtime(root: string, stack: Stack, log: Logger, name = 'realtime-2'): Promise<StackApp> {
  const main = join(root, 'dist/apps/realtime/src/main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build`);
  const port = await freePort();
  const child = startNode(name, [main], { ...stack.env, REALTIME_PORT: String(port) }, log);
  const app: StackApp = { name: 'realtime', url: `http://127.0.0.1:${port}`, pid: child.pid, child };
  try {
    await waitForHttp(`${app.url}/health/ready`, 120_000, child.alive);
  } catch (error) {
    await child.stop();
    throw error;
  }
  return app;
}
