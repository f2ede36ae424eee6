import { UploadOutlined } from '@ant-design/icons';
import { shanghaiDate } from '@dg/policy';
import { api, ErrorAlert, uploadFile } from '@dg/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Form, Input, Select, Upload, type UploadFile } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { ReviewDetail } from './types';

interface Values {
  visitedOn: Dayjs;
  result: 'pass' | 'fail' | 'needs_followup';
  findings: string;
  photos?: UploadFile[];
}

/** A site inspection (现场考察) with photos: each photo is uploaded as it is picked, the record keeps their ids. */
export function InspectionForm({ detail }: { detail: ReviewDetail }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: Values) =>
      api.reviews.recordInspection.mutate({
        id: detail.application.id,
        visitedOn: v.visitedOn.format('YYYY-MM-DD'),
        result: v.result,
        findings: v.findings,
        fileIds: (v.photos ?? []).flatMap((f) =>
          f.status === 'done' && f.response?.id ? [f.response.id as string] : [],
        ),
      }),
    onSuccess: () => {
      message.success('现场考察记录已保存');
      form.resetFields();
      queryClient.invalidateQueries({ queryKey: ['reviews.get', detail.application.id] });
    },
  });

  return (
    <Card title="现场考察记录" size="small" style={{ marginTop: 16 }}>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ visitedOn: dayjs(shanghaiDate(new Date())), result: 'pass' }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="visitedOn" label="考察日期">
          <DatePicker allowClear={false} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="result" label="考察结论">
          <Select
            options={[
              { value: 'pass', label: '通过' },
              { value: 'needs_followup', label: '需跟进' },
              { value: 'fail', label: '不通过' },
            ]}
          />
        </Form.Item>
        <Form.Item name="findings" label="考察情况" rules={[{ required: true, message: '请填写考察情况' }]}>
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <Form.Item
          name="photos"
          label="现场照片"
          valuePropName="fileList"
          getValueFromEvent={(e) => e?.fileList}
        >
          <Upload
            accept="image/jpeg,image/png"
            listType="picture"
            customRequest={({ file, onSuccess, onError }) => {
              uploadFile(file as File).then(
                (uploaded) => onSuccess?.(uploaded),
                (error: Error) => {
                  message.error(error.message);
                  onError?.(error);
                },
              );
            }}
          >
            <Button icon={<UploadOutlined />}>上传照片</Button>
          </Upload>
        </Form.Item>
        <ErrorAlert error={save.error} style={{ marginBottom: 12 }} />
        <Button type="primary" htmlType="submit" block loading={save.isPending}>
          保存考察记录
        </Button>
      </Form>
    </Card>
  );
}
