import { blankComputeVoucherForm, type CvFormDraft } from '../lib/form';
import { enterpriseFormStep } from '../steps/enterprise';
import { RentalStep } from '../steps/rental';
import { UsageStep } from '../steps/usage';
import { ApplicationWizard } from '../wizard';

export default function ComputeVoucherApplyPage() {
  return (
    <ApplicationWizard<CvFormDraft>
      program="compute-voucher"
      blank={() => blankComputeVoucherForm()}
      steps={[
        enterpriseFormStep(),
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
