/**
 * 垂直领域模型研发项目 — 实施细则 第二章 (第三条至第十五条). Eligibility in article order, then the grant
 * (RD-3) and its first phase (RD-4), the implementation period (RD-5), the duties that come with a grant, and the
 * money over time: phase-2 settlement on actual investment, termination (RD-8) and relocation (RD-10).
 */
import type { IsoDate } from '../dates';
import { latestImplementationEnd, majorChangeFilingDeadline } from '../deadlines';
import type { VerticalModelRdFacts } from '../facts';
import { type Fen, applyRate, formatRate, formatYuan, roundDownToYuan } from '../money';
import { generalParameters } from '../params/general';
import { outOfForceOf, type ParameterRead, type TableValues, readTable } from '../params/table';
import { verticalModelRdParameters } from '../params/vertical-model-rd';
import {
  type Basis,
  type BasisAmount,
  defineRule,
  type Finding,
  finding,
  hasBlocking,
  type Verdict,
  amount,
} from '../verdict';
import {
  GEN6,
  checkNotFundedTwice,
  checkNotListed,
  checkOperatingInDongguan,
  checkUsccCheckCharacter,
  checkResearchIntegrity,
  checkUnitCount,
  outOfForceFinding,
} from './general';
import { chineseDate, memoByDay } from './day-memo';

const program = 'vertical-model-rd';

export const RD1 = defineRule({
  id: 'RD-1',
  program,
  article: '细则 3',
  title: '基于通过国家生成式人工智能服务备案的大模型二次开发',
});
export const RD2 = defineRule({
  id: 'RD-2',
  program,
  article: '细则 4',
  title: '申报条件；参与单位可为市内外（含港澳）单位',
});
export const RD3 = defineRule({
  id: 'RD-3',
  program,
  article: '细则 5',
  title: '最高80万元且不超过总投入40%；知识产权留莞最高100万元且不超过50%',
});
export const RD4 = defineRule({
  id: 'RD-4',
  program,
  article: '细则 6',
  title: '分两期拨付：第一期不超过30%，第二期按实际投入核定',
});
export const RD5 = defineRule({
  id: 'RD-5',
  program,
  article: '细则 8',
  title: '实施周期不超过2年，可延期1年；起始日在指南发布日至任务书签订日之间',
});
export const RD6 = defineRule({
  id: 'RD-6',
  program,
  article: '细则 10',
  title: '重大变更终止日前3个月报批，一般变更1个月内备案',
});
export const RD7 = defineRule({
  id: 'RD-7',
  program,
  article: '细则 11',
  title: '按任务书约定指标进行综合绩效评价验收',
});
export const RD8 = defineRule({
  id: 'RD-8',
  program,
  article: '细则 12',
  title: '主动终止停拨资金；被动终止停拨、追回并记入科研失信',
});
export const RD9 = defineRule({
  id: 'RD-9',
  program,
  article: '细则 13',
  title: '成果公开时注明项目资助及编号',
});
export const RD10 = defineRule({
  id: 'RD-10',
  program,
  article: '细则 15',
  title: '实施期内搬离东莞须全额退回已获资助',
});

export const verticalModelRdRules = [RD1, RD2, RD3, RD4, RD5, RD6, RD7, RD8, RD9, RD10] as const;

type Values = TableValues<typeof verticalModelRdParameters>;

// ── 第三条、第四条 Eligibility ──────────────────────────────────────────────────────────────────────────────────

function checkBaseModelFiled(filed: boolean): Finding[] {
  return filed
    ? []
    : [
        finding(
          RD1,
          'blocking',
          '项目须基于已通过国家生成式人工智能服务备案的大模型进行二次开发，所用大模型未在备案名单中。',
        ),
      ];
}

/** RD-2: participants may come from anywhere, Hong Kong and Macao included; said so, so nobody flags them. */
function noteParticipantsOutsideDongguan(f: VerticalModelRdFacts): Finding[] {
  const outside = (f.participants ?? []).filter((p) => p.region !== 'dongguan');
  return outside.length === 0
    ? []
    : [
        finding(
          RD2,
          'info',
          `参与单位${outside.map((p) => `“${p.name}”`).join('、')}位于东莞市外；细则允许市内外（含港澳地区）单位参与。`,
        ),
      ];
}

/** `maxUnits` is absent when the 细则 is out of force; the other conditions are still worth telling. */
function eligibility(f: VerticalModelRdFacts, maxUnits: number | undefined): Finding[] {
  const participants = f.participants ?? [];
  return [
    ...checkBaseModelFiled(f.baseModelFiled),
    ...checkOperatingInDongguan(f.applicant, '细则 4(一)'),
    ...checkUsccCheckCharacter(f.applicant, '细则 4(一)'),
    ...(maxUnits === undefined ? [] : checkUnitCount(participants, maxUnits, '细则 4(二)')),
    ...noteParticipantsOutsideDongguan(f),
    ...checkNotListed(f.applicant, participants, '细则 4(四)'),
    ...checkResearchIntegrity(f.applicant, '细则 14'),
    ...checkNotFundedTwice(f.fundedByOtherFiscalFunds, '细则 25'),
  ];
}

// ── 第五条、第六条 Grant and first phase ─────────────────────────────────────────────────────────────────────────

/** RD-3: the cap on investment `investmentFen`; keeping the IP in Dongguan lifts both the amount and the rate. */
export function grantCap(investmentFen: Fen, ipRetainedInDongguan: boolean, v: Values) {
  const maxFen = ipRetainedInDongguan ? v.maxGrantIpRetained : v.maxGrant;
  const rateBp = ipRetainedInDongguan ? v.rateIpRetained : v.rate;
  return { maxFen, rateBp, capFen: roundDownToYuan(Math.min(maxFen, applyRate(investmentFen, rateBp))) };
}

/** A grant is min(requested, cap), the cap when nothing is requested, rounded down to the yuan. */
export function rdGrant(
  totalInvestmentFen: Fen,
  requestedFen: Fen | undefined,
  ipRetained: boolean,
  v: Values,
) {
  const cap = grantCap(totalInvestmentFen, ipRetained, v);
  const grantFen = roundDownToYuan(Math.min(requestedFen ?? cap.capFen, cap.capFen));
  return { ...cap, grantFen, phase1Fen: roundDownToYuan(applyRate(grantFen, v.phase1Rate)) };
}

function grantFindings(f: VerticalModelRdFacts, g: ReturnType<typeof rdGrant>, v: Values): Finding[] {
  const found: Finding[] = [];
  const basisText = `${f.ipRetainedInDongguan ? '知识产权留在东莞，' : ''}最高${formatYuan(g.maxFen)}且不超过项目总投入${formatYuan(f.totalInvestmentFen)}的${formatRate(g.rateBp)}，资助上限为${formatYuan(g.capFen)}`;
  if (g.grantFen === 0) {
    found.push(finding(RD3, 'blocking', `${basisText}；核定资助额为¥0.00，无可资助金额。`));
    return found;
  }
  const requested =
    f.requestedFen !== undefined && f.requestedFen > g.capFen
      ? `；申请额${formatYuan(f.requestedFen)}超过上限，按上限核定`
      : '';
  found.push(finding(RD3, 'info', `${basisText}${requested}；核定资助额${formatYuan(g.grantFen)}。`));
  found.push(
    finding(
      RD4,
      'info',
      `资助分两期拨付：立项后第一期最高${formatYuan(g.phase1Fen)}（资助额的${formatRate(v.phase1Rate)}）；验收合格后按实际投入核定第二期。`,
    ),
  );
  return found;
}

// ── 第八条 Implementation period ─────────────────────────────────────────────────────────────────────────────

function checkPeriod(f: VerticalModelRdFacts, latestEnd: IsoDate): Finding[] {
  const found: Finding[] = [];
  if (f.plannedStart < f.guidePublishedOn) {
    found.push(
      finding(
        RD5,
        'blocking',
        `项目实施起始日期（${chineseDate(f.plannedStart)}）须在年度申报指南发布日（${chineseDate(f.guidePublishedOn)}）之后。`,
      ),
    );
  }
  if (f.contractSignedOn && f.plannedStart > f.contractSignedOn) {
    found.push(
      finding(
        RD5,
        'blocking',
        `项目实施起始日期（${chineseDate(f.plannedStart)}）须不晚于任务书（合同书）签订日（${chineseDate(f.contractSignedOn)}）。`,
      ),
    );
  } else if (!f.contractSignedOn) {
    found.push(finding(RD5, 'info', '任务书（合同书）尚未签订；签订时须确认项目实施起始日期不晚于签订日。'));
  }
  if (f.plannedEnd > latestEnd) {
    found.push(
      finding(
        RD5,
        'blocking',
        `项目实施周期不超过2年：自${chineseDate(f.plannedStart)}起最晚于${chineseDate(latestEnd)}结束，计划结束日${chineseDate(f.plannedEnd)}超出（经批准可另行延期1年）。`,
      ),
    );
  }
  return found;
}

// ── 第十条、第十一条、第十三条 Duties that come with a grant ───────────────────────────────────────────────────────

const latestEndFor = memoByDay((start) => latestImplementationEnd(start).date);
const majorChangeBy = memoByDay((end) => majorChangeFilingDeadline(end).date);

function duties(f: VerticalModelRdFacts): Finding[] {
  const majorBy = majorChangeBy(f.plannedEnd);
  return [
    finding(
      RD6,
      'info',
      `承担单位、总经费、项目负责人、完成期限、验收指标等重大变更须不迟于${chineseDate(majorBy)}报市科学技术局审批；其他一般变更自行调整后1个月内备案。`,
    ),
    finding(RD7, 'info', '项目验收采用综合绩效评价，严格按任务书（合同书）约定的指标考核。'),
    finding(
      RD9,
      'info',
      '论文、软件、专利、标准等成果公开时，须注明获“东莞市垂直领域模型研发项目”（项目编号）资助。',
    ),
  ];
}

// ── The verdict ──────────────────────────────────────────────────────────────────────────────────────────────

export function evaluateVerticalModelRd(f: VerticalModelRdFacts): Verdict {
  const general = readTable(generalParameters, f.edition, f.asOf);
  const own = readTable(verticalModelRdParameters, f.edition, f.asOf);
  const basis: Basis = {
    asOf: f.asOf,
    edition: f.edition,
    parameters: [...general.reads, ...own.reads],
    lines: [],
    amounts: [],
  };
  if (!general.inForce || !own.inForce) {
    const findings = eligibility(f, undefined);
    findings.push(outOfForceFinding(outOfForceOf(own, general)!, f.asOf, '细则 25'));
    return { program, eligible: false, subsidyFen: 0, phase1Fen: 0, findings, basis };
  }
  const v = own.values;
  const findings = eligibility(f, general.values.maxUnits);
  const g = rdGrant(f.totalInvestmentFen, f.requestedFen, f.ipRetainedInDongguan, v);
  findings.push(...grantFindings(f, g, v));
  const latestEnd = latestEndFor(f.plannedStart);
  findings.push(...checkPeriod(f, latestEnd));
  basis.amounts = [
    amount(RD3, 'totalInvestmentFen', f.totalInvestmentFen, '项目总投入'),
    amount(
      RD3,
      'rateAmountFen',
      applyRate(f.totalInvestmentFen, g.rateBp),
      `项目总投入 × ${formatRate(g.rateBp)}`,
    ),
    amount(
      RD3,
      'maxGrantFen',
      g.maxFen,
      f.ipRetainedInDongguan ? '最高资助额（知识产权留莞）' : '最高资助额',
    ),
    amount(RD3, 'capFen', g.capFen, '资助上限（取整到元）'),
    ...(f.requestedFen === undefined ? [] : [amount(RD3, 'requestedFen', f.requestedFen, '申请资助额')]),
    amount(RD3, 'grantFen', g.grantFen, '核定资助额（取整到元）'),
    amount(RD4, 'phase1Fen', g.phase1Fen, '第一期拨付上限（取整到元）'),
  ];
  basis.dates = { latestImplementationEnd: latestEnd };
  const eligible = !hasBlocking(findings);
  if (eligible) findings.push(...duties(f));
  return {
    program,
    eligible,
    subsidyFen: eligible ? g.grantFen : 0,
    phase1Fen: eligible ? g.phase1Fen : 0,
    findings,
    basis,
  };
}

// ── Money over time: 第六条 phase 2, 第十二条 termination, 第十五条 relocation ─────────────────────────────────────

export interface Phase2Input {
  edition: string;
  /** The day the grant was approved: its edition's rates apply, even after the 细则 expires. */
  approvedOn: IsoDate;
  ipRetainedInDongguan: boolean;
  approvedGrantFen: Fen;
  phase1PaidFen: Fen;
  actualInvestmentFen: Fen;
}

export interface Phase2Settlement {
  /** min(cap, rate × actual investment, approved grant), rounded down to the yuan. */
  finalGrantFen: Fen;
  /** What is still to pay; 0 when phase 1 already exceeds the final grant. */
  phase2Fen: Fen;
  /** What the unit must return when phase 1 exceeds the final grant. */
  reclaimFen: Fen;
  message: string;
  amounts: BasisAmount[];
  parameters: ParameterRead[];
}

/** RD-4 (Reading): after acceptance the grant is recomputed on the actual investment; pay the rest or reclaim. */
export function settlePhase2(input: Phase2Input): Phase2Settlement {
  const reading = readTable(verticalModelRdParameters, input.edition, input.approvedOn);
  if (!reading.inForce) {
    throw new RangeError(
      `立项日${input.approvedOn}不在实施细则版本${input.edition}的有效期内，无法核定第二期资助`,
    );
  }
  const cap = grantCap(input.actualInvestmentFen, input.ipRetainedInDongguan, reading.values);
  const finalGrantFen = roundDownToYuan(Math.min(cap.capFen, input.approvedGrantFen));
  const difference = finalGrantFen - input.phase1PaidFen;
  const phase2Fen = Math.max(0, difference);
  const reclaimFen = Math.max(0, -difference);
  const message =
    reclaimFen > 0
      ? `按实际投入${formatYuan(input.actualInvestmentFen)}核定资助额${formatYuan(finalGrantFen)}，低于已拨付的第一期${formatYuan(input.phase1PaidFen)}，须退回${formatYuan(reclaimFen)}。`
      : `按实际投入${formatYuan(input.actualInvestmentFen)}核定资助额${formatYuan(finalGrantFen)}，扣除已拨付的第一期${formatYuan(input.phase1PaidFen)}，第二期拨付${formatYuan(phase2Fen)}。`;
  return {
    finalGrantFen,
    phase2Fen,
    reclaimFen,
    message,
    amounts: [
      amount(RD4, 'actualInvestmentFen', input.actualInvestmentFen, '项目实际投入'),
      amount(
        RD3,
        'capOnActualFen',
        cap.capFen,
        `按实际投入计的资助上限（最高${formatYuan(cap.maxFen)}，${formatRate(cap.rateBp)}）`,
      ),
      amount(RD4, 'approvedGrantFen', input.approvedGrantFen, '立项核定资助额'),
      amount(RD4, 'finalGrantFen', finalGrantFen, '最终资助额'),
      amount(RD4, 'phase1PaidFen', input.phase1PaidFen, '已拨付第一期'),
      amount(RD4, 'phase2Fen', phase2Fen, '第二期拨付'),
      amount(RD4, 'reclaimFen', reclaimFen, '应退回'),
    ],
    parameters: reading.reads,
  };
}

/** What ending a project early or moving away means for the money. */
export interface Closure {
  rule: string;
  article: string;
  /** Payments not yet made are stopped. */
  stopsPayments: true;
  reclaimFen: Fen;
  /** GEN-6: the unit goes on the research dishonesty record. */
  dishonestyRecord: boolean;
  message: string;
}

/** RD-8(一): the unit asks to end the project; experts confirm; funds not yet paid stop, paid funds stay. */
export function terminateVoluntarily(): Closure {
  return {
    rule: RD8.id,
    article: '细则 12(一)',
    stopsPayments: true,
    reclaimFen: 0,
    dishonestyRecord: false,
    message: '项目主动终止结题：经专家论证后出具终止结题通知，停拨剩余资助资金。',
  };
}

/** RD-8(二): serious violation; funds stop, everything paid is reclaimed, and GEN-6 records the unit. */
export function terminateForcibly(paidFen: Fen): Closure {
  return {
    rule: RD8.id,
    article: '细则 12(二); 细则 14',
    stopsPayments: true,
    reclaimFen: paidFen,
    dishonestyRecord: true,
    message: `项目被动终止：停拨资助资金，追回已拨付的${formatYuan(paidFen)}，并将相关单位或个人纳入科研失信行为记录（${GEN6.id}）。`,
  };
}

/** RD-10: a lead unit that moves out of Dongguan during implementation refunds all it received. */
export function relocationRefund(receivedFen: Fen): Closure {
  return {
    rule: RD10.id,
    article: '细则 15',
    stopsPayments: true,
    reclaimFen: receivedFen,
    dishonestyRecord: false,
    message: `牵头申报单位在实施期内搬离东莞，须向市科学技术局备案并全额退回已获资助${formatYuan(receivedFen)}。`,
  };
}
