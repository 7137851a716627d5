import { parse } from 'csv-parse/sync';
import { attendanceCsv } from './attendance-csv.js';

describe('the attendance sheet', () => {
  it('writes a name a spreadsheet would run as a formula as plain text', () => {
    const csv = attendanceCsv({
      onSiteDays: ['2026-10-05'],
      learners: [{ userId: 'u1', displayName: '=HYPERLINK("https://exemple.fr";"clic")', email: 'x@exemple.fr', isLearner: true }],
      marks: [],
      activity: [],
    });
    const records = parse(csv, { bom: true, delimiter: ';', relax_column_count: true }) as string[][];
    expect(records[2]).toEqual(['2026-10-05', 'matin', `'=HYPERLINK("https://exemple.fr";"clic")`, 'x@exemple.fr', '', '', '', '']);
    expect(records.at(-1)).toEqual([`'=HYPERLINK("https://exemple.fr";"clic")`, 'x@exemple.fr', '0', '0', '0', '0', '2', '0']);
  });
});
