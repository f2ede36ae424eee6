/**
 * What the home page says about each program, read from the policy core's parameter tables as of today — windows,
 * rates and caps are never typed into the app.
 */
import {
  computeVoucherParameters,
  daysBetween,
  edgeNodeDeploymentParameters,
  formatChineseDate,
  formatRate,
  formatYuan,
  type IsoDate,
  type ProgramId,
  programLabels,
  readTable,
  verticalModelRdParameters,
  xize2025,
} from '@dg/policy';
import { currentEdition } from './editions';

export interface ProgramSummary {
  id: ProgramId;
  label: string;
  /** Rates and caps in one line. */
  offer: string;
  /** The window or validity, in words. */
  window: string;
  /** open: accepts applications today; closed: this batch's deadline has passed; not_open: out of force. */
  state: 'open' | 'closed' | 'not_open';
  /** Days left to the deadline, when there is one and it is ahead. */
  daysLeft: number | null;
}

function computeVoucher(today: IsoDate): ProgramSummary {
  const base = { id: 'compute-voucher' as const, label: programLabels['compute-voucher'] };
  const read = readTable(computeVoucherParameters, currentEdition('compute-voucher'), today);
  if (!read.inForce)
    return {
      ...base,
      offer: '',
      window: read.outOfForce.note ?? '当前不在申报期',
      state: 'not_open',
      daysLeft: null,
    };
  const v = read.values;
  const closes = String(v.applicationClosesOn);
  const open = today < closes;
  return {
    ...base,
    offer: `按核算期内实际支付算力租赁费用的 ${formatRate(v.rate)} 补贴，每家每年最高 ${formatYuan(v.annualCap)}；实际支付须满 ${formatYuan(v.threshold)}`,
    window: `核算期 ${formatChineseDate(String(v.windowStart))}至${formatChineseDate(String(v.windowEnd))}；${formatChineseDate(closes)}前提交`,
    state: open ? 'open' : 'closed',
    daysLeft: open ? daysBetween(today, closes) : null,
  };
}

/** R&D and edge deployment follow the 实施细则: in force until its end date, each year's guide opens the calls. */
function xizeProgram(
  id: 'vertical-model-rd' | 'edge-node-deployment',
  today: IsoDate,
  offer: (today: IsoDate) => string | null,
) {
  const text = offer(today);
  const until = xize2025.until ?? null;
  return {
    id,
    label: programLabels[id],
    offer: text ?? '',
    window: until
      ? `实施细则有效期至${formatChineseDate(until)}，具体申报时间以年度申报通知为准`
      : '具体申报时间以年度申报通知为准',
    state: text !== null ? 'open' : 'not_open',
    daysLeft: null,
  } satisfies ProgramSummary;
}

export function programSummaries(today: IsoDate): ProgramSummary[] {
  return [
    computeVoucher(today),
    xizeProgram('vertical-model-rd', today, (d) => {
      const read = readTable(verticalModelRdParameters, currentEdition('vertical-model-rd'), d);
      if (!read.inForce) return null;
      const v = read.values;
      return `最高 ${formatYuan(v.maxGrant)}，不超过总投入的 ${formatRate(v.rate)}；知识产权留在东莞的最高 ${formatYuan(v.maxGrantIpRetained)}、${formatRate(v.rateIpRetained)}`;
    }),
    xizeProgram('edge-node-deployment', today, (d) => {
      const read = readTable(edgeNodeDeploymentParameters, currentEdition('edge-node-deployment'), d);
      if (!read.inForce) return null;
      const v = read.values;
      return `事后奖补新购软硬件投入的 ${formatRate(v.rate)}，每个项目最高 ${formatYuan(v.maxGrant)}，平均每节点不超过 ${formatYuan(v.maxPerNode)}；总投入须满 ${formatYuan(v.minInvestment)}`;
    }),
  ];
}
