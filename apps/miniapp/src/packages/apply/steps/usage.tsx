import { computeApplicationFields, computeUses } from '@dg/api/schemas';
import { Card, Field, MultiChips } from '../../../components/ui';
import type { CvFormDraft, Note } from '../lib/form';

/** 附件1 二、算力使用情况: main uses, fields of application, outcomes. */
export function UsageStep(props: { value: CvFormDraft; note: Note; onChange: (value: CvFormDraft) => void }) {
  const { value, note, onChange } = props;
  const outcomes = value.outcomes;
  return (
    <>
      <Card title="算力服务主要用途">
        <MultiChips
          options={computeUses}
          value={value.mainUses}
          warning={note('mainUses', value.mainUses.length > 0).warning ?? note('mainUses', false).error}
          onChange={(mainUses) => onChange({ ...value, mainUses })}
        />
        {value.mainUses.includes('其他') && (
          <Field
            label="其他用途"
            value={value.mainUseOther ?? ''}
            onInput={(mainUseOther) => onChange({ ...value, mainUseOther })}
          />
        )}
      </Card>
      <Card title="算力服务应用领域">
        <MultiChips
          options={computeApplicationFields}
          value={value.applicationFields}
          onChange={(applicationFields) => onChange({ ...value, applicationFields })}
        />
        {value.applicationFields.includes('其他') && (
          <Field
            label="其他领域"
            value={value.applicationFieldOther ?? ''}
            onInput={(applicationFieldOther) => onChange({ ...value, applicationFieldOther })}
          />
        )}
      </Card>
      <Card title="算力应用成果（选填）">
        <Field
          label="大模型孵化名称"
          value={outcomes.modelIncubation ?? ''}
          onInput={(modelIncubation) => onChange({ ...value, outcomes: { ...outcomes, modelIncubation } })}
        />
        <Field
          label="国家级/省级人工智能项目名称"
          value={outcomes.majorProject ?? ''}
          onInput={(majorProject) => onChange({ ...value, outcomes: { ...outcomes, majorProject } })}
        />
        <Field
          label="其他成果"
          value={outcomes.other ?? ''}
          onInput={(other) => onChange({ ...value, outcomes: { ...outcomes, other } })}
        />
      </Card>
    </>
  );
}
