import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';

// A hash to verify against when the e-mail is unknown, so both failures take the same time.
const DUMMY_HASH = argon2.hash('fabrique-timing-equalizer', { type: argon2.argon2id });

/** argon2id with the library's recommended parameters. */
@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string | null | undefined, password: string): Promise<boolean> {
    if (!hash) {
      await argon2.verify(await DUMMY_HASH, password).catch(() => false);
      return false;
    }
    return argon2.verify(hash, password).catch(() => false);
  }
}
