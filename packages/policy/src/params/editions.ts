/**
 * The editions whose parameters the tables hold, and the spans they cover.
 *
 * - Compute voucher: one edition per batch notice; "2025-1" is the 2025 first batch, whose notice is dated
 *   2025-06-20 (no application before it). Its application deadline is a parameter (CV-12), so the edition itself
 *   stays open-ended: a late submission gets a CV-12 finding, not a gap.
 * - R&D and edge deployment: the 实施细则 itself, edition "2025" (the 细则 issued under 东府〔2025〕1号). It is in force
 *   "from publication until 2027-12-31" (细则 25); the seed carries no publication date, so the edition has no lower
 *   bound, and from 2028-01-01 an explicit out-of-force span yields GEN-5. A later yearly guide that changes a rate
 *   or cap becomes a new version row or a new edition id such as "2026".
 */
import type { EditionSpans } from './table';

export const CV_NOTICE_2025_1 =
  '东莞市工业和信息化局《关于组织申报2025年第一批东莞市“算力券”奖补项目的通知》（2025年6月20日）';
export const CV_GUIDE_2025 = `${CV_NOTICE_2025_1}附件1《东莞市2025年度“算力券”奖补项目申报指南》`;
export const XIZE = '东莞市科学技术局《关于支持垂直领域模型研发和边端智算网络建设的实施细则》';

export const computeVoucher2025Batch1: EditionSpans = {
  edition: '2025-1',
  notYet: { until: '2025-06-19', note: '2025年第一批“算力券”申报通知于2025年6月20日发布，此前不受理申报' },
  from: '2025-06-20',
  until: null,
};

export const xize2025: EditionSpans = {
  edition: '2025',
  from: null,
  until: '2027-12-31',
  expired: { from: '2028-01-01', note: '实施细则有效期至2027年12月31日，此后不再据此资助' },
};
