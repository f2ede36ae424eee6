import type { RouterInputs } from '@dg/api';
import { EDGE_NODE_KINDS, edgeNodeKindLabels } from '@dg/api/schemas';
import { api, ErrorAlert, RegionSelect } from '@dg/ui';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';

type Values = Omit<RouterInputs['edge']['nodes']['register'], 'stationLabels'> & {
  stationLabelsText?: string;
};

/** An operator registers a node for an enterprise (by USCC); it then waits for review like any other. */
export function RegisterNodeModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const register = useMutation({
    mutationFn: ({ stationLabelsText, ...values }: Values) =>
      api.edge.nodes.register.mutate({
        ...values,
        stationLabels: (stationLabelsText ?? '')
          .split(/[\n,，]/)
          .map((s) => s.trim())
          .filter(Boolean),
      }),
    onSuccess: (node) => {
      message.success(`节点 ${node.serial} 已登记，待审核`);
      queryClient.invalidateQueries({ queryKey: ['edge'] });
      form.resetFields();
      onClose();
    },
  });

  return (
    <Modal
      open={open}
      title="登记边端智算节点"
      okText="登记"
      confirmLoading={register.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={640}
      destroyOnHidden
    >
      <ErrorAlert error={register.error} style={{ marginBottom: 12 }} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={(v) => register.mutate(v)}
        initialValues={{ kind: 'compute_box', stationsServed: 1 }}
      >
        <Form.Item
          name="enterpriseUscc"
          label="所属企业统一社会信用代码"
          rules={[{ required: true, message: '请填写' }]}
        >
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="serial" label="设备序列号" rules={[{ required: true, message: '请填写' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="kind" label="节点类型">
          <Select options={EDGE_NODE_KINDS.map((k) => ({ value: k, label: edgeNodeKindLabels[k] }))} />
        </Form.Item>
        <Form.Item name="vendor" label="厂商" rules={[{ required: true, message: '请填写' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="model" label="型号" rules={[{ required: true, message: '请填写' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="accelerator" label="加速卡">
          <Input placeholder="如 昇腾 310P" />
        </Form.Item>
        <Form.Item
          name="siteAddress"
          label="部署地址（工厂）"
          rules={[{ required: true, message: '请填写' }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="townCode" label="所在镇街（园区，默认企业注册地）">
          <RegionSelect style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="stationsServed" label="服务产线工位数">
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="stationLabelsText" label="工位名称（逗号或换行分隔）">
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
