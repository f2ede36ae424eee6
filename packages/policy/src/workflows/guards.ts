/** Guards shared by the workflows, each citing the rule it enforces. */
import {
  isWithin,
  latestExtendedEnd,
  majorChangeFilingDeadline,
  minorChangeFilingDeadline,
} from '../deadlines';
import { shanghaiDate } from '../dates';
import { formatYuan } from '../money';
import { dongguanRegionByCode } from '../regions';
import { type Effect, type FireContext, type Guard, citation, lateMessage } from './engine';

/** Final review fixes the recognised amount, which may not exceed the ceiling the rules computed. */
export const recognisedWithinCeiling: Guard = (ctx: FireContext) => {
  if (ctx.recognisedFen === undefined) return '请填写核定金额';
  if (ctx.ceilingFen === undefined) return '缺少政策测算的资助上限，无法核定金额';
  if (!Number.isSafeInteger(ctx.recognisedFen) || ctx.recognisedFen < 0) return '核定金额必须是非负整数分';
  if (ctx.recognisedFen > ctx.ceilingFen) {
    return `核定金额 ${formatYuan(ctx.recognisedFen)} 超过政策测算的资助上限 ${formatYuan(ctx.ceilingFen)}`;
  }
  return undefined;
};

export const recordRecognisedAmount = (ctx: FireContext): Effect<never>[] =>
  ctx.recognisedFen === undefined ? [] : [{ kind: 'set_recognised_amount', amountFen: ctx.recognisedFen }];

/** CV town review: each town/park reviews the applicants in its own jurisdiction (指南 五(四) 按辖区复核). */
export const reviewedByOwnTown: Guard = (ctx) => {
  if (!ctx.actorRegion || !ctx.applicantRegion) return '缺少复核员或申报单位所属镇街（园区）';
  if (ctx.actorRegion === ctx.applicantRegion) return undefined;
  const own = dongguanRegionByCode(ctx.applicantRegion)?.name ?? ctx.applicantRegion;
  return `该申报单位属于${own}，应由其所属镇街（园区）复核`;
};

/** RD-6: a major change is filed no later than 3 months before the contract end in force. */
export const majorChangeInTime: Guard = (ctx) => {
  if (!ctx.contractEnd) return '缺少任务书终止日期';
  return lateMessage(majorChangeFilingDeadline(ctx.contractEnd), ctx.now);
};

/** RD-6: another change is filed within 1 month after it was made. */
export const minorChangeInTime: Guard = (ctx) => {
  if (!ctx.changedOn) return '请填写变更日期';
  if (ctx.changedOn > shanghaiDate(ctx.now)) return '变更日期不能晚于今天';
  return lateMessage(minorChangeFilingDeadline(ctx.changedOn), ctx.now);
};

/** RD-5: one extension only, ending after the current end and at most 1 year after it. */
export const extensionWithinLimit: Guard = (ctx) => {
  if (!ctx.contractEnd) return '缺少任务书终止日期';
  if (!ctx.requestedEnd) return '请填写延期后的完成日期';
  if ((ctx.extensionsGranted ?? 0) >= 1) return `项目只能延期一次（${citation('RD-5')}）`;
  if (ctx.requestedEnd <= ctx.contractEnd) return '延期后的完成日期须晚于任务书终止日期';
  const limit = latestExtendedEnd(ctx.contractEnd);
  if (!isWithin(limit, ctx.requestedEnd)) {
    return `延期不能超过 1 年：最迟至 ${limit.date}（${citation(limit.rule)}）`;
  }
  return undefined;
};

/** An extension changes the completion date, a major change: it is filed in time (RD-6) and within limits (RD-5). */
export const extensionRequestAllowed: Guard = (ctx) => extensionWithinLimit(ctx) ?? majorChangeInTime(ctx);

export const recordExtension = (ctx: FireContext): Effect<never>[] =>
  ctx.requestedEnd === undefined ? [] : [{ kind: 'extend_contract', newEnd: ctx.requestedEnd }];

/** Payments: whoever checks a payment did not prepare it (four-eyes principle). */
export const checkedBySomeoneElse: Guard = (ctx) => {
  if (!ctx.actorId || !ctx.preparedBy) return '缺少经办人或复核人信息';
  return ctx.actorId === ctx.preparedBy ? '复核人不能是该笔支付的经办人' : undefined;
};
