import type { RouterOutputs } from '@dg/api';
import {
  COMPUTE_ORDER_STATES,
  type ComputeOrderState,
  computeBillingLabels,
  computeOrderStateLabels,
} from '@dg/api/schemas';
import { api, DateText, ErrorAlert, Money, Page, StatusTag, type Tone } from '@dg/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { OrderActions } from './OrderActions';

type Order = RouterOutputs['compute']['orders']['list']['items'][number];

const TONES: Partial<Record<ComputeOrderState, Tone>> = {
  submitted: 'warning',
  in_approval: 'processing',
  approved: 'processing',
  rejected: 'error',
  contracted: 'processing',
  provisioned: 'success',
};

const PAGE_SIZE = 20;

/** Orders from 开始 through 审批中 to 结束, then contract and provisioning; access details stay masked here. */
export function OrdersPage() {
  const [state, setState] = useState<ComputeOrderState>();
  const [page, setPage] = useState(1);
  const orders = useQuery({
    queryKey: ['compute', 'orders.list', state, page],
    queryFn: () => api.compute.orders.list.query({ state, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });

  return (
    <Page title="算力订单">
      <div className="dg-panel">
        <Space style={{ marginBottom: 12 }}>
          <Select
            allowClear
            placeholder="订单状态"
            style={{ width: 180 }}
            value={state}
            onChange={(s) => {
              setState(s);
              setPage(1);
            }}
            options={COMPUTE_ORDER_STATES.map((s) => ({ value: s, label: computeOrderStateLabels[s] }))}
          />
        </Space>
        <ErrorAlert error={orders.error} style={{ marginBottom: 12 }} />
        <Table<Order>
          size="middle"
          rowKey="id"
          loading={orders.isFetching}
          dataSource={orders.data?.items}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: orders.data?.total,
            onChange: setPage,
            showSizeChanger: false,
            showTotal: (t) => `共 ${t} 个订单`,
          }}
          columns={[
            { title: '订单号', dataIndex: 'orderNo', render: (v: string) => <code>{v}</code> },
            { title: '企业', dataIndex: 'enterpriseName' },
            { title: '订购人', dataIndex: 'orderedBy' },
            { title: '产品', dataIndex: 'productName' },
            {
              title: '计费 / 时长 / 数量',
              render: (_, o) =>
                `${computeBillingLabels[o.billing]} / ${o.durationMonths ? `${o.durationMonths} 个月` : '按量'} / ${o.quantity}`,
            },
            {
              title: '金额',
              dataIndex: 'amountFen',
              align: 'right',
              render: (v: number | null) => <Money fen={v} />,
            },
            {
              title: '算力券',
              dataIndex: 'useVoucher',
              render: (v: boolean) => (v ? <Tag color="gold">使用</Tag> : '—'),
            },
            { title: '审批', dataIndex: 'approvalStage' },
            {
              title: '状态',
              dataIndex: 'state',
              render: (s: ComputeOrderState) => (
                <StatusTag label={computeOrderStateLabels[s]} tone={TONES[s] ?? 'default'} />
              ),
            },
            { title: '合同号', dataIndex: 'contractNo', render: (v: string | null) => v ?? '—' },
            {
              title: '服务期',
              render: (_, o) => (o.serviceStart ? `${o.serviceStart} 至 ${o.serviceEnd ?? '—'}` : '—'),
            },
            {
              title: '访问信息',
              render: (_, o) =>
                o.access ? `${o.access.host} / ${o.access.account} / ${o.access.password}` : '—',
            },
            {
              title: '下单时间',
              dataIndex: 'createdAt',
              render: (v: string) => <DateText value={v} format="time" />,
            },
            { title: '操作', fixed: 'right', render: (_, o) => <OrderActions order={o} /> },
          ]}
        />
      </div>
    </Page>
  );
}
