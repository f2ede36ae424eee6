import type { Tone } from '@dg/ui';

/** Notice batch and objection states as the API stores them (notice_batches.state, notice_objections.status). */
export const batchStates: Record<string, { label: string; tone: Tone }> = {
  draft: { label: '草稿', tone: 'default' },
  published: { label: '公示中', tone: 'processing' },
  closed: { label: '已结束', tone: 'success' },
};

export const objectionStates: Record<string, { label: string; tone: Tone }> = {
  open: { label: '待处理', tone: 'warning' },
  upheld: { label: '异议成立', tone: 'error' },
  dismissed: { label: '异议不成立', tone: 'success' },
};

export const itemOutcomes: Record<string, string> = {
  listed: '公示中',
  cleared: '公示通过',
  withdrawn: '已撤出',
};
