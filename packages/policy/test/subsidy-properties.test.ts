import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyRate,
  computeVoucherParameters,
  edgeCeiling,
  edgeNodeDeploymentParameters,
  evaluate,
  rdGrant,
  readTable,
  settlePhase2,
  verticalModelRdParameters,
  voucherCeiling,
  yuan,
} from '../src/index';
import { cvFacts, payment } from './builders';

function valuesOf<T extends Parameters<typeof readTable>[0]>(table: T, edition: string) {
  const reading = readTable(table, edition, '2025-09-01');
  if (!reading.inForce) throw new Error('tables out of force on 2025-09-01');
  return reading.values;
}
const cv = valuesOf(computeVoucherParameters, '2025-1');
const rd = valuesOf(verticalModelRdParameters, '2025');
const en = valuesOf(edgeNodeDeploymentParameters, '2025');

const fen = fc.integer({ min: 0, max: yuan(50_000_000) });
const ordered = fc.tuple(fen, fen).map(([a, b]): [number, number] => (a <= b ? [a, b] : [b, a]));
const wholeYuan = (x: number) => x % 100 === 0;

describe('subsidy invariants (fast-check)', () => {
  it('CV: never negative, never above 50% or the annual remainder, whole yuan, monotone in the eligible amount', () => {
    fc.assert(
      fc.property(ordered, fen, ([low, high], granted) => {
        const a = voucherCeiling(low, cv.rate, cv.annualCap, granted);
        const b = voucherCeiling(high, cv.rate, cv.annualCap, granted);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThanOrEqual(applyRate(high, cv.rate));
        expect(b).toBeLessThanOrEqual(Math.max(0, cv.annualCap - granted));
        expect(wholeYuan(a) && wholeYuan(b)).toBe(true);
        expect(a).toBeLessThanOrEqual(b);
      }),
    );
  });

  it('CV through evaluate: any payments give a subsidy within 0 and the caps, in whole yuan', () => {
    const day = fc
      .integer({ min: 0, max: 900 })
      .map((n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10));
    const arbPayment = fc
      .record({
        amountFen: fc.integer({ min: 0, max: yuan(2_000_000) }),
        start: day,
        length: fc.integer({ min: 0, max: 400 }),
        viaPlatform: fc.boolean(),
        toDesignatedAccount: fc.boolean(),
        invoice: fc.constantFrom('invoice_copy' as const, 'deduction_copy' as const, 'none' as const),
      })
      .map(({ start, length, ...p }) => {
        const end = new Date(Date.parse(start) + length * 86_400_000).toISOString().slice(0, 10);
        return payment({
          ...p,
          id: `P-${start}-${length}`,
          serviceStart: start,
          serviceEnd: end,
          paidOn: start,
        });
      });
    fc.assert(
      fc.property(fc.array(arbPayment, { maxLength: 12 }), (payments) => {
        const v = evaluate(cvFacts({ payments }));
        const paid = payments.reduce((s, p) => s + p.amountFen, 0);
        expect(v.subsidyFen).toBeGreaterThanOrEqual(0);
        expect(v.subsidyFen).toBeLessThanOrEqual(Math.min(yuan(1_000_000), applyRate(paid, 5000)));
        expect(wholeYuan(v.subsidyFen)).toBe(true);
        expect(v.eligible || v.subsidyFen === 0).toBe(true);
      }),
    );
  });

  it('RD: the grant stays within the caps and the request, phase 1 within 30%, monotone in the investment', () => {
    fc.assert(
      fc.property(ordered, fc.option(fen, { nil: undefined }), fc.boolean(), ([low, high], requested, ip) => {
        const a = rdGrant(low, requested, ip, rd);
        const b = rdGrant(high, requested, ip, rd);
        expect(a.grantFen).toBeGreaterThanOrEqual(0);
        expect(b.grantFen).toBeLessThanOrEqual(ip ? yuan(1_000_000) : yuan(800_000));
        expect(b.grantFen).toBeLessThanOrEqual(applyRate(high, ip ? 5000 : 4000));
        if (requested !== undefined) expect(b.grantFen).toBeLessThanOrEqual(requested);
        expect(b.phase1Fen).toBeLessThanOrEqual(applyRate(b.grantFen, 3000));
        expect(wholeYuan(b.grantFen) && wholeYuan(b.phase1Fen)).toBe(true);
        expect(a.grantFen).toBeLessThanOrEqual(b.grantFen);
      }),
    );
  });

  it('RD-4: phase 2 minus the reclaim always settles the final grant against phase 1', () => {
    fc.assert(
      fc.property(fen, fen, fc.boolean(), (actual, approvedRaw, ip) => {
        const approvedGrantFen = rdGrant(approvedRaw, undefined, ip, rd).grantFen;
        const phase1PaidFen = rdGrant(approvedRaw, undefined, ip, rd).phase1Fen;
        const s = settlePhase2({
          edition: '2025',
          approvedOn: '2025-10-01',
          ipRetainedInDongguan: ip,
          approvedGrantFen,
          phase1PaidFen,
          actualInvestmentFen: actual,
        });
        expect(s.finalGrantFen).toBeLessThanOrEqual(approvedGrantFen);
        expect(s.phase2Fen - s.reclaimFen).toBe(s.finalGrantFen - phase1PaidFen);
        expect(Math.min(s.phase2Fen, s.reclaimFen)).toBe(0);
      }),
    );
  });

  it('EN: never negative, never above 30%, 1,000,000 yuan or 5,000 yuan per node, whole yuan, monotone', () => {
    fc.assert(
      fc.property(ordered, fc.integer({ min: 0, max: 1000 }), ([low, high], nodes) => {
        const a = edgeCeiling(low, nodes, en);
        const b = edgeCeiling(high, nodes, en);
        expect(a).toBeGreaterThanOrEqual(0);
        expect(b).toBeLessThanOrEqual(Math.min(applyRate(high, 3000), yuan(1_000_000), yuan(5_000) * nodes));
        expect(wholeYuan(b)).toBe(true);
        expect(a).toBeLessThanOrEqual(b);
      }),
    );
  });
});
