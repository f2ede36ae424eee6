import type { RouterOutputs } from '@dg/api';
import { shanghaiDate } from '@dg/policy';
import { api, ErrorAlert, StatusTag, useSession } from '@dg/ui';
import { useMutation } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, Modal, Radio, Select, Table, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { objectionStates } from './labels';
import { NOTICE_ORGANISERS } from './NoticesPage';

type Notice = RouterOutputs['notices']['get'];
type Objection = Notice['objections'][number];

interface RecordValues {
  applicationId: string;
  objector: string;
  content: string;
  receivedOn: Dayjs;
}

/** Objections received during the notice: recorded by the organisers, resolved by an approver. */
export function Objections({ notice, onChanged }: { notice: Notice; onChanged: () => void }) {
  const { user } = useSession();
  const { message } = App.useApp();
  const [recordForm] = Form.useForm<RecordValues>();
  const [resolving, setResolving] = useState<Objection | null>(null);
  const [resolveForm] = Form.useForm<{ upheld: boolean; resolution: string }>();
  const names = new Map(notice.items.map((i) => [i.applicationId, i.enterpriseName]));

  const record = useMutation({
    mutationFn: (v: RecordValues) =>
      api.notices.recordObjection.mutate({
        batchId: notice.id,
        applicationId: v.applicationId,
        objector: v.objector,
        content: v.content,
        receivedOn: v.receivedOn.format('YYYY-MM-DD'),
      }),
    onSuccess: () => {
      message.success('异议已登记');
      recordForm.resetFields();
      onChanged();
    },
  });
  const resolve = useMutation({
    mutationFn: (v: { upheld: boolean; resolution: string }) =>
      api.notices.resolveObjection.mutate({ id: resolving!.id, version: resolving!.version, ...v }),
    onSuccess: () => {
      message.success('异议已处理');
      setResolving(null);
      onChanged();
    },
  });

  return (
    <div className="dg-panel dg-no-print">
      <Typography.Title level={5}>异议处理</Typography.Title>
      <Table<Objection>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={notice.objections}
        locale={{ emptyText: '未收到异议' }}
        columns={[
          { title: '被异议单位', dataIndex: 'applicationId', render: (id: string) => names.get(id) ?? id },
          { title: '异议人', dataIndex: 'objector' },
          { title: '异议内容', dataIndex: 'content' },
          { title: '收到日期', dataIndex: 'receivedOn' },
          {
            title: '状态',
            dataIndex: 'status',
            render: (s: string) => <StatusTag {...(objectionStates[s] ?? { label: s })} />,
          },
          { title: '处理意见', dataIndex: 'resolution', render: (v: string | null) => v ?? '—' },
          {
            title: '操作',
            render: (_, o) =>
              o.status === 'open' &&
              user.role === 'approver' && (
                <Button size="small" onClick={() => setResolving(o)}>
                  处理
                </Button>
              ),
          },
        ]}
      />
      {NOTICE_ORGANISERS.includes(user.role) && notice.state === 'published' && (
        <Form<RecordValues>
          form={recordForm}
          layout="inline"
          style={{ marginTop: 16, rowGap: 12 }}
          initialValues={{ receivedOn: dayjs(shanghaiDate(new Date())) }}
          onFinish={(v) => record.mutate(v)}
        >
          <Form.Item name="applicationId" label="被异议申报" rules={[{ required: true, message: '请选择' }]}>
            <Select
              style={{ width: 240 }}
              options={notice.items.map((i) => ({ value: i.applicationId, label: i.enterpriseName }))}
            />
          </Form.Item>
          <Form.Item name="objector" label="异议人" rules={[{ required: true, message: '请填写' }]}>
            <Input style={{ width: 140 }} />
          </Form.Item>
          <Form.Item name="content" label="异议内容" rules={[{ required: true, message: '请填写' }]}>
            <Input style={{ width: 280 }} />
          </Form.Item>
          <Form.Item name="receivedOn" label="收到日期">
            <DatePicker allowClear={false} />
          </Form.Item>
          <Button htmlType="submit" loading={record.isPending}>
            登记异议
          </Button>
          <ErrorAlert error={record.error} style={{ width: '100%', marginTop: 8 }} />
        </Form>
      )}
      <Modal
        open={resolving !== null}
        title="处理异议"
        okText="确认"
        confirmLoading={resolve.isPending}
        onOk={() => resolveForm.submit()}
        onCancel={() => setResolving(null)}
        destroyOnHidden
      >
        <ErrorAlert error={resolve.error} style={{ marginBottom: 12 }} />
        <Form
          form={resolveForm}
          layout="vertical"
          onFinish={(v) => resolve.mutate(v)}
          initialValues={{ upheld: false }}
        >
          <Form.Item name="upheld" label="结论">
            <Radio.Group
              options={[
                { value: false, label: '异议不成立' },
                { value: true, label: '异议成立（退回重新审核）' },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="resolution"
            label="处理意见"
            rules={[{ required: true, message: '请填写处理意见' }]}
          >
            <Input.TextArea rows={4} maxLength={2000} />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
