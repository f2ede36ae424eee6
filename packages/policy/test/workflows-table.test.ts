/**
 * Every event fired from every state by every actor is accepted exactly as the tables below (written from the review
 * flows in POLICY.md and the seeds) say, and refused otherwise with the right code.
 */
import { describe, expect, it } from 'vitest';
import { shanghaiDate } from '../src/dates';
import { type Actor, actors } from '../src/roles';
import { type FireContext, type Workflow, fire, paymentWorkflow, workflows } from '../src/workflows';

type Row = [event: string, from: string[], to: string, actors: Actor[]];

const detailReview: Row[] = [
  ['submit', ['draft'], 'submitted', ['enterprise_staff']],
  ['accept', ['submitted'], 'formal_review', ['city_reviewer', 'system']],
  ['pass_formal', ['formal_review'], 'expert_review', ['city_reviewer']],
  ['reject_formal', ['formal_review'], 'rejected', ['city_reviewer']],
  ['pass_expert', ['expert_review'], 'site_inspection', ['expert']],
  ['reject_expert', ['expert_review'], 'rejected', ['expert']],
  ['pass_site', ['site_inspection'], 'shortlisting', ['expert', 'city_reviewer']],
  ['reject_site', ['site_inspection'], 'rejected', ['expert', 'city_reviewer']],
  ['shortlist', ['shortlisting'], 'public_notice', ['approver']],
  ['not_shortlisted', ['shortlisting'], 'rejected', ['approver']],
  ['uphold_objection', ['public_notice'], 'shortlisting', ['approver']],
  ['close_notice', ['public_notice'], 'consultation', ['system', 'city_reviewer']],
  ['pass_consultation', ['consultation'], 'city_approval', ['city_reviewer']],
  ['reject_consultation', ['consultation'], 'rejected', ['city_reviewer']],
  ['decline_city', ['city_approval'], 'rejected', ['approver']],
];

const underWay = [
  'phase1_payment',
  'implementation',
  'change_review',
  'extension_review',
  'termination_review',
  'acceptance',
  'phase2_settlement',
];

const tables: Record<string, [Workflow, Row[]]> = {
  'compute-voucher': [
    workflows['compute-voucher'],
    [
      ['submit', ['draft'], 'submitted', ['enterprise_staff']],
      ['accept', ['submitted'], 'qualification_review', ['city_reviewer', 'system']],
      ['pass_qualification', ['qualification_review'], 'formal_review', ['city_reviewer']],
      ['reject_qualification', ['qualification_review'], 'rejected', ['city_reviewer']],
      ['pass_formal', ['formal_review'], 'town_review', ['city_reviewer']],
      ['return_for_correction', ['formal_review'], 'returned', ['city_reviewer']],
      ['resubmit', ['returned'], 'qualification_review', ['enterprise_staff']],
      ['deadline_missed', ['returned'], 'abandoned', ['system']],
      ['reject_formal', ['formal_review'], 'rejected', ['city_reviewer']],
      ['pass_town', ['town_review'], 'final_review', ['town_reviewer']],
      ['reject_town', ['town_review'], 'rejected', ['town_reviewer']],
      ['approve_final', ['final_review'], 'public_notice', ['expert', 'approver']],
      ['reject_final', ['final_review'], 'rejected', ['expert', 'approver']],
      ['uphold_objection', ['public_notice'], 'final_review', ['approver']],
      ['report_to_government', ['public_notice'], 'reported', ['city_reviewer', 'approver']],
      ['approve_funding', ['reported'], 'disbursement', ['approver']],
      ['decline_funding', ['reported'], 'rejected', ['approver']],
      ['complete_disbursement', ['disbursement'], 'completed', ['finance', 'system']],
    ],
  ],
  'vertical-model-rd': [
    workflows['vertical-model-rd'],
    [
      ...detailReview,
      ['approve_city', ['city_approval'], 'contract_signing', ['approver']],
      ['sign_contract', ['contract_signing'], 'phase1_payment', ['city_reviewer']],
      ['pay_phase1', ['phase1_payment'], 'implementation', ['finance', 'system']],
      ['request_major_change', ['implementation'], 'change_review', ['enterprise_staff']],
      ['approve_change', ['change_review'], 'implementation', ['approver']],
      ['reject_change', ['change_review'], 'implementation', ['approver']],
      ['file_minor_change', ['implementation'], 'implementation', ['enterprise_staff']],
      ['request_extension', ['implementation'], 'extension_review', ['enterprise_staff']],
      ['approve_extension', ['extension_review'], 'implementation', ['approver']],
      ['reject_extension', ['extension_review'], 'implementation', ['approver']],
      ['apply_acceptance', ['implementation'], 'acceptance', ['enterprise_staff']],
      ['pass_acceptance', ['acceptance'], 'phase2_settlement', ['expert', 'approver']],
      ['fail_acceptance', ['acceptance'], 'acceptance_failed', ['expert', 'approver']],
      ['settle', ['phase2_settlement'], 'closed', ['finance', 'system']],
      [
        'request_termination',
        ['implementation', 'change_review', 'extension_review'],
        'termination_review',
        ['enterprise_staff'],
      ],
      ['confirm_termination', ['termination_review'], 'terminated_voluntary', ['approver']],
      ['decline_termination', ['termination_review'], 'implementation', ['approver']],
      ['terminate_forced', ['contract_signing', ...underWay], 'terminated_forced', ['approver']],
      ['report_relocation', underWay, 'relocated', ['enterprise_staff', 'city_reviewer']],
    ],
  ],
  'edge-node-deployment': [
    workflows['edge-node-deployment'],
    [
      ...detailReview,
      ['approve_city', ['city_approval'], 'disbursement', ['approver']],
      ['complete_disbursement', ['disbursement'], 'completed', ['finance', 'system']],
    ],
  ],
  payment: [
    paymentWorkflow,
    [
      ['check', ['prepared'], 'checked', ['finance']],
      ['mark_paid', ['checked'], 'paid', ['finance', 'system']],
      ['mark_failed', ['checked'], 'failed', ['finance', 'system']],
      ['retry', ['failed'], 'prepared', ['finance']],
      ['cancel', ['prepared', 'failed'], 'cancelled', ['finance', 'admin']],
    ],
  ],
};

// A context that satisfies every guard, so only state and actor decide. A deadline that must still run is met one
// day after entering the state; one that must have passed is met 30 days later (past both CV-13 and GEN-7).
const enteredAt = new Date('2025-11-03T10:00:00+08:00');
function contextFor(workflow: Workflow, event: string, actor: Actor): FireContext {
  const expired = workflow.events[event]?.deadline === 'expired';
  const now = new Date(enteredAt.getTime() + (expired ? 30 : 1) * 86_400_000);
  return {
    actor,
    now,
    enteredAt,
    approvals: [],
    recognisedFen: 50_000_00,
    ceilingFen: 50_000_00,
    contractEnd: '2027-06-30',
    extensionsGranted: 0,
    requestedEnd: '2028-06-30',
    changedOn: shanghaiDate(now),
    actorId: 'finance-2',
    preparedBy: 'finance-1',
    actorRegion: 'songshanhu',
    applicantRegion: 'songshanhu',
  };
}

describe.each(Object.entries(tables))('%s workflow', (_, [workflow, table]) => {
  it('the table lists every event of the workflow and nothing else', () => {
    expect(table.map(([event]) => event).sort()).toEqual(Object.keys(workflow.events).sort());
  });

  it('every event × state × actor is accepted per the table or refused with the right code', () => {
    for (const [event, from, to, allowed] of table) {
      for (const state of Object.keys(workflow.states)) {
        for (const actor of actors) {
          const result = fire(workflow, state, event, contextFor(workflow, event, actor));
          const where = `${event} from ${state} by ${actor}`;
          if (!from.includes(state))
            expect(result, where).toMatchObject({ ok: false, code: 'INVALID_STATE' });
          else if (!allowed.includes(actor))
            expect(result, where).toMatchObject({ ok: false, code: 'FORBIDDEN_ROLE' });
          else expect(result, where).toMatchObject({ ok: true, from: state, to });
        }
      }
    }
  });

  it('terminal states have no way out and every other state has one', () => {
    for (const [state, def] of Object.entries(workflow.states)) {
      const out = table.some(([, from]) => from.includes(state));
      expect(out, state).toBe(!def.terminal);
    }
  });

  it('every state is reachable from the initial state', () => {
    const reached = new Set([workflow.initial]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [, from, to] of table) {
        if (!reached.has(to) && from.some((state) => reached.has(state))) {
          reached.add(to);
          grew = true;
        }
      }
    }
    expect([...reached].sort()).toEqual(Object.keys(workflow.states).sort());
  });

  it('the main path is a chain of events from the initial state to a terminal state', () => {
    const path = workflow.mainPath;
    expect(path[0]).toBe(workflow.initial);
    expect(workflow.states[path[path.length - 1] as string]?.terminal).toBe(true);
    for (let i = 1; i < path.length; i++) {
      expect(table.some(([, from, to]) => from.includes(path[i - 1] as string) && to === path[i])).toBe(true);
    }
  });

  it('every state and event has a Chinese label', () => {
    for (const def of [...Object.values(workflow.states), ...Object.values(workflow.events)]) {
      expect(def.label).toMatch(/\p{Script=Han}/u);
    }
  });
});
