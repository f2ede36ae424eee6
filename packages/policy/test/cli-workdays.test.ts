/** The policy CLI's workdays command, run exactly as other tools call it: `pnpm --silent policy …` from the repo root. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { yearsWithHolidayData } from '../src/calendar';
import { runWorkdays } from '../src/cli/workdays';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

function policy(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync('pnpm', ['--silent', 'policy', 'workdays', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

// Spawning pnpm takes about a second; allow for a busy machine.
describe('pnpm --silent policy workdays', { timeout: 30_000 }, () => {
  it('prints the 5th working day from 2025-09-29 across National Day: 2025-10-11, a make-up Saturday', () => {
    expect(policy(['--from', '2025-09-29', '--count', '5'])).toEqual({
      code: 0,
      stdout: '2025-10-11\n',
      stderr: '',
    });
  });

  it('gives the same answer in a time zone west of UTC', () => {
    expect(policy(['--count', '1', '--from', '2025-10-01'], { TZ: 'America/New_York' }).stdout).toBe(
      '2025-10-09\n',
    );
  });

  it('a year without holiday data: exit 2, a message on stderr, nothing on stdout', () => {
    const after = (yearsWithHolidayData[yearsWithHolidayData.length - 1] as number) + 1;
    const run = policy(['--from', `${after}-03-02`, '--count', '1']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`缺少 ${after} 年的法定节假日数据`);
  });

  it('bad arguments: exit 2 with the reason, nothing on stdout', () => {
    const run = policy(['--from', '2025-13-01', '--count', 'five']);
    expect(run).toMatchObject({ code: 2, stdout: '' });
    expect(run.stderr).toContain('--from 不是有效日期');
  });
});

describe('runWorkdays arguments', () => {
  it('accepts the flags in either order', () => {
    expect(runWorkdays(['--count', '3', '--from', '2025-10-04'])).toEqual({
      code: 0,
      stdout: '2025-10-11',
      stderr: '',
    });
  });

  it.each([
    [['--from', '2025-10-01'], '需要 --from 和 --count'],
    [['--from', '2025-10-01', '--count'], '--count 缺少取值'],
    [['--from', '2025-10-01', '--from', '2025-10-02', '--count', '1'], '参数重复'],
    [['--from', '2025-10-01', '--count', '1', '--verbose', 'x'], '未知参数'],
    [['--from', '2025-10-01', '--count', '0'], '--count 必须是正整数'],
    [['--from', '2025-10-01', '--count', '-1'], '--count 必须是正整数'],
  ])('%j → exit 2: %s', (args, message) => {
    const result = runWorkdays(args);
    expect(result).toMatchObject({ code: 2, stdout: '' });
    expect(result.stderr).toContain(message);
  });
});
