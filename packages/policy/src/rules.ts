/**
 * The catalogue of every rule id in shared/POLICY.md: id, program, article and a Chinese title. The rules are
 * defined beside the logic that applies them (programs/*); this gathers them so apps can show a rule's title and
 * tests can check that every finding cites a known rule.
 */
import { computeVoucherRules } from './programs/compute-voucher';
import { edgeNodeDeploymentRules } from './programs/edge-node-deployment';
import { generalRules } from './programs/general';
import { platformOperationRules } from './programs/platform-operation';
import { verticalModelRdRules } from './programs/vertical-model-rd';
import type { Rule } from './verdict';

export const ruleCatalogue: readonly Rule[] = [
  ...generalRules,
  ...computeVoucherRules,
  ...verticalModelRdRules,
  ...edgeNodeDeploymentRules,
  ...platformOperationRules,
];

const byId: ReadonlyMap<string, Rule> = new Map(ruleCatalogue.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
