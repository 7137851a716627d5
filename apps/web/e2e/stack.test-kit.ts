import { type ChildProcess, spawn } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export type AppName = 'api' | 'realtime' | 'worker';

/** api, realtime and worker as built (`npm run build`, the web app included), on this Jest worker's database and Redis prefix. */
export interface E2eStack {
  /** Where the browser goes: the API, serving the web app. */
  webUrl: string;
  realtimeUrl: string;
  stop(): Promise<void>;
}

const PORT_VARIABLES: Record<AppName, string> = { api: 'API_PORT', realtime: 'REALTIME_PORT', worker: 'WORKER_HEALTH_PORT' };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited (${child.exitCode}): ${output()}`);
    const ok = await fetch(url).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} not ready within 60 s: ${output()}`);
}

/**
 * Starts the three apps from dist/ as production runs them (NODE_ENV=production, its own JWT
 * secret), wired as a deployment would be: the page's origin allowed by realtime, the realtime
 * URL told to the web app. The database is the one jest/worker-env.ts gave this worker.
 */
export async function startStack(extraEnv: NodeJS.ProcessEnv = {}, root = process.cwd()): Promise<E2eStack> {
  const ports = { api: await freePort(), realtime: await freePort(), worker: await freePort() };
  const webUrl = `http://127.0.0.1:${ports.api}`;
  const realtimeUrl = `http://127.0.0.1:${ports.realtime}`;
  // E2E_WEB_DIST lets a web-only change be tried from its own `vite build --outDir`, beside the shared dist/.
  const webDist = process.env.E2E_WEB_DIST ?? join(root, 'dist/apps/web');
  if (!existsSync(join(webDist, 'index.html'))) throw new Error(`${webDist} is missing: run npm run build (npm test does)`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    JWT_SECRET: randomBytes(32).toString('hex'),
    CORS_ORIGINS: webUrl,
    PUBLIC_URL: webUrl,
    REALTIME_PUBLIC_URL: realtimeUrl,
    WEB_DIST_DIR: webDist,
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  for (const [name, port] of Object.entries(ports)) env[PORT_VARIABLES[name as AppName]] = String(port);
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
          }),
      ),
    );
  };
  try {
    for (const name of Object.keys(ports) as AppName[]) {
      const child = spawn(process.execPath, [join(root, `dist/apps/${name}/src/main.js`)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let output = '';
      child.stdout?.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
      child.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-4000)));
      children.push(child);
      await waitReady(`http://127.0.0.1:${ports[name]}/health/ready`, child, () => output);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { webUrl, realtimeUrl, stop };
}

/**
 * The stack and a browser, started side by side. If one fails to start, the other is stopped
 * before the error is thrown: a Chromium left running would keep Jest from ever exiting.
 */
export async function startStackAndBrowser(launch: () => Promise<Browser>, env: NodeJS.ProcessEnv = {}): Promise<{ stack: E2eStack; browser: Browser }> {
  const [stack, browser] = await Promise.allSettled([startStack(env), launch()]);
  if (stack.status === 'fulfilled' && browser.status === 'fulfilled') return { stack: stack.value, browser: browser.value };
  if (stack.status === 'fulfilled') await stack.value.stop();
  if (browser.status === 'fulfilled') await browser.value.close();
  throw stack.status === 'rejected' ? stack.reason : (browser as PromiseRejectedResult).reason;
}
