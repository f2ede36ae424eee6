import { blankEdgeNodeDeploymentForm, type EnFormDraft } from '../lib/form';
import { EnProjectStep } from '../steps/en-project';
import { EnterpriseStep } from '../steps/enterprise';
import { ApplicationWizard } from '../wizard';

export default function EdgeNodeDeploymentApplyPage() {
  return (
    <ApplicationWizard<EnFormDraft>
      program="edge-node-deployment"
      blank={() => blankEdgeNodeDeploymentForm()}
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
          title: '部署项目',
          render: (form, set, note) => <EnProjectStep value={form} note={note} onChange={set} />,
        },
      ]}
    />
  );
}
