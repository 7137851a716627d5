import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatNumber, formatPass, formatRatio } from '../stats.js';
import type { Row } from './types.js';

export interface RunInfo {
  startedAt: string;
  finishedAt: string;
  mode: 'quick' | 'full';
  only: string[] | null;
  machine: { cpus: number; model: string; node: string; platform: string; loadAverage: number[] };
  settings: Record<string, unknown>;
  failures: Array<{ scenario: string; error: string }>;
}

export function writeResults(path: string, info: RunInfo, rows: Row[]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify({ ...info, rows }, null, 2)}\n`);
}

const cell = (text: string) => text.replace(/\|/g, '\\|');

/** The markdown report: one table (scenario, Fabrique, baseline, ratio, target, pass), then the notes of each row. */
export function renderMarkdown(info: RunInfo, rows: Row[]): string {
  const lines = [
    '# Benchmark results',
    '',
    `Run \`npm run bench${info.mode === 'quick' ? ' -- --quick' : ''}\` on ${info.startedAt.slice(0, 16).replace('T', ' ')} UTC — ${info.machine.cpus} × ${info.machine.model}, Node ${info.machine.node}.`,
    'Medians over the rounds; the ratio is the median of per-round ratios (Fabrique ÷ baseline, measured back to back). See bench/README.md.',
    '',
    '| scenario | Fabrique | baseline | ratio | target | pass |',
    '| --- | ---: | ---: | ---: | :---: | :---: |',
  ];
  for (const row of rows) {
    lines.push(
      `| ${cell(`${row.scenario}: ${row.metric}`)} | ${formatNumber(row.fabrique, row.unit)} | ${formatNumber(row.baseline, row.unit)} | ${formatRatio(row.ratio)} | ${cell(row.target)} | ${formatPass(row.pass)} |`,
    );
  }
  const noted = rows.filter((row) => row.notes);
  if (noted.length) {
    lines.push('', '## Notes', '');
    for (const row of noted) lines.push(`- **${row.scenario}: ${row.metric}** — ${row.notes}`);
  }
  if (info.failures.length) {
    lines.push('', '## Failed scenarios', '');
    for (const failure of info.failures) lines.push(`- **${failure.scenario}**: ${failure.error}`);
  }
  lines.push('', `Settings: ${Object.entries(info.settings).map(([key, value]) => `${key} ${JSON.stringify(value)}`).join(', ')}.`, '');
  return lines.join('\n');
}

export function writeMarkdown(path: string, info: RunInfo, rows: Row[]): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderMarkdown(info, rows));
}
