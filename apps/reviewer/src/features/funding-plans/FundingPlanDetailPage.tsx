import { type DongguanRegionCode, programLabels } from '@dg/policy';
import { api, ErrorAlert, Money, Page, regionName, StatusTag, useSession } from '@dg/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Input, Popconfirm, Skeleton, Space, Table } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { DownloadButton, exportPaths } from '../exports/DownloadButton';
import { planStates } from './labels';

/** One 资助计划 with its applications; the city reviewer submits it, the approver records the government's approval. */
export function FundingPlanDetailPage() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [reference, setReference] = useState('');
  const plan = useQuery({
    queryKey: ['fundingPlans.get', id],
    queryFn: () => api.fundingPlans.get.query({ id }),
  });
  const p = plan.data;
  const refresh = () => {
    queryClient.invalidateQueries({ queryKey: ['fundingPlans.get', id] });
    queryClient.invalidateQueries({ queryKey: ['fundingPlans.list'] });
    queryClient.invalidateQueries({ queryKey: ['budgets.list'] });
  };
  const submit = useMutation({
    mutationFn: () => api.fundingPlans.submit.mutate({ id, version: p!.version }),
    onSuccess: () => {
      message.success('资助计划已报市政府审定');
      refresh();
    },
  });
  const approve = useMutation({
    mutationFn: () =>
      api.fundingPlans.approve.mutate({ id, version: p!.version, decisionReference: reference }),
    onSuccess: () => {
      message.success('资助计划已批准，按批准顺序从预算中安排');
      refresh();
    },
  });

  return (
    <Page
      title={p?.title ?? '资助计划'}
      trail={[{ label: '资助计划', to: '/funding-plans' }]}
      extra={
        <DownloadButton href={exportPaths.fundingPlan(id)} testId="export-funding-plan">
          导出资助计划 (.xlsx)
        </DownloadButton>
      }
    >
      <ErrorAlert error={plan.error ?? submit.error ?? approve.error} style={{ marginBottom: 12 }} />
      {plan.isPending && <Skeleton active />}
      {p && (
        <>
          <div className="dg-panel">
            <Descriptions size="small" column={3}>
              <Descriptions.Item label="项目">{programLabels[p.programId]}</Descriptions.Item>
              <Descriptions.Item label="状态">
                <StatusTag {...(planStates[p.state] ?? { label: p.state })} />
              </Descriptions.Item>
              <Descriptions.Item label="审定文号">{p.decisionReference ?? '—'}</Descriptions.Item>
            </Descriptions>
            {user.role === 'city_reviewer' && p.state === 'draft' && (
              <Popconfirm title="确认将资助计划报市政府审定？" onConfirm={() => submit.mutate()}>
                <Button type="primary" loading={submit.isPending} style={{ marginTop: 12 }}>
                  报市政府审定
                </Button>
              </Popconfirm>
            )}
            {user.role === 'approver' && p.state === 'submitted' && (
              <Space style={{ marginTop: 12 }}>
                <Input
                  placeholder="市政府审定文号，如 东府〔2025〕9号"
                  style={{ width: 280 }}
                  value={reference}
                  onChange={(e) => setReference(e.target.value)}
                />
                <Button
                  type="primary"
                  disabled={!reference.trim()}
                  loading={approve.isPending}
                  onClick={() => approve.mutate()}
                >
                  批准资助计划
                </Button>
              </Space>
            )}
          </div>
          <div className="dg-panel">
            <Table
              size="small"
              rowKey="applicationId"
              pagination={false}
              dataSource={p.items}
              columns={[
                { title: '序号', dataIndex: 'seq', width: 60 },
                {
                  title: '受理编号',
                  dataIndex: 'trackingNumber',
                  render: (v: string | null, r) => (
                    <Link to={`/applications/${r.applicationId}`}>{v ?? '—'}</Link>
                  ),
                },
                { title: '申报单位', dataIndex: 'enterpriseName' },
                {
                  title: '所属镇街（园区）',
                  dataIndex: 'townCode',
                  render: (v: string) => regionName(v as DongguanRegionCode),
                },
                { title: '项目名称', dataIndex: 'projectName', render: (v: string) => v || '—' },
                {
                  title: '申请金额',
                  dataIndex: 'requestedFen',
                  align: 'right',
                  render: (v: number) => <Money fen={v} />,
                },
                {
                  title: '安排金额',
                  dataIndex: 'grantedFen',
                  align: 'right',
                  render: (v: number | null) => <Money fen={v} strong />,
                },
                {
                  title: '核减',
                  dataIndex: 'cutFen',
                  align: 'right',
                  render: (v: number | null) => <Money fen={v} />,
                },
              ]}
            />
          </div>
        </>
      )}
    </Page>
  );
}
