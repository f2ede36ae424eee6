import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import type { RouterOutputs } from '@dg/api';
import {
  EDGE_NODE_KINDS,
  edgeNodeKindLabels,
  edgeNodeStatusLabels,
  edgePresenceLabels,
} from '@dg/api/schemas';
import { formatChineseDate, shanghaiDate } from '@dg/policy';
import { useState } from 'react';
import { api, errorMessage } from '../../../api/client';
import { CountField } from '../../../components/inputs';
import { Alert, Btn, Card, Cell, Chips, Field, SectionTitle, Tag, type Tone } from '../../../components/ui';
import { toastOk } from '../../../lib/toast';
import { useBusy } from '../../../lib/use-busy';

type Node = RouterOutputs['edge']['nodes']['list']['items'][number];
type Count = RouterOutputs['edge']['fleet']['byApplication'][number];
type Kind = (typeof EDGE_NODE_KINDS)[number];

const PRESENCE_TONE: Record<Node['presence'], Tone> = { online: 'ok', offline: 'bad', never_seen: 'muted' };
const kindOptions = EDGE_NODE_KINDS.map((k) => ({ value: k, label: edgeNodeKindLabels[k] }));

/** The enterprise's nodes: onboarding state, online/offline, and the EN-7 count per deployment application. */
export default function EdgeNodesPage() {
  const [nodes, setNodes] = useState<Node[] | null>(null);
  const [counts, setCounts] = useState<Count[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const { busy, run } = useBusy();
  const [spec, setSpec] = useState({
    serial: '',
    kind: 'compute_box' as Kind,
    vendor: '',
    model: '',
    siteAddress: '',
    stations: null as number | null,
  });

  const load = async () => {
    try {
      const [list, byApplication] = await Promise.all([
        api.edge.nodes.list.query({ limit: 200 }),
        api.edge.fleet.byApplication.query({}),
      ]);
      setNodes(list.items);
      setCounts(byApplication);
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  useDidShow(() => void load());

  const register = async () => {
    await run(async () => {
      await api.edge.nodes.register.mutate({
        serial: spec.serial,
        kind: spec.kind,
        vendor: spec.vendor,
        model: spec.model,
        siteAddress: spec.siteAddress,
        stationsServed: spec.stations ?? 0,
        stationLabels: [],
      });
      toastOk('已提交节点登记');
      setAdding(false);
      await load();
    });
  };

  return (
    <View className="dg-page">
      {error && <Alert tone="bad">{error}</Alert>}
      {counts.length > 0 && (
        <SectionTitle>计入补贴的节点数（EN-7：取服务工位数与已接入节点数的较小者）</SectionTitle>
      )}
      {counts.map((c) => (
        <Card
          key={c.applicationId}
          title={c.trackingNumber ?? '未提交的申报'}
          extra={<Tag tone="brand">计 {c.nodeCount} 个</Tag>}
        >
          <Cell label="申报服务工位" value={c.stationsDeclared} />
          <Cell label="已登记节点" value={c.nodesRegistered} />
          <Cell label="已接入平台节点" value={c.nodesConnected} />
        </Card>
      ))}

      <SectionTitle>我的节点{nodes ? `（${nodes.length}）` : ''}</SectionTitle>
      {nodes?.length === 0 && (
        <Text className="dg-muted">尚未登记节点。部署边端智算设备后，请在此登记并接入平台</Text>
      )}
      {nodes?.map((n) => (
        <Card
          key={n.id}
          title={`${edgeNodeKindLabels[n.kind]} · ${n.serial}`}
          extra={<Tag tone={PRESENCE_TONE[n.presence]}>{edgePresenceLabels[n.presence]}</Tag>}
        >
          <Cell label="设备" value={`${n.vendor} ${n.model}`} />
          <Cell label="接入状态" value={edgeNodeStatusLabels[n.status]} />
          <Cell label="服务工位" value={n.stationsServed} />
          <Cell
            label="最近在线"
            value={n.lastSeenAt ? formatChineseDate(shanghaiDate(new Date(n.lastSeenAt))) : '—'}
          />
        </Card>
      ))}

      {adding ? (
        <Card title="登记新节点">
          <Field
            label="设备序列号"
            required
            value={spec.serial}
            onInput={(serial) => setSpec({ ...spec, serial })}
          />
          <Chips
            label="设备类型"
            options={kindOptions}
            value={spec.kind}
            onChange={(kind) => setSpec({ ...spec, kind })}
          />
          <Field
            label="厂商"
            required
            value={spec.vendor}
            onInput={(vendor) => setSpec({ ...spec, vendor })}
          />
          <Field label="型号" required value={spec.model} onInput={(model) => setSpec({ ...spec, model })} />
          <Field
            label="部署地址"
            required
            value={spec.siteAddress}
            onInput={(siteAddress) => setSpec({ ...spec, siteAddress })}
          />
          <CountField
            label="服务的产线工位数"
            value={spec.stations}
            onChange={(stations) => setSpec({ ...spec, stations })}
          />
          <View className="dg-row">
            <Btn ghost onClick={() => setAdding(false)}>
              取消
            </Btn>
            <Btn loading={busy} onClick={register}>
              提交登记
            </Btn>
          </View>
        </Card>
      ) : (
        <Btn onClick={() => setAdding(true)}>登记新节点</Btn>
      )}
    </View>
  );
}
