import { Text } from '@tarojs/components';
import { AmountField, CountField } from '../../../components/inputs';
import { Btn, Card, Chips, Field, SwitchRow } from '../../../components/ui';
import { hardwareOptions, softwareOptions } from '../../../lib/labels';
import type { EnFormDraft, Note } from '../lib/form';

const KIND_OPTIONS = [
  { value: 'hardware', label: '硬件' },
  { value: 'software', label: '软件' },
] as const;

/** The deployment: the project, the stations and connected nodes (EN-7), and each new purchase (EN-6). */
export function EnProjectStep(props: {
  value: EnFormDraft;
  note: Note;
  onChange: (value: EnFormDraft) => void;
}) {
  const { value, note, onChange } = props;
  type Item = EnFormDraft['items'][number];
  const setItem = (i: number, item: Item) =>
    onChange({ ...value, items: value.items.map((x, j) => (j === i ? item : x)) });
  return (
    <>
      <Card title="项目概况">
        <Field
          label="项目名称"
          required
          value={value.projectName}
          {...note('projectName', value.projectName !== '')}
          onInput={(projectName) => onChange({ ...value, projectName })}
        />
        <Field
          label="部署场景及应用成效"
          required
          maxlength={2000}
          value={value.summary}
          {...note('summary', value.summary !== '')}
          onInput={(summary) => onChange({ ...value, summary })}
        />
        <SwitchRow
          label="该项目已获其他财政资金支持"
          checked={value.fundedByOtherFiscalFunds}
          onChange={(fundedByOtherFiscalFunds) => onChange({ ...value, fundedByOtherFiscalFunds })}
        />
      </Card>
      <Card title="节点（EN-7）">
        <CountField
          label="软硬件服务的产线工位数"
          value={value.stationsServed}
          onChange={(stationsServed) => onChange({ ...value, stationsServed })}
        />
        <CountField
          label="已接入边端智算网络平台的节点数"
          value={value.connectedNodes}
          hint="已按平台记录预填；补贴按二者中较小者计"
          onChange={(connectedNodes) => onChange({ ...value, connectedNodes })}
        />
      </Card>
      {value.items.map((item, i) => (
        <Card
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity of their own and are only appended or removed
          key={i}
          title={`新购软硬件 ${i + 1}`}
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
          <Field
            label="名称及型号"
            required
            value={item.description}
            {...note(`items.${i}.description`, item.description !== '')}
            onInput={(description) => setItem(i, { ...item, description })}
          />
          <SwitchRow
            label="新购置"
            checked={item.newPurchase}
            onChange={(newPurchase) => setItem(i, { ...item, newPurchase })}
          />
          <AmountField
            label="金额"
            required
            fen={item.amountFen}
            {...note(`items.${i}.amountFen`, item.amountFen !== null)}
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
              {
                kind: 'hardware',
                category: 'compute_box',
                newPurchase: true,
                amountFen: null,
                description: '',
              },
            ],
          })
        }
      >
        添加一项
      </Btn>
    </>
  );
}
