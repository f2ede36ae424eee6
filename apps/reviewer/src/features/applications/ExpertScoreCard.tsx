import { expertRubric } from '@dg/api/schemas';
import { api, ErrorAlert, useSession } from '@dg/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, InputNumber, Statistic } from 'antd';
import type { ReviewDetail } from './types';

type RubricKey = (typeof expertRubric)[number]['key'];
type Values = Record<RubricKey, number | null> & { comment?: string };

const MAX_TOTAL = expertRubric.reduce((sum, item) => sum + item.max, 0);

/** The expert's rubric (from the API's schema), with the total as they type; the API records the total it computes. */
export function ExpertScoreCard({ detail }: { detail: ReviewDetail }) {
  const { user } = useSession();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mine = detail.scores.find((s) => s.expertUserId === user.userId);
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch([], form);
  const runningTotal = expertRubric.reduce((sum, item) => sum + (Number(values?.[item.key]) || 0), 0);

  const save = useMutation({
    mutationFn: (v: Values) =>
      api.reviews.score.mutate({
        id: detail.application.id,
        scores: {
          compliance: v.compliance ?? 0,
          feasibility: v.feasibility ?? 0,
          innovation: v.innovation ?? 0,
        },
        comment: v.comment?.trim() || undefined,
      }),
    onSuccess: (result) => {
      message.success(`评分已保存，总分 ${result.total}`);
      queryClient.invalidateQueries({ queryKey: ['reviews.get', detail.application.id] });
    },
  });

  return (
    <Card title="专家评分" size="small" style={{ marginTop: 16 }} data-testid="expert-score">
      <Form<Values>
        form={form}
        layout="horizontal"
        labelCol={{ span: 10 }}
        initialValues={{ ...(mine?.scores as Partial<Values>), comment: mine?.comment ?? undefined }}
        onFinish={(v) => save.mutate(v)}
      >
        {expertRubric.map((item) => (
          <Form.Item
            key={item.key}
            name={item.key}
            label={`${item.label}（0–${item.max}）`}
            rules={[{ required: true, message: `请为${item.label}打分` }]}
          >
            <InputNumber
              min={0}
              max={item.max}
              precision={0}
              style={{ width: '100%' }}
              aria-label={item.label}
            />
          </Form.Item>
        ))}
        <Statistic
          title="合计"
          value={runningTotal}
          suffix={`/ ${MAX_TOTAL}`}
          style={{ marginBottom: 12 }}
          valueStyle={{ color: '#1f4e99' }}
        />
        <Form.Item name="comment">
          <Input.TextArea rows={3} placeholder="评审意见" maxLength={2000} />
        </Form.Item>
        <ErrorAlert error={save.error} style={{ marginBottom: 12 }} />
        <Button type="primary" htmlType="submit" block loading={save.isPending}>
          {mine ? '更新评分' : '提交评分'}
        </Button>
      </Form>
    </Card>
  );
}
