import { api, ErrorAlert } from '@dg/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Form, Input, Space } from 'antd';

type Enterprise = Awaited<ReturnType<typeof api.enterprises.get.query>>;

interface Values {
  abnormalOperationListed: boolean;
  seriousDishonestyListed: boolean;
  source: string;
}

/** Records what 信用中国 showed today; carries the version read, so a concurrent check is refused, not overwritten. */
export function CreditCheckForm({ enterprise }: { enterprise: Enterprise }) {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const save = useMutation({
    mutationFn: (values: Values) =>
      api.enterprises.updateCredit.mutate({ id: enterprise.id, version: enterprise.version, ...values }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['enterprises.get', enterprise.id], updated);
      message.success('信用核查结果已记录');
    },
  });

  return (
    <Form<Values>
      layout="inline"
      style={{ marginTop: 16 }}
      initialValues={{
        abnormalOperationListed: enterprise.abnormalOperationListed,
        seriousDishonestyListed: enterprise.seriousDishonestyListed,
        source: '信用中国（www.creditchina.gov.cn）',
      }}
      onFinish={(values) => save.mutate(values)}
    >
      <Form.Item name="abnormalOperationListed" valuePropName="checked">
        <Checkbox>列入经营异常名录</Checkbox>
      </Form.Item>
      <Form.Item name="seriousDishonestyListed" valuePropName="checked">
        <Checkbox>列入严重违法失信名单</Checkbox>
      </Form.Item>
      <Form.Item name="source" label="核查来源" rules={[{ required: true, message: '请填写核查来源' }]}>
        <Input style={{ width: 260 }} />
      </Form.Item>
      <Space direction="vertical">
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          记录核查结果
        </Button>
      </Space>
      <ErrorAlert error={save.error} style={{ marginTop: 12, width: '100%' }} />
    </Form>
  );
}
