import { SelectField } from '../../../components/inputs';
import { Card, Chips, Field, SwitchRow } from '../../../components/ui';
import { categoryOptions, regionOptions } from '../../../lib/labels';
import type { CvFormDraft, Note } from '../lib/form';
import type { FormStep } from '../wizard';

type Applicant = CvFormDraft['applicant'];
type Person = Applicant['legalRep'];

/** 附件1 一、企业基本情况. */
export function EnterpriseStep(props: {
  value: Applicant;
  note: Note;
  onChange: (value: Applicant) => void;
}) {
  const { value, note, onChange } = props;
  const text = (
    key:
      | 'enterpriseName'
      | 'registrationType'
      | 'licenceAddress'
      | 'bankAccountName'
      | 'bankName'
      | 'bankAccountNumber',
    label: string,
    extra?: { type?: 'number' },
  ) => (
    <Field
      label={label}
      required
      value={value[key]}
      type={extra?.type}
      {...note(`applicant.${key}`, value[key] !== '')}
      onInput={(v) => onChange({ ...value, [key]: v })}
    />
  );
  const person = (key: 'legalRep' | 'contact', title: string) => {
    const p = value[key];
    const set = (change: Partial<Person>) => onChange({ ...value, [key]: { ...p, ...change } });
    return (
      <Card title={title}>
        <Field
          label="姓名"
          required
          value={p.name}
          {...note(`applicant.${key}.name`, p.name !== '')}
          onInput={(name) => set({ name })}
        />
        <Field
          label="手机"
          required
          type="number"
          maxlength={11}
          value={p.mobile}
          {...note(`applicant.${key}.mobile`, p.mobile !== '')}
          onInput={(mobile) => set({ mobile })}
        />
        <Field
          label="电子邮箱"
          required
          value={p.email}
          {...note(`applicant.${key}.email`, p.email !== '')}
          onInput={(email) => set({ email })}
        />
      </Card>
    );
  };
  return (
    <>
      <Card title="企业基本情况">
        {text('enterpriseName', '企业名称')}
        <Field
          label="统一社会信用代码"
          value={value.uscc}
          onInput={() => undefined}
          hint="以平台登记的企业信息为准，不可修改"
        />
        {text('registrationType', '登记注册类型')}
        <SelectField
          label="所属镇街（园区）"
          required
          options={regionOptions}
          value={value.townCode}
          {...note('applicant.townCode', Boolean(value.townCode))}
          onChange={(townCode) => onChange({ ...value, townCode })}
        />
        {text('licenceAddress', '营业执照地址')}
        <Chips
          label="单位类别"
          options={categoryOptions}
          value={value.category}
          onChange={(category) => onChange({ ...value, category })}
        />
        <SwitchRow
          label="在东莞市注册登记"
          checked={value.registeredInDongguan}
          onChange={(v) => onChange({ ...value, registeredInDongguan: v })}
        />
        <SwitchRow
          label="具有独立法人资格"
          checked={value.independentLegalPerson}
          onChange={(v) => onChange({ ...value, independentLegalPerson: v })}
        />
      </Card>
      <Card title="收款账户">
        {text('bankAccountName', '开户名称')}
        {text('bankName', '开户银行')}
        {text('bankAccountNumber', '银行账号', { type: 'number' })}
      </Card>
      {person('legalRep', '法定代表人')}
      {person('contact', '联系人')}
    </>
  );
}

/**
 * The first page of every program's form: the applicant, the same 附件1 一 fields whatever the program (R&D calls it
 * 单位信息, since universities and institutes apply too).
 */
export function enterpriseFormStep<F extends { applicant: Applicant }>(title = '企业信息'): FormStep<F> {
  return {
    title,
    render: (form, set, note) => (
      <EnterpriseStep
        value={form.applicant}
        note={note}
        onChange={(applicant) => set({ ...form, applicant })}
      />
    ),
  };
}
