import { actorLabel, paymentWorkflow, type Role } from '@dg/policy';
import { api, DateText, ErrorAlert, Money, Page, StatusTag, useSession } from '@dg/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Descriptions, Form, Input, Modal, Skeleton, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { paymentKindLabels, paymentStateLabel, paymentStateTone } from './labels';

type PaymentEvent = keyof typeof paymentWorkflow.events;

/** The API records the creation of a payment as a 'prepare' event, before the workflow's own events. */
const PREPARE_LABELS: Record<string, string> = { prepare: '生成支付单' };

interface Values {
  reason?: string;
  bankReference?: string;
}

/**
 * One payment: payee (masked), lines, history, and the workflow events the caller's role may try in this state —
 * read from the policy core's payment workflow; the API applies the guards (four-eyes check) and decides.
 */
export function PaymentDetailPage() {
  const { id = '' } = useParams();
  const { user } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [event, setEvent] = useState<PaymentEvent | null>(null);
  const payment = useQuery({ queryKey: ['payments.get', id], queryFn: () => api.payments.get.query({ id }) });
  const p = payment.data;
  const fire = useMutation({
    mutationFn: (v: Values) =>
      api.payments.fire.mutate({
        id,
        version: p!.version,
        event: event!,
        reason: v.reason?.trim() || undefined,
        bankReference: v.bankReference?.trim() || undefined,
      }),
    onSuccess: () => {
      message.success(`已${paymentWorkflow.events[event!].label}`);
      setEvent(null);
      queryClient.invalidateQueries({ queryKey: ['payments.get', id] });
      queryClient.invalidateQueries({ queryKey: ['payments.list'] });
    },
  });
  const offered = p
    ? (
        Object.entries(paymentWorkflow.events) as [
          PaymentEvent,
          (typeof paymentWorkflow.events)[PaymentEvent],
        ][]
      ).filter(
        ([, def]) =>
          (def.from as readonly string[]).includes(p.state) &&
          (def.actors as readonly string[]).includes(user.role),
      )
    : [];

  return (
    <Page title="支付单" trail={[{ label: '资金拨付', to: '/payments' }]}>
      <ErrorAlert error={payment.error} />
      {payment.isPending && <Skeleton active />}
      {p && (
        <>
          <div className="dg-panel">
            <Descriptions size="small" bordered column={3}>
              <Descriptions.Item label="类型">{paymentKindLabels[p.kind] ?? p.kind}</Descriptions.Item>
              <Descriptions.Item label="金额">
                <Money fen={p.amountFen} strong />
              </Descriptions.Item>
              <Descriptions.Item label="状态">
                <StatusTag label={paymentStateLabel(p.state)} tone={paymentStateTone(p.state)} />
              </Descriptions.Item>
              <Descriptions.Item label="收款户名">{p.payee.accountName}</Descriptions.Item>
              <Descriptions.Item label="开户银行">{p.payee.bank}</Descriptions.Item>
              <Descriptions.Item label="银行账号">{p.payee.accountNumber}</Descriptions.Item>
              <Descriptions.Item label="银行流水号">{p.bankReference ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="支付时间">
                <DateText value={p.paidAt} format="time" />
              </Descriptions.Item>
              <Descriptions.Item label="失败原因">{p.failureReason ?? '—'}</Descriptions.Item>
            </Descriptions>
            <Space style={{ marginTop: 16 }}>
              {offered.map(([key, def]) => (
                <Button
                  key={key}
                  type={key === 'cancel' || key === 'mark_failed' ? 'default' : 'primary'}
                  danger={key === 'cancel' || key === 'mark_failed'}
                  onClick={() => {
                    fire.reset();
                    setEvent(key);
                  }}
                >
                  {def.label}
                </Button>
              ))}
            </Space>
          </div>
          <div className="dg-panel">
            <Typography.Title level={5}>支付明细</Typography.Title>
            <Table
              size="small"
              rowKey="applicationId"
              pagination={false}
              dataSource={p.lines}
              columns={[
                { title: '说明', dataIndex: 'description' },
                {
                  title: '金额',
                  dataIndex: 'amountFen',
                  align: 'right',
                  render: (v: number) => <Money fen={v} />,
                },
              ]}
            />
            <Typography.Title level={5} style={{ marginTop: 16 }}>
              办理记录
            </Typography.Title>
            <Table
              size="small"
              rowKey={(h) => `${h.at}-${h.event}`}
              pagination={false}
              dataSource={p.history}
              data-testid="payment-history"
              columns={[
                {
                  title: '时间',
                  dataIndex: 'at',
                  render: (v: string) => <DateText value={v} format="time" />,
                },
                {
                  title: '操作',
                  dataIndex: 'event',
                  render: (e: string) =>
                    (paymentWorkflow.events as Record<string, { label: string }>)[e]?.label ??
                    PREPARE_LABELS[e] ??
                    e,
                },
                {
                  title: '结果',
                  render: (_, h) =>
                    h.to ? (
                      `${paymentStateLabel(h.from ?? '')} → ${paymentStateLabel(h.to)}`
                    ) : (
                      <StatusTag label="被拒绝" tone="error" />
                    ),
                },
                { title: '角色', dataIndex: 'role', render: (r: string) => actorLabel(r as Role) },
                { title: '说明', dataIndex: 'reason', render: (v: string | null) => v ?? '—' },
              ]}
            />
          </div>
        </>
      )}
      <Modal
        open={event !== null}
        title={event ? paymentWorkflow.events[event].label : ''}
        okText="确认"
        confirmLoading={fire.isPending}
        onCancel={() => setEvent(null)}
        footer={null}
        destroyOnHidden
      >
        <ErrorAlert error={fire.error} style={{ marginBottom: 12 }} />
        <Form<Values> layout="vertical" onFinish={(v) => fire.mutate(v)}>
          {event === 'mark_paid' && (
            <Form.Item
              name="bankReference"
              label="银行流水号"
              rules={[{ required: true, message: '请填写银行流水号' }]}
            >
              <Input />
            </Form.Item>
          )}
          <Form.Item
            name="reason"
            label={event === 'mark_failed' ? '失败原因' : '说明'}
            rules={event === 'mark_failed' ? [{ required: true, message: '请填写失败原因' }] : []}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={fire.isPending}>
            确认{event ? paymentWorkflow.events[event].label : ''}
          </Button>
        </Form>
      </Modal>
    </Page>
  );
}
