import type { RouterInputs, RouterOutputs } from '@dg/api';
import { COMPUTE_BILLINGS, computeBillingLabels } from '@dg/api/schemas';
import { api, DateText, ErrorAlert, Money, Page, StatusTag, yuanTextToFen } from '@dg/ui';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Space, Table } from 'antd';
import { useState } from 'react';

type Product = RouterOutputs['compute']['products']['list'][number];
type ProductInput = RouterInputs['compute']['products']['create'];
type Values = Omit<ProductInput, 'priceFen'> & { priceYuan: string };

const UNIT = { month: '月', hour: '小时' } as const;

/** 算力广场: the operator's products, published or not; publishing puts one on the marketplace. */
export function ProductsPage() {
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<Values>();
  const products = useQuery({
    queryKey: ['compute', 'products.list'],
    queryFn: () => api.compute.products.list.query({ includeUnpublished: true }),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['compute', 'products.list'] });
  const toggle = useMutation({
    mutationFn: (p: Product) =>
      p.published
        ? api.compute.products.unpublish.mutate({ id: p.id })
        : api.compute.products.publish.mutate({ id: p.id }),
    onSuccess: (p) => {
      message.success(`${p.name} 已${p.published ? '上架' : '下架'}`);
      refresh();
    },
  });
  const create = useMutation({
    mutationFn: ({ priceYuan, ...v }: Values) =>
      api.compute.products.create.mutate({ ...v, priceFen: yuanTextToFen(priceYuan)! }),
    onSuccess: (p) => {
      message.success(`已创建产品 ${p.name}（未上架）`);
      setCreating(false);
      form.resetFields();
      refresh();
    },
  });

  return (
    <Page
      title="算力产品"
      extra={
        <Button type="primary" onClick={() => setCreating(true)}>
          新建产品
        </Button>
      }
    >
      <div className="dg-panel">
        <ErrorAlert error={products.error ?? toggle.error} style={{ marginBottom: 12 }} />
        <Table<Product>
          size="middle"
          rowKey="id"
          loading={products.isPending}
          dataSource={products.data}
          pagination={false}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: '产品名称', dataIndex: 'name' },
            { title: '规格', dataIndex: 'spec', width: 260 },
            {
              title: '计费方式',
              dataIndex: 'billing',
              render: (b: Product['billing']) => computeBillingLabels[b],
            },
            {
              title: '价格',
              align: 'right',
              render: (_, p) => (
                <span>
                  <Money fen={p.priceFen} /> / {UNIT[p.priceUnit]}
                </span>
              ),
            },
            { title: '产品类型', dataIndex: 'productType' },
            { title: '资源类型', dataIndex: 'resourceType' },
            { title: '服务商', dataIndex: 'providerName' },
            {
              title: '状态',
              render: (_, p) =>
                p.published ? (
                  <Space size={4}>
                    <StatusTag label="已上架" tone="success" />
                    <DateText value={p.publishedAt} />
                  </Space>
                ) : (
                  <StatusTag label="未上架" />
                ),
            },
            {
              title: '操作',
              render: (_, p) => (
                <Button
                  size="small"
                  danger={p.published}
                  loading={toggle.isPending && toggle.variables?.id === p.id}
                  onClick={() => toggle.mutate(p)}
                >
                  {p.published ? '下架' : '上架'}
                </Button>
              ),
            },
          ]}
        />
      </div>
      <Modal
        open={creating}
        title="新建算力产品"
        okText="创建"
        confirmLoading={create.isPending}
        onOk={() => form.submit()}
        onCancel={() => setCreating(false)}
        width={640}
        destroyOnHidden
      >
        <ErrorAlert error={create.error} style={{ marginBottom: 12 }} />
        <Form<Values>
          form={form}
          layout="vertical"
          onFinish={(v) => create.mutate(v)}
          initialValues={{ billing: 'subscription' }}
        >
          <Form.Item name="name" label="产品名称" rules={[{ required: true, message: '请填写' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="spec" label="规格" rules={[{ required: true, message: '请填写' }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="billing" label="计费方式">
            <Select options={COMPUTE_BILLINGS.map((b) => ({ value: b, label: computeBillingLabels[b] }))} />
          </Form.Item>
          <Form.Item
            name="priceYuan"
            label="单价（元，包年包月按月、按量按小时）"
            rules={[
              { required: true, message: '请填写' },
              {
                validator: (_, t?: string) =>
                  !t || yuanTextToFen(t) ? Promise.resolve() : Promise.reject(new Error('金额格式不正确')),
              },
            ]}
          >
            <Input prefix="¥" />
          </Form.Item>
          <Form.Item name="productType" label="产品类型" rules={[{ required: true, message: '请填写' }]}>
            <Input placeholder="如 平台自营" />
          </Form.Item>
          <Form.Item name="resourceType" label="资源类型" rules={[{ required: true, message: '请填写' }]}>
            <Input placeholder="如 AI加速型" />
          </Form.Item>
          <Form.Item name="providerName" label="算力服务商" rules={[{ required: true, message: '请填写' }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="payeeAccountName"
            label="合同约定收款户名（CV-6）"
            rules={[{ required: true, message: '请填写' }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="payeeBank" label="收款银行" rules={[{ required: true, message: '请填写' }]}>
            <Input />
          </Form.Item>
          <Form.Item
            name="payeeAccountNumber"
            label="收款账号"
            rules={[{ required: true, message: '请填写' }]}
          >
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Page>
  );
}
