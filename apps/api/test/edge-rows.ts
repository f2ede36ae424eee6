import type { Insertable } from 'kysely';
import type { Database } from '@dg/db';

/**
 * An approved, active edge node's row, written straight into the table: for the tests and the edge bench that need
 * many nodes without going through registration and approval (presence columns are the caller's to add).
 */
export function activeNodeRow(serial: string, enterpriseId: string): Insertable<Database['edge_nodes']> {
  return {
    serial,
    enterprise_id: enterpriseId,
    kind: 'compute_box',
    vendor: 'bench',
    model: 'bench',
    site_address: 'bench',
    town_code: 'songshanhu',
    stations_served: 1,
    station_labels: '[]',
    status: 'active',
    heartbeat_interval_s: 30,
    offline_after_s: 90,
  };
}
