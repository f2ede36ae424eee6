import { ruleById } from '@dg/policy';
import { Button, Form, Input, Table, Typography } from 'antd';
import type { ReviewDetail } from './types';

export interface ReturnValues {
  reasons: { itemKey: string; reason: string }[];
  note?: string;
}

type Row = { key: string; title: string };

/** Returning starts the resubmission clock; the rule says how long, the page only cites it. */
const RESUBMISSION = ruleById('CV-13');

/** Formal review's return for correction: a reason per material that must be corrected (CV-13 starts on return). */
export function ReturnForm({
  materials,
  pending,
  onSubmit,
}: {
  materials: ReviewDetail['materials'];
  pending: boolean;
  onSubmit: (values: ReturnValues) => void;
}) {
  const [form] = Form.useForm<{ reasons: Record<string, string>; note?: string }>();
  const rows: Row[] = [
    { key: 'form', title: '申报表填报内容' },
    ...[...materials]
      .sort((a, b) => a.order - b.order)
      .map((m) => ({ key: m.key, title: `（${m.order}）${m.title}` })),
  ];

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={(values) => {
        const reasons = Object.entries(values.reasons ?? {})
          .filter(([, reason]) => reason?.trim())
          .map(([itemKey, reason]) => ({ itemKey, reason: reason.trim() }));
        onSubmit({ reasons, note: values.note?.trim() || undefined });
      }}
    >
      <Typography.Paragraph type="secondary">
        在需要补正的材料后填写原因（至少一项）。
        {RESUBMISSION && `${RESUBMISSION.id}：${RESUBMISSION.title}（${RESUBMISSION.article}）`}
      </Typography.Paragraph>
      <Table<Row>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={rows}
        scroll={{ y: 320 }}
        columns={[
          { title: '材料', dataIndex: 'title', width: 300 },
          {
            title: '退回原因',
            render: (_, row) => (
              <Form.Item name={['reasons', row.key]} style={{ margin: 0 }}>
                <Input placeholder="无需补正则留空" aria-label={`退回原因：${row.title}`} maxLength={500} />
              </Form.Item>
            ),
          },
        ]}
      />
      <Form.Item
        name="note"
        label="补充说明"
        style={{ marginTop: 12 }}
        rules={[
          {
            validator: () =>
              Object.values(form.getFieldValue('reasons') ?? {}).some(
                (r) => typeof r === 'string' && r.trim(),
              )
                ? Promise.resolve()
                : Promise.reject(new Error('请至少为一项材料填写退回原因')),
          },
        ]}
      >
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending} block>
        确认退回补正
      </Button>
    </Form>
  );
}
