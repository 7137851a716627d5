import { createHmac, randomUUID } from 'node:crypto';

/**
 * An HS256 access token as the API issues them (`sub`, `adm`, `sid`), signed with the stack's
 * JWT secret: scenarios with many users, or users in a generated database, skip the logins.
 */
export function accessToken(secret: string, userId: string): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: userId, adm: false, sid: randomUUID(), iat: now, exp: now + 3600 })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}
