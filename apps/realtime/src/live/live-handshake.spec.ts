import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { SessionRevocations } from '@fabrique/auth';
import { AppConfig } from '@fabrique/config';
import { RealtimeTestContext } from '../testing/realtime-test-context.js';

describe('live namespace: authentication in the handshake', () => {
  const ctx = new RealtimeTestContext();
  beforeAll(() => ctx.start());
  afterAll(() => ctx.stop());

  it('refuses a connection without a token, with a connect_error naming the code', async () => {
    const error = await ctx.refused(ctx.client(() => ({})));
    expect(error.message).toBe('Missing access token: connect with auth: { token: <access token> }');
    expect(error.data).toEqual({ statusCode: 401, code: 'unauthenticated', message: error.message });
  });

  it('refuses a forged token and an expired one', async () => {
    const user = await ctx.fixtures.user();
    const forged = new JwtService({ secret: 'x'.repeat(40) }).sign({ sub: user.id, adm: true, sid: user.id });
    const forgedError = await ctx.refused(ctx.client(() => ({ token: forged })));
    expect(forgedError.data).toEqual({ statusCode: 401, code: 'unauthenticated', message: 'The access token is invalid' });

    const secret = ctx.app.get(AppConfig).JWT_SECRET;
    const expired = new JwtService({ secret }).sign({ sub: user.id, adm: false, sid: user.id, exp: Math.floor(Date.now() / 1000) - 10 });
    const expiredError = await ctx.refused(ctx.client(() => ({ token: expired })));
    expect(expiredError.data?.code).toBe('token_expired');
    expect(expiredError.message).toBe('The access token has expired; refresh it');
  });

  it('refuses a token whose session has ended at logout', async () => {
    const user = await ctx.fixtures.user();
    const secret = ctx.app.get(AppConfig).JWT_SECRET;
    const sessionId = randomUUID();
    const token = new JwtService({ secret }).sign({ sub: user.id, adm: false, sid: sessionId }, { expiresIn: 60 });
    await ctx.app.get(SessionRevocations).revoke(sessionId);
    const error = await ctx.refused(ctx.client(() => ({ token })));
    expect(error.data).toMatchObject({ code: 'unauthenticated', message: 'This session has ended; log in again' });
  });

  it('connects with a fresh token after refusing an expired one', async () => {
    const user = await ctx.fixtures.user();
    const secret = ctx.app.get(AppConfig).JWT_SECRET;
    let token = new JwtService({ secret }).sign({ sub: user.id, adm: false, sid: user.id, exp: Math.floor(Date.now() / 1000) - 10 });
    const client = ctx.client(() => ({ token }));
    expect((await ctx.refused(client)).data?.code).toBe('token_expired');

    token = ctx.token(user); // what a client does after refreshing its token
    await ctx.connected(client);
    expect(client.connected).toBe(true);
  });

  it('refuses a WebSocket opened from a foreign origin, and accepts the allowed ones and non-browser clients', async () => {
    const user = await ctx.fixtures.user();
    const token = ctx.token(user);
    // `cors` alone only sets headers on long-polling responses: the WebSocket upgrade must be refused by allowRequest.
    const foreign = ctx.client(() => ({ token }), { extraHeaders: { Origin: 'https://evil.example.org' } });
    const error = await ctx.refused(foreign);
    expect(error.message).toBe('websocket error');
    const foreignPolling = ctx.client(() => ({ token }), { transports: ['polling'], extraHeaders: { Origin: 'https://evil.example.org' } });
    expect((await ctx.refused(foreignPolling)).message).toBe('xhr poll error');

    const allowed = await ctx.connected(ctx.client(() => ({ token }), { extraHeaders: { Origin: 'http://localhost:5173' } }));
    expect(allowed.connected).toBe(true);
    const withoutOrigin = await ctx.connected(ctx.client(() => ({ token })));
    expect(withoutOrigin.connected).toBe(true);
  });
});
