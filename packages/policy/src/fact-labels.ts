import type {
  APPLICANT_CATEGORIES,
  HARDWARE_CATEGORIES,
  INVOICE_KINDS,
  REGIONS,
  SOFTWARE_CATEGORIES,
} from './facts';

// The Chinese names of the facts document's enum values, as every front end shows them (web tables, mini-program
// forms). Beside the enums, so a new value cannot be added without its name.

type Labels<T extends readonly string[]> = Record<T[number], string>;

export const applicantCategoryLabels: Labels<typeof APPLICANT_CATEGORIES> = {
  manufacturing: '制造企业',
  software: '软信企业',
  university: '高校',
  research_institute: '科研院所',
  new_rnd_institution: '新型研发机构',
  other: '其他',
};

export const invoiceKindLabels: Labels<typeof INVOICE_KINDS> = {
  invoice_copy: '发票联',
  deduction_copy: '抵扣联',
  none: '尚未取得',
};

export const hardwareCategoryLabels: Labels<typeof HARDWARE_CATEGORIES> = {
  compute_box: '边缘计算盒',
  industrial_pc: '工控机',
  server: '服务器',
  other_compute_device: '其他算力设备',
  line_retrofit: '产线改造设备',
};

export const softwareCategoryLabels: Labels<typeof SOFTWARE_CATEGORIES> = {
  ai_software: 'AI 软件',
  industrial_software: '工业软件',
  other_software: '其他软件',
};

export const investmentCategoryLabels = { ...hardwareCategoryLabels, ...softwareCategoryLabels };

export const regionLabels: Labels<typeof REGIONS> = {
  dongguan: '东莞',
  guangdong: '广东省内',
  mainland: '内地其他地区',
  hongkong: '香港',
  macao: '澳门',
};

/** `{ value, label }` pairs in the enum's order, for pickers. */
export function optionsOf<T extends string>(values: readonly T[], labels: Record<T, string>) {
  return values.map((value) => ({ value, label: labels[value] }));
}
