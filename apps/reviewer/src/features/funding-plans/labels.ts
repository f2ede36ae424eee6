import type { Tone } from '@dg/ui';

export const planStates: Record<string, { label: string; tone: Tone }> = {
  draft: { label: '草拟中', tone: 'default' },
  submitted: { label: '已报市政府', tone: 'processing' },
  approved: { label: '已批准', tone: 'success' },
  declined: { label: '未批准', tone: 'error' },
};
