import { programLabels } from '@dg/policy';
import { api, DateText, ErrorAlert, Money, Page, StatusTag } from '@dg/ui';
import { useQuery } from '@tanstack/react-query';
import { Table } from 'antd';
import { useNavigate } from 'react-router';
import { planStates } from './labels';

/** 资助计划: batches of applications the city government approves together, newest first. */
export function FundingPlansPage() {
  const navigate = useNavigate();
  const plans = useQuery({ queryKey: ['fundingPlans.list'], queryFn: () => api.fundingPlans.list.query({}) });
  return (
    <Page title="资助计划">
      <div className="dg-panel">
        <ErrorAlert error={plans.error} />
        <Table
          size="middle"
          rowKey="id"
          loading={plans.isPending}
          dataSource={plans.data}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          locale={{ emptyText: '暂无资助计划' }}
          onRow={(p) => ({ onClick: () => navigate(`/funding-plans/${p.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: '计划名称', dataIndex: 'title' },
            {
              title: '项目批次',
              dataIndex: 'programId',
              render: (p: keyof typeof programLabels, plan) => `${programLabels[p]} ${plan.editionCode}`,
            },
            { title: '申报数', dataIndex: 'itemCount', align: 'right' },
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
              render: (v: number) => <Money fen={v} strong />,
            },
            {
              title: '状态',
              dataIndex: 'state',
              render: (s: string) => <StatusTag {...(planStates[s] ?? { label: s })} />,
            },
            {
              title: '创建时间',
              dataIndex: 'createdAt',
              render: (v: string) => <DateText value={v} format="time" />,
            },
          ]}
        />
      </div>
    </Page>
  );
}
