import { ConfigError } from '@fabrique/config';
import { createApiApp } from './create-api-app.js';
import { ApiTestContext } from './testing/api-test-context.js';

describe('the HTTP contract of the API process', () => {
  const ctx = new ApiTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  it('answers liveness and readiness (PostgreSQL and Redis) without a token', async () => {
    await ctx.http().get('/health/live').expect(200, { status: 'ok' });
    const ready = await ctx.http().get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({ status: 'ok', info: { postgres: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('serves the OpenAPI document generated from the code', async () => {
    const document = await ctx.http().get('/docs-json').expect(200);
    expect(document.body.openapi).toMatch(/^3\./);
    expect(Object.keys(document.body.paths)).toEqual(expect.arrayContaining(['/api/auth/login', '/api/me', '/api/cohorts/{cohortId}/roster']));
    await ctx.http().get('/docs').expect(200);
  });

  it('sends security headers and a request id, and honours a well-formed incoming one', async () => {
    const response = await ctx.http().get('/health/live').set('X-Request-Id', 'lb-1234');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBeDefined();
    expect(response.headers['x-request-id']).toBe('lb-1234');
    const generated = await ctx.http().get('/health/live').set('X-Request-Id', 'not valid; '.repeat(20));
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('allows CORS from configured origins only', async () => {
    const allowed = await ctx.http().options('/api/me').set('Origin', 'http://localhost:5173').set('Access-Control-Request-Method', 'GET');
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    const refused = await ctx.http().options('/api/me').set('Origin', 'https://evil.example').set('Access-Control-Request-Method', 'GET');
    expect(refused.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers an unknown route with the JSON error shape', async () => {
    const response = await ctx.http().get('/api/nothing-here').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404, code: 'not_found' });
  });
});

describe('starting with a bad configuration', () => {
  it('refuses to start, naming the variable', async () => {
    const saved = process.env.REDIS_URL;
    process.env.REDIS_URL = 'http://not-redis';
    try {
      await expect(createApiApp()).rejects.toThrow(ConfigError);
      await expect(createApiApp()).rejects.toThrow('REDIS_URL must be a redis:// URL (got "http://not-redis")');
    } finally {
      process.env.REDIS_URL = saved;
    }
  });
});
