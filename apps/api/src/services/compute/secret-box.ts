import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { Env } from '../../env';

// Secrets at rest (compute access details, identity numbers): AES-256-GCM, a fresh 96-bit IV per value, the tag
// checked on every read. Stored as `v1:<base64 iv|tag|ciphertext>`.

export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('the secrets key must be 32 bytes (AES-256)');
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
    },
    open(sealed) {
      if (!sealed.startsWith('v1:')) throw new Error('unknown sealed format');
      const raw = Buffer.from(sealed.slice(3), 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

const boxes = new WeakMap<Env, SecretBox>();

/**
 * The box for this environment: the key from COMPUTE_SECRETS_KEY; without it (development only) a key generated
 * once into COMPUTE_SECRETS_KEY_FILE, and the log says so.
 */
export function secretBoxFor(env: Env, log: Logger): SecretBox {
  const cached = boxes.get(env);
  if (cached) return cached;
  let key: Buffer;
  if (env.COMPUTE_SECRETS_KEY) key = Buffer.from(env.COMPUTE_SECRETS_KEY, 'base64');
  else if (env.NODE_ENV === 'production') throw new Error('COMPUTE_SECRETS_KEY is required in production');
  else {
    const file = path.resolve(env.COMPUTE_SECRETS_KEY_FILE);
    if (existsSync(file)) key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
    else {
      key = randomBytes(32);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, `${key.toString('base64')}\n`, { mode: 0o600 });
    }
    log.warn(
      { file },
      'compute secrets use a DEVELOPMENT key from a file (set COMPUTE_SECRETS_KEY in production)',
    );
  }
  const box = createSecretBox(key);
  boxes.set(env, box);
  return box;
}
