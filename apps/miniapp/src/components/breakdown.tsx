import { Text, View } from '@tarojs/components';
import { formatYuan, type Verdict } from '@dg/policy';

/** The estimate and how it was reached, read straight from the verdict's basis. */
export function AmountBreakdown({ verdict }: { verdict: Verdict }) {
  const { lines, amounts } = verdict.basis;
  return (
    <View>
      {lines.map((line) => (
        <View key={line.ref} className="dg-amount-row" data-line={line.ref}>
          <Text>
            {line.ref}
            {line.daysInWindow !== undefined &&
            line.serviceDays !== undefined &&
            line.daysInWindow < line.serviceDays
              ? `（核算期内 ${line.daysInWindow}/${line.serviceDays} 天）`
              : ''}
            {line.reasons.length > 0 ? `：${line.reasons.join('；')}` : ''}
          </Text>
          <Text className="dg-amount-row__fen">
            {formatYuan(line.eligibleFen)}
            {line.eligibleFen !== line.amountFen ? ` / ${formatYuan(line.amountFen)}` : ''}
          </Text>
        </View>
      ))}
      {amounts.map((a) => (
        <View key={a.name} className="dg-amount-row" data-amount={a.name}>
          <Text>
            {a.label}（{a.rule}）
          </Text>
          <Text className="dg-amount-row__fen">{formatYuan(a.fen)}</Text>
        </View>
      ))}
      {verdict.phase1Fen !== null && (
        <View className="dg-amount-row">
          <Text>其中首期拨付（RD-4）</Text>
          <Text className="dg-amount-row__fen">{formatYuan(verdict.phase1Fen)}</Text>
        </View>
      )}
      <View className="dg-amount-row dg-amount-row--total">
        <Text>预计可获资助</Text>
        <Text className="dg-amount-row__fen" data-testid="subsidy">
          {formatYuan(verdict.subsidyFen)}
        </Text>
      </View>
    </View>
  );
}
