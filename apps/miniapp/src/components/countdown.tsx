import { Text, View } from '@tarojs/components';
import { citation, type Deadline, formatChineseDate } from '@dg/policy';
import { useEffect, useState } from 'react';
import { Alert } from './ui';

const pad = (n: number) => String(n).padStart(2, '0');

/** "3天 04:05:06" until the instant; null once it has passed. */
export function remaining(until: Date, now: Date): string | null {
  const ms = until.getTime() - now.getTime();
  if (ms < 0) return null;
  const s = Math.floor(ms / 1000);
  const days = Math.floor(s / 86_400);
  return `${days}天 ${pad(Math.floor((s % 86_400) / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** A live countdown to a policy deadline (e.g. CV-13's resubmission), ticking every second. */
export function DeadlineCountdown({
  deadline,
  now: initial = new Date(),
}: {
  deadline: Deadline;
  now?: Date;
}) {
  const [now, setNow] = useState(initial);
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = remaining(deadline.lastMoment, now);
  return (
    <Alert tone={left ? 'warn' : 'bad'} title={left ? '距补正截止还有' : '补正期限已过'}>
      {left && (
        <Text className="dg-countdown" data-testid="countdown">
          {left}
        </Text>
      )}
      <View>
        <Text>
          {deadline.description}；最迟 {formatChineseDate(deadline.date)} 23:59:59（{citation(deadline.rule)}
          ）
        </Text>
      </View>
    </Alert>
  );
}
