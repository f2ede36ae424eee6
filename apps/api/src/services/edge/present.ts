import type { EdgeNode } from '@dg/db';
import type { z } from 'zod';
import type { edgeNodeSchema } from '../../schemas/edge';
import { presenceOf } from './presence';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentNode(
  node: EdgeNode & { enterprise_name: string },
  now: Date,
): z.infer<typeof edgeNodeSchema> {
  return {
    id: node.id,
    serial: node.serial,
    enterpriseId: node.enterprise_id,
    enterpriseName: node.enterprise_name,
    applicationId: node.application_id,
    kind: node.kind,
    vendor: node.vendor,
    model: node.model,
    accelerator: node.accelerator,
    siteAddress: node.site_address,
    townCode: node.town_code,
    stationsServed: node.stations_served,
    stationLabels: node.station_labels,
    status: node.status,
    presence: presenceOf(node, now),
    heartbeatIntervalS: node.heartbeat_interval_s,
    offlineAfterS: node.offline_after_s,
    statusNote: node.status_note,
    reviewedAt: iso(node.reviewed_at),
    enrolledAt: iso(node.enrolled_at),
    connectedAt: iso(node.connected_at),
    lastSeenAt: iso(node.last_seen_at),
    createdAt: node.created_at.toISOString(),
  };
}
