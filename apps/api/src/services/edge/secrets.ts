import { hash, randomBytes } from 'node:crypto';

// Enrollment tokens and node credentials: random, shown once, stored only as SHA-256 (high-entropy secrets need no
// slow hash, and the heartbeat path looks the credential up by its hash on every request).

export const TOKEN_PREFIX = 'dget_';
export const CREDENTIAL_PREFIX = 'dgec_';

export function newSecret(prefix: string): string {
  return prefix + randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return hash('sha256', secret, 'hex');
}
