import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Logger } from './types.js';

/** A child process the bench started, stopped by its pid when the bench ends. */
export interface Child {
  name: string;
  process: ChildProcess;
  pid: number;
  alive(): boolean;
  stop(): Promise<void>;
}

const children = new Set<Child>();

/** Starts `node <args>` with `env`; its output is kept quiet unless it looks like an error. */
export function startNode(name: string, args: string[], env: NodeJS.ProcessEnv, log: Logger): Child {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error(`could not start ${name}`);
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => {
      if (line.trim()) log.warn(`[${name}] ${line.length > 500 ? `${line.slice(0, 500)}…` : line}`);
    });
  }
  const exited = () => child.exitCode !== null || child.signalCode !== null;
  const entry: Child = {
    name,
    process: child,
    pid: child.pid,
    alive: () => !exited(),
    stop: async () => {
      children.delete(entry);
      if (exited()) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await gone;
      clearTimeout(timer);
    },
  };
  children.add(entry);
  return entry;
}

/** Runs `node <args>` to completion; resolves with its stdout, rejects with its stderr on failure. */
export function runNode(name: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve(out) : reject(new Error(`${name} failed (${signal ?? `exit code ${code}`}): ${err || out}`))));
  });
}

/** Stops every child still running (newest first), e.g. on Ctrl-C or a failure. */
export async function stopAll(): Promise<void> {
  for (const child of [...children].reverse()) await child.stop();
}
