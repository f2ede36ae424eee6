/** The Chinese name of a form path the server reports an issue at (applicant.contact.email → 联系人电子邮箱). */
const LABELS: Record<string, string> = {
  enterpriseName: '企业名称',
  registrationType: '登记注册类型',
  townCode: '所属镇街（园区）',
  licenceAddress: '营业执照地址',
  bankAccountName: '开户名称',
  bankName: '开户银行',
  bankAccountNumber: '银行账号',
  legalRep: '法定代表人',
  contact: '联系人',
  name: '姓名',
  mobile: '手机',
  email: '电子邮箱',
  mainUses: '算力服务主要用途',
  applicationFields: '算力服务应用领域',
  rentalContractCount: '租赁合同份数',
  contractTotalFen: '合同总金额',
  paidFen: '已支付金额',
  grantedThisYearFen: '本年度已获资助',
  payments: '付款明细',
  amountFen: '金额',
  paidOn: '付款日期',
  serviceStart: '服务开始日',
  serviceEnd: '服务结束日',
};

export function describePath(path: string): string {
  return path
    .split('.')
    .filter((part) => part !== 'applicant')
    .map((part) => (/^\d+$/.test(part) ? `第${Number(part) + 1}笔` : (LABELS[part] ?? part)))
    .join('');
}
