import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import type { RouterOutputs } from '@dg/api';
import { formatChineseDate, formatYuan, resubmissionDeadline, shanghaiDate, type Timeline } from '@dg/policy';
import { useState } from 'react';
import { api, errorMessage } from '../../../api/client';
import { type AfterReview, NoticeCard, PaymentsCard } from '../../../components/after-review';
import { DeadlineCountdown } from '../../../components/countdown';
import { FindingList } from '../../../components/findings';
import { TimelineView } from '../../../components/timeline';
import { Alert, Btn, Card, Cell } from '../../../components/ui';
import { routes } from '../../../lib/routes';

type Detail = RouterOutputs['applications']['get'];

const day = (instant: string) => formatChineseDate(shanghaiDate(new Date(instant)));

export default function ApplicationDetailPage() {
  const id = useRouter().params.id ?? '';
  const [detail, setDetail] = useState<Detail | null>(null);
  const [afterReview, setAfterReview] = useState<AfterReview | null>(null);
  const [error, setError] = useState<string | null>(null);
  useDidShow(() => {
    api.applications.get.query({ id }).then(setDetail, (e) => setError(errorMessage(e)));
    api.applications.afterReview.query({ id }).then(setAfterReview, (e) => setError(errorMessage(e)));
  });

  if (!detail) {
    return (
      <View className="dg-page">
        {error ? <Alert tone="bad">{error}</Alert> : <Text className="dg-muted">加载中…</Text>}
      </View>
    );
  }
  const a = detail.application;
  const latest = detail.submissions[detail.submissions.length - 1];
  const returned = a.state === 'returned';
  const materialTitle = new Map(detail.materials.map((m) => [m.key, `（${m.order}）${m.title}`]));

  return (
    <View className="dg-page">
      <View className="dg-hero">
        <Text className="dg-hero__title">{a.programLabel}</Text>
        <Text className="dg-hero__sub">{a.trackingNumber ? `申报编号 ${a.trackingNumber}` : '草稿'}</Text>
        <Text className="dg-hero__amount" data-testid="state-label">
          {a.stateLabel}
        </Text>
      </View>

      {returned && (
        <>
          <DeadlineCountdown deadline={resubmissionDeadline(new Date(a.stateEnteredAt))} />
          <Card title="退回原因">
            {detail.returnReasons.map((r) => (
              <View key={r.itemKey} className="dg-finding">
                <View className="dg-finding__dot dg-finding__dot--blocking" />
                <View className="dg-finding__body">
                  <Text className="dg-finding__msg">{r.reason}</Text>
                  <Text className="dg-finding__cite">
                    {r.itemKey === 'form' ? '申报表' : (materialTitle.get(r.itemKey) ?? r.itemKey)}
                  </Text>
                </View>
              </View>
            ))}
          </Card>
          <Btn onClick={() => Taro.navigateTo({ url: routes.apply(a.program, a.id) })}>去补正并重新提交</Btn>
        </>
      )}

      <Card title="办理进度">
        <TimelineView timeline={detail.timeline as Timeline} />
      </Card>

      <Card title="金额">
        <Cell label="测算资助上限" value={a.ceilingFen !== null ? formatYuan(a.ceilingFen) : '—'} />
        <Cell
          label="审核认定金额"
          value={a.recognisedFen !== null ? formatYuan(a.recognisedFen) : '待认定'}
        />
      </Card>

      {afterReview && (
        <>
          <NoticeCard notice={afterReview.notice} />
          <PaymentsCard payments={afterReview.payments} />
        </>
      )}

      {latest && (
        <Card title={`提交记录（第 ${latest.seq} 次，${day(latest.submittedAt)}）`}>
          <FindingList findings={latest.verdict.findings} />
        </Card>
      )}

      <Card title="申报材料">
        {detail.materials.map((m) => (
          <Cell
            key={m.key}
            label={`${m.order}. ${m.title}`}
            value={m.files.length > 0 ? `${m.files.length} 个文件` : m.required ? '未上传' : '—'}
          />
        ))}
      </Card>
    </View>
  );
}
