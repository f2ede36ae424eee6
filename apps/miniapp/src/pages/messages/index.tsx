import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { RouterOutputs } from '@dg/api';
import { formatChineseDate, shanghaiDate } from '@dg/policy';
import { useState } from 'react';
import { useMe } from '../../api/account';
import { api, errorMessage } from '../../api/client';
import { Alert, Btn, Card, Empty } from '../../components/ui';
import { routes } from '../../lib/routes';
import { canSubscribe, requestStateChangeSubscription } from '../../lib/subscribe';
import { toastError, toastOk } from '../../lib/toast';

type Message = RouterOutputs['notifications']['list'][number];

export default function MessagesPage() {
  const me = useMe();
  const [messages, setMessages] = useState<Message[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    if (!me) return;
    try {
      setMessages(await api.notifications.list.query({ unreadOnly: false }));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  const open = async (m: Message) => {
    if (!m.readAt) {
      await api.notifications.markRead.mutate({ ids: [m.id] }).catch(() => undefined);
      setMessages(
        (all) => all?.map((x) => (x.id === m.id ? { ...x, readAt: new Date().toISOString() } : x)) ?? null,
      );
    }
    if (m.applicationId) Taro.navigateTo({ url: routes.applicationDetail(m.applicationId) });
  };

  if (!me) {
    return (
      <View className="dg-page">
        <Empty>登录后可接收申报办理通知</Empty>
        <Btn onClick={() => Taro.switchTab({ url: routes.me })}>去登录</Btn>
      </View>
    );
  }

  const unread = messages?.filter((m) => !m.readAt).length ?? 0;
  return (
    <View className="dg-page">
      {error && <Alert tone="bad">{error}</Alert>}
      {canSubscribe() && (
        <Btn
          ghost
          onClick={() =>
            requestStateChangeSubscription().then(
              (n) => toastOk(n > 0 ? '已开启微信通知' : '未开启微信通知'),
              toastError,
            )
          }
        >
          开启微信服务通知
        </Btn>
      )}
      {messages && messages.length > 0 && (
        <Text className="dg-section-title">{unread > 0 ? `${unread} 条未读` : '全部已读'}</Text>
      )}
      {messages?.length === 0 && <Empty>暂无消息。申报状态每次变化都会在这里通知您</Empty>}
      {messages?.map((m) => (
        <Card key={m.id} onClick={() => void open(m)}>
          <View className="dg-card__head">
            <Text className="dg-card__title">
              {!m.readAt && <Text style={{ color: '#d93a3a', marginRight: '8px' }}>●</Text>}
              {m.title}
            </Text>
            <Text className="dg-card__extra">{formatChineseDate(shanghaiDate(new Date(m.createdAt)))}</Text>
          </View>
          <Text className="dg-card__desc">{m.body}</Text>
        </Card>
      ))}
    </View>
  );
}
