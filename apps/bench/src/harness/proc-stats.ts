import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

/** Resident memory of a process in MiB, from /proc/<pid>/status (VmRSS), or `ps` where /proc is missing. */
export function rssMiB(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
    if (match) return Number(match[1]) / 1024;
  } catch {
    // no /proc: macOS
  }
  try {
    const kb = Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)], { encoding: 'utf8' }).trim());
    return Number.isFinite(kb) && kb > 0 ? kb / 1024 : null;
  } catch {
    return null;
  }
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU time (user + system) a process has used so far, in seconds; null when unreadable. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces: the fields after it start after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

/** The pids of every process whose command name is `comm` (e.g. the PostgreSQL backends), Linux only. */
export function pidsNamed(comm: string): number[] {
  try {
    return readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .map(Number)
      .filter((pid) => {
        try {
          return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === comm;
        } catch {
          return false;
        }
      });
  } catch {
    return [];
  }
}

/**
 * Measures the CPU each watched process uses between start() and stop(), as a share of one core
 * (100% = one core busy). Names given several pids (e.g. every "postgres" process) are summed over
 * the pids seen at stop(): a pid that started meanwhile counts from zero, one that ended is left out.
 */
export class CpuMeter {
  private readonly before = new Map<number, number>();
  private startedAt = 0;

  constructor(private readonly watched: Record<string, () => number[]>) {}

  start(): void {
    this.startedAt = performance.now();
    for (const pids of Object.values(this.watched)) for (const pid of pids()) this.before.set(pid, cpuSeconds(pid) ?? 0);
  }

  /** Percent of one core per watched name. */
  stop(): Record<string, number> {
    const seconds = (performance.now() - this.startedAt) / 1000;
    const used = (pids: number[]) =>
      pids.reduce((sum, pid) => {
        const now = cpuSeconds(pid);
        return now === null ? sum : sum + Math.max(0, now - (this.before.get(pid) ?? 0));
      }, 0);
    return Object.fromEntries(Object.entries(this.watched).map(([name, pids]) => [name, (100 * used(pids())) / seconds]));
  }
}
