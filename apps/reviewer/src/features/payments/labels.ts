import { paymentWorkflow } from '@dg/policy';
import type { Tone } from '@dg/ui';

/** payments.kind as the API stores it. */
export const paymentKindLabels: Record<string, string> = {
  disbursement: '资金拨付',
  rd_phase1: '研发项目第一期',
  rd_phase2: '研发项目第二期',
  reclaim: '资金追回',
};

const TONES: Record<string, Tone> = {
  prepared: 'warning',
  checked: 'processing',
  paid: 'success',
  failed: 'error',
};

export function paymentStateLabel(state: string): string {
  return (paymentWorkflow.states as Record<string, { label: string }>)[state]?.label ?? state;
}

export function paymentStateTone(state: string): Tone {
  return TONES[state] ?? 'default';
}
