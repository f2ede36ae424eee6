import { edgeNodeStatusLabels, type EdgeNodeStatus } from '@dg/api/schemas';
import { api, BarList, DateText, ErrorAlert, Page, regionName } from '@dg/ui';
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Row, Statistic, Table } from 'antd';
import { Link } from 'react-router';

function percent(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

/** The fleet at a glance: online rate, nodes by state, town and enterprise, open offline alerts, EN-7 counts. */
export function FleetPage() {
  const summary = useQuery({
    queryKey: ['edge', 'fleet.summary'],
    queryFn: () => api.edge.fleet.summary.query({}),
  });
  const alerts = useQuery({
    queryKey: ['edge', 'fleet.alerts'],
    queryFn: () => api.edge.fleet.alerts.query({ open: true, limit: 100 }),
  });
  const byApplication = useQuery({
    queryKey: ['edge', 'fleet.byApplication'],
    queryFn: () => api.edge.fleet.byApplication.query({}),
  });
  const s = summary.data;

  return (
    <Page title="网络概览">
      <ErrorAlert error={summary.error ?? alerts.error ?? byApplication.error} style={{ marginBottom: 12 }} />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Card size="small">
            <Statistic
              title="在线率（在线 / 已接入）"
              value={s ? percent(s.onlineRate) : '—'}
              loading={summary.isPending}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic
              title="在线节点"
              value={s?.presence.online ?? 0}
              valueStyle={{ color: '#389e0d' }}
              loading={summary.isPending}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic
              title="离线节点"
              value={s?.presence.offline ?? 0}
              valueStyle={{ color: '#cf1322' }}
              loading={summary.isPending}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small">
            <Statistic
              title="已批准从未连接"
              value={s?.presence.neverSeen ?? 0}
              loading={summary.isPending}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Card size="small" title="节点状态分布" style={{ marginBottom: 16 }}>
            <BarList
              bars={Object.entries(s?.byStatus ?? {}).map(([status, count]) => ({
                label: edgeNodeStatusLabels[status as EdgeNodeStatus] ?? status,
                value: count,
              }))}
            />
          </Card>
        </Col>
        <Col span={12}>
          <Card size="small" title="各镇街（园区）在线节点" style={{ marginBottom: 16 }}>
            <BarList
              color="#389e0d"
              bars={(s?.byTown ?? []).map((t) => ({
                label: regionName(t.townCode),
                value: t.online,
                text: `${t.online} / ${t.total}`,
              }))}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title="离线告警" style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={alerts.data}
          loading={alerts.isPending}
          locale={{ emptyText: '当前没有离线告警' }}
          columns={[
            {
              title: '序列号',
              dataIndex: 'serial',
              render: (v: string, a) => <Link to={`/nodes/${a.nodeId}`}>{v}</Link>,
            },
            { title: '企业', dataIndex: 'enterpriseName' },
            { title: '镇街（园区）', dataIndex: 'townCode', render: (v: string) => regionName(v) },
            {
              title: '最后心跳',
              dataIndex: 'lastSeenAt',
              render: (v: string) => <DateText value={v} format="time" />,
            },
            {
              title: '告警时间',
              dataIndex: 'raisedAt',
              render: (v: string) => <DateText value={v} format="time" />,
            },
          ]}
        />
      </Card>
      <Card
        size="small"
        title="部署项目节点数（EN-7：取服务工位数与已接入节点数的较小值）"
        style={{ marginBottom: 16 }}
      >
        <Table
          size="small"
          rowKey="applicationId"
          pagination={false}
          dataSource={byApplication.data}
          loading={byApplication.isPending}
          locale={{ emptyText: '暂无关联部署项目的节点' }}
          columns={[
            { title: '受理编号', dataIndex: 'trackingNumber', render: (v: string | null) => v ?? '—' },
            { title: '企业', dataIndex: 'enterpriseName' },
            { title: '申报服务工位', dataIndex: 'stationsDeclared' },
            { title: '已登记节点', dataIndex: 'nodesRegistered' },
            { title: '已接入节点', dataIndex: 'nodesConnected' },
            { title: '认定节点数', dataIndex: 'nodeCount', render: (v: number) => <strong>{v}</strong> },
          ]}
        />
      </Card>
      <Card size="small" title="各企业节点在线情况">
        <Table
          size="small"
          rowKey="enterpriseId"
          pagination={{ pageSize: 10, showSizeChanger: false }}
          dataSource={s?.byEnterprise}
          loading={summary.isPending}
          columns={[
            { title: '企业', dataIndex: 'enterpriseName' },
            { title: '在线', dataIndex: 'online' },
            { title: '离线', dataIndex: 'offline' },
            { title: '从未连接', dataIndex: 'neverSeen' },
            { title: '合计', dataIndex: 'total' },
          ]}
        />
      </Card>
    </Page>
  );
}
