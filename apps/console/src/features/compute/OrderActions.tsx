import type { RouterOutputs } from '@dg/api';
import { shanghaiDate } from '@dg/policy';
import { api, ErrorAlert } from '@dg/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';

type Order = RouterOutputs['compute']['orders']['list']['items'][number];
type Step = 'startApproval' | 'approve' | 'reject' | 'signContract' | 'provision' | 'complete';

/** The next step the platform's manual describes for an order in each state; the API refuses any other. */
const NEXT: Partial<Record<Order['state'], { step: Step; label: string }[]>> = {
  submitted: [{ step: 'startApproval', label: '提交审批' }],
  in_approval: [
    { step: 'approve', label: '审批通过' },
    { step: 'reject', label: '驳回' },
  ],
  approved: [{ step: 'signContract', label: '登记合同' }],
  contracted: [{ step: 'provision', label: '开通资源' }],
  provisioned: [{ step: 'complete', label: '结束服务' }],
};

interface Values {
  note?: string;
  contractNo?: string;
  signedOn?: Dayjs;
  serviceStart?: Dayjs;
  serviceEnd?: Dayjs;
  host?: string;
  port?: number;
  account?: string;
  password?: string;
}

const day = (d?: Dayjs) => d?.format('YYYY-MM-DD');

function run(order: Order, step: Step, v: Values) {
  const orders = api.compute.orders;
  switch (step) {
    case 'startApproval':
      return orders.startApproval.mutate({ id: order.id, note: v.note });
    case 'approve':
    case 'reject':
      return orders.decide.mutate({ id: order.id, decision: step, note: v.note });
    case 'signContract':
      return orders.signContract.mutate({
        id: order.id,
        contractNo: v.contractNo!,
        signedOn: day(v.signedOn)!,
      });
    case 'provision':
      return orders.provision.mutate({
        id: order.id,
        serviceStart: day(v.serviceStart)!,
        access: { host: v.host!, port: v.port ?? undefined, account: v.account!, password: v.password! },
      });
    case 'complete':
      return orders.complete.mutate({ id: order.id, serviceEnd: day(v.serviceEnd) });
  }
}

const required = [{ required: true, message: '请填写' }];

function StepFields({ step }: { step: Step }): ReactNode {
  switch (step) {
    case 'signContract':
      return (
        <>
          <Form.Item name="contractNo" label="合同编号" rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="signedOn" label="签订日期" rules={required}>
            <DatePicker />
          </Form.Item>
        </>
      );
    case 'provision':
      return (
        <>
          <Form.Item name="serviceStart" label="服务开始日期" rules={required}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="host" label="访问地址（IP）" rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="port" label="端口">
            <InputNumber min={1} max={65535} precision={0} />
          </Form.Item>
          <Form.Item name="account" label="账号" rules={required}>
            <Input />
          </Form.Item>
          <Form.Item name="password" label="初始密码（加密保存，仅订购企业可见）" rules={required}>
            <Input.Password />
          </Form.Item>
        </>
      );
    case 'complete':
      return (
        <Form.Item name="serviceEnd" label="服务结束日期">
          <DatePicker />
        </Form.Item>
      );
    default:
      return (
        <Form.Item name="note" label="审批意见">
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      );
  }
}

export function OrderActions({ order }: { order: Order }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState<{ step: Step; label: string } | null>(null);
  const act = useMutation({
    mutationFn: (v: Values) => run(order, open!.step, v),
    onSuccess: () => {
      message.success(`订单 ${order.orderNo}：已${open?.label}`);
      setOpen(null);
      queryClient.invalidateQueries({ queryKey: ['compute'] });
    },
  });
  const today = dayjs(shanghaiDate(new Date()));

  return (
    <Space size={4}>
      {(NEXT[order.state] ?? []).map((next) => (
        <Button
          key={next.step}
          size="small"
          type={next.step === 'reject' ? 'default' : 'primary'}
          danger={next.step === 'reject'}
          onClick={() => {
            act.reset();
            setOpen(next);
          }}
        >
          {next.label}
        </Button>
      ))}
      <Modal
        open={open !== null}
        title={`${open?.label ?? ''}：${order.orderNo}`}
        footer={null}
        onCancel={() => setOpen(null)}
        destroyOnHidden
      >
        <ErrorAlert error={act.error} style={{ marginBottom: 12 }} />
        {open && (
          <Form<Values>
            layout="vertical"
            onFinish={(v) => act.mutate(v)}
            initialValues={{ signedOn: today, serviceStart: today, port: 22 }}
          >
            <StepFields step={open.step} />
            <Button type="primary" htmlType="submit" block loading={act.isPending}>
              确认{open.label}
            </Button>
          </Form>
        )}
      </Modal>
    </Space>
  );
}
