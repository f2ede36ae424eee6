import type { ProgramId } from '../facts';
import { computeVoucherWorkflow } from './compute-voucher';
import { edgeNodeDeploymentWorkflow } from './edge-node-deployment';
import type { Workflow } from './engine';
import { verticalModelRdWorkflow } from './vertical-model-rd';

export * from './compute-voucher';
export * from './edge-node-deployment';
export * from './engine';
export * from './payment';
export * from './vertical-model-rd';

/** One review workflow per program; each keeps its precise state and event types. */
export const workflows = {
  'compute-voucher': computeVoucherWorkflow,
  'vertical-model-rd': verticalModelRdWorkflow,
  'edge-node-deployment': edgeNodeDeploymentWorkflow,
} as const satisfies Record<ProgramId, Workflow>;
