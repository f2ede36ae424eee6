import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import type { RouterOutputs } from '@dg/api';
import { formatChineseDate, formatYuan } from '@dg/policy';
import { useState } from 'react';
import { api, errorMessage } from '../../../api/client';
import { AmountField } from '../../../components/inputs';
import { Alert, Btn, Card, Cell, Empty, SectionTitle, Tag } from '../../../components/ui';
import { toastOk } from '../../../lib/toast';
import { CHANGE_STATE, ChangeForm, type Contract } from '../components/change-form';
import { useBusy } from '../../../lib/use-busy';

type Item = RouterOutputs['applications']['mine']['items'][number];

function ContractView({ contract, onChanged }: { contract: Contract; onChanged: () => void }) {
  const [investment, setInvestment] = useState<number | null>(null);
  const { busy, run } = useBusy();
  const accept = async () => {
    if (investment === null) return;
    await run(async () => {
      await api.contracts.applyAcceptance.mutate({
        applicationId: contract.applicationId,
        actualInvestmentFen: investment,
      });
      toastOk('已申请验收');
      onChanged();
    });
  };
  return (
    <>
      <Card title={`任务书 ${contract.contractNumber}`}>
        <Cell
          label="实施期"
          value={`${formatChineseDate(contract.startOn)} 至 ${formatChineseDate(contract.endOn)}`}
        />
        {contract.endOn !== contract.originalEndOn && (
          <Cell label="原定结束" value={formatChineseDate(contract.originalEndOn)} />
        )}
        <Cell label="批准资助" value={formatYuan(contract.approvedGrantFen)} />
        <Cell label="首期拨付（RD-4）" value={formatYuan(contract.phase1Fen)} />
        <Cell label="已收到资金" value={formatYuan(contract.receivedFen)} />
        {contract.indicators.map((i) => (
          <Cell key={i.key} label={i.name} value={i.target} />
        ))}
      </Card>
      {contract.changes.length > 0 && (
        <Card title="变更记录">
          {contract.changes.map((c) => (
            <Cell
              key={c.id}
              label={`${c.kind === 'major' ? '重大' : '一般'} · ${c.subject}`}
              value={CHANGE_STATE[c.state] ?? c.state}
            />
          ))}
        </Card>
      )}
      <Card title="申请变更">
        <ChangeForm contract={contract} onDone={onChanged} />
      </Card>
      <Card title="申请验收">
        <AmountField
          label="项目实际总投入"
          fen={investment}
          hint="第二期资金按实际投入重新核定（RD-4）"
          onChange={setInvestment}
        />
        <Btn ghost disabled={investment === null} loading={busy} onClick={accept}>
          提交验收申请
        </Btn>
      </Card>
    </>
  );
}

/** The enterprise's R&D projects: each application's state and, once the 任务书 is signed, its contract. */
export default function RdProjectsPage() {
  const [items, setItems] = useState<Item[] | null>(null);
  const [contracts, setContracts] = useState<Record<string, Contract>>({});
  const [error, setError] = useState<string | null>(null);

  const load = async () => {
    try {
      const mine = (await api.applications.mine.query({ program: 'vertical-model-rd', limit: 50 })).items;
      setItems(mine);
      // A project has a contract only after signing; the others answer NOT_FOUND, which is no error here.
      const found = await Promise.all(
        mine.map((a) =>
          api.contracts.mine.query({ id: a.id }).then(
            (c) => [a.id, c] as const,
            () => null,
          ),
        ),
      );
      setContracts(Object.fromEntries(found.filter((x) => x !== null)));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  useDidShow(() => void load());

  return (
    <View className="dg-page">
      {error && <Alert tone="bad">{error}</Alert>}
      {items?.length === 0 && <Empty>暂无垂直领域模型研发项目</Empty>}
      {items?.map((a) => (
        <View key={a.id}>
          <SectionTitle>{a.trackingNumber ?? '草稿'}</SectionTitle>
          <Card title={a.programLabel} extra={<Tag>{a.stateLabel}</Tag>}>
            <Cell label="测算资助上限" value={a.ceilingFen !== null ? formatYuan(a.ceilingFen) : '—'} />
          </Card>
          {contracts[a.id] && <ContractView contract={contracts[a.id]!} onChanged={() => void load()} />}
        </View>
      ))}
    </View>
  );
}
