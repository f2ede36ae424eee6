import { api, describeApiError, ErrorAlert, fenToYuanText, Money, yuanTextToFen } from '@dg/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { ReturnForm, type ReturnValues } from './ReturnForm';
import type { ReviewDetail } from './types';
import { eventTarget, recordsRecognisedAmount } from './workflow-info';

const RETURN_EVENT = 'return_for_correction';

interface DecisionValues {
  reason?: string;
  recognisedYuan?: string;
}

/**
 * The decisions the API offers this reviewer now (detail.actions). Each carries the version the reviewer saw, so a
 * decision made meanwhile by someone else is refused with a conflict instead of being overwritten.
 */
export function DecisionPanel({ detail, onReload }: { detail: ReviewDetail; onReload: () => void }) {
  const { application } = detail;
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [open, setOpen] = useState<{ event: string; label: string } | null>(null);
  const [form] = Form.useForm<DecisionValues>();

  const done = (label: string) => {
    message.success(`已${label}`);
    setOpen(null);
    form.resetFields();
    queryClient.invalidateQueries({ queryKey: ['reviews.queue'] });
    queryClient.invalidateQueries({ queryKey: ['reviews.get', application.id] });
  };

  const decide = useMutation({
    mutationFn: (input: { event: string; label: string; values: DecisionValues }) =>
      api.reviews.decide.mutate({
        id: application.id,
        version: application.version,
        event: input.event,
        reason: input.values.reason?.trim() || undefined,
        recognisedFen: input.values.recognisedYuan ? yuanTextToFen(input.values.recognisedYuan) : undefined,
      }),
    onSuccess: (_, input) => done(input.label),
  });
  const giveBack = useMutation({
    mutationFn: (values: ReturnValues) =>
      api.reviews.returnForCorrection.mutate({ id: application.id, version: application.version, ...values }),
    onSuccess: () => done('退回补正'),
  });

  const error = decide.error ?? giveBack.error;
  const conflict = error && describeApiError(error).code === 'CONFLICT';
  const target = open ? eventTarget(application.program, open.event) : undefined;
  const needsAmount = open ? recordsRecognisedAmount(application.program, open.event) : false;
  const ceiling = detail.verdict?.subsidyFen ?? application.ceilingFen;

  return (
    <Card title="审核操作" size="small" data-testid="decisions">
      {detail.actions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="当前环节无需您办理" />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {detail.actions.map((action) => (
            <Button
              key={action.event}
              block
              type={eventTarget(application.program, action.event)?.terminal ? 'default' : 'primary'}
              danger={eventTarget(application.program, action.event)?.to === 'rejected'}
              onClick={() => {
                decide.reset();
                giveBack.reset();
                setOpen(action);
              }}
            >
              {action.label}
            </Button>
          ))}
        </Space>
      )}

      <Modal
        open={open !== null}
        title={open?.label}
        onCancel={() => setOpen(null)}
        footer={null}
        destroyOnHidden
        width={open?.event === RETURN_EVENT ? 760 : 520}
      >
        {conflict && (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            message="该申报已被他人处理或修改，您的决定未保存"
            description="请刷新查看最新状态后再作决定。"
            action={
              <Button
                size="small"
                onClick={() => {
                  setOpen(null);
                  onReload();
                }}
              >
                刷新
              </Button>
            }
            data-error-code="CONFLICT"
          />
        )}
        {!conflict && <ErrorAlert error={error} style={{ marginBottom: 12 }} />}
        {open?.event === RETURN_EVENT ? (
          <ReturnForm
            materials={detail.materials}
            pending={giveBack.isPending}
            onSubmit={(v) => giveBack.mutate(v)}
          />
        ) : (
          open && (
            <Form<DecisionValues>
              form={form}
              layout="vertical"
              onFinish={(values) => decide.mutate({ ...open, values })}
              initialValues={
                needsAmount && ceiling !== null ? { recognisedYuan: fenToYuanText(ceiling) } : {}
              }
            >
              {needsAmount && (
                <Form.Item
                  name="recognisedYuan"
                  label={
                    <span>
                      核定资助金额（元）
                      <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                        政策核验资助上限 <Money fen={ceiling} />
                      </Typography.Text>
                    </span>
                  }
                  rules={[
                    { required: true, message: '请填写核定金额' },
                    {
                      validator: (_, text?: string) =>
                        !text || yuanTextToFen(text) !== undefined
                          ? Promise.resolve()
                          : Promise.reject(new Error('金额格式不正确，最多两位小数')),
                    },
                  ]}
                >
                  <Input prefix="¥" />
                </Form.Item>
              )}
              <Form.Item
                name="reason"
                label={target?.to === 'rejected' ? '不通过理由' : '审核意见'}
                rules={target?.to === 'rejected' ? [{ required: true, message: '请填写不通过理由' }] : []}
              >
                <Input.TextArea rows={4} maxLength={1000} showCount />
              </Form.Item>
              <Button type="primary" htmlType="submit" loading={decide.isPending} block>
                确认{open.label}
              </Button>
            </Form>
          )
        )}
      </Modal>
    </Card>
  );
}
