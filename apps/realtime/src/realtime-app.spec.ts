import request from 'supertest';
import { RealtimeTestContext } from './testing/realtime-test-context.js';

describe('realtime service over HTTP', () => {
  const ctx = new RealtimeTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  it('answers liveness and readiness on the socket.io port', async () => {
    await request(ctx.url).get('/health/live').expect(200, { status: 'ok' });
    const ready = await request(ctx.url).get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({ status: 'ok', info: { postgres: { status: 'up' }, redis: { status: 'up' } } });
  });

  it('lets only the allowed origins open a socket.io session from a browser', async () => {
    const handshake = '/socket.io/?EIO=4&transport=polling';
    const allowed = await request(ctx.url).get(handshake).set('Origin', 'http://localhost:5173').expect(200);
    expect(allowed.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    const other = await request(ctx.url).get(handshake).set('Origin', 'https://evil.example.org');
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('realtime service shutdown', () => {
  it('closes its sockets, so that clients reconnect to another instance', async () => {
    const ctx = await new RealtimeTestContext().start();
    const client = await ctx.as(await ctx.fixtures.user());
    const disconnected = new Promise<string>((resolve) => client.once('disconnect', resolve));
    await ctx.app.close();
    // A client-side reason: socket.io clients reconnect after it, unlike after "io server disconnect".
    expect(await disconnected).toBe('transport close');
  });
});
