import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factsSchema, isIsoDate, isoDateSchema } from '../src/index';
import { cvFacts, enFacts, payment, rdFacts } from './builders';

const pathsOf = (input: unknown) => {
  const r = factsSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('the facts schema', () => {
  it('accepts POLICY.md’s documents and drops fields a program does not use', () => {
    const withExtras = { ...cvFacts(), items: [], baseModelFiled: true };
    const parsed = factsSchema.parse(withExtras);
    expect(parsed).not.toHaveProperty('items');
    expect(pathsOf(rdFacts())).toEqual([]);
    expect(pathsOf(enFacts())).toEqual([]);
  });

  it('a program’s fields are required for that program only', () => {
    expect(rdFacts()).not.toHaveProperty('payments');
    const { payments: _, ...cv } = cvFacts();
    expect(pathsOf(cv)).toEqual(['payments']);
  });

  it('names every bad field by its path', () => {
    const bad = {
      ...cvFacts(),
      asOf: '2025-02-30',
      grantedThisYearFen: -1,
      payments: [payment({ amountFen: 1.5 }), { ...payment(), invoice: 'receipt', paidOn: '2025/01/01' }],
    };
    expect(pathsOf(bad).sort()).toEqual(
      [
        'asOf',
        'grantedThisYearFen',
        'payments.0.amountFen',
        'payments.1.invoice',
        'payments.1.paidOn',
      ].sort(),
    );
  });

  it('rejects an edition the tables do not know, and an unknown program', () => {
    expect(pathsOf({ ...cvFacts(), edition: '2026-1' })).toEqual(['edition']);
    expect(pathsOf({ ...cvFacts(), edition: '2025' })).toEqual(['edition']);
    expect(pathsOf({ ...cvFacts(), program: 'lottery' })).toEqual(['program']);
  });

  it('checks the shape of the unified social credit code; its check character is a GEN-1 warning in the verdict', () => {
    const facts = cvFacts();
    const withUscc = (uscc: string) => pathsOf({ ...facts, applicant: { ...facts.applicant, uscc } });
    expect(withUscc('91441900MA4UJ8XX5')).toEqual(['applicant.uscc']);
    expect(withUscc('91441900MA4UJ8XXOJ')).toEqual(['applicant.uscc']);
    expect(withUscc('91441900MA4UJ8XX5B')).toEqual([]);
  });

  it('rejects a service or implementation period that ends before it starts', () => {
    expect(
      pathsOf({
        ...cvFacts(),
        payments: [payment({ serviceStart: '2025-01-02', serviceEnd: '2025-01-01' })],
      }),
    ).toEqual(['payments.0.serviceEnd']);
    expect(pathsOf({ ...rdFacts(), plannedEnd: '2025-06-30' })).toEqual(['plannedEnd']);
  });

  it('amounts are integer fen and counts whole numbers, never negative', () => {
    expect(pathsOf({ ...enFacts(), connectedNodes: -1, stationsServed: 2.5 }).sort()).toEqual([
      'connectedNodes',
      'stationsServed',
    ]);
    expect(pathsOf({ ...rdFacts(), totalInvestmentFen: '300000000' })).toEqual(['totalInvestmentFen']);
  });

  it('accepts exactly the dates dates.ts calls real (leap years included)', () => {
    const digits = (n: number, min: number, max: number) =>
      fc.integer({ min, max }).map((v) => String(v).padStart(n, '0'));
    // From 1900: dates.ts builds dates with Date.UTC, which reads years 0–99 as 1900–1999.
    fc.assert(
      fc.property(digits(4, 1900, 9999), digits(2, 0, 13), digits(2, 0, 32), (y, m, d) => {
        const date = `${y}-${m}-${d}`;
        expect(isoDateSchema.safeParse(date).success).toBe(isIsoDate(date));
      }),
      { numRuns: 2000 },
    );
    expect(isoDateSchema.safeParse('2024-02-29').success).toBe(true);
    expect(isoDateSchema.safeParse('2100-02-29').success).toBe(false);
  });
});
