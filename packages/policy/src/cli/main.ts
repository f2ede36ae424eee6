/**
 * `pnpm --silent policy <command>` — the policy core's command line, a stable contract (shared/POLICY.md).
 * Commands are pure functions returning a CliResult; only this file touches the process.
 */
import { readFileSync } from 'node:fs';
import { runEvaluate } from './evaluate';
import { type CliResult, usageError } from './result';
import { runWorkdays } from './workdays';

const USAGE = `用法：
  policy evaluate FILE                       读取事实（JSON），输出裁决（JSON）
  policy workdays --from YYYY-MM-DD --count N 输出从该日起第 N 个工作日`;

function dispatch(argv: string[]): CliResult {
  const [command, ...rest] = argv;
  switch (command) {
    case 'evaluate': {
      const file = rest[0];
      if (!file || rest.length > 1) return usageError(USAGE);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        return usageError(`无法读取文件 ${file}：${(error as Error).message}`);
      }
      return runEvaluate(text);
    }
    case 'workdays':
      return runWorkdays(rest);
    default:
      return usageError(USAGE);
  }
}

const result = dispatch(process.argv.slice(2));
if (result.stdout) process.stdout.write(result.stdout.endsWith('\n') ? result.stdout : `${result.stdout}\n`);
if (result.stderr) process.stderr.write(result.stderr.endsWith('\n') ? result.stderr : `${result.stderr}\n`);
process.exitCode = result.code;
