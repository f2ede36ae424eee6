import type { RouterOutputs } from '@dg/api';
import { api, ErrorAlert, Page, StatusTag, type Tone } from '@dg/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Modal, Space, Table } from 'antd';
import { useState } from 'react';

type Account = RouterOutputs['compute']['accounts']['list'][number];
type Review = { account: Account; stage: 'registration' | 'identity'; decision: 'approve' | 'reject' };

const REGISTRATION: Record<Account['registrationStatus'], { label: string; tone: Tone }> = {
  pending: { label: '待审核', tone: 'warning' },
  approved: { label: '已通过', tone: 'success' },
  rejected: { label: '已驳回', tone: 'error' },
};
const IDENTITY: Record<Account['identityStatus'], { label: string; tone: Tone }> = {
  none: { label: '未提交', tone: 'default' },
  pending: { label: '待核验', tone: 'warning' },
  verified: { label: '已核验', tone: 'success' },
  rejected: { label: '未通过', tone: 'error' },
};

/** Platform registration review, then identity verification (ID number shown masked); both give ordering rights. */
export function AccountsPage() {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [review, setReview] = useState<Review | null>(null);
  const [note, setNote] = useState('');
  const accounts = useQuery({
    queryKey: ['compute', 'accounts.list'],
    queryFn: () => api.compute.accounts.list.query({}),
  });
  const decide = useMutation({
    mutationFn: ({ account, stage, decision }: Review) => {
      const input = { enterpriseId: account.enterpriseId, decision, note: note.trim() || undefined };
      return stage === 'registration'
        ? api.compute.accounts.review.mutate(input)
        : api.compute.accounts.reviewIdentity.mutate(input);
    },
    onSuccess: (account) => {
      message.success(
        `${account.enterpriseName}：${account.orderingRights ? '已获得订购权限' : '审核结果已记录'}`,
      );
      setReview(null);
      setNote('');
      queryClient.invalidateQueries({ queryKey: ['compute', 'accounts.list'] });
    },
  });

  const start = (account: Account, stage: Review['stage'], decision: Review['decision']) => {
    decide.reset();
    setNote('');
    setReview({ account, stage, decision });
  };

  return (
    <Page title="企业账号审核">
      <div className="dg-panel">
        <ErrorAlert error={accounts.error} style={{ marginBottom: 12 }} />
        <Table<Account>
          size="middle"
          rowKey="enterpriseId"
          loading={accounts.isPending}
          dataSource={accounts.data}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '企业', dataIndex: 'enterpriseName' },
            { title: '用户名', dataIndex: 'username' },
            { title: '联系人', render: (_, a) => `${a.contactName} ${a.contactMobile}` },
            { title: '行业 / 规模', render: (_, a) => `${a.industry} / ${a.staffSize}` },
            { title: '应用场景', dataIndex: 'scenario', width: 220 },
            {
              title: '注册审核',
              dataIndex: 'registrationStatus',
              render: (s: Account['registrationStatus']) => <StatusTag {...REGISTRATION[s]} />,
            },
            {
              title: '实名核验',
              render: (_, a) => (
                <Space size={4}>
                  <StatusTag {...IDENTITY[a.identityStatus]} />
                  {a.idHolderName && `${a.idHolderName} ${a.idNumberMasked ?? ''}`}
                </Space>
              ),
            },
            {
              title: '订购权限',
              dataIndex: 'orderingRights',
              render: (v: boolean) =>
                v ? <StatusTag label="已开通" tone="success" /> : <StatusTag label="未开通" />,
            },
            {
              title: '操作',
              fixed: 'right',
              render: (_, a) => {
                const stage =
                  a.registrationStatus === 'pending'
                    ? 'registration'
                    : a.identityStatus === 'pending'
                      ? 'identity'
                      : null;
                if (!stage) return null;
                return (
                  <Space size={4}>
                    <Button size="small" type="primary" onClick={() => start(a, stage, 'approve')}>
                      {stage === 'registration' ? '注册通过' : '核验通过'}
                    </Button>
                    <Button size="small" danger onClick={() => start(a, stage, 'reject')}>
                      驳回
                    </Button>
                  </Space>
                );
              },
            },
          ]}
        />
      </div>
      <Modal
        open={review !== null}
        title={
          review
            ? `${review.stage === 'registration' ? '注册审核' : '实名核验'}：${review.account.enterpriseName}`
            : ''
        }
        okText={review?.decision === 'approve' ? '确认通过' : '确认驳回'}
        okButtonProps={{ danger: review?.decision === 'reject' }}
        confirmLoading={decide.isPending}
        onOk={() => review && decide.mutate(review)}
        onCancel={() => setReview(null)}
        destroyOnHidden
      >
        <ErrorAlert error={decide.error} style={{ marginBottom: 12 }} />
        <Input.TextArea
          rows={3}
          maxLength={500}
          placeholder="审核意见"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </Modal>
    </Page>
  );
}
