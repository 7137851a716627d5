import { isPlausibleEmail, normalizeEmail } from '../identity/email.js';
import type { CohortRole } from '../identity/roles.js';

/** One roster line as read from the CSV file, with its 1-based line number in the file. */
export interface RosterLine {
  line: number;
  cells: string[];
}

export interface RosterEntry {
  line: number;
  name: string;
  email: string;
  role: CohortRole;
}

export interface RosterProblem {
  line: number;
  field: 'name' | 'email' | 'role' | 'line';
  /** In English, for developers; clients word the rule. */
  message: string;
  /** Stable name of the problem (ROSTER_RULES), for clients to word it in their language. */
  rule: RosterRule;
  /** The bound the rule sets: the 3 columns expected, the 120 characters of a name. */
  limit?: number;
  /** What a sentence about the problem needs: the cell as typed, the line an e-mail first appears on. */
  params?: Record<string, string | number>;
}

/**
 * Every roster line problem, named as the API's field errors are (class-validator's names where one
 * fits). roleTaken and csvSyntax are found by the API (a member's current role, the CSV reader).
 */
export const ROSTER_RULES = ['columnCount', 'isNotEmpty', 'maxLength', 'isEmail', 'duplicateEmail', 'isIn', 'roleTaken', 'csvSyntax', 'noMemberLines'] as const;
export type RosterRule = (typeof ROSTER_RULES)[number];

/** The longest name a roster line may give. */
export const ROSTER_NAME_MAX_LENGTH = 120;

// Admins write rosters by hand in a spreadsheet, often in French.
const ROLE_WORDS: Record<string, CohortRole> = {
  learner: 'learner',
  apprenant: 'learner',
  apprenante: 'learner',
  facilitator: 'facilitator',
  facilitateur: 'facilitator',
  facilitatrice: 'facilitator',
  formateur: 'facilitator',
  formatrice: 'facilitator',
};

const HEADER = ['name', 'email', 'role'];

export function isRosterHeader(cells: string[]): boolean {
  return cells.map((cell) => cell.trim().toLowerCase()).join(',') === HEADER.join(',');
}

/**
 * Validates every line of a roster and reports every problem at once, so an
 * admin fixes the file in one go. Either the result has entries and no
 * problems, or it has problems (and must not be applied).
 */
export function validateRoster(lines: RosterLine[]): { entries: RosterEntry[]; problems: RosterProblem[] } {
  const entries: RosterEntry[] = [];
  const problems: RosterProblem[] = [];
  const firstLineOfEmail = new Map<string, number>();
  const body = lines.length > 0 && isRosterHeader(lines[0].cells) ? lines.slice(1) : lines;

  for (const { line, cells } of body) {
    if (cells.every((cell) => cell.trim() === '')) continue;
    if (cells.length !== 3) {
      problems.push({
        line,
        field: 'line',
        message: `expected 3 columns (name, email, role), found ${cells.length}`,
        rule: 'columnCount',
        limit: HEADER.length,
        params: { found: cells.length },
      });
      continue;
    }
    const [rawName, rawEmail, rawRole] = cells.map((cell) => cell.trim());
    const lineProblems: RosterProblem[] = [];
    if (rawName.length === 0) lineProblems.push({ line, field: 'name', message: 'name is empty', rule: 'isNotEmpty' });
    if (rawName.length > ROSTER_NAME_MAX_LENGTH) {
      const message = `name is longer than ${ROSTER_NAME_MAX_LENGTH} characters`;
      lineProblems.push({ line, field: 'name', message, rule: 'maxLength', limit: ROSTER_NAME_MAX_LENGTH });
    }
    const email = normalizeEmail(rawEmail);
    if (!isPlausibleEmail(email)) {
      lineProblems.push({ line, field: 'email', message: `"${rawEmail}" is not an e-mail address`, rule: 'isEmail', params: { value: rawEmail } });
    } else if (firstLineOfEmail.has(email)) {
      const firstLine = firstLineOfEmail.get(email) as number;
      const message = `${email} already appears on line ${firstLine}`;
      lineProblems.push({ line, field: 'email', message, rule: 'duplicateEmail', params: { email, firstLine } });
    } else {
      firstLineOfEmail.set(email, line);
    }
    const role = ROLE_WORDS[rawRole.toLowerCase()];
    if (!role) lineProblems.push({ line, field: 'role', message: `role "${rawRole}" is not learner or facilitator`, rule: 'isIn', params: { value: rawRole } });
    if (lineProblems.length > 0) problems.push(...lineProblems);
    else entries.push({ line, name: rawName, email, role: role as CohortRole });
  }
  if (entries.length === 0 && problems.length === 0) problems.push({ line: 1, field: 'line', message: 'the roster has no member lines', rule: 'noMemberLines' });
  return problems.length > 0 ? { entries: [], problems } : { entries, problems };
}

/** Spreadsheets export with ";" where the decimal separator is ",", as in France: pick what the header line uses. */
export function detectDelimiter(firstLine: string): ',' | ';' {
  const count = (char: string) => firstLine.split(char).length - 1;
  return count(';') > count(',') ? ';' : ',';
}
