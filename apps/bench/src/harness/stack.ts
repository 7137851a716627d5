import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { type Child, startNode } from './processes.js';
import { freePort, waitForHttp } from './ports.js';
import type { Logger } from './types.js';

export type AppName = 'api' | 'realtime' | 'worker';

export interface StackApp {
  name: AppName;
  url: string;
  pid: number;
  child: Child;
}

/** api, realtime and worker as built for production, each a child process on a free port. */
export interface Stack {
  apps: Record<AppName, StackApp>;
  apiUrl: string;
  env: NodeJS.ProcessEnv;
  stop(): Promise<void>;
}

export const PORT_VARIABLES: Record<AppName, string> = { api: 'API_PORT', realtime: 'REALTIME_PORT', worker: 'WORKER_HEALTH_PORT' };

export function stackEnv(databaseUrl: string, redisUrl: string, redisPrefix: string, jwtSecret: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    JWT_SECRET: jwtSecret,
    JWT_ACCESS_TTL_SECONDS: '3600', // the most the config allows: a scenario logs in again if it runs longer
    LOG_LEVEL: 'warn',
    LOGIN_LIMIT_PER_IP: '1000000',
    LOGIN_LIMIT_PER_EMAIL: '1000000',
  };
}

export const newJwtSecret = () => randomBytes(32).toString('hex');

/** Starts the three apps with `env` and waits for each /health/ready. */
export async function startStack(root: string, baseEnv: NodeJS.ProcessEnv, log: Logger): Promise<Stack> {
  const ports = { api: await freePort(), realtime: await freePort(), worker: await freePort() };
  const env: NodeJS.ProcessEnv = { ...baseEnv };
  for (const name of Object.keys(ports) as AppName[]) env[PORT_VARIABLES[name]] = String(ports[name]);
  env.PUBLIC_URL = `http://127.0.0.1:${ports.api}`;
  const apps = {} as Record<AppName, StackApp>;
  for (const name of Object.keys(ports) as AppName[]) {
    const main = join(root, `dist/apps/${name}/src/main.js`);
    if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build`);
    const child = startNode(name, [main], env, log);
    apps[name] = { name, url: `http://127.0.0.1:${ports[name]}`, pid: child.pid, child };
  }
  const stop = async () => {
    await Promise.all(Object.values(apps).map((app) => app.child.stop()));
  };
  try {
    await Promise.all(Object.values(apps).map((app) => waitForHttp(`${app.url}/health/ready`, 120_000, app.child.alive)));
  } catch (error) {
    await stop();
    throw error;
  }
  return { apps, apiUrl: apps.api.url, env, stop };
}
