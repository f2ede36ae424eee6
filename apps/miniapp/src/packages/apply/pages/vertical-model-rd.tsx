import { blankVerticalModelRdForm, type RdFormDraft } from '../lib/form';
import { enterpriseFormStep } from '../steps/enterprise';
import { participantsStep } from '../steps/participants';
import { RdProjectStep } from '../steps/rd-project';
import { ApplicationWizard } from '../wizard';

export default function VerticalModelRdApplyPage() {
  return (
    <ApplicationWizard<RdFormDraft>
      program="vertical-model-rd"
      blank={() => blankVerticalModelRdForm()}
      steps={[
        enterpriseFormStep('单位信息'),
        {
          title: '研发项目',
          render: (form, set, note) => <RdProjectStep value={form} note={note} onChange={set} />,
        },
        participantsStep(),
      ]}
    />
  );
}
