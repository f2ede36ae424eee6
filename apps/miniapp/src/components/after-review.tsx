import { View } from '@tarojs/components';
import type { RouterOutputs } from '@dg/api';
import { formatChineseDate, formatYuan } from '@dg/policy';
import { Card, Cell } from './ui';

export type AfterReview = RouterOutputs['applications']['afterReview'];

/** 社会公示 (GEN-7): the notice period the application was on and where it stands; nothing before it is published. */
export function NoticeCard({ notice }: { notice: AfterReview['notice'] }) {
  if (!notice) return null;
  return (
    <Card title="公示" extra={notice.statusLabel}>
      <Cell
        label="公示期"
        value={`${formatChineseDate(notice.startsOn)} 至 ${formatChineseDate(notice.endsOn)}`}
      />
    </Card>
  );
}

/** Each payment carrying this application's subsidy: its share, the payment workflow's state, the day it was paid. */
export function PaymentsCard({ payments }: { payments: AfterReview['payments'] }) {
  if (payments.length === 0) return null;
  return (
    <Card title="资金拨付">
      {payments.map((p) => (
        <View key={p.id} data-payment={p.state}>
          <Cell label={p.kindLabel} value={formatYuan(p.amountFen)} />
          <Cell label="支付状态" value={p.stateLabel} />
          {p.paidOn && <Cell label="支付日期" value={formatChineseDate(p.paidOn)} />}
        </View>
      ))}
    </Card>
  );
}
