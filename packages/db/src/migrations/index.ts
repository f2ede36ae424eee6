import type { Migration } from 'kysely/migration';
import * as afterReview from './2026-11-21T0400-after-review';
import * as core from './2026-11-21T0000-core';
import * as edgeCompute from './2026-11-21T0300-edge-compute';
import * as edgeMetricSamplesTyped from './2026-11-22T0100-edge-metric-samples-typed';
import * as edgeNodesAnalyzeLess from './2026-11-22T0200-edge-nodes-analyze-less';
import * as edgeNodesFillfactor from './2026-11-22T0000-edge-nodes-fillfactor';
import * as enterpriseInvites from './2026-11-21T0100-enterprise-invites';
import * as applicationReview from './2026-11-21T0200-application-review';
import * as applicationQueueOrder from './2026-11-21T0200-application-review-queue-order';
import * as edgeMetricSamplesAnalyzeLess from './2026-11-22T0300-edge-metric-samples-analyze-less';
import * as holidayArrangements from './2026-11-23T0000-holiday-arrangements';

/**
 * Every migration, by name, in the order they run (Kysely sorts by name; the ISO date prefix keeps that order).
 * Imported statically so migrations work the same under tsx, vitest and a bundler. A new migration: add a file
 * `YYYY-MM-DDTHHMM-what.ts` exporting `up` (and `down`), then one line here. Landed migrations are never edited.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-21T0000-core': core,
  '2026-11-21T0100-enterprise-invites': enterpriseInvites,
  '2026-11-21T0200-application-review': applicationReview,
  '2026-11-21T0200-application-review-queue-order': applicationQueueOrder,
  '2026-11-21T0300-edge-compute': edgeCompute,
  '2026-11-21T0400-after-review': afterReview,
  '2026-11-22T0000-edge-nodes-fillfactor': edgeNodesFillfactor,
  '2026-11-22T0100-edge-metric-samples-typed': edgeMetricSamplesTyped,
  '2026-11-22T0200-edge-nodes-analyze-less': edgeNodesAnalyzeLess,
  '2026-11-22T0300-edge-metric-samples-analyze-less': edgeMetricSamplesAnalyzeLess,
  '2026-11-23T0000-holiday-arrangements': holidayArrangements,
};
