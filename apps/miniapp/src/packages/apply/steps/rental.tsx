import { shanghaiDate } from '@dg/policy';
import { AmountField, CountField } from '../../../components/inputs';
import { PaymentsEditor } from '../../../components/payment-editor';
import { Alert, Card, SectionTitle, SwitchRow } from '../../../components/ui';
import { type CvFormDraft, isTypedPayment, type Note } from '../lib/form';

/** 附件1 三、算力租赁情况, and each payment the CV-5..CV-8 accounting reads. */
export function RentalStep(props: {
  value: CvFormDraft;
  note: Note;
  onChange: (value: CvFormDraft) => void;
}) {
  const { value, note, onChange } = props;
  const issues = new Map<string, string>();
  value.payments.forEach((p, i) => {
    for (const key of ['amountFen', 'serviceEnd'] as const) {
      const n = note(`payments.${i}.${key}`, p[key] !== null);
      const message = n.error ?? n.warning;
      if (message) issues.set(`payments.${i}.${key}`, message);
    }
  });
  return (
    <>
      <Card title="算力租赁合同">
        <CountField
          label="租赁合同份数"
          value={value.rentalContractCount}
          onChange={(rentalContractCount) => onChange({ ...value, rentalContractCount })}
        />
        <AmountField
          label="合同总金额"
          required
          fen={value.contractTotalFen}
          {...note('contractTotalFen', value.contractTotalFen !== null)}
          onChange={(contractTotalFen) => onChange({ ...value, contractTotalFen })}
        />
        <AmountField
          label="已支付金额"
          required
          fen={value.paidFen}
          {...note('paidFen', value.paidFen !== null)}
          onChange={(paidFen) => onChange({ ...value, paidFen })}
        />
        <AmountField
          label="本年度已获算力券资助"
          fen={value.grantedThisYearFen}
          onChange={(grantedThisYearFen) => onChange({ ...value, grantedThisYearFen })}
        />
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
      </Card>
      <SectionTitle>付款明细（按每笔付款填写，用于核算补贴）</SectionTitle>
      {value.payments.some((p) => !isTypedPayment(p.id)) && (
        <Alert tone="info" title="已按市算力服务平台的付款记录预填">
          请逐笔核对发票类型和收款账户；平台外的付款不在核算范围内（CV-2）
        </Alert>
      )}
      <PaymentsEditor
        payments={value.payments}
        today={shanghaiDate(new Date())}
        errors={issues}
        onChange={(payments) => onChange({ ...value, payments })}
      />
    </>
  );
}
