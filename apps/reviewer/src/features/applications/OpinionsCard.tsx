import { api, DateText, ErrorAlert, StatusTag, useSession } from '@dg/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, List, Popconfirm, Radio, Select } from 'antd';
import type { ReviewDetail } from './types';

/** The consultation stage of the R&D and edge workflows (征求部门及镇街意见), as the policy core names it. */
const CONSULTATION = 'consultation';

interface Values {
  kind: 'department' | 'town';
  unitName: string;
  agrees: boolean;
  content: string;
}

/** Department and town opinions; the city reviewer records them and concludes (the API applies the outcome). */
export function OpinionsCard({ detail }: { detail: ReviewDetail }) {
  const { user } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const id = detail.application.id;
  const opinions = useQuery({
    queryKey: ['opinions.list', id],
    queryFn: () => api.opinions.list.query({ id }),
  });
  const record = useMutation({
    mutationFn: (v: Values) => api.opinions.record.mutate({ applicationId: id, ...v }),
    onSuccess: () => {
      message.success('意见已登记');
      form.resetFields();
      queryClient.invalidateQueries({ queryKey: ['opinions.list', id] });
    },
  });
  const conclude = useMutation({
    mutationFn: () =>
      api.opinions.conclude.mutate({ applicationId: id, version: detail.application.version }),
    onSuccess: () => {
      message.success('征求意见已办结');
      queryClient.invalidateQueries({ queryKey: ['reviews.get', id] });
    },
  });
  const open = detail.application.state === CONSULTATION && user.role === 'city_reviewer';
  if (!open && (opinions.data?.length ?? 0) === 0) return null;

  return (
    <Card size="small" title="部门及镇街意见" style={{ marginTop: 16 }}>
      <ErrorAlert error={opinions.error ?? record.error ?? conclude.error} style={{ marginBottom: 12 }} />
      <List
        size="small"
        dataSource={opinions.data ?? []}
        locale={{ emptyText: '尚未收到意见' }}
        renderItem={(o) => (
          <List.Item>
            <List.Item.Meta
              title={
                <span>
                  {o.unitName}（{o.kind === 'town' ? '镇街' : '部门'}）{' '}
                  <StatusTag label={o.agrees ? '同意' : '不同意'} tone={o.agrees ? 'success' : 'error'} />
                </span>
              }
              description={
                <span>
                  {o.content} · <DateText value={o.createdAt} />
                </span>
              }
            />
          </List.Item>
        )}
      />
      {open && (
        <>
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{ kind: 'department', agrees: true }}
            onFinish={(v) => record.mutate(v)}
            style={{ marginTop: 12 }}
          >
            <Form.Item name="kind" label="来源">
              <Select
                options={[
                  { value: 'department', label: '相关部门' },
                  { value: 'town', label: '所在镇街（园区）' },
                ]}
              />
            </Form.Item>
            <Form.Item name="unitName" label="单位名称" rules={[{ required: true, message: '请填写' }]}>
              <Input maxLength={100} />
            </Form.Item>
            <Form.Item name="agrees" label="意见">
              <Radio.Group
                options={[
                  { value: true, label: '同意' },
                  { value: false, label: '不同意' },
                ]}
              />
            </Form.Item>
            <Form.Item name="content" label="意见内容" rules={[{ required: true, message: '请填写' }]}>
              <Input.TextArea rows={3} maxLength={2000} />
            </Form.Item>
            <Button htmlType="submit" block loading={record.isPending}>
              登记意见
            </Button>
          </Form>
          <Popconfirm
            title="确认办结征求意见？办结后按所收意见进入下一环节。"
            onConfirm={() => conclude.mutate()}
          >
            <Button type="primary" block style={{ marginTop: 8 }} loading={conclude.isPending}>
              办结征求意见
            </Button>
          </Popconfirm>
        </>
      )}
    </Card>
  );
}
