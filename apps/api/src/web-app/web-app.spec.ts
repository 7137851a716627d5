import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiTestContext } from '../testing/api-test-context.js';

describe('the web app served by the API', () => {
  const ctx = new ApiTestContext();
  const dir = mkdtempSync(join(tmpdir(), 'fabrique-web-'));
  const previous = { WEB_DIST_DIR: process.env.WEB_DIST_DIR, REALTIME_PUBLIC_URL: process.env.REALTIME_PUBLIC_URL, PUBLIC_URL: process.env.PUBLIC_URL };

  beforeAll(async () => {
    // A build of the web app as vite writes it: index.html and hashed assets.
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Fabrique</title><div id="root"></div>');
    writeFileSync(join(dir, 'assets/index-abc123.js'), 'console.log("app")');
    process.env.WEB_DIST_DIR = dir;
    process.env.REALTIME_PUBLIC_URL = 'https://live.example.org';
    process.env.PUBLIC_URL = 'https://fabrique.example.org';
    await ctx.start();
  });

  afterAll(async () => {
    await ctx.stop();
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('tells the browser where the realtime service is, without a session', async () => {
    const response = await ctx.http().get('/api/client-config').expect(200);
    expect(response.body).toEqual({ realtimeUrl: 'https://live.example.org' });
  });

  it('serves index.html for the app’s own routes, e-mail links included, and never for the API', async () => {
    for (const path of ['/', '/me/week', '/threads/0b6c7a8e-1f5d-4a59-9a43-0d3f3c5a2b11', '/briefs/assignments/x']) {
      const response = await ctx.http().get(path).expect(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.text).toContain('<div id="root">');
    }
    const api = await ctx.http().get('/api/no-such-route').expect(404);
    expect(api.body).toMatchObject({ statusCode: 404, code: 'not_found' });
    await ctx.http().post('/me/week').expect(404);
  });

  it('serves hashed assets with a long cache, and a missing asset as 404, not as the page', async () => {
    const asset = await ctx.http().get('/assets/index-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    await ctx.http().get('/assets/index-missing.js').expect(404);
  });

  it('lets the page open its socket to the realtime origin, and nothing else, in its Content-Security-Policy', async () => {
    const response = await ctx.http().get('/me/week').expect(200);
    const connectSrc = /connect-src ([^;]+)/.exec(response.headers['content-security-policy'])?.[1];
    expect(connectSrc?.split(' ').sort()).toEqual(["'self'", 'https://live.example.org', 'wss://live.example.org'].sort());
    // Served over https: browsers are told to keep to it.
    expect(response.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(response.headers['strict-transport-security']).toBeDefined();
  });
});

describe('the web app served over plain http (a training room’s server on the LAN)', () => {
  const ctx = new ApiTestContext();
  const previous = process.env.PUBLIC_URL;
  beforeAll(async () => {
    process.env.PUBLIC_URL = 'http://192.168.1.20:3000';
    await ctx.start();
  });
  afterAll(async () => {
    await ctx.stop();
    if (previous === undefined) delete process.env.PUBLIC_URL;
    else process.env.PUBLIC_URL = previous;
  });

  it('does not send the page’s requests to an https that does not exist', async () => {
    const response = await ctx.http().get('/api/client-config').expect(200);
    expect(response.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });
});
