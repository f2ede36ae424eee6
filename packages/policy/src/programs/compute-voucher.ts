/**
 * 算力券 — 东莞市工业和信息化局《关于组织申报2025年第一批东莞市“算力券”奖补项目的通知》and its 申报指南.
 * Reads like the notice: who may apply (一、二), the accounting window (三), the amount (四), the deadline (四),
 * then what the apps need from 五–八 (resubmission, materials, monitoring). The result is a ceiling.
 */
import { RESUBMISSION_NATURAL_DAYS } from '../deadlines';
import { type IsoDate, maxDate, minDate } from '../dates';
import type { ApplicantCategory, ComputeVoucherFacts, Payment } from '../facts';
import { type Fen, applyRate, formatRate, formatYuan, prorate, roundDownToYuan } from '../money';
import { computeVoucherParameters } from '../params/compute-voucher';
import { type ParameterOverride, type TableValues, readTable } from '../params/table';
import {
  type Basis,
  type BasisLine,
  defineRule,
  type Finding,
  finding,
  hasBlocking,
  type Verdict,
  amount,
} from '../verdict';
import {
  GEN4,
  checkNotListed,
  checkRegisteredInDongguan,
  checkUsccCheckCharacter,
  checkResearchIntegrity,
  outOfForceFinding,
} from './general';
import { chineseDate, daysInclusive } from './day-memo';

const program = 'compute-voucher';

export const CV1 = defineRule({
  id: 'CV-1',
  program,
  article: '通知 一、二(一)',
  title: '申报对象为制造企业、软信企业或高校院所（含新型研发机构）',
});
export const CV2 = defineRule({
  id: 'CV-2',
  program,
  article: '通知 二(二)',
  title: '通过市人工智能算力服务平台租用算力并完成实际支付',
});
export const CV3 = defineRule({
  id: 'CV-3',
  program,
  article: '通知 二(二)',
  title: '与算力服务平台、算力资源提供方无关联关系',
});
export const CV4 = defineRule({
  id: 'CV-4',
  program,
  article: '通知 二(三)',
  title: '实际支付费用在5万元（含）以上',
});
export const CV5 = defineRule({
  id: 'CV-5',
  program,
  article: '通知 三',
  title: '核算范围：2024年4月23日至2025年10月31日的算力租赁费用',
});
export const CV6 = defineRule({
  id: 'CV-6',
  program,
  article: '指南 七(一)',
  title: '费用须转入合同指定的算力提供方开户银行',
});
export const CV7 = defineRule({
  id: 'CV-7',
  program,
  article: '指南 七(二)',
  title: '须提供发票联，抵扣联不予认可',
});
export const CV8 = defineRule({
  id: 'CV-8',
  program,
  article: '通知 二(二)',
  title: '只核算申报时已实际支付的费用',
});
export const CV9 = defineRule({
  id: 'CV-9',
  program,
  article: '指南 四',
  title: '不超过实际服务额50%，每家每年最高100万元',
});
export const CV10 = defineRule({
  id: 'CV-10',
  program,
  article: '指南 四',
  title: '已获其他财政资金资助的同一租用项目不重复资助',
});
export const CV11 = defineRule({
  id: 'CV-11',
  program,
  article: '指南 四',
  title: '资金管理单位可下调资助比例和最高资助标准，资金用完即止',
});
export const CV12 = defineRule({
  id: 'CV-12',
  program,
  article: '通知 四',
  title: '2025年11月15日前完成申报',
});
export const CV13 = defineRule({
  id: 'CV-13',
  program,
  article: '指南 五(三)',
  title: '形式审查退回后5个自然日内重新提交，逾期按放弃处理',
});
export const CV14 = defineRule({ id: 'CV-14', program, article: '指南 三', title: '申报材料清单及装订顺序' });
export const CV15 = defineRule({
  id: 'CV-15',
  program,
  article: '指南 八(二)',
  title: '获资助企业参与经济运行监测',
});

export const computeVoucherRules = [
  CV1,
  CV2,
  CV3,
  CV4,
  CV5,
  CV6,
  CV7,
  CV8,
  CV9,
  CV10,
  CV11,
  CV12,
  CV13,
  CV14,
  CV15,
] as const;

type Values = TableValues<typeof computeVoucherParameters>;

// ── 一、二 Eligibility ────────────────────────────────────────────────────────────────────────────────────────

export const VOUCHER_CATEGORIES: readonly ApplicantCategory[] = [
  'manufacturing',
  'software',
  'university',
  'research_institute',
  'new_rnd_institution',
];

function checkCategory(category: ApplicantCategory): Finding[] {
  return VOUCHER_CATEGORIES.includes(category)
    ? []
    : [
        finding(
          CV1,
          'blocking',
          '申报对象限于制造企业、软信企业或高校院所（含新型研发机构），本单位类别不在申报范围内。',
        ),
      ];
}

function checkNoRelation(related: boolean): Finding[] {
  return related
    ? [
        finding(
          CV3,
          'blocking',
          '申报单位与算力服务平台或算力资源提供方存在投资、隶属、共建、产权纽带等关联关系，不予资助。',
        ),
      ]
    : [];
}

function checkNotFundedElsewhere(funded: boolean): Finding[] {
  return funded ? [finding(CV10, 'blocking', '同一算力租用项目已获得其他财政资金资助，不予重复资助。')] : [];
}

function eligibility(f: ComputeVoucherFacts): Finding[] {
  return [
    ...checkRegisteredInDongguan(f.applicant, '通知 二(一)'),
    ...checkUsccCheckCharacter(f.applicant, '通知 二(一)'),
    ...checkCategory(f.applicant.category),
    ...checkNoRelation(f.relatedToPlatformOrProvider),
    ...checkNotListed(f.applicant, [], '通知 二(四)'),
    ...checkResearchIntegrity(f.applicant, '细则 14; 通知 二(四)'),
    ...checkNotFundedElsewhere(f.fundedByOtherFiscalFunds),
  ];
}

// ── 四 Deadline ──────────────────────────────────────────────────────────────────────────────────────────────

function checkDeadline(asOf: IsoDate, closesOn: IsoDate): Finding[] {
  return asOf >= closesOn
    ? [
        finding(
          CV12,
          'blocking',
          `申报须在${chineseDate(closesOn)}前提交，${chineseDate(asOf)}提交的申报不予受理。`,
        ),
      ]
    : [];
}

// ── 二(二)、三、七 What each payment contributes ─────────────────────────────────────────────────────────────────

interface Window {
  start: IsoDate;
  end: IsoDate;
}

function invoiceReason(p: Payment): string {
  return p.invoice === 'deduction_copy'
    ? `付款 ${p.id} 提供的是发票抵扣联，抵扣联不予认可，补交发票联后方可纳入核算。`
    : `付款 ${p.id} 尚未提供发票联，补交发票联后方可纳入核算。`;
}

/** Payment-level exclusions, in article order; each is a rule with the reason the applicant reads. */
const paymentExclusions: readonly {
  rule: typeof CV2;
  applies: (p: Payment, asOf: IsoDate) => boolean;
  reason: (p: Payment, asOf: IsoDate) => string;
}[] = [
  {
    rule: CV2,
    applies: (p) => !p.viaPlatform,
    reason: (p) =>
      `付款 ${p.id}（${formatYuan(p.amountFen)}）未通过东莞市人工智能算力服务平台租用，不纳入核算。`,
  },
  {
    rule: CV8,
    applies: (p, asOf) => p.paidOn > asOf,
    reason: (p, asOf) =>
      `付款 ${p.id} 的付款日${chineseDate(p.paidOn)}晚于申报日${chineseDate(asOf)}，只核算申报时已实际支付的费用。`,
  },
  {
    rule: CV6,
    applies: (p) => !p.toDesignatedAccount,
    reason: (p) => `付款 ${p.id} 未转入合同中算力提供方指定的开户银行账户，不纳入奖补核算范围。`,
  },
  { rule: CV7, applies: (p) => p.invoice !== 'invoice_copy', reason: invoiceReason },
];

/** CV-5 (Reading): the part of a service period inside the window, pro rata by calendar days, both ends inclusive. */
export function windowShare(
  payment: Pick<Payment, 'serviceStart' | 'serviceEnd' | 'amountFen'>,
  window: Window,
) {
  const serviceDays = daysInclusive(payment.serviceStart, payment.serviceEnd);
  const daysInWindow = daysInclusive(
    maxDate(payment.serviceStart, window.start),
    minDate(payment.serviceEnd, window.end),
  );
  const eligibleFen =
    daysInWindow === serviceDays ? payment.amountFen : prorate(payment.amountFen, daysInWindow, serviceDays);
  return { serviceDays, daysInWindow, eligibleFen };
}

const windowText = (window: Window) => `${chineseDate(window.start)}至${chineseDate(window.end)}`;

/** What is said about one payment: the findings, and which of them exclude it. */
interface PaymentNotes {
  excludedBy: string[];
  reasons: string[];
  findings: Finding[];
}

function note(notes: PaymentNotes, f: Finding, excludes: boolean): void {
  if (excludes) notes.excludedBy.push(f.rule);
  notes.reasons.push(f.message);
  notes.findings.push(f);
}

function accountPayment(
  p: Payment,
  asOf: IsoDate,
  window: Window,
  duplicate: boolean,
  findings: Finding[],
): BasisLine {
  const notes: PaymentNotes = { excludedBy: [], reasons: [], findings };
  if (duplicate) {
    note(
      notes,
      finding(GEN4, 'warning', `付款编号 ${p.id} 重复出现，同一笔费用只核算一次。`, '细则 25; 指南 四'),
      true,
    );
  }
  for (const x of paymentExclusions) {
    if (x.applies(p, asOf)) note(notes, finding(x.rule, 'warning', x.reason(p, asOf)), true);
  }
  const share = windowShare(p, window);
  if (share.daysInWindow === 0) {
    const text = `付款 ${p.id} 的服务期（${p.serviceStart}至${p.serviceEnd}）不在本批次核算范围（${windowText(window)}）内，可在相应批次申报。`;
    note(notes, finding(CV5, 'info', text), true);
  } else if (share.daysInWindow < share.serviceDays && notes.excludedBy.length === 0) {
    const text = `付款 ${p.id} 的服务期共${share.serviceDays}天，其中${share.daysInWindow}天在核算范围（${windowText(window)}）内，按天折算计入${formatYuan(share.eligibleFen)}；其余部分可在后续批次申报。`;
    note(notes, finding(CV5, 'info', text), false);
  }
  return {
    ref: p.id,
    amountFen: p.amountFen,
    eligibleFen: notes.excludedBy.length === 0 ? share.eligibleFen : 0,
    excludedBy: notes.excludedBy,
    reasons: notes.reasons,
    serviceDays: share.serviceDays,
    daysInWindow: share.daysInWindow,
  };
}

function accountPayments(f: ComputeVoucherFacts, v: Values, findings: Finding[]): BasisLine[] {
  const window = { start: v.windowStart, end: v.windowEnd };
  const seen = new Set<string>();
  return f.payments.map((p) => {
    const duplicate = seen.has(p.id);
    seen.add(p.id);
    return accountPayment(p, f.asOf, window, duplicate, findings);
  });
}

// ── 四 Amount ────────────────────────────────────────────────────────────────────────────────────────────────

/** CV-9: rate × eligible, within what is left of the annual cap, rounded down to the yuan. Never negative. */
export function voucherCeiling(
  eligibleFen: Fen,
  rateBp: number,
  annualCapFen: Fen,
  grantedThisYearFen: Fen,
): Fen {
  const remaining = Math.max(0, annualCapFen - grantedThisYearFen);
  return roundDownToYuan(Math.min(applyRate(eligibleFen, rateBp), remaining));
}

function checkThreshold(eligibleFen: Fen, threshold: Fen): Finding[] {
  return eligibleFen >= threshold
    ? []
    : [
        finding(
          CV4,
          'blocking',
          `核算范围内的实际支付费用为${formatYuan(eligibleFen)}，未达到${formatYuan(threshold)}（含）的申报门槛。`,
        ),
      ];
}

function ceilingFindings(eligibleFen: Fen, v: Values, granted: Fen, ceiling: Fen): Finding[] {
  const remaining = Math.max(0, v.annualCap - granted);
  if (remaining === 0) {
    return [
      finding(
        CV9,
        'blocking',
        `本年度已获算力券资助${formatYuan(granted)}，已达每家每年最高${formatYuan(v.annualCap)}，本次不能再获资助。`,
      ),
    ];
  }
  return [
    finding(
      CV9,
      'info',
      `按核算金额${formatYuan(eligibleFen)}的${formatRate(v.rate)}计为${formatYuan(applyRate(eligibleFen, v.rate))}；每家每年最高${formatYuan(v.annualCap)}，本年已获${formatYuan(granted)}；本次资助上限${formatYuan(ceiling)}（取整到元）。`,
    ),
  ];
}

// ── 五–八 What the apps need ──────────────────────────────────────────────────────────────────────────────────

function overrideFindings(reads: ReturnType<typeof readTable>['reads']): Finding[] {
  return reads
    .filter((r) => r.override)
    .map((r) =>
      finding(
        CV11,
        'info',
        `资金管理单位已将${r.description}下调为${r.unit === 'bp' ? formatRate(r.value as number) : formatYuan(r.value as number)}（依据：${r.reference}）。`,
      ),
    );
}

function obligations(): Finding[] {
  return [
    finding(
      CV13,
      'info',
      `形式审查如退回材料，须在退回之日起${RESUBMISSION_NATURAL_DAYS}个自然日内按要求修改补充并重新提交，逾期按放弃申报处理。`,
    ),
    finding(
      CV15,
      'info',
      '获资助后须参与企业经济运行监测，按市工业和信息化局要求提供项目实施和生产经营数据。',
    ),
  ];
}

/** CV-14: the materials, in the order the printed bundle must follow. */
export const computeVoucherMaterials: readonly {
  order: number;
  title: string;
  parts: readonly string[];
  enterprisesOnly: boolean;
}[] = [
  { order: 1, title: '项目申报表', parts: [], enterprisesOnly: false },
  { order: 2, title: '营业执照、法定代表人身份证及银行开户许可证复印件', parts: [], enterprisesOnly: false },
  {
    order: 3,
    title: '算力服务证明材料（加盖算力服务平台运营单位公章）',
    parts: ['算力服务平台订单记录', '设备运行状态记录', '相关系统日志'],
    enterprisesOnly: false,
  },
  {
    order: 4,
    title: '项目实施效益分析证明材料',
    parts: [
      '实施情况简介',
      '经济效益分析',
      '社会效益分析',
      '知识产权、技术攻关、大模型孵化及在莞团队等证明',
      '其他佐证材料',
    ],
    enterprisesOnly: false,
  },
  {
    order: 5,
    title: '“信用中国”信用信息查询截图',
    parts: [
      '信用服务相关项',
      '严重失信主体名单',
      '经营（活动）异常名录',
      '失信被执行人',
      '重大税收违法失信主体',
      '安全生产严重失信主体名单',
    ],
    enterprisesOnly: false,
  },
  { order: 6, title: '算力服务采购合同、银行付款证明、发票', parts: [], enterprisesOnly: false },
  { order: 7, title: '申报资料真实性承诺书', parts: [], enterprisesOnly: false },
  {
    order: 8,
    title: '上年度财务审计报告（或税审报告）及最近一个月的财务报表',
    parts: ['资产负债表', '利润表', '现金流量表'],
    enterprisesOnly: true,
  },
  { order: 9, title: '与项目相关的其他证明材料', parts: [], enterprisesOnly: false },
];

/** CV-11 (Reading): approvals draw on the batch budget in order of final approval; never overspend. */
export function allocateFromBudget(remainingBudgetFen: Fen, recognisedFen: Fen) {
  const grantFen = Math.max(0, Math.min(recognisedFen, remainingBudgetFen));
  return { grantFen, cutFen: recognisedFen - grantFen, remainingBudgetFen: remainingBudgetFen - grantFen };
}

// ── The verdict ──────────────────────────────────────────────────────────────────────────────────────────────

export function evaluateComputeVoucher(
  f: ComputeVoucherFacts,
  overrides: readonly ParameterOverride[] = [],
): Verdict {
  const findings = eligibility(f);
  const reading = readTable(computeVoucherParameters, f.edition, f.asOf, overrides);
  const basis: Basis = {
    asOf: f.asOf,
    edition: f.edition,
    parameters: reading.reads,
    lines: [],
    amounts: [],
  };
  if (!reading.inForce) {
    findings.push(outOfForceFinding(reading.outOfForce, f.asOf, '通知 四'));
    return { program, eligible: false, subsidyFen: 0, phase1Fen: null, findings, basis };
  }
  const v = reading.values;
  findings.push(...checkDeadline(f.asOf, v.applicationClosesOn), ...overrideFindings(reading.reads));

  basis.lines = accountPayments(f, v, findings);
  let claimedFen = 0;
  let eligibleFen = 0;
  for (const line of basis.lines) {
    claimedFen += line.amountFen;
    eligibleFen += line.eligibleFen;
  }
  findings.push(...checkThreshold(eligibleFen, v.threshold));
  const ceiling = voucherCeiling(eligibleFen, v.rate, v.annualCap, f.grantedThisYearFen);
  findings.push(...ceilingFindings(eligibleFen, v, f.grantedThisYearFen, ceiling));
  basis.amounts = [
    amount(CV2, 'claimedFen', claimedFen, '申报的付款合计'),
    amount(CV4, 'eligiblePaidFen', eligibleFen, '核算范围内的实际支付费用'),
    amount(CV9, 'rateAmountFen', applyRate(eligibleFen, v.rate), `核算金额 × ${formatRate(v.rate)}`),
    amount(
      CV9,
      'annualRemainingFen',
      Math.max(0, v.annualCap - f.grantedThisYearFen),
      '本年度剩余可获资助额',
    ),
    amount(CV9, 'ceilingFen', ceiling, '资助上限（取整到元）'),
  ];
  const eligible = !hasBlocking(findings);
  if (eligible) findings.push(...obligations());
  return { program, eligible, subsidyFen: eligible ? ceiling : 0, phase1Fen: null, findings, basis };
}
