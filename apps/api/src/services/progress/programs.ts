import type { ProgramId } from '@dg/policy';

/**
 * Where each program's workflow (in @dg/policy) puts the after-review steps, by event name. The events and their
 * states are the policy core's; this only says which of them is "the notice passed", "the government approved"…
 */
export const afterReviewEvents = {
  'compute-voucher': {
    finalApproval: 'approve_final',
    objectionUpheld: 'uphold_objection',
    noticePassed: 'report_to_government',
    governmentApproves: 'approve_funding',
    governmentDeclines: 'decline_funding',
    disbursed: 'complete_disbursement',
  },
  'vertical-model-rd': {
    finalApproval: 'shortlist',
    objectionUpheld: 'uphold_objection',
    noticePassed: 'close_notice',
    governmentApproves: 'approve_city',
    governmentDeclines: 'decline_city',
    disbursed: null,
  },
  'edge-node-deployment': {
    finalApproval: 'shortlist',
    objectionUpheld: 'uphold_objection',
    noticePassed: 'close_notice',
    governmentApproves: 'approve_city',
    governmentDeclines: 'decline_city',
    disbursed: 'complete_disbursement',
  },
} as const satisfies Record<ProgramId, Record<string, string | null>>;

/** The state an application waits in for the government's decision on the funding plan. */
export function awaitingGovernment(programId: ProgramId): string {
  return programId === 'compute-voucher' ? 'reported' : 'city_approval';
}
