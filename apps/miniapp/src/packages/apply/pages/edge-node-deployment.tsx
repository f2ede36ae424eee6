import { blankEdgeNodeDeploymentForm, type EnFormDraft } from '../lib/form';
import { EnProjectStep } from '../steps/en-project';
import { enterpriseFormStep } from '../steps/enterprise';
import { participantsStep } from '../steps/participants';
import { ApplicationWizard } from '../wizard';

export default function EdgeNodeDeploymentApplyPage() {
  return (
    <ApplicationWizard<EnFormDraft>
      program="edge-node-deployment"
      blank={() => blankEdgeNodeDeploymentForm()}
      steps={[
        enterpriseFormStep(),
        {
          title: '部署项目',
          render: (form, set, note) => <EnProjectStep value={form} note={note} onChange={set} />,
        },
        participantsStep(),
      ]}
    />
  );
}
