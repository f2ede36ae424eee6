import { Text } from '@tarojs/components';
import { SelectField } from '../../../components/inputs';
import { Btn, Card, Field, SwitchRow } from '../../../components/ui';
import { participantRegionOptions } from '../../../lib/labels';
import type { Note, RdFormDraft } from '../lib/form';
import type { FormStep } from '../wizard';

type Participant = RdFormDraft['participants'][number];

/** The form's limit; GEN-3's own (three units, lead included, "原则上") is a warning the policy core gives. */
const MAX_PARTICIPANTS = 10;

const blankParticipant = (): Participant => ({
  name: '',
  region: 'dongguan',
  abnormalOperationListed: false,
  seriousDishonestyListed: false,
});

function ParticipantsStep(props: {
  value: readonly Participant[];
  note: Note;
  onChange: (value: Participant[]) => void;
}) {
  const { value, note, onChange } = props;
  const change = (index: number, patch: Partial<Participant>) =>
    onChange(value.map((p, i) => (i === index ? { ...p, ...patch } : p)));
  return (
    <>
      <Card title="联合申报（GEN-3）">
        <Text className="dg-muted">
          没有参与单位可直接下一步。有参与单位时请逐一填写，并在材料中上传联合申报合作协议。每个项目原则上不超过
          3
          家单位（含牵头单位），超过时须书面说明理由；参与单位可为市内外（含港澳）单位，其信用状况与牵头单位一并审核。
        </Text>
      </Card>
      {value.map((participant, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a participant has no identity but its place in the list
        <Card key={index} title={`参与单位 ${index + 1}`}>
          <Field
            label="参与单位名称"
            required
            value={participant.name}
            {...note(`participants.${index}.name`, participant.name !== '')}
            onInput={(name) => change(index, { name })}
          />
          <SelectField
            label="所在地区"
            required
            options={participantRegionOptions}
            value={participant.region}
            onChange={(region) => change(index, { region })}
          />
          <SwitchRow
            label="列入经营（活动）异常名录"
            checked={participant.abnormalOperationListed}
            onChange={(abnormalOperationListed) => change(index, { abnormalOperationListed })}
          />
          <SwitchRow
            label="列入严重失信主体名单"
            checked={participant.seriousDishonestyListed}
            onChange={(seriousDishonestyListed) => change(index, { seriousDishonestyListed })}
          />
          <Btn ghost small onClick={() => onChange(value.filter((_, i) => i !== index))}>
            删除该参与单位
          </Btn>
        </Card>
      ))}
      {value.length < MAX_PARTICIPANTS && (
        <Btn ghost onClick={() => onChange([...value, blankParticipant()])}>
          添加参与单位
        </Btn>
      )}
    </>
  );
}

/** The participating units of a joint application (R&D and edge deployment), as one step of the wizard. */
export function participantsStep<F extends { participants: Participant[] }>(): FormStep<F> {
  return {
    title: '参与单位',
    render: (form, set, note) => (
      <ParticipantsStep
        value={form.participants}
        note={note}
        onChange={(participants) => set({ ...form, participants })}
      />
    ),
  };
}
