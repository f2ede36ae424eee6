/** `policy evaluate FILE`: one facts document in, one verdict document out (shared/POLICY.md, command line). */
import { evaluate } from '../evaluate';
import { factsSchema } from '../facts';
import { chineseZodErrors } from '../zod-messages';
import { type CliResult, ok, usageError } from './result';

export function runEvaluate(jsonText: string): CliResult {
  let data: unknown;
  try {
    data = JSON.parse(jsonText);
  } catch (error) {
    return usageError(`事实文件不是有效的 JSON：${(error as Error).message}`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return usageError('事实文件须为一个 JSON 对象（以 { 开头）');
  }
  const parsed = factsSchema.safeParse(data, { error: chineseZodErrors });
  if (!parsed.success) {
    return usageError(
      parsed.error.issues
        .map((issue) => `${issue.path.join('.') || '（文档）'}: ${issue.message}`)
        .join('\n'),
    );
  }
  return ok(JSON.stringify(evaluate(parsed.data), null, 2));
}
