import type { Actor } from '../../authz/actor';
import type { AuditOrigin } from './append';

export function auditOrigin(actor: Actor | null, requestId: string | null): AuditOrigin {
  return { actor: actor && { userId: actor.userId, role: actor.role }, requestId };
}
