import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { RouterOutputs } from '@dg/api';
import { formatChineseDate, formatYuan, shanghaiDate } from '@dg/policy';
import { useState } from 'react';
import { useMe } from '../../api/account';
import { api, errorMessage } from '../../api/client';
import { Alert, Btn, Card, Empty, Tag, type Tone } from '../../components/ui';
import { routes } from '../../lib/routes';

type Item = RouterOutputs['applications']['mine']['items'][number];

function tone(item: Item): Tone {
  if (item.state === 'draft') return 'muted';
  if (item.state === 'returned' || item.overdue) return 'bad';
  if (item.progress.finished) return item.state === 'completed' ? 'ok' : 'muted';
  return 'brand';
}

export default function ProgressPage() {
  const me = useMe();
  const [items, setItems] = useState<Item[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    if (!me?.activeEnterpriseId) return;
    try {
      setItems((await api.applications.mine.query({ limit: 50 })).items);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  if (!me?.activeEnterpriseId) {
    return (
      <View className="dg-page">
        <Empty>登录并绑定企业后，可在这里查看申报进度</Empty>
        <Btn onClick={() => Taro.switchTab({ url: routes.me })}>去登录</Btn>
      </View>
    );
  }

  return (
    <View className="dg-page">
      {error && <Alert tone="bad">{error}</Alert>}
      {items?.length === 0 && <Empty>还没有申报，去“可申报”看看能申请哪些扶持</Empty>}
      {items?.map((item) => {
        const { current, done, total } = item.progress;
        return (
          <Card
            key={item.id}
            title={item.programLabel}
            extra={<Tag tone={tone(item)}>{item.stateLabel}</Tag>}
            onClick={() =>
              Taro.navigateTo({
                url:
                  item.state === 'draft'
                    ? routes.apply(item.program, item.id)
                    : routes.applicationDetail(item.id),
              })
            }
          >
            <View data-application={item.trackingNumber ?? item.id}>
              <Text className="dg-card__desc">
                {item.trackingNumber
                  ? `申报编号 ${item.trackingNumber}`
                  : `草稿 · 创建于 ${formatChineseDate(shanghaiDate(new Date(item.createdAt)))}`}
              </Text>
              {item.state !== 'draft' && (
                <Text className="dg-muted" style={{ display: 'block', marginTop: '8px' }}>
                  进度 {done}/{total}
                  {current ? ` · 当前：${current.label}` : ''}
                  {item.recognisedFen !== null
                    ? ` · 认定金额 ${formatYuan(item.recognisedFen)}`
                    : item.ceilingFen !== null
                      ? ` · 测算上限 ${formatYuan(item.ceilingFen)}`
                      : ''}
                </Text>
              )}
              {item.deadlineAt && (
                <Text className="dg-field__error" style={{ display: 'block', marginTop: '8px' }}>
                  {item.overdue ? '已逾期' : '请在'}{' '}
                  {formatChineseDate(shanghaiDate(new Date(item.deadlineAt)))} 前处理
                </Text>
              )}
            </View>
          </Card>
        );
      })}
    </View>
  );
}
