import type { RouterInputs, RouterOutputs } from '@dg/api';
import {
  EDGE_NODE_STATUSES,
  EDGE_PRESENCES,
  edgeNodeKindLabels,
  edgeNodeStatusLabels,
  edgePresenceLabels,
} from '@dg/api/schemas';
import type { DongguanRegionCode } from '@dg/policy';
import { api, DateText, ErrorAlert, Page, RegionSelect, regionName } from '@dg/ui';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { type Grant, GrantModal } from './GrantModal';
import { NodeActionsMenu } from './NodeActionsMenu';
import { RegisterNodeModal } from './RegisterNodeModal';
import { NodeStatusTag, PresenceTag } from './tags';

type Node = RouterOutputs['edge']['nodes']['list']['items'][number];
type Filters = Omit<RouterInputs['edge']['nodes']['list'], 'limit' | 'offset'>;

const PAGE_SIZE = 20;

export function NodesPage() {
  const navigate = useNavigate();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const [grants, setGrants] = useState<Grant[]>([]);
  const [registering, setRegistering] = useState(false);
  const nodes = useQuery({
    queryKey: ['edge', 'nodes.list', filters, page],
    queryFn: () =>
      api.edge.nodes.list.query({ ...filters, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const filter = (patch: Filters) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  return (
    <Page
      title="节点管理"
      extra={
        <Button type="primary" onClick={() => setRegistering(true)}>
          登记节点
        </Button>
      }
    >
      <div className="dg-panel">
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder="序列号 / 企业名称"
            style={{ width: 240 }}
            onSearch={(q) => filter({ query: q.trim() || undefined })}
          />
          <Select
            allowClear
            placeholder="节点状态"
            style={{ width: 150 }}
            options={EDGE_NODE_STATUSES.map((s) => ({ value: s, label: edgeNodeStatusLabels[s] }))}
            onChange={(status) => filter({ status })}
          />
          <Select
            allowClear
            placeholder="在线状态"
            style={{ width: 120 }}
            options={EDGE_PRESENCES.map((p) => ({ value: p, label: edgePresenceLabels[p] }))}
            onChange={(presence) => filter({ presence })}
          />
          <RegionSelect
            value={filters.townCode as DongguanRegionCode | undefined}
            onChange={(townCode) => filter({ townCode })}
          />
        </Space>
        <ErrorAlert error={nodes.error} style={{ marginBottom: 12 }} />
        <Table<Node>
          size="middle"
          rowKey="id"
          loading={nodes.isFetching}
          dataSource={nodes.data?.items}
          scroll={{ x: 'max-content' }}
          onRow={(node) => ({ onClick: () => navigate(`/nodes/${node.id}`), style: { cursor: 'pointer' } })}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: nodes.data?.total,
            onChange: setPage,
            showTotal: (total) => `共 ${total} 个节点`,
            showSizeChanger: false,
          }}
          columns={[
            { title: '序列号', dataIndex: 'serial', render: (v: string) => <code>{v}</code> },
            { title: '所属企业', dataIndex: 'enterpriseName' },
            { title: '类型', dataIndex: 'kind', render: (k: Node['kind']) => edgeNodeKindLabels[k] },
            { title: '厂商 / 型号', render: (_, n) => `${n.vendor} ${n.model}` },
            { title: '镇街（园区）', dataIndex: 'townCode', render: (v: string) => regionName(v) },
            {
              title: '状态',
              dataIndex: 'status',
              render: (s: Node['status']) => <NodeStatusTag status={s} />,
            },
            {
              title: '在线',
              dataIndex: 'presence',
              render: (p: Node['presence']) => <PresenceTag presence={p} />,
            },
            {
              title: '最后心跳',
              dataIndex: 'lastSeenAt',
              render: (v: string | null) => <DateText value={v} format="time" />,
            },
            {
              title: '操作',
              fixed: 'right',
              render: (_, node) => <NodeActionsMenu node={node} onGrant={(g) => setGrants([g])} />,
            },
          ]}
        />
      </div>
      <GrantModal grants={grants} onClose={() => setGrants([])} />
      <RegisterNodeModal open={registering} onClose={() => setRegistering(false)} />
    </Page>
  );
}
