import { api, DateText, ErrorAlert, Page } from '@dg/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Table } from 'antd';

interface Values {
  uscc: string;
  reason: string;
}

/**
 * An expert declares ties (investment, employment, cooperation…) before reviewing: the enterprise's applications
 * then never reach this expert's queue or detail pages.
 */
export function ConflictsPage() {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const conflicts = useQuery({
    queryKey: ['reviews.conflicts'],
    queryFn: () => api.reviews.conflicts.query(),
  });
  const declare = useMutation({
    mutationFn: (values: Values) => api.reviews.declareConflict.mutate(values),
    onSuccess: (row) => {
      message.success(`已声明与“${row.enterpriseName}”存在利益关联，其申报将不再分配给您`);
      form.resetFields();
      queryClient.invalidateQueries({ queryKey: ['reviews.conflicts'] });
      queryClient.invalidateQueries({ queryKey: ['reviews.queue'] });
    },
  });

  return (
    <Page title="利益冲突声明">
      <div className="dg-panel">
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="评审前请如实声明与申报单位的利益关联（投资、任职、合作、亲属关系等）。声明后该单位的申报将对您回避。"
        />
        <Form<Values> form={form} layout="inline" onFinish={(v) => declare.mutate(v)} style={{ rowGap: 12 }}>
          <Form.Item name="uscc" label="单位统一社会信用代码" rules={[{ required: true, message: '请填写' }]}>
            <Input maxLength={18} style={{ width: 220 }} />
          </Form.Item>
          <Form.Item name="reason" label="关联情况" rules={[{ required: true, message: '请说明关联关系' }]}>
            <Input maxLength={500} style={{ width: 320 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={declare.isPending}>
            提交声明
          </Button>
        </Form>
        <ErrorAlert error={declare.error} style={{ marginTop: 12 }} />
      </div>
      <div className="dg-panel">
        <ErrorAlert error={conflicts.error} />
        <Table
          size="middle"
          rowKey="id"
          loading={conflicts.isPending}
          dataSource={conflicts.data}
          pagination={false}
          locale={{ emptyText: '尚未声明利益关联' }}
          columns={[
            { title: '回避单位', dataIndex: 'enterpriseName' },
            { title: '关联情况', dataIndex: 'reason' },
            {
              title: '声明时间',
              dataIndex: 'createdAt',
              render: (v: string) => <DateText value={v} format="time" />,
            },
          ]}
        />
      </div>
    </Page>
  );
}
