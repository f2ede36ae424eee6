import { edgeNodeKindLabels } from '@dg/api/schemas';
import { api, DateText, ErrorAlert, LineChart, Page, regionName } from '@dg/ui';
import { useQuery } from '@tanstack/react-query';
import { Descriptions, Radio, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { type Grant, GrantModal } from './GrantModal';
import { NodeActionsMenu } from './NodeActionsMenu';
import { HealthTag, NodeStatusTag, PresenceTag } from './tags';

const WINDOWS = { '1h': 3600, '24h': 86_400, '7d': 7 * 86_400 } as const;

export function NodeDetailPage() {
  const { id = '' } = useParams();
  const [windowKey, setWindowKey] = useState<keyof typeof WINDOWS>('24h');
  const [grants, setGrants] = useState<Grant[]>([]);
  const node = useQuery({
    queryKey: ['edge', 'nodes.get', id],
    queryFn: () => api.edge.nodes.get.query({ id }),
  });
  const metrics = useQuery({
    queryKey: ['edge', 'nodes.metrics', id, windowKey],
    queryFn: () => {
      const to = new Date();
      const from = new Date(to.getTime() - WINDOWS[windowKey] * 1000);
      return api.edge.nodes.metrics.query({
        id,
        from: from.toISOString(),
        to: to.toISOString(),
        points: 120,
      });
    },
  });
  const report = useQuery({
    queryKey: ['edge', 'nodes.report', id],
    queryFn: () => api.edge.nodes.report.query({ id }),
  });
  const n = node.data;
  const points = metrics.data ?? [];
  const r = report.data;

  return (
    <Page
      title={n ? `节点 ${n.serial}` : '节点详情'}
      trail={[{ label: '节点管理', to: '/nodes' }]}
      extra={n && <NodeActionsMenu node={n} onGrant={(g) => setGrants([g])} />}
    >
      <ErrorAlert error={node.error} />
      {node.isPending && <Skeleton active />}
      {n && (
        <div className="dg-panel">
          <Descriptions size="small" bordered column={3}>
            <Descriptions.Item label="所属企业">{n.enterpriseName}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <Space>
                <NodeStatusTag status={n.status} />
                <PresenceTag presence={n.presence} />
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label="类型">{edgeNodeKindLabels[n.kind]}</Descriptions.Item>
            <Descriptions.Item label="厂商 / 型号">
              {n.vendor} {n.model}
            </Descriptions.Item>
            <Descriptions.Item label="加速卡">{n.accelerator ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="镇街（园区）">{regionName(n.townCode)}</Descriptions.Item>
            <Descriptions.Item label="部署地址" span={2}>
              {n.siteAddress}
            </Descriptions.Item>
            <Descriptions.Item label="服务工位">{n.stationsServed}</Descriptions.Item>
            <Descriptions.Item label="工位名称" span={3}>
              {n.stationLabels.join('、') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label="心跳间隔">{n.heartbeatIntervalS} 秒</Descriptions.Item>
            <Descriptions.Item label="离线判定">{n.offlineAfterS} 秒无心跳</Descriptions.Item>
            <Descriptions.Item label="审核时间">
              <DateText value={n.reviewedAt} format="time" />
            </Descriptions.Item>
            <Descriptions.Item label="首次接入（connected）">
              <DateText value={n.connectedAt} format="time" />
            </Descriptions.Item>
            <Descriptions.Item label="最后心跳">
              <DateText value={n.lastSeenAt} format="time" />
            </Descriptions.Item>
            <Descriptions.Item label="登记时间">
              <DateText value={n.createdAt} format="time" />
            </Descriptions.Item>
            {n.statusNote && (
              <Descriptions.Item label="状态备注" span={3}>
                {n.statusNote}
              </Descriptions.Item>
            )}
          </Descriptions>
        </div>
      )}
      <div className="dg-panel">
        <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 8 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            运行指标
          </Typography.Title>
          <Radio.Group
            size="small"
            value={windowKey}
            onChange={(e) => setWindowKey(e.target.value)}
            options={[
              { value: '1h', label: '近 1 小时' },
              { value: '24h', label: '近 24 小时' },
              { value: '7d', label: '近 7 天' },
            ]}
            optionType="button"
          />
        </Space>
        <ErrorAlert error={report.error ?? metrics.error} />
        {r && (
          <Descriptions size="small" column={4} style={{ marginBottom: 12 }}>
            <Descriptions.Item label="最近上报">
              <DateText value={r.at} format="time" />
            </Descriptions.Item>
            <Descriptions.Item label="健康状况">
              <HealthTag health={r.health} />
            </Descriptions.Item>
            <Descriptions.Item label="应用版本">{r.appVersion}</Descriptions.Item>
            <Descriptions.Item label="已连续运行">{uptimeText(r.uptimeS)}</Descriptions.Item>
            <Descriptions.Item label="运行模型" span={4}>
              {r.models.map((m) => (m.version ? `${m.name} v${m.version}` : m.name)).join('、') || '—'}
            </Descriptions.Item>
          </Descriptions>
        )}
        <LineChart
          times={points.map((p) => p.at)}
          max={100}
          unit="%"
          series={[
            { name: '内存占用 %', color: '#1f4e99', values: points.map((p) => p.memoryUsedPct) },
            { name: '加速卡利用率 %', color: '#d4380d', values: points.map((p) => p.acceleratorUtilPct) },
          ]}
        />
        <LineChart
          times={points.map((p) => p.at)}
          height={160}
          series={[{ name: 'CPU 1 分钟负载', color: '#389e0d', values: points.map((p) => p.cpuLoad1) }]}
        />
      </div>
      <GrantModal grants={grants} onClose={() => setGrants([])} />
    </Page>
  );
}

/** Uptime as the operator reads it: days and hours, or minutes when under an hour. */
function uptimeText(seconds: number): string {
  const days = Math.floor(seconds / 86_400);
  const hours = Math.floor((seconds % 86_400) / 3600);
  if (days > 0) return `${days} 天 ${hours} 小时`;
  if (hours > 0) return `${hours} 小时`;
  return `${Math.floor(seconds / 60)} 分钟`;
}
