import { api, ErrorAlert, Money, StatusTag, describeApiError, useSession } from '@dg/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';

const CHANGE_KINDS: Record<string, string> = { major: '重大变更', minor: '一般变更', extension: '延期' };
const CHANGE_STATES: Record<string, string> = {
  pending: '待审批',
  approved: '已批准',
  rejected: '未批准',
  filed: '已备案',
};

/**
 * The R&D 任务书 once signed: terms, indicators, period (with extension), money received against the grant, and the
 * changes filed — an approver decides the pending ones here. Before signing the API has none (NOT_FOUND), and the tab
 * says so.
 */
export function ContractCard({ applicationId }: { applicationId: string }) {
  const { user } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [note, setNote] = useState('');
  const contract = useQuery({
    queryKey: ['contracts.get', applicationId],
    queryFn: () => api.contracts.get.query({ id: applicationId }),
    retry: false,
  });
  const decide = useMutation({
    mutationFn: (input: { changeId: string; approve: boolean }) =>
      api.contracts.decideChange.mutate({
        ...input,
        note: note.trim() || (input.approve ? '同意' : '不同意'),
      }),
    onSuccess: () => {
      message.success('变更审批已完成');
      setNote('');
      queryClient.invalidateQueries({ queryKey: ['contracts.get', applicationId] });
      queryClient.invalidateQueries({ queryKey: ['reviews.get', applicationId] });
    },
  });

  if (contract.error && describeApiError(contract.error).code === 'NOT_FOUND') {
    return <Typography.Text type="secondary">尚未签订任务书</Typography.Text>;
  }
  const c = contract.data;
  return (
    <div data-testid="contract">
      <ErrorAlert error={contract.error ?? decide.error} style={{ marginBottom: 12 }} />
      {c && (
        <>
          <Descriptions size="small" bordered column={3}>
            <Descriptions.Item label="任务书编号">{c.contractNumber}</Descriptions.Item>
            <Descriptions.Item label="签订日期">{c.signedOn}</Descriptions.Item>
            <Descriptions.Item label="实施期">
              {c.startOn} 至 {c.endOn}
              {c.endOn !== c.originalEndOn && `（原至 ${c.originalEndOn}，已延期 ${c.extensionsGranted} 次）`}
            </Descriptions.Item>
            <Descriptions.Item label="核定资助">
              <Money fen={c.approvedGrantFen} strong />
            </Descriptions.Item>
            <Descriptions.Item label="第一期">
              <Money fen={c.phase1Fen} />
            </Descriptions.Item>
            <Descriptions.Item label="已到账（净额）">
              <Money fen={c.receivedFen} />
            </Descriptions.Item>
            <Descriptions.Item label="实际总投入">
              <Money fen={c.actualInvestmentFen} />
            </Descriptions.Item>
            <Descriptions.Item label="任务书条款" span={2}>
              <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                {c.terms}
              </Typography.Paragraph>
            </Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            考核指标
          </Typography.Title>
          <Table
            size="small"
            rowKey="key"
            pagination={false}
            dataSource={(c.indicators as { key: string; name: string; target: string }[]) ?? []}
            columns={[
              { title: '指标', dataIndex: 'name' },
              { title: '目标', dataIndex: 'target' },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            变更与延期
          </Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={c.changes}
            locale={{ emptyText: '无变更' }}
            columns={[
              { title: '类型', dataIndex: 'kind', render: (k: string) => CHANGE_KINDS[k] ?? k },
              { title: '事项', dataIndex: 'subject' },
              { title: '说明', dataIndex: 'description' },
              { title: '变更日期', render: (_, ch) => ch.changedOn ?? ch.requestedEndOn ?? '—' },
              {
                title: '状态',
                dataIndex: 'state',
                render: (s: string) => (
                  <StatusTag label={CHANGE_STATES[s] ?? s} tone={s === 'pending' ? 'warning' : 'default'} />
                ),
              },
              {
                title: '审批',
                render: (_, ch) =>
                  ch.state === 'pending' && user.role === 'approver' ? (
                    <Space>
                      <Input
                        size="small"
                        placeholder="审批意见"
                        value={note}
                        onChange={(e) => setNote(e.target.value)}
                      />
                      <Button
                        size="small"
                        type="primary"
                        onClick={() => decide.mutate({ changeId: ch.id, approve: true })}
                      >
                        批准
                      </Button>
                      <Button
                        size="small"
                        danger
                        onClick={() => decide.mutate({ changeId: ch.id, approve: false })}
                      >
                        不批准
                      </Button>
                    </Space>
                  ) : (
                    (ch.decisionNote ?? '—')
                  ),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
