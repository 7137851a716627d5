import { detectDelimiter, validateRoster } from './roster-rows.js';

const lines = (...rows: string[][]) => rows.map((cells, index) => ({ line: index + 1, cells }));

describe('validateRoster', () => {
  it('accepts a header and normalizes e-mails and French role words', () => {
    const result = validateRoster(
      lines(['name', 'email', 'role'], ['Amina Diallo', ' Amina.Diallo@Exemple.fr ', 'apprenante'], ['Marc Petit', 'marc@exemple.fr', 'Formateur']),
    );
    expect(result.problems).toEqual([]);
    expect(result.entries).toEqual([
      { line: 2, name: 'Amina Diallo', email: 'amina.diallo@exemple.fr', role: 'learner' },
      { line: 3, name: 'Marc Petit', email: 'marc@exemple.fr', role: 'facilitator' },
    ]);
  });

  it('works without a header and skips blank lines', () => {
    const result = validateRoster(lines(['Léa', 'lea@exemple.fr', 'learner'], [''], ['Noé', 'noe@exemple.fr', 'learner']));
    expect(result.entries.map((entry) => entry.line)).toEqual([1, 3]);
  });

  it('reports every bad line with its reason and returns no entries', () => {
    const result = validateRoster(
      lines(
        ['name', 'email', 'role'],
        ['Amina', 'amina@exemple.fr', 'learner'],
        ['', 'pas-un-email', 'learner'],
        ['Kevin', 'kevin@exemple.fr', 'stagiaire'],
        ['Amina bis', 'AMINA@exemple.fr', 'learner'],
        ['Trop', 'de', 'colonnes', 'ici'],
      ),
    );
    expect(result.entries).toEqual([]);
    expect(result.problems).toEqual([
      { line: 3, field: 'name', message: 'name is empty', rule: 'isNotEmpty' },
      { line: 3, field: 'email', message: '"pas-un-email" is not an e-mail address', rule: 'isEmail', params: { value: 'pas-un-email' } },
      { line: 4, field: 'role', message: 'role "stagiaire" is not learner or facilitator', rule: 'isIn', params: { value: 'stagiaire' } },
      { line: 5, field: 'email', message: 'amina@exemple.fr already appears on line 2', rule: 'duplicateEmail', params: { email: 'amina@exemple.fr', firstLine: 2 } },
      { line: 6, field: 'line', message: 'expected 3 columns (name, email, role), found 4', rule: 'columnCount', limit: 3, params: { found: 4 } },
    ]);
  });

  it('refuses a name longer than 120 characters, with the bound', () => {
    expect(validateRoster(lines(['x'.repeat(121), 'long@exemple.fr', 'learner'])).problems).toEqual([
      { line: 1, field: 'name', message: 'name is longer than 120 characters', rule: 'maxLength', limit: 120 },
    ]);
    expect(validateRoster(lines(['x'.repeat(120), 'long@exemple.fr', 'learner'])).problems).toEqual([]);
  });

  it('refuses an empty roster', () => {
    expect(validateRoster(lines(['name', 'email', 'role'])).problems).toEqual([
      { line: 1, field: 'line', message: 'the roster has no member lines', rule: 'noMemberLines' },
    ]);
  });
});

describe('detectDelimiter', () => {
  it('picks the separator used by the header line', () => {
    expect(detectDelimiter('name;email;role')).toBe(';');
    expect(detectDelimiter('name,email,role')).toBe(',');
    expect(detectDelimiter('Dupont, Jean;jean@exemple.fr;learner')).toBe(';');
  });
});
