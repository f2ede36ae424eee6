import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runEvaluate } from '../src/cli/evaluate';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}.json`, import.meta.url));

function policy(...args: string[]) {
  const r = spawnSync('node_modules/.bin/tsx', ['src/cli/main.ts', ...args], {
    cwd: packageDir,
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('policy evaluate FILE (the real CLI)', () => {
  it.each([
    ['compute-voucher', 3_000_000, null],
    ['vertical-model-rd', 80_000_000, 24_000_000],
    ['edge-node-deployment', 7_800_000, null],
  ])('prints one verdict for %s and exits 0', (program, subsidyFen, phase1Fen) => {
    const r = policy('evaluate', fixture(program));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const verdict = JSON.parse(r.stdout);
    expect(verdict).toMatchObject({ program, eligible: true, subsidyFen, phase1Fen });
    expect(Object.keys(verdict)).toEqual([
      'program',
      'eligible',
      'subsidyFen',
      'phase1Fen',
      'findings',
      'basis',
    ]);
  });

  it("answers POLICY.md's own example facts with POLICY.md's example verdict (its USCC check character only warns)", () => {
    const r = policy('evaluate', fixture('policy-md-example'));
    expect(r.code).toBe(0);
    const verdict = JSON.parse(r.stdout);
    expect(verdict).toMatchObject({ program: 'compute-voucher', eligible: true, subsidyFen: 3_000_000 });
    expect(verdict.findings).toContainEqual(
      expect.objectContaining({ rule: 'GEN-1', severity: 'warning', article: '通知 二(一)' }),
    );
  });

  it('exits 2 on facts that break the schema, naming every bad field, with nothing on stdout', () => {
    const r = policy('evaluate', fixture('broken'));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const paths = r.stderr
      .trim()
      .split('\n')
      .map((line) => line.split(':')[0]);
    expect(paths).toEqual(['asOf', 'payments.0.amountFen', 'payments.0.invoice']);
  });
});

describe('runEvaluate', () => {
  it('refuses text that is not JSON with code 2', () => {
    const r = runEvaluate('{ "program": ');
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toContain('JSON');
  });

  it('names a wrong program', () => {
    expect(runEvaluate('{"program":"lottery"}')).toMatchObject({ code: 2, stdout: '' });
    expect(runEvaluate('{"program":"lottery"}').stderr).toMatch(/^program: /);
  });

  it('refuses a JSON value that is not an object', () => {
    expect(runEvaluate('[]')).toMatchObject({ code: 2, stdout: '' });
  });

  it('calls an absent field missing, and names a wrong one by what it should be', () => {
    const r = runEvaluate(
      '{"program":"edge-node-deployment","edition":"2025","asOf":"2025-09-01","items":[{"kind":"firmware"}]}',
    );
    expect(r.stderr.split('\n')).toEqual([
      'applicant: 缺少此字段',
      'items.0.kind: kind 须为 hardware（硬件）或 software（软件）',
      'stationsServed: 缺少此字段',
      'connectedNodes: 缺少此字段',
    ]);
  });
});
