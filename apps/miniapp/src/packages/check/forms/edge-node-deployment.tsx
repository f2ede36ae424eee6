import { Text } from '@tarojs/components';
import type { EdgeNodeDeploymentFacts, InvestmentItem } from '@dg/policy';
import { AmountField, CountField } from '../../../components/inputs';
import { Btn, Card, Chips, SwitchRow } from '../../../components/ui';
import type { Draft } from '../../../lib/draft';
import { hardwareOptions, softwareOptions } from '../../../lib/labels';
import { ApplicantCard } from './applicant';

type ItemDraft = Draft<InvestmentItem>;

const KIND_OPTIONS = [
  { value: 'hardware', label: '硬件' },
  { value: 'software', label: '软件' },
] as const;

export function EdgeNodeDeploymentForm(props: {
  value: Draft<EdgeNodeDeploymentFacts>;
  errors: Map<string, string>;
  onChange: (value: Draft<EdgeNodeDeploymentFacts>) => void;
}) {
  const { value, onChange, errors } = props;
  const setItem = (i: number, item: ItemDraft) =>
    onChange({ ...value, items: value.items.map((x, j) => (j === i ? item : x)) });
  return (
    <>
      <ApplicantCard
        value={value.applicant}
        usccError={errors.get('applicant.uscc')}
        flags={[
          'operatingInDongguan',
          'industrial',
          'abnormalOperationListed',
          'seriousDishonestyListed',
          'fiscalFundingExcluded',
        ]}
        onChange={(applicant) => onChange({ ...value, applicant: { ...value.applicant, ...applicant } })}
      />
      <Card title="节点与工位">
        <CountField
          label="硬件软件服务的产线工位数"
          value={value.stationsServed}
          onChange={(stationsServed) => onChange({ ...value, stationsServed })}
        />
        <CountField
          label="已接入边端智算网络平台的节点数"
          value={value.connectedNodes}
          hint="节点数按二者中较小者认定（EN-7）"
          onChange={(connectedNodes) => onChange({ ...value, connectedNodes })}
        />
      </Card>
      {value.items.map((item, i) => (
        <Card
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own and are only appended or removed
          key={i}
          title={`投资明细 ${i + 1}`}
          extra={
            <Text onClick={() => onChange({ ...value, items: value.items.filter((_, j) => j !== i) })}>
              删除
            </Text>
          }
        >
          <Chips
            label="类型"
            options={KIND_OPTIONS}
            value={item.kind}
            onChange={(kind) =>
              setItem(
                i,
                kind === 'hardware'
                  ? { ...item, kind, category: 'compute_box' }
                  : { ...item, kind, category: 'ai_software' },
              )
            }
          />
          {item.kind === 'hardware' ? (
            <Chips
              label="品类"
              options={hardwareOptions}
              value={item.category}
              onChange={(category) => setItem(i, { ...item, category })}
            />
          ) : (
            <Chips
              label="品类"
              options={softwareOptions}
              value={item.category}
              onChange={(category) => setItem(i, { ...item, category })}
            />
          )}
          <SwitchRow
            label="新购置"
            checked={item.newPurchase}
            onChange={(newPurchase) => setItem(i, { ...item, newPurchase })}
          />
          <AmountField
            label="金额"
            required
            fen={item.amountFen}
            error={errors.get(`items.${i}.amountFen`)}
            onChange={(amountFen) => setItem(i, { ...item, amountFen })}
          />
        </Card>
      ))}
      <Btn
        ghost
        onClick={() =>
          onChange({
            ...value,
            items: [
              ...value.items,
              { kind: 'hardware', category: 'compute_box', newPurchase: true, amountFen: null },
            ],
          })
        }
      >
        添加投资明细
      </Btn>
    </>
  );
}
