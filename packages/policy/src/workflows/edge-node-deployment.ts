/** Edge compute node deployment (细则 20): the shared review, then disbursement of the post-hoc subsidy. */
import { detailReviewEvents, detailReviewMainPath, detailReviewStates } from './detail-review';
import { type StateOf, defineWorkflow } from './engine';

export const edgeNodeDeploymentWorkflow = defineWorkflow({
  id: 'edge-node-deployment',
  label: '边端智算节点部署项目',
  initial: 'draft',
  states: {
    ...detailReviewStates,
    disbursement: { label: '资金拨付' },
    completed: { label: '完成', terminal: true },
  },
  events: {
    ...detailReviewEvents('disbursement'),
    complete_disbursement: {
      label: '资金拨付完成',
      from: ['disbursement'],
      to: 'completed',
      actors: ['finance', 'system'],
    },
  },
  mainPath: [...detailReviewMainPath, 'disbursement', 'completed'],
});

export type EdgeNodeDeploymentState = StateOf<typeof edgeNodeDeploymentWorkflow>;
