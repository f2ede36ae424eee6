import {
  type EdgeHealth,
  type EdgeNodeStatus,
  edgeHealthLabels,
  type EdgePresence,
  edgeNodeStatusLabels,
  edgePresenceLabels,
} from '@dg/api/schemas';
import { StatusTag, type Tone } from '@dg/ui';

const STATUS_TONES: Record<EdgeNodeStatus, Tone> = {
  pending_review: 'warning',
  approved: 'processing',
  active: 'success',
  suspended: 'warning',
  rejected: 'error',
  revoked: 'error',
  decommissioned: 'default',
};

const PRESENCE_TONES: Record<EdgePresence, Tone> = {
  online: 'success',
  offline: 'error',
  never_seen: 'default',
};

const HEALTH_TONES: Record<EdgeHealth, Tone> = { ok: 'success', degraded: 'warning', error: 'error' };

export function HealthTag({ health }: { health: EdgeHealth }) {
  return <StatusTag label={edgeHealthLabels[health]} tone={HEALTH_TONES[health]} />;
}

export function NodeStatusTag({ status }: { status: EdgeNodeStatus }) {
  return <StatusTag label={edgeNodeStatusLabels[status]} tone={STATUS_TONES[status]} />;
}

export function PresenceTag({ presence }: { presence: EdgePresence }) {
  return <StatusTag label={edgePresenceLabels[presence]} tone={PRESENCE_TONES[presence]} />;
}
