import { Text, View } from '@tarojs/components';
import type { Finding, Severity } from '@dg/policy';
import { Tag } from './ui';

const SEVERITY: Record<Severity, { label: string; tone: 'bad' | 'warn' | 'brand' }> = {
  blocking: { label: '不符合', tone: 'bad' },
  warning: { label: '需注意', tone: 'warn' },
  info: { label: '提示', tone: 'brand' },
};

// Blocking first: the user needs to see what stops the application before what merely needs attention.
const ORDER: Record<Severity, number> = { blocking: 0, warning: 1, info: 2 };

export function FindingList({ findings }: { findings: readonly Finding[] }) {
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return (
    <View>
      {sorted.map((f) => (
        <View key={`${f.rule}-${f.message}`} className="dg-finding" data-rule={f.rule}>
          <View className={`dg-finding__dot dg-finding__dot--${f.severity}`} />
          <View className="dg-finding__body">
            <Text className="dg-finding__msg">{f.message}</Text>
            <Text className="dg-finding__cite">
              <Tag tone={SEVERITY[f.severity].tone}>{SEVERITY[f.severity].label}</Tag>
              {f.rule} · {f.article}
            </Text>
          </View>
        </View>
      ))}
    </View>
  );
}
