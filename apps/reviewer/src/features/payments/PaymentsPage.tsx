import { paymentWorkflow } from '@dg/policy';
import { api, ErrorAlert, Money, Page, StatusTag, useSession } from '@dg/ui';
import { useQuery } from '@tanstack/react-query';
import { Button, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PrepareDisbursementModal } from './PrepareDisbursementModal';
import { paymentKindLabels, paymentStateLabel, paymentStateTone } from './labels';

/** Payments in the policy core's payment workflow: prepared → checked by someone else → paid / failed. */
export function PaymentsPage() {
  const navigate = useNavigate();
  const { user } = useSession();
  const [state, setState] = useState<string>();
  const [preparing, setPreparing] = useState(false);
  const payments = useQuery({
    queryKey: ['payments.list', state],
    queryFn: () => api.payments.list.query({ state }),
  });

  return (
    <Page
      title="资金拨付"
      extra={
        user.role === 'finance' && (
          <Button type="primary" onClick={() => setPreparing(true)}>
            发起拨付
          </Button>
        )
      }
    >
      <div className="dg-panel">
        <Space style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder="支付状态"
            style={{ width: 160 }}
            value={state}
            onChange={setState}
            options={Object.entries(paymentWorkflow.states).map(([value, s]) => ({ value, label: s.label }))}
          />
        </Space>
        <ErrorAlert error={payments.error} />
        <Table
          size="middle"
          rowKey="id"
          loading={payments.isPending}
          dataSource={payments.data}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          locale={{ emptyText: '暂无支付记录' }}
          onRow={(p) => ({ onClick: () => navigate(`/payments/${p.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: '类型', dataIndex: 'kind', render: (k: string) => paymentKindLabels[k] ?? k },
            {
              title: '金额',
              dataIndex: 'amountFen',
              align: 'right',
              render: (v: number) => <Money fen={v} strong />,
            },
            {
              title: '状态',
              dataIndex: 'state',
              render: (s: string) => <StatusTag label={paymentStateLabel(s)} tone={paymentStateTone(s)} />,
            },
            { title: '版本', dataIndex: 'version' },
          ]}
        />
      </div>
      <PrepareDisbursementModal open={preparing} onClose={() => setPreparing(false)} />
    </Page>
  );
}
