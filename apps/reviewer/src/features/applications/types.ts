import type { RouterOutputs } from '@dg/api';

export type ReviewDetail = RouterOutputs['reviews']['get'];
export type HistoryEntry = ReviewDetail['history'][number];
