import { ApiTestContext } from '../testing/api-test-context.js';

describe('roster import', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  const stamp = () => `${Date.now()}${Math.floor(Math.random() * 1000)}`;

  async function postRoster(cohortId: string, csv: string) {
    const admin = await ctx.as(await ctx.fixtures.admin());
    return admin.post(`/api/cohorts/${cohortId}/roster`).set('Content-Type', 'text/csv').send(csv);
  }

  it('imports a semicolon-separated file in one go, inviting newcomers and adding existing accounts', async () => {
    const cohort = await ctx.fixtures.cohort();
    const existing = await ctx.fixtures.user();
    const tag = stamp();
    const csv = [
      '\uFEFFname;email;role',
      `Amina Diallo;amina.${tag}@exemple.fr;apprenante`,
      `"Durand; Kévin";kevin.${tag}@exemple.fr;learner`,
      `${existing.displayName};${existing.email};facilitator`,
    ].join('\r\n');
    const response = await postRoster(cohort.id, csv);
    expect(response.status).toBe(201);
    expect(response.body.members.map((m: { line: number; status: string; role: string }) => [m.line, m.status, m.role])).toEqual([
      [2, 'invited', 'learner'],
      [3, 'invited', 'learner'],
      [4, 'member_added', 'facilitator'],
    ]);
    expect(response.body.members[1].displayName).toBe('Durand; Kévin');
    const members = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM memberships WHERE cohort_id = $1`, [cohort.id]);
    expect(members[0].n).toBe(3);
  });

  it('refuses a file with two bad lines, naming both, and creates no user', async () => {
    const cohort = await ctx.fixtures.cohort();
    const tag = stamp();
    const csv = ['name,email,role', `Bon Élève,bon.${tag}@exemple.fr,learner`, `Sans Arobase,sans.${tag}.exemple.fr,learner`, `Rôle Inconnu,role.${tag}@exemple.fr,stagiaire`].join('\n');
    const response = await postRoster(cohort.id, csv);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({
      statusCode: 400,
      code: 'validation_failed',
      message: 'The roster has 2 problems on lines 3, 4; nothing was imported',
      details: [
        { line: 3, field: 'email', message: `line 3: "sans.${tag}.exemple.fr" is not an e-mail address`, rule: 'isEmail', params: { value: `sans.${tag}.exemple.fr` } },
        { line: 4, field: 'role', message: 'line 4: role "stagiaire" is not learner or facilitator', rule: 'isIn', params: { value: 'stagiaire' } },
      ],
    });
    const users = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE email LIKE $1`, [`%.${tag}@exemple.fr`]);
    expect(users[0].n).toBe(0);
  });

  it('rolls back earlier lines when a later line clashes with an existing membership', async () => {
    const cohort = await ctx.fixtures.cohort();
    const learner = await ctx.fixtures.member(cohort, 'learner');
    const tag = stamp();
    const csv = [`Nouveau,nouveau.${tag}@exemple.fr,learner`, `Déjà Là,${learner.email},facilitator`].join('\n');
    const response = await postRoster(cohort.id, csv);
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      {
        line: 2,
        field: 'role',
        message: `line 2: ${learner.email} is already a learner of this cohort`,
        rule: 'roleTaken',
        params: { email: learner.email, currentRole: 'learner' },
      },
    ]);
    const users = await ctx.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [`nouveau.${tag}@exemple.fr`]);
    expect(users[0].n).toBe(0);
  });

  it('reports broken CSV, a JSON body and an empty file as client errors', async () => {
    const cohort = await ctx.fixtures.cohort();
    const broken = await postRoster(cohort.id, 'name,email,role\n"Guillemet,ouvert@exemple.fr,learner\n');
    expect(broken.status).toBe(400);
    expect(broken.body.message).toMatch(/not valid CSV/);
    expect(broken.body.details).toEqual([{ line: expect.any(Number), field: 'line', message: broken.body.message, rule: 'csvSyntax' }]);
    const admin = await ctx.as(await ctx.fixtures.admin());
    const json = await admin.post(`/api/cohorts/${cohort.id}/roster`).send({ csv: 'a,b,c' });
    expect(json.status).toBe(415);
    const empty = await postRoster(cohort.id, 'name,email,role\n');
    expect(empty.status).toBe(400);
    expect(empty.body.details).toEqual([{ line: 1, field: 'line', message: 'line 1: the roster has no member lines', rule: 'noMemberLines' }]);
  });

  it('refuses a facilitator of the cohort (403) and hides an unknown cohort (404)', async () => {
    const cohort = await ctx.fixtures.cohort();
    const facilitator = await ctx.as(await ctx.fixtures.member(cohort, 'facilitator'));
    await facilitator.post(`/api/cohorts/${cohort.id}/roster`).set('Content-Type', 'text/csv').send('A,a@exemple.fr,learner').expect(403);
    const missing = await postRoster('00000000-0000-4000-8000-000000000000', 'A,a@exemple.fr,learner');
    expect(missing.status).toBe(404);
  });
});
