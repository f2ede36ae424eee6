import { api, DateText, ErrorAlert, Money, Page, regionName, StatusTag, useSession } from '@dg/ui';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Descriptions, Empty, Row, Skeleton, Tabs, Typography } from 'antd';
import { useParams } from 'react-router';
import { DownloadButton, exportPaths } from '../exports/DownloadButton';
import { ContractCard } from './ContractCard';
import { DecisionPanel } from './DecisionPanel';
import { DuplicatesCard } from './DuplicatesCard';
import { ExpertScoreCard } from './ExpertScoreCard';
import { ClaimedLines, FormView } from './FormView';
import { HistoryTable } from './HistoryTable';
import { InspectionForm } from './InspectionForm';
import { MaterialsPanel } from './MaterialsPanel';
import { OpinionsCard } from './OpinionsCard';
import { ReviewsTab } from './ReviewsTab';
import { TimelineSteps } from './TimelineSteps';
import type { ReviewDetail } from './types';
import { VerdictPanel } from './VerdictPanel';
import { hasStage } from './workflow-info';

/** Who records site inspections (apps/api reviews.recordInspection), in the workflows' site-inspection stage. */
const INSPECTORS = ['expert', 'city_reviewer'];
const SITE_INSPECTION = 'site_inspection';

function SummaryCard({ detail }: { detail: ReviewDetail }) {
  const a = detail.application;
  return (
    <Card size="small" title="办理概况">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="受理编号">{a.trackingNumber ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="当前环节">
          <StatusTag label={a.stateLabel} tone="processing" />
        </Descriptions.Item>
        <Descriptions.Item label="资助上限">
          <Money fen={a.ceilingFen} />
        </Descriptions.Item>
        <Descriptions.Item label="核定金额">
          <Money fen={a.recognisedFen} strong />
        </Descriptions.Item>
        <Descriptions.Item label="办理期限">
          {a.deadlineAt ? (
            <span>
              <DateText value={a.deadlineAt} format="time" />{' '}
              {a.overdue && <StatusTag label="已逾期" tone="error" />}
              {!a.overdue && a.dueSoon && <StatusTag label="即将到期" tone="warning" />}
            </span>
          ) : (
            '—'
          )}
        </Descriptions.Item>
        <Descriptions.Item label="提交时间">
          <DateText value={a.submittedAt} format="time" />
        </Descriptions.Item>
        <Descriptions.Item label="版本">{a.version}</Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** The verdict beside what the applicant claimed, so every counted or excluded line can be checked against the form. */
function PolicyCheck({ detail }: { detail: ReviewDetail }) {
  if (!detail.verdict) return <Empty description="尚无提交记录，暂无政策核验结果" />;
  return (
    <Row gutter={16}>
      <Col span={10}>
        <Typography.Title level={5}>申报单位填报</Typography.Title>
        <ClaimedLines form={detail.form} />
      </Col>
      <Col span={14}>
        <Typography.Title level={5}>政策核验（依据政策规则自动计算）</Typography.Title>
        <VerdictPanel verdict={detail.verdict} />
      </Col>
    </Row>
  );
}

function ReturnReasons({ detail }: { detail: ReviewDetail }) {
  if (detail.returnReasons.length === 0) return null;
  const titles = new Map(detail.materials.map((m) => [m.key, m.title]));
  return (
    <Card size="small" title="本轮退回补正原因" style={{ marginBottom: 16 }}>
      {detail.returnReasons.map((r) => (
        <div key={r.itemKey}>
          <Typography.Text strong>
            {r.itemKey === 'form' ? '申报表' : (titles.get(r.itemKey) ?? r.itemKey)}：
          </Typography.Text>
          {r.reason}
        </div>
      ))}
    </Card>
  );
}

export function ApplicationDetailPage() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const query = useQuery({ queryKey: ['reviews.get', id], queryFn: () => api.reviews.get.query({ id }) });
  const detail = query.data;

  return (
    <Page
      title={detail ? `${detail.enterprise.name} · ${detail.application.programLabel}` : '申报详情'}
      trail={[{ label: '待办审核', to: '/queue' }]}
      extra={
        <DownloadButton href={exportPaths.applicationBundle(id)} testId="export-bundle">
          打印申报材料 (PDF)
        </DownloadButton>
      }
    >
      <ErrorAlert error={query.error} />
      {query.isPending && <Skeleton active />}
      {detail && (
        <>
          <div className="dg-panel">
            <Descriptions size="small" column={4} style={{ marginBottom: 16 }}>
              <Descriptions.Item label="申报单位">{detail.enterprise.name}</Descriptions.Item>
              <Descriptions.Item label="统一社会信用代码">{detail.enterprise.uscc}</Descriptions.Item>
              <Descriptions.Item label="所属镇街（园区）">
                {regionName(detail.enterprise.townCode)}
              </Descriptions.Item>
              <Descriptions.Item label="批次">{detail.application.edition}</Descriptions.Item>
            </Descriptions>
            <TimelineSteps timeline={detail.timeline} />
          </div>
          <Row gutter={16}>
            <Col span={18}>
              <ReturnReasons detail={detail} />
              <DuplicatesCard applicationId={detail.application.id} />
              <div className="dg-panel">
                <Tabs
                  items={[
                    { key: 'check', label: '政策核验', children: <PolicyCheck detail={detail} /> },
                    {
                      key: 'form',
                      label: '申报信息',
                      children: <FormView program={detail.application.program} form={detail.form} />,
                    },
                    {
                      key: 'materials',
                      label: '申报材料',
                      children: <MaterialsPanel materials={detail.materials} />,
                    },
                    { key: 'reviews', label: '评审与考察', children: <ReviewsTab detail={detail} /> },
                    ...(hasStage(detail.application.program, 'contract_signing')
                      ? [
                          {
                            key: 'contract',
                            label: '任务书',
                            children: <ContractCard applicationId={detail.application.id} />,
                          },
                        ]
                      : []),
                    {
                      key: 'history',
                      label: '办理记录',
                      children: (
                        <HistoryTable
                          history={detail.history}
                          materialTitles={new Map(detail.materials.map((m) => [m.key, m.title]))}
                        />
                      ),
                    },
                  ]}
                />
              </div>
            </Col>
            <Col span={6}>
              <DecisionPanel detail={detail} onReload={() => query.refetch()} />
              {user.role === 'expert' && <ExpertScoreCard detail={detail} />}
              {INSPECTORS.includes(user.role) && detail.application.state === SITE_INSPECTION && (
                <InspectionForm detail={detail} />
              )}
              {hasStage(detail.application.program, 'consultation') && <OpinionsCard detail={detail} />}
              <div style={{ height: 16 }} />
              <SummaryCard detail={detail} />
            </Col>
          </Row>
        </>
      )}
    </Page>
  );
}
