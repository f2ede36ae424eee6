/**
 * A payment is its own workflow (as in Hypha): prepared → checked by finance → paid, or failed and retried.
 * Disbursements, phase-2 payments and reclaims all go through it.
 */
import { type StateOf, defineWorkflow } from './engine';
import { checkedBySomeoneElse } from './guards';

export const paymentWorkflow = defineWorkflow({
  id: 'payment',
  label: '资金支付',
  initial: 'prepared',
  states: {
    prepared: { label: '待复核' },
    checked: { label: '已复核' },
    paid: { label: '已支付', terminal: true },
    failed: { label: '支付失败' },
    cancelled: { label: '已作废', terminal: true },
  },
  events: {
    check: {
      label: '财务复核',
      from: ['prepared'],
      to: 'checked',
      actors: ['finance'],
      approval: true,
      guard: checkedBySomeoneElse,
    },
    mark_paid: { label: '确认已支付', from: ['checked'], to: 'paid', actors: ['finance', 'system'] },
    mark_failed: { label: '支付失败', from: ['checked'], to: 'failed', actors: ['finance', 'system'] },
    // The account details may be corrected before a retry, so the earlier check no longer stands.
    retry: { label: '重新支付', from: ['failed'], to: 'prepared', actors: ['finance'], voids: ['check'] },
    cancel: { label: '作废', from: ['prepared', 'failed'], to: 'cancelled', actors: ['finance', 'admin'] },
  },
  mainPath: ['prepared', 'checked', 'paid'],
});

export type PaymentState = StateOf<typeof paymentWorkflow>;
