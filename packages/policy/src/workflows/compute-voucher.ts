/**
 * The compute voucher's review flow (指南 五): online submission → qualification check → formal review (which may
 * return for correction, CV-13) → town review → final review (fixes the recognised amount) → public notice →
 * report to the city government → disbursement.
 */
import { resubmissionDeadline } from '../deadlines';
import { type StateOf, defineWorkflow } from './engine';
import { recognisedWithinCeiling, recordRecognisedAmount, reviewedByOwnTown } from './guards';

export const computeVoucherWorkflow = defineWorkflow({
  id: 'compute-voucher',
  label: '算力券申报',
  initial: 'draft',
  states: {
    draft: { label: '草稿' },
    submitted: { label: '已提交' },
    qualification_review: { label: '资格审查' },
    formal_review: { label: '形式审查' },
    returned: {
      label: '退回补正',
      // CV-13: resubmit within 5 natural days of each return, else the application is deemed abandoned.
      deadline: { rule: 'CV-13', start: resubmissionDeadline, onExpiry: 'deadline_missed' },
    },
    town_review: { label: '镇街复核' },
    final_review: { label: '最终审查' },
    public_notice: { label: '社会公示' },
    reported: { label: '上报市政府' },
    disbursement: { label: '资金拨付' },
    completed: { label: '完成', terminal: true },
    rejected: { label: '未通过', terminal: true },
    abandoned: { label: '逾期未补正，视为放弃', terminal: true },
  },
  events: {
    submit: { label: '提交申报', from: ['draft'], to: 'submitted', actors: ['enterprise_staff'] },
    accept: {
      label: '受理',
      from: ['submitted'],
      to: 'qualification_review',
      actors: ['city_reviewer', 'system'],
    },
    pass_qualification: {
      label: '资格审查通过',
      from: ['qualification_review'],
      to: 'formal_review',
      actors: ['city_reviewer'],
      approval: true,
    },
    reject_qualification: {
      label: '资格审查不通过',
      from: ['qualification_review'],
      to: 'rejected',
      actors: ['city_reviewer'],
    },
    pass_formal: {
      label: '形式审查通过',
      from: ['formal_review'],
      to: 'town_review',
      actors: ['city_reviewer'],
      approval: true,
    },
    return_for_correction: {
      label: '退回补正',
      from: ['formal_review'],
      to: 'returned',
      actors: ['city_reviewer'],
      // The corrected materials are a new version: every check of this round must be done again on them.
      voids: ['pass_qualification'],
    },
    resubmit: {
      label: '补正后重新提交',
      from: ['returned'],
      to: 'qualification_review',
      actors: ['enterprise_staff'],
      deadline: 'open',
    },
    deadline_missed: {
      label: '逾期未补正',
      from: ['returned'],
      to: 'abandoned',
      actors: ['system'],
      deadline: 'expired',
    },
    reject_formal: {
      label: '形式审查不通过',
      from: ['formal_review'],
      to: 'rejected',
      actors: ['city_reviewer'],
    },
    pass_town: {
      label: '镇街复核通过',
      from: ['town_review'],
      to: 'final_review',
      actors: ['town_reviewer'],
      approval: true,
      guard: reviewedByOwnTown,
    },
    reject_town: {
      label: '镇街复核不通过',
      from: ['town_review'],
      to: 'rejected',
      actors: ['town_reviewer'],
      guard: reviewedByOwnTown,
    },
    approve_final: {
      label: '审核通过并核定金额',
      from: ['final_review'],
      to: 'public_notice',
      actors: ['expert', 'approver'],
      approval: true,
      guard: recognisedWithinCeiling,
      effects: recordRecognisedAmount,
    },
    reject_final: {
      label: '审核不通过',
      from: ['final_review'],
      to: 'rejected',
      actors: ['expert', 'approver'],
    },
    uphold_objection: {
      label: '公示异议成立，重新审核',
      from: ['public_notice'],
      to: 'final_review',
      actors: ['approver'],
      voids: ['approve_final'],
    },
    report_to_government: {
      label: '公示无异议或异议排除，上报市政府',
      from: ['public_notice'],
      to: 'reported',
      actors: ['city_reviewer', 'approver'],
    },
    approve_funding: {
      label: '市政府批准资助计划',
      from: ['reported'],
      to: 'disbursement',
      actors: ['approver'],
    },
    decline_funding: { label: '市政府未批准', from: ['reported'], to: 'rejected', actors: ['approver'] },
    complete_disbursement: {
      label: '资金拨付完成',
      from: ['disbursement'],
      to: 'completed',
      actors: ['finance', 'system'],
    },
  },
  mainPath: [
    'draft',
    'submitted',
    'qualification_review',
    'formal_review',
    'town_review',
    'final_review',
    'public_notice',
    'reported',
    'disbursement',
    'completed',
  ],
});

export type ComputeVoucherState = StateOf<typeof computeVoucherWorkflow>;
