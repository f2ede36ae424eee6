/**
 * Vertical-domain model R&D (细则 7–15): the shared review, then the contract (任务书), phase-1 payment,
 * implementation with changes (RD-6) and one extension (RD-5), acceptance (RD-7), phase-2 payment or reclaim (RD-4),
 * and the ways out: voluntary or forced termination (RD-8) and relocation out of Dongguan (RD-10).
 */
import { detailReviewEvents, detailReviewMainPath, detailReviewStates } from './detail-review';
import { type StateOf, defineWorkflow } from './engine';
import {
  extensionRequestAllowed,
  extensionWithinLimit,
  majorChangeInTime,
  minorChangeInTime,
  recordExtension,
} from './guards';

/** States in which the project is under way: it can be terminated, and relocating means refunding (RD-10). */
const underWay = [
  'phase1_payment',
  'implementation',
  'change_review',
  'extension_review',
  'termination_review',
  'acceptance',
  'phase2_settlement',
] as const;

export const verticalModelRdWorkflow = defineWorkflow({
  id: 'vertical-model-rd',
  label: '垂直领域模型研发项目',
  initial: 'draft',
  states: {
    ...detailReviewStates,
    contract_signing: { label: '签订任务书' },
    phase1_payment: { label: '第一期资助拨付' },
    implementation: { label: '项目实施' },
    change_review: { label: '重大变更审批' },
    extension_review: { label: '延期审批' },
    termination_review: { label: '终止结题论证' },
    acceptance: { label: '项目验收' },
    phase2_settlement: { label: '第二期拨付或追回' },
    closed: { label: '结题', terminal: true },
    acceptance_failed: { label: '验收不通过', terminal: true },
    terminated_voluntary: { label: '主动终止结题', terminal: true },
    terminated_forced: { label: '被动终止结题', terminal: true },
    relocated: { label: '搬离东莞，全额退回资助', terminal: true },
  },
  events: {
    ...detailReviewEvents('contract_signing'),
    sign_contract: {
      label: '签订任务书',
      from: ['contract_signing'],
      to: 'phase1_payment',
      actors: ['city_reviewer'],
    },
    pay_phase1: {
      label: '第一期资助已拨付',
      from: ['phase1_payment'],
      to: 'implementation',
      actors: ['finance', 'system'],
    },
    request_major_change: {
      label: '申请重大变更',
      from: ['implementation'],
      to: 'change_review',
      actors: ['enterprise_staff'],
      guard: majorChangeInTime,
    },
    approve_change: {
      label: '批准重大变更',
      from: ['change_review'],
      to: 'implementation',
      actors: ['approver'],
    },
    reject_change: {
      label: '不批准重大变更',
      from: ['change_review'],
      to: 'implementation',
      actors: ['approver'],
    },
    file_minor_change: {
      label: '一般变更备案',
      from: ['implementation'],
      to: 'implementation',
      actors: ['enterprise_staff'],
      guard: minorChangeInTime,
    },
    request_extension: {
      label: '申请延期',
      from: ['implementation'],
      to: 'extension_review',
      actors: ['enterprise_staff'],
      guard: extensionRequestAllowed,
    },
    approve_extension: {
      label: '批准延期',
      from: ['extension_review'],
      to: 'implementation',
      actors: ['approver'],
      guard: extensionWithinLimit,
      effects: recordExtension,
    },
    reject_extension: {
      label: '不批准延期',
      from: ['extension_review'],
      to: 'implementation',
      actors: ['approver'],
    },
    apply_acceptance: {
      label: '申请验收',
      from: ['implementation'],
      to: 'acceptance',
      actors: ['enterprise_staff'],
    },
    pass_acceptance: {
      label: '验收通过',
      from: ['acceptance'],
      to: 'phase2_settlement',
      actors: ['expert', 'approver'],
      approval: true,
    },
    fail_acceptance: {
      label: '验收不通过',
      from: ['acceptance'],
      to: 'acceptance_failed',
      actors: ['expert', 'approver'],
    },
    settle: {
      label: '第二期拨付或追回完成',
      from: ['phase2_settlement'],
      to: 'closed',
      actors: ['finance', 'system'],
    },
    request_termination: {
      label: '申请主动终止',
      from: ['implementation', 'change_review', 'extension_review'],
      to: 'termination_review',
      actors: ['enterprise_staff'],
    },
    confirm_termination: {
      label: '专家论证同意终止',
      from: ['termination_review'],
      to: 'terminated_voluntary',
      actors: ['approver'],
    },
    decline_termination: {
      label: '不同意终止',
      from: ['termination_review'],
      to: 'implementation',
      actors: ['approver'],
    },
    terminate_forced: {
      label: '被动终止（重大违规）',
      from: ['contract_signing', ...underWay],
      to: 'terminated_forced',
      actors: ['approver'],
    },
    report_relocation: {
      label: '搬离东莞备案',
      from: underWay,
      to: 'relocated',
      actors: ['enterprise_staff', 'city_reviewer'],
    },
  },
  mainPath: [
    ...detailReviewMainPath,
    'contract_signing',
    'phase1_payment',
    'implementation',
    'acceptance',
    'phase2_settlement',
    'closed',
  ],
});

export type VerticalModelRdState = StateOf<typeof verticalModelRdWorkflow>;
