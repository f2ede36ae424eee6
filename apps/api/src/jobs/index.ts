import { pruneRateLimits } from '../services/rate-limit';
import { abandonOverdueReturnsJob } from './abandon-overdue-returns';
import { edgeMetricsRetentionJob, edgePresenceJob } from './edge-presence';
import type { Job } from './runner';

/**
 * Every background job. A new one (e.g. marking returned applications abandoned after the CV-13 deadline): write it
 * in the service that owns the rule, make it idempotent, and add it here.
 */
export const jobs: Job[] = [
  {
    name: 'housekeeping.rate-limits',
    intervalMs: 10 * 60 * 1000,
    async run({ db, now, log }) {
      const removed = await pruneRateLimits(db, new Date(now.getTime() - 2 * 24 * 3600 * 1000));
      if (removed) log.info({ removed }, 'pruned rate-limit windows');
    },
  },
  abandonOverdueReturnsJob,
  edgePresenceJob,
  edgeMetricsRetentionJob,
];
