/**
 * Chinese names of the facts document's enum values, as both web apps show them.
 * They belong beside the enums in @dg/policy (facts.ts); the mini-program keeps the same words in its lib/labels.ts.
 */
import type { ApplicantCategory } from '@dg/policy';

export const categoryLabels: Record<ApplicantCategory, string> = {
  manufacturing: '制造企业',
  software: '软信企业',
  university: '高校',
  research_institute: '科研院所',
  new_rnd_institution: '新型研发机构',
  other: '其他',
};

export const invoiceLabels: Record<string, string> = {
  invoice_copy: '发票联',
  deduction_copy: '抵扣联',
  none: '尚未取得',
};

export const investmentCategoryLabels: Record<string, string> = {
  compute_box: '边缘计算盒',
  industrial_pc: '工控机',
  server: '服务器',
  other_compute_device: '其他算力设备',
  line_retrofit: '产线改造设备',
  ai_software: 'AI 软件',
  industrial_software: '工业软件',
  other_software: '其他软件',
};

export const participantRegionLabels: Record<string, string> = {
  dongguan: '东莞',
  guangdong: '广东省内',
  mainland: '内地其他地区',
  hongkong: '香港',
  macao: '澳门',
};

/** A label from one of the maps above, or the raw value when the map has none (never a blank cell). */
export function labelOf(labels: Record<string, string>, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return labels[String(value)] ?? String(value);
}
