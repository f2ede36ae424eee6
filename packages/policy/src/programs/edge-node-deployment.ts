/**
 * 边端智算节点部署项目 — 实施细则 第三章 (第十六条至第二十条). Eligibility in article order, then what counts
 * (EN-6) and the threshold on it (EN-4), the node count (EN-7), and the subsidy:
 * round_down_to_yuan(min(30% × eligible, 1,000,000 yuan, 5,000 yuan × nodes)) — a post-hoc ceiling.
 */
import type { EdgeNodeDeploymentFacts, InvestmentItem } from '../facts';
import { type Fen, applyRate, formatRate, formatYuan, roundDownToYuan } from '../money';
import { edgeNodeDeploymentParameters } from '../params/edge-node-deployment';
import { generalParameters } from '../params/general';
import { outOfForceOf, type TableValues, readTable } from '../params/table';
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
  checkNotFundedTwice,
  checkNotListed,
  checkOperatingInDongguan,
  checkUsccCheckCharacter,
  checkResearchIntegrity,
  checkUnitCount,
  outOfForceFinding,
} from './general';

const program = 'edge-node-deployment';

export const EN1 = defineRule({
  id: 'EN-1',
  program,
  article: '细则 16',
  title: '工业企业在生产环境部署边端智算节点并应用算法模型',
});
export const EN2 = defineRule({
  id: 'EN-2',
  program,
  article: '细则 17',
  title: '申报条件；市内外（含港澳）服务商可参与',
});
export const EN3 = defineRule({
  id: 'EN-3',
  program,
  article: '细则 18',
  title: '事后奖补不超过投入额30%，单个项目最高100万元',
});
export const EN4 = defineRule({ id: 'EN-4', program, article: '细则 18', title: '项目总投入不低于20万元' });
export const EN5 = defineRule({
  id: 'EN-5',
  program,
  article: '细则 18',
  title: '平均每个节点资助不超过5000元',
});
export const EN6 = defineRule({
  id: 'EN-6',
  program,
  article: '细则 19(一)(二)',
  title: '核算范围：新购智算硬件和人工智能软件',
});
export const EN7 = defineRule({
  id: 'EN-7',
  program,
  article: '细则 19(三)',
  title: '节点数按服务工位核算，以接入边端智算网络平台的节点数为准',
});

export const edgeNodeDeploymentRules = [EN1, EN2, EN3, EN4, EN5, EN6, EN7] as const;

type Values = TableValues<typeof edgeNodeDeploymentParameters>;

// ── 第十六条、第十七条 Eligibility ───────────────────────────────────────────────────────────────────────────────

function checkIndustrial(industrial: boolean): Finding[] {
  return industrial
    ? []
    : [finding(EN1, 'blocking', '本项目支持工业企业在生产环境中部署边端智算节点，申报单位不是工业企业。')];
}

/** EN-2: service providers from outside Dongguan, Hong Kong and Macao included, may take part. */
function noteServiceProviders(f: EdgeNodeDeploymentFacts): Finding[] {
  const outside = (f.participants ?? []).filter((p) => p.region !== 'dongguan');
  return outside.length === 0
    ? []
    : [
        finding(
          EN2,
          'info',
          `服务商${outside.map((p) => `“${p.name}”`).join('、')}位于东莞市外；细则允许市内外（含港澳地区）服务商参与。`,
        ),
      ];
}

function eligibility(f: EdgeNodeDeploymentFacts, maxUnits: number | undefined): Finding[] {
  const participants = f.participants ?? [];
  return [
    ...checkIndustrial(f.applicant.industrial),
    ...checkOperatingInDongguan(f.applicant, '细则 17(一)'),
    ...checkUsccCheckCharacter(f.applicant, '细则 17(一)'),
    ...(maxUnits === undefined ? [] : checkUnitCount(participants, maxUnits, '细则 17(二)')),
    ...noteServiceProviders(f),
    ...checkNotListed(f.applicant, participants, '细则 17(三)'),
    ...checkResearchIntegrity(f.applicant, '细则 14'),
    ...checkNotFundedTwice(f.fundedByOtherFiscalFunds, '细则 25'),
  ];
}

// ── 第十九条 What counts ────────────────────────────────────────────────────────────────────────────────────────

const COMPUTE_HARDWARE: ReadonlySet<string> = new Set([
  'compute_box',
  'industrial_pc',
  'server',
  'other_compute_device',
]);

const CATEGORY_LABELS: Record<InvestmentItem['category'], string> = {
  compute_box: '计算盒',
  industrial_pc: '工控机',
  server: '服务器',
  other_compute_device: '其他智算设备',
  line_retrofit: '产线改造设备',
  ai_software: '人工智能软件',
  industrial_software: '工业软件',
  other_software: '其他软件',
};

/** EN-6: why an item is outside the accounting scope, or null when it counts. */
export function itemExclusion(item: InvestmentItem): string | null {
  if (!item.newPurchase) return '只核算新投入购置的软硬件';
  if (item.kind === 'hardware' && !COMPUTE_HARDWARE.has(item.category)) {
    return '硬件仅包含用于数据采集和算法推理的智算设备，不包含其他产线改造设备';
  }
  if (item.kind === 'software' && item.category !== 'ai_software')
    return '软件仅包含人工智能软件，不包含其他工业软件';
  return null;
}

function accountItems(items: readonly InvestmentItem[], findings: Finding[]): BasisLine[] {
  return items.map((item, index) => {
    const ref = `items.${index}`;
    const why = itemExclusion(item);
    if (why === null)
      return { ref, amountFen: item.amountFen, eligibleFen: item.amountFen, excludedBy: [], reasons: [] };
    const text = `第${index + 1}项${CATEGORY_LABELS[item.category]}（${formatYuan(item.amountFen)}）不计入核算：${why}。`;
    findings.push(finding(EN6, 'warning', text));
    return { ref, amountFen: item.amountFen, eligibleFen: 0, excludedBy: [EN6.id], reasons: [text] };
  });
}

// ── 第十八条 Amount ─────────────────────────────────────────────────────────────────────────────────────────────

/** EN-7: node count = min(stations served, nodes connected to the edge compute network platform). */
export function nodeCount(stationsServed: number, connectedNodes: number): number {
  return Math.min(stationsServed, connectedNodes);
}

/** EN-3 and EN-5: the least of rate × eligible, the per-project cap and the per-node average, in whole yuan. */
export function edgeCeiling(eligibleFen: Fen, nodes: number, v: Values): Fen {
  return roundDownToYuan(Math.min(applyRate(eligibleFen, v.rate), v.maxGrant, v.maxPerNode * nodes));
}

function checkThreshold(eligibleFen: Fen, min: Fen): Finding[] {
  return eligibleFen >= min
    ? []
    : [
        finding(
          EN4,
          'blocking',
          `核算范围内的软硬件投入为${formatYuan(eligibleFen)}，低于项目总投入不低于${formatYuan(min)}的要求。`,
        ),
      ];
}

function checkNodes(f: EdgeNodeDeploymentFacts, nodes: number): Finding[] {
  if (nodes === 0) {
    return [
      finding(EN7, 'blocking', '尚无可核算的边端智算节点：节点数以接入东莞市边端智算网络平台的节点数为准。'),
    ];
  }
  return f.stationsServed > f.connectedNodes
    ? [
        finding(
          EN7,
          'info',
          `软硬件服务的产线工位${f.stationsServed}个，接入平台的节点${f.connectedNodes}个，以接入平台的节点数${nodes}为准。`,
        ),
      ]
    : [];
}

function ceilingFindings(eligibleFen: Fen, nodes: number, v: Values, ceiling: Fen): Finding[] {
  const byRate = applyRate(eligibleFen, v.rate);
  const byNodes = v.maxPerNode * nodes;
  return [
    finding(
      EN3,
      'info',
      `按核算投入${formatYuan(eligibleFen)}的${formatRate(v.rate)}计为${formatYuan(byRate)}，单个项目最高${formatYuan(v.maxGrant)}。`,
    ),
    finding(
      EN5,
      'info',
      `平均每个节点最高${formatYuan(v.maxPerNode)}，${nodes}个节点合计最高${formatYuan(byNodes)}；本项目资助上限${formatYuan(ceiling)}（取整到元）。`,
    ),
  ];
}

// ── The verdict ──────────────────────────────────────────────────────────────────────────────────────────────

export function evaluateEdgeNodeDeployment(f: EdgeNodeDeploymentFacts): Verdict {
  const general = readTable(generalParameters, f.edition, f.asOf);
  const own = readTable(edgeNodeDeploymentParameters, f.edition, f.asOf);
  const basis: Basis = {
    asOf: f.asOf,
    edition: f.edition,
    parameters: [...general.reads, ...own.reads],
    lines: [],
    amounts: [],
  };
  if (!own.inForce || !general.inForce) {
    const findings = eligibility(f, undefined);
    findings.push(outOfForceFinding(outOfForceOf(own, general)!, f.asOf, '细则 25'));
    return { program, eligible: false, subsidyFen: 0, phase1Fen: null, findings, basis };
  }
  const v = own.values;
  const findings = eligibility(f, general.values.maxUnits);
  basis.lines = accountItems(f.items, findings);
  let claimedFen = 0;
  let eligibleFen = 0;
  for (const line of basis.lines) {
    claimedFen += line.amountFen;
    eligibleFen += line.eligibleFen;
  }
  findings.push(...checkThreshold(eligibleFen, v.minInvestment));
  const nodes = nodeCount(f.stationsServed, f.connectedNodes);
  findings.push(...checkNodes(f, nodes));
  const ceiling = edgeCeiling(eligibleFen, nodes, v);
  findings.push(...ceilingFindings(eligibleFen, nodes, v, ceiling));
  basis.counts = { stationsServed: f.stationsServed, connectedNodes: f.connectedNodes, nodes };
  basis.amounts = [
    amount(EN6, 'claimedFen', claimedFen, '申报的软硬件投入合计'),
    amount(EN4, 'eligibleInvestmentFen', eligibleFen, '核算范围内的软硬件投入'),
    amount(EN3, 'rateAmountFen', applyRate(eligibleFen, v.rate), `核算投入 × ${formatRate(v.rate)}`),
    amount(EN3, 'maxGrantFen', v.maxGrant, '单个项目最高资助额'),
    amount(EN5, 'nodeCapFen', v.maxPerNode * nodes, `${nodes}个节点 × ${formatYuan(v.maxPerNode)}`),
    amount(EN3, 'ceilingFen', ceiling, '资助上限（取整到元）'),
  ];
  const eligible = !hasBlocking(findings);
  return { program, eligible, subsidyFen: eligible ? ceiling : 0, phase1Fen: null, findings, basis };
}
