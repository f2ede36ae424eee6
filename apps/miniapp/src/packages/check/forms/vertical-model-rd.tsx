import type { VerticalModelRdFacts } from '@dg/policy';
import { AmountField, DateField } from '../../../components/inputs';
import { Card, SwitchRow } from '../../../components/ui';
import type { Draft } from '../../../lib/draft';
import { ApplicantCard } from './applicant';

export function VerticalModelRdForm(props: {
  value: Draft<VerticalModelRdFacts>;
  errors: Map<string, string>;
  onChange: (value: Draft<VerticalModelRdFacts>) => void;
}) {
  const { value, onChange, errors } = props;
  return (
    <>
      <ApplicantCard
        value={value.applicant}
        usccError={errors.get('applicant.uscc')}
        flags={[
          'operatingInDongguan',
          'abnormalOperationListed',
          'seriousDishonestyListed',
          'fiscalFundingExcluded',
          'researchDishonestyRecorded',
        ]}
        onChange={(applicant) => onChange({ ...value, applicant: { ...value.applicant, ...applicant } })}
      />
      <Card title="研发项目">
        <SwitchRow
          label="基于已通过国家生成式人工智能服务备案的大模型二次开发"
          checked={value.baseModelFiled}
          onChange={(baseModelFiled) => onChange({ ...value, baseModelFiled })}
        />
        <SwitchRow
          label="知识产权留在东莞"
          checked={value.ipRetainedInDongguan}
          onChange={(ipRetainedInDongguan) => onChange({ ...value, ipRetainedInDongguan })}
        />
        <SwitchRow
          label="该项目已获其他财政资金支持"
          checked={value.fundedByOtherFiscalFunds === true}
          onChange={(fundedByOtherFiscalFunds) => onChange({ ...value, fundedByOtherFiscalFunds })}
        />
        <AmountField
          label="项目总投资"
          required
          fen={value.totalInvestmentFen}
          error={errors.get('totalInvestmentFen')}
          onChange={(totalInvestmentFen) => onChange({ ...value, totalInvestmentFen })}
        />
        <AmountField
          label="申请资助金额"
          fen={value.requestedFen ?? null}
          hint="不填则按上限测算"
          onChange={(requestedFen) => onChange({ ...value, requestedFen: requestedFen ?? undefined })}
        />
        <DateField
          label="计划开始日期"
          value={value.plannedStart}
          onChange={(plannedStart) => onChange({ ...value, plannedStart })}
        />
        <DateField
          label="计划结束日期"
          value={value.plannedEnd}
          error={errors.get('plannedEnd')}
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
