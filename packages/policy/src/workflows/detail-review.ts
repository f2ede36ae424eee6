/**
 * The review procedure the 细则 sets for both of its grant programs (7 for model R&D, 20 for edge nodes, word for
 * word the same up to the last step): notice → formal review, expert review, site inspection → shortlist → public
 * notice for 5 working days (GEN-7) → opinions of departments and of the project's town → city-government approval.
 */
import type { HolidayCalendar } from '../calendar/holiday-calendar';
import { publicNoticeEnd } from '../deadlines';
import { shanghaiDate } from '../dates';

export const detailReviewStates = {
  draft: { label: '草稿' },
  submitted: { label: '已提交' },
  formal_review: { label: '形式审查' },
  expert_review: { label: '专家评审' },
  site_inspection: { label: '现场考察' },
  shortlisting: { label: '确定拟立项' },
  public_notice: {
    label: '社会公示',
    // GEN-7: the notice runs 5 working days from the day it is published.
    deadline: {
      rule: 'GEN-7',
      start: (publishedAt: Date, holidays?: HolidayCalendar) =>
        publicNoticeEnd(shanghaiDate(publishedAt), holidays),
      onExpiry: 'close_notice',
    },
  },
  consultation: { label: '征求部门及镇街意见' },
  city_approval: { label: '市政府审定' },
  rejected: { label: '未通过', terminal: true },
} as const;

/** The shared events; `approvedTo` is where city-government approval leads in each program. */
export function detailReviewEvents<const T extends string>(approvedTo: T) {
  return {
    submit: { label: '提交申报', from: ['draft'], to: 'submitted', actors: ['enterprise_staff'] },
    accept: { label: '受理', from: ['submitted'], to: 'formal_review', actors: ['city_reviewer', 'system'] },
    pass_formal: {
      label: '形式审查通过',
      from: ['formal_review'],
      to: 'expert_review',
      actors: ['city_reviewer'],
      approval: true,
    },
    reject_formal: {
      label: '形式审查不通过',
      from: ['formal_review'],
      to: 'rejected',
      actors: ['city_reviewer'],
    },
    pass_expert: {
      label: '专家评审通过',
      from: ['expert_review'],
      to: 'site_inspection',
      actors: ['expert'],
      approval: true,
    },
    reject_expert: { label: '专家评审不通过', from: ['expert_review'], to: 'rejected', actors: ['expert'] },
    pass_site: {
      label: '现场考察通过',
      from: ['site_inspection'],
      to: 'shortlisting',
      actors: ['expert', 'city_reviewer'],
      approval: true,
    },
    reject_site: {
      label: '现场考察不通过',
      from: ['site_inspection'],
      to: 'rejected',
      actors: ['expert', 'city_reviewer'],
    },
    shortlist: {
      label: '确定为拟立项并公示',
      from: ['shortlisting'],
      to: 'public_notice',
      actors: ['approver'],
      approval: true,
    },
    not_shortlisted: { label: '未列入拟立项', from: ['shortlisting'], to: 'rejected', actors: ['approver'] },
    uphold_objection: {
      label: '公示异议成立，重新确定',
      from: ['public_notice'],
      to: 'shortlisting',
      actors: ['approver'],
      voids: ['shortlist'],
    },
    close_notice: {
      label: '公示期满',
      from: ['public_notice'],
      to: 'consultation',
      actors: ['system', 'city_reviewer'],
      deadline: 'expired',
    },
    pass_consultation: {
      label: '部门及镇街无异议',
      from: ['consultation'],
      to: 'city_approval',
      actors: ['city_reviewer'],
      approval: true,
    },
    reject_consultation: {
      label: '部门或镇街不同意',
      from: ['consultation'],
      to: 'rejected',
      actors: ['city_reviewer'],
    },
    approve_city: {
      label: '市政府审定通过',
      from: ['city_approval'],
      to: approvedTo,
      actors: ['approver'],
      approval: true,
    },
    decline_city: { label: '市政府未批准', from: ['city_approval'], to: 'rejected', actors: ['approver'] },
  } as const;
}

export const detailReviewMainPath = [
  'draft',
  'submitted',
  'formal_review',
  'expert_review',
  'site_inspection',
  'shortlisting',
  'public_notice',
  'consultation',
  'city_approval',
] as const;
