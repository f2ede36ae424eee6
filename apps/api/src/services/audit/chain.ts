import { createHash } from 'node:crypto';

// The audit log's hash chain: each row's hash covers its content and the previous row's hash, so a changed, removed
// or reordered row breaks every hash after it. Canonical JSON (sorted keys) because jsonb does not keep key order.

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  at: Date;
  actor_user_id: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  data: Record<string, unknown>;
  request_id: string | null;
}

export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function auditHash(prevHash: string, content: AuditContent): string {
  const body = canonicalJson({ ...content, at: content.at.toISOString(), prev_hash: prevHash });
  return createHash('sha256').update(body).digest('hex');
}
