/** Chinese names for the facts document's enum values, as the forms show them. */
import type { ApplicantCategory } from '@dg/policy';

export const categoryOptions: { value: ApplicantCategory; label: string }[] = [
  { value: 'manufacturing', label: '制造企业' },
  { value: 'software', label: '软信企业' },
  { value: 'university', label: '高校' },
  { value: 'research_institute', label: '科研院所' },
  { value: 'new_rnd_institution', label: '新型研发机构' },
  { value: 'other', label: '其他' },
];

export const invoiceOptions = [
  { value: 'invoice_copy', label: '发票联' },
  { value: 'deduction_copy', label: '抵扣联' },
  { value: 'none', label: '尚未取得' },
] as const;

export const hardwareOptions = [
  { value: 'compute_box', label: '边缘计算盒' },
  { value: 'industrial_pc', label: '工控机' },
  { value: 'server', label: '服务器' },
  { value: 'other_compute_device', label: '其他算力设备' },
  { value: 'line_retrofit', label: '产线改造设备' },
] as const;

export const softwareOptions = [
  { value: 'ai_software', label: 'AI 软件' },
  { value: 'industrial_software', label: '工业软件' },
  { value: 'other_software', label: '其他软件' },
] as const;
