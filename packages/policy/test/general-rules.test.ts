import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/index';
import { blockingRules, cvFacts, enFacts, findingsOf, participant, rdFacts } from './builders';

describe('GEN rules shared by the programs', () => {
  it('GEN-1 (细则 4(一), 17(一)): the lead applicant operates physically in Dongguan', () => {
    const rd = evaluate(rdFacts({ applicant: { operatingInDongguan: false } }));
    expect(findingsOf(rd, 'GEN-1')).toEqual([
      expect.objectContaining({ severity: 'blocking', article: '细则 4(一)' }),
    ]);
    const en = evaluate(enFacts({ applicant: { operatingInDongguan: false } }));
    expect(findingsOf(en, 'GEN-1')).toEqual([
      expect.objectContaining({ severity: 'blocking', article: '细则 17(一)' }),
    ]);
  });

  it('GEN-1: a USCC whose GB 32100-2015 check character is wrong is a warning naming the right one', () => {
    const typo = { uscc: '91441900MA4UJ8XX5B' };
    for (const v of [evaluate(cvFacts({ applicant: typo })), evaluate(rdFacts({ applicant: typo }))]) {
      expect(v.eligible).toBe(true);
      expect(findingsOf(v, 'GEN-1')).toEqual([
        expect.objectContaining({ severity: 'warning', message: expect.stringContaining('“J”') }),
      ]);
    }
    expect(findingsOf(evaluate(enFacts()), 'GEN-1')).toEqual([]);
  });

  describe('GEN-2: no abnormal-operation or dishonesty listing, no exclusion from fiscal funds', () => {
    it.each(['abnormalOperationListed', 'seriousDishonestyListed', 'fiscalFundingExcluded'] as const)(
      '%s blocks every program',
      (flag) => {
        const applicant = { [flag]: true };
        expect(blockingRules(evaluate(cvFacts({ applicant })))).toEqual(['GEN-2']);
        expect(blockingRules(evaluate(rdFacts({ applicant })))).toEqual(['GEN-2']);
        expect(blockingRules(evaluate(enFacts({ applicant })))).toEqual(['GEN-2']);
      },
    );
    it('a listed participant blocks too', () => {
      const listed = { ...participant('某合作方', 'dongguan'), seriousDishonestyListed: true };
      const v = evaluate(rdFacts({ participants: [listed] }));
      expect(blockingRules(v)).toEqual(['GEN-2']);
      expect(findingsOf(v, 'GEN-2')[0]?.message).toContain('某合作方');
    });
  });

  it('GEN-3 (Reading): more than 3 units is a warning for a reviewer, not a rejection', () => {
    const three = [participant('甲', 'dongguan'), participant('乙', 'guangdong')];
    expect(findingsOf(evaluate(rdFacts({ participants: three })), 'GEN-3')).toEqual([]);
    const four = [...three, participant('丙', 'mainland')];
    const v = evaluate(rdFacts({ participants: four }));
    expect(findingsOf(v, 'GEN-3')).toEqual([
      expect.objectContaining({ severity: 'warning', article: '细则 4(二)' }),
    ]);
    expect(v.eligible).toBe(true);
    expect(findingsOf(evaluate(enFacts({ participants: four })), 'GEN-3')[0]?.article).toBe('细则 17(二)');
  });

  it('GEN-4: a project already funded from other fiscal funds is not funded again', () => {
    expect(blockingRules(evaluate(rdFacts({ fundedByOtherFiscalFunds: true })))).toEqual(['GEN-4']);
    expect(blockingRules(evaluate(enFacts({ fundedByOtherFiscalFunds: true })))).toEqual(['GEN-4']);
  });

  describe('GEN-5: the 细则 is in force until 2027-12-31; the voucher batch from its notice of 2025-06-20', () => {
    it('R&D and edge: in force on 2027-12-31, not on 2028-01-01', () => {
      for (const build of [rdFacts, enFacts] as const) {
        expect(findingsOf(evaluate(build({ asOf: '2027-12-31' })), 'GEN-5')).toEqual([]);
        const v = evaluate(build({ asOf: '2028-01-01' }));
        expect(blockingRules(v)).toEqual(['GEN-5']);
        expect(v.subsidyFen).toBe(0);
        expect(findingsOf(v, 'GEN-5')[0]?.message).toContain('2027年12月31日');
      }
    });
    it('compute voucher: no application before the notice', () => {
      expect(blockingRules(evaluate(cvFacts({ asOf: '2025-06-19' })))).toEqual(['GEN-5']);
      expect(findingsOf(evaluate(cvFacts({ asOf: '2025-06-20' })), 'GEN-5')).toEqual([]);
    });
    it('out of force, the other conditions are still reported', () => {
      const v = evaluate(rdFacts({ asOf: '2028-03-01', baseModelFiled: false }));
      expect(blockingRules(v)).toEqual(['RD-1', 'GEN-5']);
    });
  });

  it('GEN-6: a unit on the research dishonesty record may not apply', () => {
    const applicant = { researchDishonestyRecorded: true };
    for (const v of [
      evaluate(cvFacts({ applicant })),
      evaluate(rdFacts({ applicant })),
      evaluate(enFacts({ applicant })),
    ]) {
      expect(blockingRules(v)).toEqual(['GEN-6']);
    }
  });
});
