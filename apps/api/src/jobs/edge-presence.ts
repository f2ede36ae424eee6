import { refreshOfflineAlerts } from '../services/edge/presence';
import { pruneMetricSamples } from '../services/edge/retention';
import type { Job } from './runner';

/** Raises offline alerts for edge nodes past their threshold and resolves those of nodes back online. */
export const edgePresenceJob: Job = {
  name: 'edge.presence-alerts',
  intervalMs: 15_000,
  async run({ db, now, log }) {
    const { raised, resolved } = await refreshOfflineAlerts(db, now);
    if (raised || resolved) log.info({ raised, resolved }, 'edge offline alerts');
  },
};

/** Keeps the metrics charts' history bounded. */
export const edgeMetricsRetentionJob: Job = {
  name: 'edge.metrics-retention',
  intervalMs: 60 * 60 * 1000,
  async run({ db, now, log }) {
    const removed = await pruneMetricSamples(db, now);
    if (removed) log.info({ removed }, 'pruned edge metrics samples');
  },
};
