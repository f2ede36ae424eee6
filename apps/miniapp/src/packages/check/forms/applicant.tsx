import type { ApplicantCategory } from '@dg/policy';
import { Card, Chips, Field, SwitchRow } from '../../../components/ui';
import { categoryOptions } from '../../../lib/labels';

export interface ApplicantDraft {
  uscc: string;
  category?: ApplicantCategory;
  industrial?: boolean;
  registeredInDongguan?: boolean;
  operatingInDongguan?: boolean;
  independentLegalPerson?: boolean;
  abnormalOperationListed: boolean;
  seriousDishonestyListed: boolean;
  fiscalFundingExcluded: boolean;
  researchDishonestyRecorded: boolean;
}

type Flag = Exclude<keyof ApplicantDraft, 'uscc' | 'category'>;

const FLAG_LABELS: Record<Flag, string> = {
  registeredInDongguan: '在东莞市注册登记',
  operatingInDongguan: '在东莞实体经营',
  independentLegalPerson: '具有独立法人资格',
  industrial: '属于工业企业',
  abnormalOperationListed: '被列入经营异常名录',
  seriousDishonestyListed: '被列入严重违法失信名单',
  fiscalFundingExcluded: '存在市财政资金不予资助的情形',
  researchDishonestyRecorded: '有科研失信记录',
};

/** The applicant part of every program's facts; each program passes the flags its rules read. */
export function ApplicantCard(props: {
  value: ApplicantDraft;
  flags: readonly Flag[];
  withCategory?: boolean;
  usccError?: string;
  onChange: (value: ApplicantDraft) => void;
}) {
  const { value, onChange } = props;
  return (
    <Card title="申报单位">
      <Field
        label="统一社会信用代码"
        value={value.uscc}
        maxlength={18}
        required
        error={value.uscc === '' ? undefined : props.usccError}
        onInput={(uscc) => onChange({ ...value, uscc: uscc.toUpperCase() })}
      />
      {props.withCategory && (
        <Chips
          label="单位类别"
          options={categoryOptions}
          value={value.category}
          onChange={(category) => onChange({ ...value, category })}
        />
      )}
      {props.flags.map((flag) => (
        <SwitchRow
          key={flag}
          label={FLAG_LABELS[flag]}
          checked={value[flag] === true}
          onChange={(checked) => onChange({ ...value, [flag]: checked })}
        />
      ))}
    </Card>
  );
}
