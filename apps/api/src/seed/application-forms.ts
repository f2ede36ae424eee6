import type { ProgramId } from '@dg/policy';
import type {
  ComputeVoucherForm,
  EdgeNodeDeploymentForm,
  VerticalModelRdForm,
} from '../schemas/applications';
import { type DemoEnterprise, demoUscc } from './enterprises';

// Complete, believable application forms for the demo enterprises: the seed submits them, the tests start from them.

function applicantOf(e: DemoEnterprise) {
  return {
    enterpriseName: e.name,
    uscc: demoUscc(e),
    registrationType: e.category === 'new_rnd_institution' ? '事业单位' : '有限责任公司',
    townCode: e.townCode as ComputeVoucherForm['applicant']['townCode'],
    licenceAddress: e.address,
    bankAccountName: e.name,
    bankName: '中国工商银行东莞分行',
    bankAccountNumber: `6222${e.legalRepMobile.slice(-8)}0000${e.legalRepMobile.slice(-4)}`,
    legalRep: { name: e.legalRepName, mobile: e.legalRepMobile, email: `legal@${e.key}.example.cn` },
    contact: {
      name: `${e.legalRepName.slice(0, 1)}经理`,
      mobile: `139${e.legalRepMobile.slice(-8)}`,
      email: `ai@${e.key}.example.cn`,
    },
    category: e.category,
    registeredInDongguan: true,
    operatingInDongguan: true,
    independentLegalPerson: true,
    industrial: e.industrial,
  };
}

/** 算力券: two platform rentals in 2025, the second running past the CV-5 window (counted pro rata). */
export function computeVoucherForm(e: DemoEnterprise): ComputeVoucherForm {
  return {
    program: 'compute-voucher',
    applicant: applicantOf(e),
    mainUses: ['训练', '推理'],
    applicationFields: [e.category === 'software' ? '新一代信息技术' : '高端装备制造'],
    outcomes: { modelIncubation: `${e.name.slice(2, 6)}工业视觉质检模型` },
    rentalContractCount: 2,
    contractTotalFen: 12_000_000,
    paidFen: 9_000_000,
    relatedToPlatformOrProvider: false,
    fundedByOtherFiscalFunds: false,
    grantedThisYearFen: 0,
    payments: [
      {
        id: 'SL-2025-0311',
        viaPlatform: true,
        paidOn: '2025-03-10',
        serviceStart: '2025-03-01',
        serviceEnd: '2025-08-31',
        amountFen: 6_000_000,
        toDesignatedAccount: true,
        invoice: 'invoice_copy',
      },
      {
        id: 'SL-2025-0705',
        viaPlatform: true,
        paidOn: '2025-07-05',
        serviceStart: '2025-07-01',
        serviceEnd: '2025-12-31',
        amountFen: 3_000_000,
        toDesignatedAccount: true,
        invoice: 'invoice_copy',
      },
    ],
  };
}

/** 垂直领域模型研发: secondary development on a filed model, IP kept in Dongguan (RD-3 upper tier). */
export function verticalModelRdForm(e: DemoEnterprise): VerticalModelRdForm {
  return {
    program: 'vertical-model-rd',
    applicant: applicantOf(e),
    participants: [
      {
        name: '华南理工大学',
        region: 'guangdong',
        abnormalOperationListed: false,
        seriousDishonestyListed: false,
      },
    ],
    projectName: `${e.name.slice(2, 6)}行业垂直领域大模型研发与应用`,
    summary: '基于已备案通用大模型进行二次开发，面向工艺知识问答、缺陷分析与排产优化构建垂直领域模型。',
    baseModelName: '通义千问',
    baseModelFilingNumber: 'Beijing-TongYiQianWen-20230831S0010',
    baseModelFiled: true,
    ipRetainedInDongguan: true,
    fundedByOtherFiscalFunds: false,
    totalInvestmentFen: 300_000_000,
    requestedFen: 100_000_000,
    plannedStart: '2025-10-01',
    plannedEnd: '2027-09-30',
    guidePublishedOn: '2025-06-01',
  };
}

/** 边端智算节点部署: compute boxes and industrial PCs on a production line, with AI inspection software. */
export function edgeNodeDeploymentForm(e: DemoEnterprise): EdgeNodeDeploymentForm {
  return {
    program: 'edge-node-deployment',
    applicant: applicantOf(e),
    participants: [],
    projectName: `${e.name.slice(2, 6)}产线边端智算节点部署`,
    summary: '在注塑、装配产线工位部署边缘计算盒与工控机，运行视觉质检与设备预测性维护模型。',
    fundedByOtherFiscalFunds: false,
    items: [
      {
        kind: 'hardware',
        category: 'compute_box',
        newPurchase: true,
        amountFen: 40_000_000,
        description: '边缘计算盒 ×40',
      },
      {
        kind: 'hardware',
        category: 'industrial_pc',
        newPurchase: true,
        amountFen: 20_000_000,
        description: '工控机 ×10',
      },
      {
        kind: 'software',
        category: 'ai_software',
        newPurchase: true,
        amountFen: 10_000_000,
        description: 'AI 视觉检测软件授权',
      },
    ],
    stationsServed: 40,
    connectedNodes: 38,
  };
}

export const demoForms: Record<ProgramId, (e: DemoEnterprise) => Record<string, unknown>> = {
  'compute-voucher': computeVoucherForm,
  'vertical-model-rd': verticalModelRdForm,
  'edge-node-deployment': edgeNodeDeploymentForm,
};

/** The edition each program's demo applications are made under. */
export const demoEditions: Record<ProgramId, string> = {
  'compute-voucher': '2025-1',
  'vertical-model-rd': '2025',
  'edge-node-deployment': '2025',
};
