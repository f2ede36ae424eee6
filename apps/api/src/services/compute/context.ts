import type { Database } from '@dg/db';
import type { Kysely } from 'kysely';
import type { AuditOrigin } from '../audit/append';
import type { SecretBox } from './secret-box';

export interface ComputeContext {
  db: Kysely<Database>;
  /** Resolved on first use, so a deployment that never stores a secret needs no key. */
  box: () => SecretBox;
  now: () => Date;
  origin: AuditOrigin;
  userId: string;
}

/** Whose records a caller may see: the ordering enterprise its own; platform and government roles all. */
export type ComputeScope = { enterpriseId: string } | 'all';
