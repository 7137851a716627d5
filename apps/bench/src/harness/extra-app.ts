import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, waitForHttp } from './ports.js';
import { startNode } from './processes.js';
import { type AppName, PORT_VARIABLES, type Stack, type StackApp } from './stack.js';
import type { Logger } from './types.js';

/**
 * One more instance of an app beside the stack's, as in a scaled deployment: the stack's
 * environment (database, Redis and its prefix, JWT secret) with `env` on top, its own port.
 * A second realtime reaches the first's sockets through the Redis adapter; a second api on
 * another DATABASE_URL serves another data set. Stop it with `app.child.stop()`.
 */
export async function startExtraApp(root: string, stack: Stack, log: Logger, options: { app: AppName; name: string; env?: NodeJS.ProcessEnv }): Promise<StackApp> {
  const main = join(root, `dist/apps/${options.app}/src/main.js`);
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build`);
  const port = await freePort();
  const child = startNode(options.name, [main], { ...stack.env, ...options.env, [PORT_VARIABLES[options.app]]: String(port) }, log);
  const app: StackApp = { name: options.app, url: `http://127.0.0.1:${port}`, pid: child.pid, child };
  try {
    await waitForHttp(`${app.url}/health/ready`, 120_000, child.alive);
  } catch (error) {
    await child.stop();
    throw error;
  }
  return app;
}
