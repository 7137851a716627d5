import { parse } from 'csv-parse/sync';
import { detectDelimiter, type RosterLine, type RosterRule } from '@fabrique/domain';
import { AppException } from '@fabrique/errors';

/** Reads a roster file (UTF-8, "," or ";" separated, quotes allowed) into numbered lines. */
export function readRosterCsv(text: string): RosterLine[] {
  const content = text.replace(/^\uFEFF/, '');
  const firstLine = content.split(/\r?\n/, 1)[0] ?? '';
  try {
    const records = parse(content, {
      delimiter: detectDelimiter(firstLine),
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
    }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
    return records.map(({ record, info }) => ({ line: info.lines, cells: record }));
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    const message = `the file is not valid CSV near line ${line}: ${(error as Error).message}`;
    // The parser's own words stay in the message only: the rule and line are enough to word it.
    throw new AppException('validation_failed', message, [{ field: 'line', line, message, rule: 'csvSyntax' satisfies RosterRule }]);
  }
}
