import { describe, expect, it } from 'vitest';
import { factsSchema } from '../src/index';
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

  it('checks the unified social credit code (GB 32100-2015)', () => {
    const facts = cvFacts();
    expect(pathsOf({ ...facts, applicant: { ...facts.applicant, uscc: '91441900MA4UJ8XX5B' } })).toEqual([
      'applicant.uscc',
    ]);
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
});
