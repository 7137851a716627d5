import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
}

export interface LoadResult {
  /** Completed 2xx requests per second, averaged over the run. */
  throughput: number;
  /** Latency percentiles in ms. */
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
}

/** One autocannon run; throws when anything but 2xx came back, since the numbers would then mean nothing. */
export async function load({ url, headers = {}, connections, seconds }: LoadOptions): Promise<LoadResult> {
  const result = await autocannon({ url, headers, connections, duration: seconds });
  const bad = result.errors + result.timeouts + result.non2xx;
  if (bad > 0) {
    throw new Error(`${url}: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx responses out of ${result.requests.sent}`);
  }
  return {
    throughput: result['2xx'] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result['2xx'],
    errors: result.errors,
    non2xx: result.non2xx,
  };
}
