/**
 * CV-11: the managing unit may lower the compute voucher's rate and cap by budget and demand, as data rows rather
 * than code. A row may only lower a value that CV-11 names; raising, or touching anything else, is refused.
 */
import { z } from 'zod';
import { isoDateSchema } from '../facts';
import { formatRate, formatYuan } from '../money';
import { computeVoucherParameters } from './compute-voucher';
import { edgeNodeDeploymentParameters } from './edge-node-deployment';
import { generalParameters } from './general';
import { type Parameter, type ParameterOverride, ParameterGapError, versionAt } from './table';
import { verticalModelRdParameters } from './vertical-model-rd';

export const parameterOverrideSchema = z.object({
  parameter: z.string().min(1),
  edition: z.string().min(1),
  from: isoDateSchema,
  value: z.int().min(0, { error: '调整值须为非负整数（金额为分，比例为基点）' }),
  reference: z.string().min(1, { error: '下调须注明依据（文件或会议纪要）' }),
});

export class ParameterOverrideError extends Error {
  override name = 'ParameterOverrideError';
}

const allParameters: ReadonlyMap<string, Parameter> = new Map(
  [computeVoucherParameters, verticalModelRdParameters, edgeNodeDeploymentParameters, generalParameters]
    .flatMap((table) => Object.values(table))
    .map((p) => [p.name, p]),
);

function show(parameter: Parameter, value: number): string {
  return parameter.unit === 'bp' ? formatRate(value) : formatYuan(value);
}

/** Validates override rows; throws ParameterOverrideError naming the row and why it is refused. */
export function checkOverrides(rows: readonly unknown[]): ParameterOverride[] {
  return rows.map((row, index) => {
    const parsed = parameterOverrideSchema.safeParse(row);
    if (!parsed.success) {
      const detail = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('；');
      throw new ParameterOverrideError(`第 ${index + 1} 条参数调整格式有误：${detail}`);
    }
    const o = parsed.data;
    const parameter = allParameters.get(o.parameter);
    if (!parameter)
      throw new ParameterOverrideError(`第 ${index + 1} 条参数调整：没有名为 ${o.parameter} 的参数`);
    if (!parameter.lowerable) {
      throw new ParameterOverrideError(
        `第 ${index + 1} 条参数调整：${o.parameter}（${parameter.description}）不可调整；CV-11 只允许下调算力券的资助比例和最高资助额`,
      );
    }
    let base: ReturnType<typeof versionAt>;
    try {
      base = versionAt(parameter, o.edition, o.from);
    } catch (error) {
      if (!(error instanceof ParameterGapError)) throw error;
      throw new ParameterOverrideError(
        `第 ${index + 1} 条参数调整：${o.parameter} 没有版本 ${o.edition} 在 ${o.from} 的取值`,
      );
    }
    if (typeof base.value !== 'number') {
      throw new ParameterOverrideError(
        `第 ${index + 1} 条参数调整：版本 ${o.edition} 在 ${o.from} 不在有效期内，无可下调的值`,
      );
    }
    if (o.value > base.value) {
      throw new ParameterOverrideError(
        `第 ${index + 1} 条参数调整被拒绝：CV-11 只允许下调，不允许上调——${parameter.description}现为 ${show(parameter, base.value)}，调整值 ${show(parameter, o.value)} 高于现值`,
      );
    }
    return o;
  });
}
