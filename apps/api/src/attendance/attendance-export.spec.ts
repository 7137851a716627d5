import { parse } from 'csv-parse/sync';
import type { Response } from 'supertest';
import { ApiTestContext } from '../testing/api-test-context.js';
import { DISTANCE_HEADER, ON_SITE_HEADER, TOTALS_HEADER } from './attendance-csv.js';
import { cohortOnSite } from './attendance-fixtures.js';

/** Keeps the body as bytes, so the test sees exactly what a spreadsheet would open. */
const rawBody = (response: Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => done(null, Buffer.concat(chunks)));
};

/** The rows of each block, between its title and the next empty line. */
function blocks(records: string[][]): Record<string, string[][]> {
  const result: Record<string, string[][]> = {};
  let current: string[][] | undefined;
  for (const record of records) {
    if (record.length === 1 && record[0] === '') current = undefined;
    else if (!current && record.length === 1) result[record[0] as string] = current = [];
    else current?.push(record);
  }
  return result;
}

describe('monthly attendance export (CSV for funders)', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  it('writes on-site half-days, distance activity and totals, readable by a French spreadsheet', async () => {
    const { cohort, facilitator } = await cohortOnSite(ctx, '2026-10-05', 0);
    const amelie = await ctx.fixtures.member(cohort, 'learner', await ctx.fixtures.user({ name: 'Amélie Durand; dite "Mimi"' }));
    const kevin = await ctx.fixtures.member(cohort, 'learner', await ctx.fixtures.user({ name: 'Kévin Da Silva' }));
    const asFacilitator = await ctx.as(facilitator);
    const mark = (date: string, halfDay: string, marks: object[]) =>
      asFacilitator.post(`/api/cohorts/${cohort.id}/attendance`).send({ date, halfDay, marks }).expect(201);
    await mark('2026-10-05', 'morning', [
      { learnerId: amelie.id, status: 'present' },
      { learnerId: kevin.id, status: 'absent' },
    ]);
    await mark('2026-10-05', 'morning', [{ learnerId: kevin.id, status: 'late', reason: 'Bus en retard' }]);
    await mark('2026-10-05', 'afternoon', [
      { learnerId: amelie.id, status: 'present' },
      { learnerId: kevin.id, status: 'excused', reason: 'Rendez-vous France Travail; justificatif fourni' },
    ]);
    await mark('2026-10-06', 'morning', [{ learnerId: amelie.id, status: 'absent' }]);

    // Distance activity, in UTC; the cohort's site is in Paris (UTC+2 in October, UTC+1 from the 25th).
    const activity: Array<[string, string]> = [
      [amelie.id, '2026-09-30T22:30:00Z'], // 1 October, 00:30 in Paris
      [amelie.id, '2026-10-14T06:05:00Z'],
      [amelie.id, '2026-10-14T16:40:00Z'],
      [amelie.id, '2026-10-06T07:00:00Z'], // an on-site day: not distance activity
      [kevin.id, '2026-10-27T09:15:00Z'],
      [kevin.id, '2026-10-31T23:30:00Z'], // 1 November in Paris: next month
    ];
    for (const [userId, at] of activity) {
      await ctx.dataSource.query(`INSERT INTO activity_log (user_id, kind, occurred_at) VALUES ($1, 'sign_in', $2)`, [userId, at]);
    }

    const response = await asFacilitator.get(`/api/cohorts/${cohort.id}/attendance.csv?month=2026-10`).buffer(true).parse(rawBody).expect(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="presences-promo-[a-z0-9-]+-2026-10\.csv"$/);
    const bytes = response.body as Buffer;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n').length).toBeGreaterThan(20);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);

    const records = parse(text, { bom: true, delimiter: ';', relax_column_count: true }) as string[][];
    const { 'Présence sur site': onSite, 'Activité à distance': distance, 'Totaux par apprenant': totals } = blocks(records);

    // Five on-site days, two half-days, two learners.
    expect(onSite?.[0]).toEqual(ON_SITE_HEADER);
    expect(onSite?.slice(1)).toHaveLength(20);
    expect(onSite?.slice(1, 5)).toEqual([
      ['2026-10-05', 'matin', amelie.displayName, amelie.email, 'présent', facilitator.displayName, 'saisie formateur', ''],
      ['2026-10-05', 'matin', 'Kévin Da Silva', kevin.email, 'en retard', facilitator.displayName, 'saisie formateur', 'Bus en retard'],
      ['2026-10-05', 'après-midi', amelie.displayName, amelie.email, 'présent', facilitator.displayName, 'saisie formateur', ''],
      ['2026-10-05', 'après-midi', 'Kévin Da Silva', kevin.email, 'excusé', facilitator.displayName, 'saisie formateur', 'Rendez-vous France Travail; justificatif fourni'],
    ]);
    expect(onSite?.at(-1)).toEqual(['2026-10-09', 'après-midi', 'Kévin Da Silva', kevin.email, '', '', '', '']);
    expect(amelie.displayName).toBe('Amélie Durand; dite "Mimi"');

    expect(distance).toEqual([
      DISTANCE_HEADER,
      ['2026-10-01', amelie.displayName, amelie.email, '1', '00:30', '00:30'],
      ['2026-10-14', amelie.displayName, amelie.email, '2', '08:05', '18:40'],
      ['2026-10-27', 'Kévin Da Silva', kevin.email, '1', '10:15', '10:15'],
    ]);

    expect(totals).toEqual([
      TOTALS_HEADER,
      [amelie.displayName, amelie.email, '2', '0', '1', '0', '7', '2'],
      ['Kévin Da Silva', kevin.email, '0', '1', '0', '1', '8', '1'],
    ]);
  });

  it('is for facilitators and admins, for a month written YYYY-MM', async () => {
    const { cohort, learners } = await cohortOnSite(ctx, '2026-10-05', 1);
    const admin = await ctx.as(await ctx.fixtures.admin());
    await admin.get(`/api/cohorts/${cohort.id}/attendance.csv?month=2026-10`).expect(200);
    const badMonth = await admin.get(`/api/cohorts/${cohort.id}/attendance.csv?month=2026-13`).expect(400);
    expect(badMonth.body.details).toEqual([{ field: 'month', message: 'month must be a month written YYYY-MM', rule: 'matches' }]);
    await admin.get(`/api/cohorts/${cohort.id}/attendance.csv`).expect(400);
    await (await ctx.as(learners[0] as (typeof learners)[0])).get(`/api/cohorts/${cohort.id}/attendance.csv?month=2026-10`).expect(403);
  });
});
