import { ApiTestContext } from './testing/api-test-context.js';

/**
 * Walks every route of the generated OpenAPI document and throws odd bodies and
 * ids at it as an admin (the role that reaches the most code): none may answer 5xx.
 */
describe('no input makes a 500', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  const bodies: unknown[] = [[], [1, 2], 'text', 42, null, { email: 42 }, { name: { nested: true } }, { rooms: 'many' }, { competencies: [null] }, { startsOn: '2026-02-30', endsOn: 12 }];
  const ids = ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1' OR '1'='1", '%E9'];

  it('answers every route with a 4xx or a success, never a 5xx', async () => {
    const admin = await ctx.as(await ctx.fixtures.admin());
    const document = (await ctx.http().get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const failures: string[] = [];
    let probes = 0;
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const method of Object.keys(operations) as Array<'get' | 'post' | 'patch' | 'put' | 'delete'>) {
        for (const id of ids) {
          const url = path.replace(/\{[^}]+\}/g, encodeURIComponent(id).replace(/%25/g, '%'));
          for (const body of method === 'get' ? [undefined] : bodies) {
            probes++;
            const request = admin[method](url);
            const response = await (body === undefined ? request : request.set('Content-Type', 'application/json').send(JSON.stringify(body)));
            if (response.status >= 500) failures.push(`${method.toUpperCase()} ${url} ${JSON.stringify(body)} → ${response.status}`);
            if (response.status >= 400 && typeof response.body?.code !== 'string') failures.push(`${method.toUpperCase()} ${url} → no error code`);
          }
        }
      }
    }
    expect(probes).toBeGreaterThan(300);
    expect(failures).toEqual([]);
    // Thousands of requests, more with every route: a budget for a loaded machine, not a speed check.
  }, 180_000);
});
