import type { RouterInputs } from '@dg/api';
import { api } from '@dg/ui';

type ActionInput = RouterInputs['edge']['nodes']['approve'];

/** The operator's node actions, in the order the menu lists them; the API says which apply to a node's state. */
export const nodeActions = [
  { key: 'approve', label: '审核通过并签发令牌', run: (i: ActionInput) => api.edge.nodes.approve.mutate(i) },
  { key: 'reject', label: '驳回', run: (i: ActionInput) => api.edge.nodes.reject.mutate(i), danger: true },
  { key: 'suspend', label: '暂停', run: (i: ActionInput) => api.edge.nodes.suspend.mutate(i) },
  { key: 'resume', label: '恢复', run: (i: ActionInput) => api.edge.nodes.resume.mutate(i) },
  { key: 'rotate', label: '轮换凭证', run: (i: ActionInput) => api.edge.nodes.rotate.mutate(i) },
  {
    key: 'revoke',
    label: '吊销凭证',
    run: (i: ActionInput) => api.edge.nodes.revoke.mutate(i),
    danger: true,
  },
  {
    key: 'decommission',
    label: '退役',
    run: (i: ActionInput) => api.edge.nodes.decommission.mutate(i),
    danger: true,
  },
] as const;

export type NodeActionKey = (typeof nodeActions)[number]['key'];
