/** The one entry point: facts in, verdict out, as of `facts.asOf`. Pure; the facts are already schema-checked. */
import type { Facts } from './facts';
import { checkOverrides } from './params/overrides';
import type { ParameterOverride } from './params/table';
import { evaluateComputeVoucher } from './programs/compute-voucher';
import { evaluateEdgeNodeDeployment } from './programs/edge-node-deployment';
import { evaluateVerticalModelRd } from './programs/vertical-model-rd';
import type { Verdict } from './verdict';

export interface EvaluateOptions {
  /**
   * CV-11: rows by which the managing unit lowers the compute voucher's rate or cap from a date. Validated on every
   * call; a row that raises a value or touches another parameter throws ParameterOverrideError.
   */
  parameterOverrides?: readonly ParameterOverride[];
}

export function evaluate(facts: Facts, options: EvaluateOptions = {}): Verdict {
  const overrides = options.parameterOverrides?.length ? checkOverrides(options.parameterOverrides) : [];
  switch (facts.program) {
    case 'compute-voucher':
      return evaluateComputeVoucher(facts, overrides);
    case 'vertical-model-rd':
      return evaluateVerticalModelRd(facts);
    case 'edge-node-deployment':
      return evaluateEdgeNodeDeployment(facts);
  }
}
