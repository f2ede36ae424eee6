/**
 * The materials checklist of each program, in the order the printed bundle must follow: the compute voucher's is
 * CV-14 (指南 三) as `computeVoucherMaterials` holds it. The 细则 lists no materials for its two grant programs, so
 * theirs are a **Reading**: one item per fact a rule of 细则 4/5 or 16–19 has a reviewer check, plus the identity,
 * credit and pledge items the compute voucher asks for, in the same order.
 */
import type { ProgramId } from './facts';
import { computeVoucherMaterials } from './programs/compute-voucher';

export interface MaterialItem {
  /** Stable key the API links files to, e.g. 'cv-06'. */
  key: string;
  order: number;
  title: string;
  parts: readonly string[];
  /** A submission without a file for this item is refused. */
  required: boolean;
  /** Only asked of enterprises (not of universities and institutes), CV-14 (8). */
  enterprisesOnly: boolean;
  /** The rule that asks for it. */
  rule: string;
}

const key = (prefix: string, order: number) => `${prefix}-${String(order).padStart(2, '0')}`;

/** CV-14: every item is required except "other related proof" (9). */
const computeVoucherChecklist: readonly MaterialItem[] = computeVoucherMaterials.map((m) => ({
  key: key('cv', m.order),
  order: m.order,
  title: m.title,
  parts: m.parts,
  required: m.order !== 9,
  enterprisesOnly: m.enterprisesOnly,
  rule: 'CV-14',
}));

type ItemSpec = Omit<MaterialItem, 'key' | 'order' | 'enterprisesOnly'> & { enterprisesOnly?: boolean };

const numbered = (prefix: string, specs: readonly ItemSpec[]): MaterialItem[] =>
  specs.map((s, i) => ({ enterprisesOnly: false, ...s, key: key(prefix, i + 1), order: i + 1 }));

const identity: ItemSpec = {
  title: '营业执照、法定代表人身份证及银行开户许可证复印件',
  parts: [],
  required: true,
  rule: 'GEN-1',
};
const credit: ItemSpec = {
  title: '“信用中国”信用信息查询截图（牵头及参与单位）',
  parts: ['经营（活动）异常名录', '严重失信主体名单'],
  required: true,
  rule: 'GEN-2',
};
const pledge: ItemSpec = { title: '申报资料真实性承诺书', parts: [], required: true, rule: 'GEN-6' };
const partners: ItemSpec = {
  title: '联合申报合作协议（有参与单位时提供）',
  parts: [],
  required: false,
  rule: 'GEN-3',
};
const other: ItemSpec = { title: '与项目相关的其他证明材料', parts: [], required: false, rule: 'GEN-1' };

const verticalModelRdChecklist = numbered('rd', [
  { title: '项目申请书', parts: [], required: true, rule: 'RD-7' },
  identity,
  {
    title: '所用大模型通过国家生成式人工智能服务备案的证明',
    parts: ['备案公告或备案编号截图', '模型调用或授权协议'],
    required: true,
    rule: 'RD-1',
  },
  {
    title: '项目总投入预算及资金筹措说明',
    parts: ['投入预算表', '自筹资金证明'],
    required: true,
    rule: 'RD-3',
  },
  {
    title: '知识产权留在东莞的承诺及说明（申请上调资助上限时提供）',
    parts: [],
    required: false,
    rule: 'RD-3',
  },
  {
    title: '项目实施基础条件证明',
    parts: ['研发团队及人才情况', '投入能力', '管理制度'],
    required: true,
    rule: 'RD-2',
  },
  partners,
  credit,
  pledge,
  other,
]);

const edgeNodeDeploymentChecklist = numbered('en', [
  { title: '项目申请书', parts: [], required: true, rule: 'EN-1' },
  identity,
  {
    title: '新购置软硬件的采购合同、付款凭证及发票',
    parts: ['采购合同', '银行付款凭证', '发票'],
    required: true,
    rule: 'EN-6',
  },
  {
    title: '边端智算节点清单及对应产线工位说明',
    parts: ['设备清单（型号、序列号）', '产线工位对应表'],
    required: true,
    rule: 'EN-7',
  },
  {
    title: '接入东莞市边端智算网络平台的节点证明',
    parts: ['平台接入记录截图'],
    required: true,
    rule: 'EN-7',
  },
  {
    title: '算法模型赋能生产制造的应用情况说明',
    parts: ['部署场景', '应用成效'],
    required: true,
    rule: 'EN-1',
  },
  partners,
  credit,
  pledge,
  other,
]);

export const materialChecklists: Record<ProgramId, readonly MaterialItem[]> = {
  'compute-voucher': computeVoucherChecklist,
  'vertical-model-rd': verticalModelRdChecklist,
  'edge-node-deployment': edgeNodeDeploymentChecklist,
};

/** The items this applicant must provide: CV-14 (8) is asked of enterprises only. */
export function requiredMaterials(program: ProgramId, isEnterprise: boolean): MaterialItem[] {
  return materialChecklists[program].filter((m) => m.required && (isEnterprise || !m.enterprisesOnly));
}
