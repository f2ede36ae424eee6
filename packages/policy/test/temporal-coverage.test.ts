import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  computeVoucherParameters,
  edgeNodeDeploymentParameters,
  editionsOf,
  evaluate,
  generalParameters,
  type Parameter,
  programEditions,
  versionsAt,
  verticalModelRdParameters,
} from '../src/index';
import { cvFacts, enFacts, rdFacts } from './builders';

const tables = {
  computeVoucherParameters,
  verticalModelRdParameters,
  edgeNodeDeploymentParameters,
  generalParameters,
};
const parameters: Parameter[] = Object.values(tables).flatMap((t) => Object.values(t));

function months(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addMonths(d, 1)) out.push(d);
  return out;
}
const MONTHS = months('2024-01-01', '2028-12-01');

/** The first and last day of each month, and each day around every version boundary. */
function probeDays(parameter: Parameter): string[] {
  const boundaries = parameter.versions.flatMap((v) =>
    [v.from, v.until]
      .filter((d): d is string => d !== null)
      .flatMap((d) => [addDays(d, -1), d, addDays(d, 1)]),
  );
  return [...MONTHS, ...MONTHS.map((m) => addDays(addMonths(m, 1), -1)), ...boundaries];
}

describe('temporal coverage of the parameter tables (Catala-style)', () => {
  it('every parameter has a description, a unit and a reference on every version', () => {
    for (const p of parameters) {
      expect(p.description, p.name).toMatch(/[\u4e00-\u9fff]/);
      expect(['fen', 'bp', 'date', 'count', 'days']).toContain(p.unit);
      for (const v of p.versions) expect(v.reference, p.name).toMatch(/《.+》/);
    }
  });

  it('every parameter of every edition has exactly one version on every probed day from 2024-01 to 2028-12', () => {
    for (const p of parameters) {
      for (const edition of new Set(p.versions.map((v) => v.edition))) {
        for (const day of probeDays(p)) {
          expect(versionsAt(p, edition, day).length, `${p.name} ${edition} ${day}`).toBe(1);
        }
      }
    }
  });

  it('the parameters of one program share their editions', () => {
    expect(editionsOf(computeVoucherParameters)).toEqual(['2025-1']);
    expect(editionsOf(verticalModelRdParameters)).toEqual(['2025']);
    expect(editionsOf(edgeNodeDeploymentParameters)).toEqual(['2025']);
    expect(editionsOf(generalParameters)).toEqual(['2025']);
    expect(programEditions['compute-voucher']).toEqual(['2025-1']);
  });

  it('every program evaluates on every month; out-of-force months give GEN-5, never a gap', () => {
    for (const month of MONTHS) {
      for (const asOf of [month, addDays(addMonths(month, 1), -1)]) {
        const cv = evaluate(cvFacts({ asOf }));
        expect(
          cv.findings.some((f) => f.rule === 'GEN-5'),
          `CV ${asOf}`,
        ).toBe(asOf < '2025-06-20');
        for (const facts of [rdFacts({ asOf }), enFacts({ asOf })]) {
          const v = evaluate(facts);
          expect(
            v.findings.some((f) => f.rule === 'GEN-5'),
            `${facts.program} ${asOf}`,
          ).toBe(asOf > '2027-12-31');
        }
      }
    }
  });
});
