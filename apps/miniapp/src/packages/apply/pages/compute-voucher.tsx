import { blankComputeVoucherForm, type CvFormDraft } from '../lib/form';
import { EnterpriseStep } from '../steps/enterprise';
import { RentalStep } from '../steps/rental';
import { UsageStep } from '../steps/usage';
import { ApplicationWizard } from '../wizard';

export default function ComputeVoucherApplyPage() {
  return (
    <ApplicationWizard<CvFormDraft>
      program="compute-voucher"
      blank={() => blankComputeVoucherForm()}
      steps={[
        {
          title: '企业信息',
          render: (form, set, note) => (
            <EnterpriseStep
              value={form.applicant}
              note={note}
              onChange={(applicant) => set({ ...form, applicant })}
            />
          ),
        },
        {
          title: '算力使用',
          render: (form, set, note) => <UsageStep value={form} note={note} onChange={set} />,
        },
        {
          title: '租赁付款',
          render: (form, set, note) => <RentalStep value={form} note={note} onChange={set} />,
        },
      ]}
    />
  );
}
