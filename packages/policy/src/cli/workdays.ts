/** `policy workdays --from YYYY-MM-DD --count N`: the N-th working day counting --from itself (GEN-7). */
import { MissingHolidayDataError, nthWorkday } from '../calendar/workdays';
import { isIsoDate } from '../dates';
import { type CliResult, ok, usageError } from './result';

const USAGE = '用法 / usage: policy workdays --from YYYY-MM-DD --count N';

function parseArgs(args: string[]): { from: string; count: number } | string {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i] as string;
    const value = args[i + 1];
    if (flag !== '--from' && flag !== '--count') return `未知参数 / unknown argument: ${flag}`;
    if (values.has(flag)) return `参数重复 / repeated argument: ${flag}`;
    if (value === undefined) return `${flag} 缺少取值 / ${flag} needs a value`;
    values.set(flag, value);
  }
  const from = values.get('--from');
  const count = values.get('--count');
  if (from === undefined || count === undefined)
    return `需要 --from 和 --count / both --from and --count are required`;
  if (!isIsoDate(from)) return `--from 不是有效日期（YYYY-MM-DD）/ --from is not a valid date: ${from}`;
  if (!/^[1-9]\d{0,5}$/.test(count))
    return `--count 必须是正整数 / --count must be a positive integer: ${count}`;
  return { from, count: Number(count) };
}

export function runWorkdays(args: string[]): CliResult {
  const parsed = parseArgs(args);
  if (typeof parsed === 'string') return usageError(`${parsed}\n${USAGE}`);
  try {
    return ok(nthWorkday(parsed.from, parsed.count));
  } catch (error) {
    if (error instanceof MissingHolidayDataError) return usageError(error.message);
    throw error;
  }
}
