import { programLabels } from '@dg/policy';
import { api, ErrorAlert, Money, Page } from '@dg/ui';
import { useQuery } from '@tanstack/react-query';
import { Progress, Table, Typography } from 'antd';

/** Each edition's budget: what approved 资助计划 drew from it and what was paid; once used up, later ones get nothing (CV-11). */
export function BudgetsPage() {
  const budgets = useQuery({ queryKey: ['budgets.list'], queryFn: () => api.budgets.list.query() });
  return (
    <Page title="预算">
      <div className="dg-panel">
        <Typography.Paragraph type="secondary">
          各批次预算按资助计划批准的先后扣减，用完即止（CV-11）；已拨付为实际支付金额（扣除追回）。
        </Typography.Paragraph>
        <ErrorAlert error={budgets.error} />
        <Table
          size="middle"
          rowKey="editionId"
          loading={budgets.isPending}
          dataSource={budgets.data}
          pagination={false}
          data-testid="budget-table"
          locale={{ emptyText: '暂无项目批次' }}
          columns={[
            {
              title: '项目',
              dataIndex: 'programId',
              render: (p: keyof typeof programLabels) => programLabels[p],
            },
            { title: '批次', dataIndex: 'title' },
            {
              title: '预算',
              dataIndex: 'budgetFen',
              align: 'right',
              render: (v: number | null) => <Money fen={v} />,
            },
            {
              title: '已安排',
              dataIndex: 'allocatedFen',
              align: 'right',
              render: (v: number) => <Money fen={v} />,
            },
            {
              title: '已拨付',
              dataIndex: 'paidFen',
              align: 'right',
              render: (v: number) => <Money fen={v} />,
            },
            {
              title: '剩余',
              dataIndex: 'remainingFen',
              align: 'right',
              render: (v: number | null) => <Money fen={v} strong />,
            },
            {
              title: '使用进度',
              key: 'progress',
              width: 200,
              render: (_, e) =>
                e.budgetFen === null || e.budgetFen === 0 ? (
                  <Typography.Text type="secondary">未设置预算</Typography.Text>
                ) : (
                  <Progress
                    size="small"
                    percent={Math.round((e.allocatedFen / e.budgetFen) * 1000) / 10}
                    success={{ percent: Math.round((e.paidFen / e.budgetFen) * 1000) / 10 }}
                    status={e.remainingFen === 0 ? 'exception' : 'normal'}
                  />
                ),
            },
          ]}
        />
      </div>
    </Page>
  );
}
