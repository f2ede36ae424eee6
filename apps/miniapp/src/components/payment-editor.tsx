import { Text, View } from '@tarojs/components';
import type { IsoDate, Payment } from '@dg/policy';
import type { Draft } from '../lib/draft';
import { invoiceOptions } from '../lib/labels';
import { AmountField, DateField } from './inputs';
import { Btn, Card, Chips, SwitchRow } from './ui';

export type PaymentDraft = Draft<Payment>;

/** A new payment row, numbered after the highest so ids stay unique when rows are deleted. */
export function emptyPayment(existing: readonly PaymentDraft[], today: IsoDate): PaymentDraft {
  const highest = Math.max(0, ...existing.map((p) => Number(p.id.replace(/\D/g, '')) || 0));
  return {
    id: `付款${highest + 1}`,
    viaPlatform: true,
    paidOn: today,
    serviceStart: today,
    serviceEnd: today,
    amountFen: null,
    toDesignatedAccount: true,
    invoice: 'invoice_copy',
  };
}

/** The compute-rental payments (CV-2, CV-5..CV-8): one card each, errors looked up by `payments.N.field`. */
export function PaymentsEditor(props: {
  payments: PaymentDraft[];
  today: IsoDate;
  errors: Map<string, string>;
  onChange: (payments: PaymentDraft[]) => void;
}) {
  const { payments, onChange } = props;
  const set = (i: number, patch: Partial<PaymentDraft>) =>
    onChange(payments.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <View>
      {payments.map((p, i) => (
        <Card
          key={p.id}
          title={p.id}
          extra={
            payments.length > 1 ? (
              <Text onClick={() => onChange(payments.filter((_, j) => j !== i))}>删除</Text>
            ) : undefined
          }
        >
          <AmountField
            label="实际支付金额"
            fen={p.amountFen}
            required
            error={props.errors.get(`payments.${i}.amountFen`)}
            onChange={(amountFen) => set(i, { amountFen })}
          />
          <DateField label="付款日期" value={p.paidOn} onChange={(paidOn) => set(i, { paidOn })} />
          <DateField
            label="服务开始日"
            value={p.serviceStart}
            onChange={(serviceStart) => set(i, { serviceStart })}
          />
          <DateField
            label="服务结束日"
            value={p.serviceEnd}
            error={props.errors.get(`payments.${i}.serviceEnd`)}
            onChange={(serviceEnd) => set(i, { serviceEnd })}
          />
          <SwitchRow
            label="通过市算力服务平台租用并支付"
            checked={p.viaPlatform}
            onChange={(viaPlatform) => set(i, { viaPlatform })}
          />
          <SwitchRow
            label="付至合同约定的服务商账户"
            checked={p.toDesignatedAccount}
            onChange={(toDesignatedAccount) => set(i, { toDesignatedAccount })}
          />
          <Chips
            label="发票"
            options={invoiceOptions}
            value={p.invoice}
            onChange={(invoice) => set(i, { invoice })}
          />
        </Card>
      ))}
      <Btn ghost onClick={() => onChange([...payments, emptyPayment(payments, props.today)])}>
        添加一笔付款
      </Btn>
    </View>
  );
}
