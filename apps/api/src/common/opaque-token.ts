import { createHash, randomBytes } from 'node:crypto';

/** Bearer secrets (refresh tokens, invitation tokens): 256 random bits, URL-safe. */
export const newOpaqueToken = () => randomBytes(32).toString('base64url');

/** Only hashes are stored, so a database leak does not leak usable tokens. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
