import { dongguanRegionByCode, formatYuan, programLabels } from '@dg/policy';
import type { ApplicationForm } from '../../schemas/applications';

// The application form laid out as 附件1 《项目申报表》: its sections and rows, label → value, for the printed bundle.
// The grant programs have no 附件1 of their own; theirs follow the same layout with their project fields.

export interface FormSection {
  title: string;
  rows: [label: string, value: string][];
}

const yesNo = (value: boolean) => (value ? '是' : '否');

function basicInformation(form: ApplicationForm): FormSection {
  const a = form.applicant;
  return {
    title: '一、企业基本情况',
    rows: [
      ['企业名称', a.enterpriseName],
      ['统一社会信用代码', a.uscc],
      ['登记注册类型', a.registrationType],
      ['所属镇街（园区）', dongguanRegionByCode(a.townCode)?.name ?? a.townCode],
      ['营业执照地址', a.licenceAddress],
      ['开户名称', a.bankAccountName],
      ['开户银行', a.bankName],
      ['银行账号', a.bankAccountNumber],
      ['法定代表人', `${a.legalRep.name}　手机：${a.legalRep.mobile}　电子邮箱：${a.legalRep.email}`],
      ['联系人', `${a.contact.name}　手机：${a.contact.mobile}　电子邮箱：${a.contact.email}`],
    ],
  };
}

function projectInformation(form: ApplicationForm): FormSection {
  switch (form.program) {
    case 'compute-voucher':
      return {
        title: '二、算力服务情况',
        rows: [
          ['算力服务主要用途', [...form.mainUses, form.mainUseOther].filter(Boolean).join('、')],
          [
            '算力服务应用领域',
            [...form.applicationFields, form.applicationFieldOther].filter(Boolean).join('、'),
          ],
          ['大模型孵化', form.outcomes.modelIncubation ?? '无'],
          ['国家级、省级人工智能项目', form.outcomes.majorProject ?? '无'],
          ['其他成果', form.outcomes.other ?? '无'],
          [
            '算力租赁情况',
            `合同共 ${form.rentalContractCount} 份，合同总额 ${formatYuan(form.contractTotalFen)}，已支付 ${formatYuan(form.paidFen)}`,
          ],
          ['与平台或算力服务商存在关联关系', yesNo(form.relatedToPlatformOrProvider)],
          ['已获其他财政资金支持', yesNo(form.fundedByOtherFiscalFunds)],
        ],
      };
    case 'vertical-model-rd':
      return {
        title: '二、项目情况',
        rows: [
          ['项目名称', form.projectName],
          ['项目简介', form.summary],
          [
            '基础大模型',
            `${form.baseModelName}${form.baseModelFilingNumber ? `（备案号 ${form.baseModelFilingNumber}）` : ''}`,
          ],
          ['知识产权留在东莞', yesNo(form.ipRetainedInDongguan)],
          ['项目总投入', formatYuan(form.totalInvestmentFen)],
          ['申请资助金额', formatYuan(form.requestedFen)],
          ['实施期', `${form.plannedStart} 至 ${form.plannedEnd}`],
          ['参与单位', form.participants.map((p) => p.name).join('、') || '无'],
        ],
      };
    case 'edge-node-deployment':
      return {
        title: '二、项目情况',
        rows: [
          ['项目名称', form.projectName],
          ['项目简介', form.summary],
          ['软硬件投入', form.items.map((i) => `${i.description} ${formatYuan(i.amountFen)}`).join('；')],
          ['服务产线工位数', String(form.stationsServed)],
          ['接入边端智算网络平台节点数', String(form.connectedNodes)],
          ['参与单位', form.participants.map((p) => p.name).join('、') || '无'],
        ],
      };
  }
}

export function formSections(form: ApplicationForm): FormSection[] {
  return [basicInformation(form), projectInformation(form)];
}

/** 项目名称 on the cover: the grant programs name their project; the compute voucher's is the enterprise's claim. */
export function projectNameOf(form: ApplicationForm): string {
  return form.program === 'compute-voucher'
    ? `${form.applicant.enterpriseName}${programLabels[form.program]}奖补项目`
    : form.projectName;
}
