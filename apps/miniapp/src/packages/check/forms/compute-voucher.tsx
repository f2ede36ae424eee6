import type { ComputeVoucherFacts, IsoDate } from '@dg/policy';
import { AmountField } from '../../../components/inputs';
import { PaymentsEditor } from '../../../components/payment-editor';
import { Card, SectionTitle, SwitchRow } from '../../../components/ui';
import type { Draft } from '../../../lib/draft';
import { ApplicantCard } from './applicant';

export function ComputeVoucherForm(props: {
  value: Draft<ComputeVoucherFacts>;
  today: IsoDate;
  errors: Map<string, string>;
  onChange: (value: Draft<ComputeVoucherFacts>) => void;
}) {
  const { value, onChange } = props;
  return (
    <>
      <ApplicantCard
        value={value.applicant}
        withCategory
        usccError={props.errors.get('applicant.uscc')}
        flags={[
          'registeredInDongguan',
          'independentLegalPerson',
          'abnormalOperationListed',
          'seriousDishonestyListed',
          'fiscalFundingExcluded',
        ]}
        onChange={(applicant) => onChange({ ...value, applicant: { ...value.applicant, ...applicant } })}
      />
      <Card title="算力租用情况">
        <SwitchRow
          label="与算力服务平台或算力提供方存在投资、隶属、共建或产权关系"
          checked={value.relatedToPlatformOrProvider}
          onChange={(relatedToPlatformOrProvider) => onChange({ ...value, relatedToPlatformOrProvider })}
        />
        <SwitchRow
          label="该算力租用项目已获其他财政资金支持"
          checked={value.fundedByOtherFiscalFunds}
          onChange={(fundedByOtherFiscalFunds) => onChange({ ...value, fundedByOtherFiscalFunds })}
        />
        <AmountField
          label="本年度已获算力券资助"
          fen={value.grantedThisYearFen}
          error={props.errors.get('grantedThisYearFen')}
          onChange={(grantedThisYearFen) => onChange({ ...value, grantedThisYearFen })}
        />
      </Card>
      <SectionTitle>付款明细（按每笔付款填写）</SectionTitle>
      <PaymentsEditor
        payments={value.payments}
        today={props.today}
        errors={props.errors}
        onChange={(payments) => onChange({ ...value, payments })}
      />
    </>
  );
}
