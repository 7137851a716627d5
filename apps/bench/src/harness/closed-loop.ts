import { percentile } from '../stats.js';

export interface TimedRequest {
  url: string;
  headers: Record<string, string>;
  /** Groups latencies in the result (e.g. the kind of search). */
  label: string;
}

export interface ClosedLoopResult {
  throughput: number;
  p50: number;
  p95: number;
  requests: number;
  /** Every latency (ms) by label, for per-kind percentiles. */
  byLabel: Record<string, number[]>;
}

/**
 * `clients` users who each send a request, wait for the whole answer, and send the next, for
 * `seconds`, cycling through `requests`. Unlike autocannon it keeps every latency, so any
 * percentile (p95 here) and per-kind figures come out exactly. Anything but 200 throws.
 */
export async function closedLoop(options: { requests: TimedRequest[]; clients: number; seconds: number }): Promise<ClosedLoopResult> {
  const { requests, clients, seconds } = options;
  const byLabel: Record<string, number[]> = {};
  const all: number[] = [];
  let next = 0;
  const began = performance.now();
  const deadline = began + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const request = requests[next++ % requests.length];
        const start = performance.now();
        const response = await fetch(request.url, { headers: request.headers });
        const body = await response.text();
        const latency = performance.now() - start;
        if (response.status !== 200) throw new Error(`${request.url} answered ${response.status}: ${body.slice(0, 300)}`);
        all.push(latency);
        (byLabel[request.label] ??= []).push(latency);
      }
    }),
  );
  const elapsed = (performance.now() - began) / 1000;
  return { throughput: all.length / elapsed, p50: percentile(all, 50), p95: percentile(all, 95), requests: all.length, byLabel };
}
