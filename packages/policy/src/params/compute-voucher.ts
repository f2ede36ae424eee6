/** 算力券 parameters by batch (GEN-5): the notice's numbers, which CV-11 lets the managing unit lower. */
import { CV_GUIDE_2025, CV_NOTICE_2025_1, computeVoucher2025Batch1 as batch1 } from './editions';
import { overEdition, type Parameter } from './table';

export const computeVoucherParameters = {
  rate: {
    name: 'cv.rate',
    description: '资助比例上限（占核算范围内实际支付费用）',
    unit: 'bp',
    lowerable: true,
    versions: overEdition(batch1, 5000, `${CV_GUIDE_2025} 四`),
  },
  annualCap: {
    name: 'cv.annualCap',
    description: '每个申报单位每年最高资助额',
    unit: 'fen',
    lowerable: true,
    versions: overEdition(batch1, 100_000_000, `${CV_GUIDE_2025} 四`),
  },
  threshold: {
    name: 'cv.threshold',
    description: '申报门槛：实际支付费用（含本数）',
    unit: 'fen',
    lowerable: false,
    versions: overEdition(batch1, 5_000_000, `${CV_NOTICE_2025_1} 二(三)`),
  },
  windowStart: {
    name: 'cv.windowStart',
    description: '核算范围起始日（含）',
    unit: 'date',
    lowerable: false,
    versions: overEdition(batch1, '2024-04-23', `${CV_NOTICE_2025_1} 三`),
  },
  windowEnd: {
    name: 'cv.windowEnd',
    description: '核算范围截止日（含）',
    unit: 'date',
    lowerable: false,
    versions: overEdition(batch1, '2025-10-31', `${CV_NOTICE_2025_1} 三`),
  },
  applicationClosesOn: {
    name: 'cv.applicationClosesOn',
    description: '申报截止：此日（含）起提交的申报不予受理（“11月15日前”）',
    unit: 'date',
    lowerable: false,
    versions: overEdition(batch1, '2025-11-15', `${CV_NOTICE_2025_1} 四`),
  },
} as const satisfies Record<string, Parameter>;
