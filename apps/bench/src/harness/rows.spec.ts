import { renderMarkdown, type RunInfo } from './results.js';
import { comparedRow, describeCpu, soloRow } from './rows.js';

const info: RunInfo = {
  startedAt: '2026-11-23T19:00:00.000Z',
  finishedAt: '2026-11-23T19:02:00.000Z',
  mode: 'quick',
  only: null,
  machine: { cpus: 2, model: 'test cpu', node: 'v20', platform: 'linux', loadAverage: [0, 0, 0] },
  settings: { rounds: 3 },
  failures: [],
};

describe('bench rows', () => {
  it('reports medians of each side and the median per-round ratio against the target', () => {
    const row = comparedRow({ scenario: 's', metric: 'throughput', unit: 'req/s', target: '≥ 0.6', fabrique: [300, 150, 330], baseline: [400, 200, 600] });
    expect(row.fabrique).toBe(300);
    expect(row.baseline).toBe(400);
    expect(row.ratio).toBeCloseTo(0.75); // per round: 0.75, 0.75, 0.55
    expect(row.pass).toBe(true);
    const latency = comparedRow({ scenario: 's', metric: 'p99', unit: 'ms', target: '≤ 2×', fabrique: [50, 90, 45], baseline: [20, 40, 20] });
    expect(latency.ratio).toBeCloseTo(2.25);
    expect(latency.pass).toBe(false);
  });

  it('leaves measures without a baseline unjudged, and renders the table', () => {
    const rss = soloRow({ scenario: 'resources', metric: 'RSS api', unit: 'MiB', values: [161.5] });
    expect(rss).toMatchObject({ baseline: null, ratio: null, target: '—', pass: null });
    const markdown = renderMarkdown(info, [comparedRow({ scenario: 's', metric: 'x', unit: 'req/s', target: '≥ 0.6', fabrique: [1], baseline: [2] }), rss]);
    expect(markdown).toContain('| scenario | Fabrique | baseline | ratio | target | pass |');
    expect(markdown).toContain('| s: x | 1.00 req/s | 2.00 req/s | 0.50× | ≥ 0.6 | NO |');
    expect(markdown).toContain('| resources: RSS api | 162 MiB | — | — | — | — |');
  });

  it('summarises CPU as the median of each process over the rounds', () => {
    expect(describeCpu([{ api: 90, postgres: 40 }, { api: 100, postgres: 60 }, { api: 95, postgres: 50 }])).toBe('api 95%, postgres 50%');
  });
});
