import { Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';

// @node-rs/argon2 ships prebuilt binaries per platform with no install script; its defaults
// follow OWASP's argon2id recommendation (19 MiB, 2 passes).
const OPTIONS = { algorithm: Algorithm.Argon2id } as const;

// A hash to verify against when the e-mail is unknown, so both failures take the same time.
const DUMMY_HASH = hash('fabrique-timing-equalizer', OPTIONS);

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** argon2id hashing and verification of passwords. */
@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return hashPassword(password);
  }

  async verify(stored: string | null | undefined, password: string): Promise<boolean> {
    if (!stored) {
      await verify(await DUMMY_HASH, password).catch(() => false);
      return false;
    }
    return verify(stored, password).catch(() => false);
  }
}
