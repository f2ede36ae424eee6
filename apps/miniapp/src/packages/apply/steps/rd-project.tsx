import { AmountField, DateField } from '../../../components/inputs';
import { Card, Field, SwitchRow } from '../../../components/ui';
import type { Note, RdFormDraft } from '../lib/form';

/** The R&D project: what is built on which filed model (RD-1), the money (RD-3) and the period (RD-5). */
export function RdProjectStep(props: {
  value: RdFormDraft;
  note: Note;
  onChange: (value: RdFormDraft) => void;
}) {
  const { value, note, onChange } = props;
  return (
    <>
      <Card title="项目概况">
        <Field
          label="项目名称"
          required
          value={value.projectName}
          {...note('projectName', value.projectName !== '')}
          onInput={(projectName) => onChange({ ...value, projectName })}
        />
        <Field
          label="项目简介"
          required
          maxlength={2000}
          value={value.summary}
          {...note('summary', value.summary !== '')}
          onInput={(summary) => onChange({ ...value, summary })}
        />
      </Card>
      <Card title="基础大模型（RD-1）">
        <Field
          label="基础大模型名称"
          required
          value={value.baseModelName}
          {...note('baseModelName', value.baseModelName !== '')}
          onInput={(baseModelName) => onChange({ ...value, baseModelName })}
        />
        <Field
          label="生成式人工智能服务备案编号"
          value={value.baseModelFilingNumber ?? ''}
          onInput={(baseModelFilingNumber) => onChange({ ...value, baseModelFilingNumber })}
        />
        <SwitchRow
          label="该大模型已通过国家生成式人工智能服务备案"
          checked={value.baseModelFiled}
          onChange={(baseModelFiled) => onChange({ ...value, baseModelFiled })}
        />
      </Card>
      <Card title="投入与资助（RD-3）">
        <AmountField
          label="项目总投入"
          required
          fen={value.totalInvestmentFen}
          {...note('totalInvestmentFen', value.totalInvestmentFen !== null)}
          onChange={(totalInvestmentFen) => onChange({ ...value, totalInvestmentFen })}
        />
        <AmountField
          label="申请资助金额"
          required
          fen={value.requestedFen}
          {...note('requestedFen', value.requestedFen !== null)}
          onChange={(requestedFen) => onChange({ ...value, requestedFen })}
        />
        <SwitchRow
          label="项目知识产权留在东莞（资助上限提高）"
          checked={value.ipRetainedInDongguan}
          onChange={(ipRetainedInDongguan) => onChange({ ...value, ipRetainedInDongguan })}
        />
        <SwitchRow
          label="该项目已获其他财政资金支持"
          checked={value.fundedByOtherFiscalFunds}
          onChange={(fundedByOtherFiscalFunds) => onChange({ ...value, fundedByOtherFiscalFunds })}
        />
      </Card>
      <Card title="实施期（RD-5：不超过 2 年）">
        <DateField
          label="计划开始日期"
          value={value.plannedStart}
          onChange={(plannedStart) => onChange({ ...value, plannedStart })}
        />
        <DateField
          label="计划结束日期"
          value={value.plannedEnd}
          error={note('plannedEnd', true).error ?? note('plannedEnd', true).warning}
          onChange={(plannedEnd) => onChange({ ...value, plannedEnd })}
        />
        <DateField
          label="申报指南发布日期"
          value={value.guidePublishedOn}
          onChange={(guidePublishedOn) => onChange({ ...value, guidePublishedOn })}
        />
      </Card>
    </>
  );
}
