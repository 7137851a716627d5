import { stringify } from 'csv-stringify/sync';
import type { CohortMatrixDto } from './dto/matrix.dto.js';

/** A cell a spreadsheet would run as a formula is written as text. */
const asText = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/**
 * The cohort grid for a French spreadsheet: one row per learner, one column per competency with
 * the highest validated level (empty when none yet). UTF-8 with BOM, ";" and CRLF.
 */
export function matrixCsv(grid: CohortMatrixDto): string {
  const rows = [
    ['apprenant', ...grid.competencyCodes],
    ...grid.learners.map((learner) => [learner.displayName, ...learner.competencies.map((cell) => (cell.level > 0 ? cell.level : ''))]),
  ];
  return stringify(rows, { delimiter: ';', record_delimiter: 'windows', bom: true, cast: { string: asText } });
}
