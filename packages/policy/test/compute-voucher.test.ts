import { describe, expect, it } from 'vitest';
import {
  allocateFromBudget,
  computeVoucherMaterials,
  evaluate,
  ParameterOverrideError,
  VOUCHER_CATEGORIES,
  yuan,
} from '../src/index';
import { amountOf, blockingRules, cvFacts, findingsOf, payment } from './builders';

describe('算力券 (compute voucher), 2025 first batch', () => {
  it('grants 50% of the eligible amount on POLICY.md’s example facts', () => {
    const v = evaluate(cvFacts());
    expect(v).toMatchObject({
      program: 'compute-voucher',
      eligible: true,
      subsidyFen: yuan(30_000),
      phase1Fen: null,
    });
  });

  it('GEN-1 (通知 二(一)): the applicant must be registered in Dongguan with independent legal personality', () => {
    const notRegistered = evaluate(cvFacts({ applicant: { registeredInDongguan: false } }));
    expect(findingsOf(notRegistered, 'GEN-1')).toEqual([
      expect.objectContaining({ severity: 'blocking', article: '通知 二(一)' }),
    ]);
    expect(notRegistered).toMatchObject({ eligible: false, subsidyFen: 0 });
    const notLegalPerson = evaluate(cvFacts({ applicant: { independentLegalPerson: false } }));
    expect(blockingRules(notLegalPerson)).toEqual(['GEN-1']);
  });

  it('CV-1: manufacturing, software, universities and institutes may apply; others may not', () => {
    for (const category of VOUCHER_CATEGORIES) {
      expect(evaluate(cvFacts({ applicant: { category } })).eligible).toBe(true);
    }
    expect(VOUCHER_CATEGORIES).toHaveLength(5);
    const other = evaluate(cvFacts({ applicant: { category: 'other' } }));
    expect(blockingRules(other)).toEqual(['CV-1']);
  });

  it('CV-2: a payment not made through the city compute platform is left out of the accounting', () => {
    const v = evaluate(
      cvFacts({ payments: [payment({ id: 'A' }), payment({ id: 'B', viaPlatform: false })] }),
    );
    expect(findingsOf(v, 'CV-2')).toEqual([expect.objectContaining({ severity: 'warning' })]);
    expect(v.basis.lines[1]).toMatchObject({ ref: 'B', eligibleFen: 0, excludedBy: ['CV-2'] });
    expect(amountOf(v, 'eligiblePaidFen')).toBe(yuan(60_000));
    expect(v.subsidyFen).toBe(yuan(30_000));
  });

  it('CV-3: a tie with the platform or the compute provider blocks', () => {
    expect(blockingRules(evaluate(cvFacts({ relatedToPlatformOrProvider: true })))).toEqual(['CV-3']);
  });

  describe('CV-4: eligible paid amount ≥ 50,000 yuan (含)', () => {
    const paying = (amountFen: number) => cvFacts({ payments: [payment({ amountFen })] });

    it('exactly 50,000 yuan qualifies, and earns 25,000 yuan', () => {
      const v = evaluate(paying(yuan(50_000)));
      expect(v).toMatchObject({ eligible: true, subsidyFen: yuan(25_000) });
    });

    it('one fen less does not', () => {
      const v = evaluate(paying(yuan(50_000) - 1));
      expect(blockingRules(v)).toEqual(['CV-4']);
      expect(v.subsidyFen).toBe(0);
    });

    it('counts the eligible amount, not the amount paid (Reading)', () => {
      const v = evaluate(
        cvFacts({
          payments: [
            payment({ id: 'A', amountFen: yuan(40_000) }),
            payment({ id: 'B', toDesignatedAccount: false }),
          ],
        }),
      );
      expect(amountOf(v, 'claimedFen')).toBe(yuan(100_000));
      expect(blockingRules(v)).toEqual(['CV-4']);
    });
  });

  describe('CV-5: the window 2024-04-23 to 2025-10-31, pro rata by calendar days (Reading)', () => {
    const serving = (serviceStart: string, serviceEnd: string, amountFen = yuan(80_000)) =>
      evaluate(
        cvFacts({ payments: [payment({ serviceStart, serviceEnd, paidOn: '2025-11-01', amountFen })] }),
      );

    it('a service ending on the last day of the window counts in full', () => {
      const v = serving('2025-10-01', '2025-10-31');
      expect(v.basis.lines[0]).toMatchObject({
        serviceDays: 31,
        daysInWindow: 31,
        eligibleFen: yuan(80_000),
      });
      expect(findingsOf(v, 'CV-5')).toEqual([]);
    });

    it('a service running one day past the window counts all but that day', () => {
      const v = serving('2025-10-01', '2025-11-01', yuan(64_000));
      expect(v.basis.lines[0]).toMatchObject({
        serviceDays: 32,
        daysInWindow: 31,
        eligibleFen: yuan(62_000),
      });
      expect(findingsOf(v, 'CV-5')).toEqual([expect.objectContaining({ severity: 'info' })]);
    });

    it('a service starting the day after the window is left for a later batch', () => {
      const v = serving('2025-11-01', '2025-11-30');
      expect(v.basis.lines[0]).toMatchObject({ daysInWindow: 0, eligibleFen: 0, excludedBy: ['CV-5'] });
      expect(blockingRules(v)).toEqual(['CV-4']);
    });

    it('a service straddling the window’s start counts from 2024-04-23', () => {
      const v = serving('2024-04-01', '2024-04-30', yuan(300_000));
      expect(v.basis.lines[0]).toMatchObject({ serviceDays: 30, daysInWindow: 8, eligibleFen: yuan(80_000) });
      expect(v.subsidyFen).toBe(yuan(40_000));
    });
  });

  it('CV-6: a payment to an account the contract does not name is excluded', () => {
    const v = evaluate(cvFacts({ payments: [payment({ toDesignatedAccount: false })] }));
    expect(v.basis.lines[0]).toMatchObject({ excludedBy: ['CV-6'], eligibleFen: 0 });
    expect(findingsOf(v, 'CV-6')[0]?.message).toContain('指定的开户银行账户');
  });

  it('CV-7: only the invoice copy (发票联) counts; a deduction copy or none excludes the payment', () => {
    const deduction = evaluate(cvFacts({ payments: [payment({ invoice: 'deduction_copy' })] }));
    expect(deduction.basis.lines[0]?.excludedBy).toEqual(['CV-7']);
    expect(findingsOf(deduction, 'CV-7')[0]?.message).toContain('抵扣联');
    const none = evaluate(cvFacts({ payments: [payment({ invoice: 'none' })] }));
    expect(none.basis.lines[0]?.excludedBy).toEqual(['CV-7']);
  });

  it('CV-8: only payments made on or before the application date count', () => {
    const sameDay = evaluate(cvFacts({ asOf: '2025-11-10', payments: [payment({ paidOn: '2025-11-10' })] }));
    expect(sameDay.basis.lines[0]?.excludedBy).toEqual([]);
    const later = evaluate(cvFacts({ asOf: '2025-11-10', payments: [payment({ paidOn: '2025-11-11' })] }));
    expect(later.basis.lines[0]?.excludedBy).toEqual(['CV-8']);
  });

  it('lists every reason a payment is excluded, in article order', () => {
    const v = evaluate(
      cvFacts({ payments: [payment({ viaPlatform: false, toDesignatedAccount: false, invoice: 'none' })] }),
    );
    expect(v.basis.lines[0]?.excludedBy).toEqual(['CV-2', 'CV-6', 'CV-7']);
    expect(v.basis.lines[0]?.reasons).toHaveLength(3);
  });

  describe('CV-9: ≤ 50% of the eligible amount and ≤ 1,000,000 yuan per applicant per year', () => {
    it('caps at 1,000,000 yuan', () => {
      const v = evaluate(cvFacts({ payments: [payment({ amountFen: yuan(3_000_000) })] }));
      expect(v.subsidyFen).toBe(yuan(1_000_000));
    });

    it('subtracts what the applicant was granted this year', () => {
      const v = evaluate(
        cvFacts({ grantedThisYearFen: yuan(900_000), payments: [payment({ amountFen: yuan(3_000_000) })] }),
      );
      expect(v.subsidyFen).toBe(yuan(100_000));
      expect(amountOf(v, 'annualRemainingFen')).toBe(yuan(100_000));
    });

    it('blocks once the year’s cap is used up', () => {
      const v = evaluate(cvFacts({ grantedThisYearFen: yuan(1_000_000) }));
      expect(blockingRules(v)).toEqual(['CV-9']);
    });

    it('rounds down to the whole yuan', () => {
      const v = evaluate(cvFacts({ payments: [payment({ amountFen: 10_000_199 })] }));
      expect(amountOf(v, 'rateAmountFen')).toBe(5_000_099);
      expect(v.subsidyFen).toBe(5_000_000);
    });
  });

  it('CV-10: a rental already funded by other fiscal funds is not funded again', () => {
    expect(blockingRules(evaluate(cvFacts({ fundedByOtherFiscalFunds: true })))).toEqual(['CV-10']);
  });

  describe('CV-11: the managing unit may lower the rate and the cap, never raise them', () => {
    const lowerRate = {
      parameter: 'cv.rate',
      edition: '2025-1',
      from: '2025-09-01',
      value: 4000,
      reference: '资金管理单位2025年8月通知',
    };

    it('a lowered rate applies from its date, and the verdict says so', () => {
      const after = evaluate(cvFacts({ asOf: '2025-11-10' }), { parameterOverrides: [lowerRate] });
      expect(after.subsidyFen).toBe(yuan(24_000));
      expect(after.basis.parameters.find((p) => p.name === 'cv.rate')).toMatchObject({
        value: 4000,
        override: true,
        from: '2025-09-01',
        reference: '资金管理单位2025年8月通知',
      });
      expect(findingsOf(after, 'CV-11')[0]?.message).toContain('40%');
      const before = evaluate(cvFacts({ asOf: '2025-08-31' }), { parameterOverrides: [lowerRate] });
      expect(before.subsidyFen).toBe(yuan(30_000));
    });

    it('a lowered cap applies to the annual cap', () => {
      const v = evaluate(cvFacts({ payments: [payment({ amountFen: yuan(3_000_000) })] }), {
        parameterOverrides: [{ ...lowerRate, parameter: 'cv.annualCap', value: yuan(500_000) }],
      });
      expect(v.subsidyFen).toBe(yuan(500_000));
    });

    it('refuses to raise a value', () => {
      expect(() => evaluate(cvFacts(), { parameterOverrides: [{ ...lowerRate, value: 6000 }] })).toThrow(
        ParameterOverrideError,
      );
      expect(() => evaluate(cvFacts(), { parameterOverrides: [{ ...lowerRate, value: 6000 }] })).toThrow(
        /只允许下调/,
      );
    });

    it('refuses to touch anything but the rate and the cap', () => {
      for (const parameter of ['cv.threshold', 'cv.windowEnd', 'rd.rate', 'cv.nothing']) {
        expect(() =>
          evaluate(cvFacts(), { parameterOverrides: [{ ...lowerRate, parameter, value: 1 }] }),
        ).toThrow(ParameterOverrideError);
      }
    });

    it('allocates in order of final approval and never overspends the budget (用完即止)', () => {
      let budget = yuan(100);
      const grants = [yuan(60), yuan(60), yuan(30)].map((recognised) => {
        const a = allocateFromBudget(budget, recognised);
        budget = a.remainingBudgetFen;
        return [a.grantFen, a.cutFen];
      });
      expect(grants).toEqual([
        [yuan(60), 0],
        [yuan(40), yuan(20)],
        [0, yuan(30)],
      ]);
      expect(budget).toBe(0);
    });
  });

  describe('CV-12: applications before 2025-11-15', () => {
    it('accepts a submission on 2025-11-14', () => {
      expect(findingsOf(evaluate(cvFacts({ asOf: '2025-11-14' })), 'CV-12')).toEqual([]);
    });
    it('refuses one on 2025-11-15', () => {
      const v = evaluate(cvFacts({ asOf: '2025-11-15' }));
      expect(blockingRules(v)).toEqual(['CV-12']);
      expect(v.findings.find((f) => f.rule === 'CV-12')?.message).toContain('2025年11月15日前');
    });
  });

  it('CV-13: an eligible verdict tells the applicant a returned application must come back within 5 natural days', () => {
    expect(findingsOf(evaluate(cvFacts()), 'CV-13')[0]?.message).toContain('5个自然日');
  });

  it('CV-14: the materials table lists the nine materials in the notice’s order', () => {
    expect(computeVoucherMaterials.map((m) => m.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(computeVoucherMaterials[0]?.title).toBe('项目申报表');
    expect(computeVoucherMaterials[2]?.title).toContain('算力服务平台运营单位公章');
    expect(computeVoucherMaterials[4]?.parts).toHaveLength(6);
    expect(computeVoucherMaterials.filter((m) => m.enterprisesOnly).map((m) => m.order)).toEqual([8]);
  });

  it('CV-15: an eligible applicant is told about operating-data monitoring; an ineligible one is not', () => {
    expect(findingsOf(evaluate(cvFacts()), 'CV-15')).toHaveLength(1);
    expect(findingsOf(evaluate(cvFacts({ relatedToPlatformOrProvider: true })), 'CV-15')).toHaveLength(0);
  });

  it('GEN-4: the same payment listed twice is counted once', () => {
    const v = evaluate(cvFacts({ payments: [payment(), payment()] }));
    expect(v.basis.lines.map((l) => l.excludedBy)).toEqual([[], ['GEN-4']]);
    expect(v.subsidyFen).toBe(yuan(30_000));
  });

  it('basis records every parameter read with its edition, date and citation', () => {
    const v = evaluate(cvFacts());
    expect(v.basis.parameters.map((p) => p.name)).toEqual([
      'cv.rate',
      'cv.annualCap',
      'cv.threshold',
      'cv.windowStart',
      'cv.windowEnd',
      'cv.applicationClosesOn',
    ]);
    for (const p of v.basis.parameters) {
      expect(p).toMatchObject({ edition: '2025-1', from: '2025-06-20', override: false });
      expect(p.reference).toMatch(/算力券/);
    }
  });
});
