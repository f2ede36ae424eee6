import {
  applicantCategoryLabels,
  investmentCategoryLabels,
  invoiceKindLabels,
  regionLabels,
} from '@dg/policy';
import { labelOf, Money, regionName } from '@dg/ui';
import { Descriptions, Table, Typography } from 'antd';
import type { ReactNode } from 'react';

type Form = Record<string, unknown>;

/** How one field of the application form is shown. */
type Kind = 'text' | 'money' | 'bool' | 'list' | 'region' | 'category' | 'long';

interface Field {
  path: string;
  label: string;
  kind?: Kind;
}

function read(form: Form, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Form)[key] : undefined), form);
}

function show(value: unknown, kind: Kind = 'text'): ReactNode {
  if (value === undefined || value === null || value === '')
    return <Typography.Text type="secondary">未填写</Typography.Text>;
  switch (kind) {
    case 'money':
      return <Money fen={Number(value)} />;
    case 'bool':
      return value ? '是' : '否';
    case 'list':
      return Array.isArray(value) ? value.join('、') : String(value);
    case 'region':
      return regionName(String(value));
    case 'category':
      return labelOf(applicantCategoryLabels, value);
    default:
      return String(value);
  }
}

// 附件1 一、企业基本情况 (the same block in every program's form).
const applicantFields: Field[] = [
  { path: 'applicant.enterpriseName', label: '单位名称' },
  { path: 'applicant.uscc', label: '统一社会信用代码' },
  { path: 'applicant.registrationType', label: '登记注册类型' },
  { path: 'applicant.category', label: '单位类别', kind: 'category' },
  { path: 'applicant.townCode', label: '所属镇街（园区）', kind: 'region' },
  { path: 'applicant.licenceAddress', label: '营业执照地址' },
  { path: 'applicant.bankAccountName', label: '开户名称' },
  { path: 'applicant.bankName', label: '开户银行' },
  { path: 'applicant.bankAccountNumber', label: '银行账号' },
  { path: 'applicant.legalRep.name', label: '法定代表人' },
  { path: 'applicant.legalRep.mobile', label: '法定代表人手机' },
  { path: 'applicant.legalRep.email', label: '法定代表人邮箱' },
  { path: 'applicant.contact.name', label: '联系人' },
  { path: 'applicant.contact.mobile', label: '联系人手机' },
  { path: 'applicant.contact.email', label: '联系人邮箱' },
  { path: 'applicant.registeredInDongguan', label: '在东莞注册', kind: 'bool' },
  { path: 'applicant.operatingInDongguan', label: '在莞实体经营', kind: 'bool' },
  { path: 'applicant.independentLegalPerson', label: '独立法人资格', kind: 'bool' },
  { path: 'applicant.industrial', label: '工业企业', kind: 'bool' },
];

const programFields: Record<string, Field[]> = {
  'compute-voucher': [
    { path: 'mainUses', label: '算力服务主要用途', kind: 'list' },
    { path: 'mainUseOther', label: '其他用途说明' },
    { path: 'applicationFields', label: '算力服务应用领域', kind: 'list' },
    { path: 'applicationFieldOther', label: '其他领域说明' },
    { path: 'outcomes.modelIncubation', label: '大模型孵化' },
    { path: 'outcomes.majorProject', label: '国家/省级人工智能项目' },
    { path: 'outcomes.other', label: '其他成果' },
    { path: 'rentalContractCount', label: '算力租赁合同（份）' },
    { path: 'contractTotalFen', label: '合同总额', kind: 'money' },
    { path: 'paidFen', label: '已支付金额', kind: 'money' },
    { path: 'relatedToPlatformOrProvider', label: '与平台或算力提供方存在关联关系', kind: 'bool' },
    { path: 'fundedByOtherFiscalFunds', label: '已获其他财政资金支持', kind: 'bool' },
    { path: 'grantedThisYearFen', label: '本年度已获算力券资助', kind: 'money' },
  ],
  'vertical-model-rd': [
    { path: 'projectName', label: '项目名称' },
    { path: 'summary', label: '项目简介', kind: 'long' },
    { path: 'baseModelName', label: '基础大模型' },
    { path: 'baseModelFilingNumber', label: '生成式人工智能服务备案号' },
    { path: 'baseModelFiled', label: '基础模型已通过国家备案', kind: 'bool' },
    { path: 'ipRetainedInDongguan', label: '知识产权留在东莞', kind: 'bool' },
    { path: 'fundedByOtherFiscalFunds', label: '已获其他财政资金支持', kind: 'bool' },
    { path: 'totalInvestmentFen', label: '项目总投入', kind: 'money' },
    { path: 'requestedFen', label: '申请资助金额', kind: 'money' },
    { path: 'plannedStart', label: '计划开始日期' },
    { path: 'plannedEnd', label: '计划完成日期' },
    { path: 'guidePublishedOn', label: '申报指南发布日期' },
  ],
  'edge-node-deployment': [
    { path: 'projectName', label: '项目名称' },
    { path: 'summary', label: '项目简介', kind: 'long' },
    { path: 'fundedByOtherFiscalFunds', label: '已获其他财政资金支持', kind: 'bool' },
    { path: 'stationsServed', label: '服务产线工位数' },
    { path: 'connectedNodes', label: '已接入边端智算网络节点数' },
  ],
};

function FieldBlock({ title, fields, form }: { title: string; fields: Field[]; form: Form }) {
  return (
    <Descriptions title={title} size="small" column={2} bordered style={{ marginBottom: 16 }}>
      {fields.map((f) => (
        <Descriptions.Item key={f.path} label={f.label} span={f.kind === 'long' ? 2 : 1}>
          {show(read(form, f.path), f.kind)}
        </Descriptions.Item>
      ))}
    </Descriptions>
  );
}

/** The claimed payments (CV) or investment items (EN), as the applicant entered them. */
export function ClaimedLines({ form }: { form: Form }) {
  const payments = read(form, 'payments');
  const items = read(form, 'items');
  if (Array.isArray(payments)) {
    return (
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={payments as Form[]}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: '编号', dataIndex: 'id' },
          { title: '付款日期', dataIndex: 'paidOn' },
          { title: '服务期间', render: (_, p) => `${p.serviceStart ?? '—'} 至 ${p.serviceEnd ?? '—'}` },
          { title: '金额', dataIndex: 'amountFen', align: 'right', render: (v) => show(v, 'money') },
          { title: '经平台', dataIndex: 'viaPlatform', render: (v) => show(v, 'bool') },
          { title: '付至合同账户', dataIndex: 'toDesignatedAccount', render: (v) => show(v, 'bool') },
          { title: '发票', dataIndex: 'invoice', render: (v) => labelOf(invoiceKindLabels, v) },
        ]}
      />
    );
  }
  if (Array.isArray(items)) {
    return (
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={false}
        dataSource={items as Form[]}
        columns={[
          { title: '类型', dataIndex: 'kind', render: (v) => (v === 'hardware' ? '硬件' : '软件') },
          { title: '类别', dataIndex: 'category', render: (v) => labelOf(investmentCategoryLabels, v) },
          { title: '说明', dataIndex: 'description' },
          {
            title: '新购',
            dataIndex: 'newPurchase',
            render: (v) => (v === undefined ? '—' : show(v, 'bool')),
          },
          { title: '金额', dataIndex: 'amountFen', align: 'right', render: (v) => show(v, 'money') },
        ]}
      />
    );
  }
  return null;
}

function Participants({ form }: { form: Form }) {
  const participants = read(form, 'participants');
  if (!Array.isArray(participants) || participants.length === 0) return null;
  return (
    <>
      <Typography.Title level={5}>参与单位</Typography.Title>
      <Table
        size="small"
        rowKey={(_, i) => String(i)}
        pagination={false}
        dataSource={participants as Form[]}
        style={{ marginBottom: 16 }}
        columns={[
          { title: '单位名称', dataIndex: 'name' },
          { title: '所在地', dataIndex: 'region', render: (v) => labelOf(regionLabels, v) },
          { title: '经营异常名录', dataIndex: 'abnormalOperationListed', render: (v) => show(v, 'bool') },
          { title: '严重违法失信', dataIndex: 'seriousDishonestyListed', render: (v) => show(v, 'bool') },
        ]}
      />
    </>
  );
}

/** Every field of the application form, grouped as the printed form (附件1) groups them. */
export function FormView({ program, form }: { program: string; form: Form }) {
  return (
    <div data-testid="form-view">
      <FieldBlock title="申报单位基本情况" fields={applicantFields} form={form} />
      <FieldBlock title="申报内容" fields={programFields[program] ?? []} form={form} />
      <Participants form={form} />
      <Typography.Title level={5}>
        {program === 'compute-voucher' ? '付款明细' : '软硬件投入明细'}
      </Typography.Title>
      <ClaimedLines form={form} />
    </div>
  );
}
