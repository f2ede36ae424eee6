import { describe, expect, it } from 'vitest';
import {
  evaluate,
  relocationRefund,
  settlePhase2,
  terminateForcibly,
  terminateVoluntarily,
  yuan,
} from '../src/index';
import { amountOf, blockingRules, findingsOf, participant, rdFacts } from './builders';

describe('垂直领域模型研发项目 (vertical-domain model R&D)', () => {
  it('grants the requested 800,000 yuan with a 240,000-yuan first phase on POLICY.md’s example facts', () => {
    expect(evaluate(rdFacts())).toMatchObject({
      program: 'vertical-model-rd',
      eligible: true,
      subsidyFen: yuan(800_000),
      phase1Fen: yuan(240_000),
    });
  });

  it('RD-1: the base model must have passed the national generative-AI filing', () => {
    const v = evaluate(rdFacts({ baseModelFiled: false }));
    expect(blockingRules(v)).toEqual(['RD-1']);
    expect(v).toMatchObject({ eligible: false, subsidyFen: 0, phase1Fen: 0 });
  });

  it('RD-2: participants from Hong Kong, Macao and elsewhere are allowed, and noted', () => {
    const v = evaluate(
      rdFacts({ participants: [participant('港科院', 'hongkong'), participant('澳门大学', 'macao')] }),
    );
    expect(v.eligible).toBe(true);
    expect(findingsOf(v, 'RD-2')).toEqual([expect.objectContaining({ severity: 'info' })]);
    expect(findingsOf(v, 'RD-2')[0]?.message).toContain('港科院');
    expect(
      findingsOf(evaluate(rdFacts({ participants: [participant('松山湖实验室', 'dongguan')] })), 'RD-2'),
    ).toEqual([]);
  });

  describe('RD-3: ≤ 800,000 yuan and ≤ 40% of total investment; IP kept in Dongguan: ≤ 1,000,000 yuan and ≤ 50%', () => {
    const grant = (totalYuan: number, ipRetainedInDongguan: boolean, requestedFen?: number) =>
      evaluate(rdFacts({ totalInvestmentFen: yuan(totalYuan), ipRetainedInDongguan, requestedFen }))
        .subsidyFen;

    it('40% of a small investment', () => expect(grant(1_000_000, false)).toBe(yuan(400_000)));
    it('800,000 yuan on a large one', () => expect(grant(5_000_000, false)).toBe(yuan(800_000)));
    it('50% with the IP in Dongguan', () => expect(grant(1_000_000, true)).toBe(yuan(500_000)));
    it('1,000,000 yuan with the IP in Dongguan', () => expect(grant(5_000_000, true)).toBe(yuan(1_000_000)));
    it('the amount requested when below the cap', () =>
      expect(grant(5_000_000, false, yuan(300_000))).toBe(yuan(300_000)));
    it('the cap when the request exceeds it, saying so', () => {
      const v = evaluate(rdFacts({ totalInvestmentFen: yuan(1_000_000), requestedFen: yuan(800_000) }));
      expect(v.subsidyFen).toBe(yuan(400_000));
      expect(findingsOf(v, 'RD-3')[0]?.message).toContain('超过上限');
    });
    it('rounded down to the yuan', () => {
      const v = evaluate(rdFacts({ totalInvestmentFen: 100_000_101, requestedFen: undefined }));
      expect(amountOf(v, 'rateAmountFen')).toBe(40_000_040);
      expect(v.subsidyFen).toBe(40_000_000);
    });
    it('no investment, no grant', () => {
      expect(blockingRules(evaluate(rdFacts({ totalInvestmentFen: 0 })))).toEqual(['RD-3']);
    });
  });

  it('RD-4: phase 1 is 30% of the grant, rounded down to the yuan', () => {
    const v = evaluate(rdFacts({ requestedFen: yuan(333_333) }));
    expect(v.subsidyFen).toBe(yuan(333_333));
    expect(v.phase1Fen).toBe(yuan(99_999));
  });

  describe('RD-4 (Reading): phase 2 is recomputed on the actual investment', () => {
    const base = {
      edition: '2025',
      approvedOn: '2025-10-01',
      ipRetainedInDongguan: false,
      approvedGrantFen: yuan(800_000),
      phase1PaidFen: yuan(240_000),
    };

    it('pays the rest when the actual investment supports the approved grant', () => {
      const s = settlePhase2({ ...base, actualInvestmentFen: yuan(3_000_000) });
      expect(s).toMatchObject({ finalGrantFen: yuan(800_000), phase2Fen: yuan(560_000), reclaimFen: 0 });
    });

    it('pays less when the actual investment was lower', () => {
      const s = settlePhase2({ ...base, actualInvestmentFen: yuan(1_500_000) });
      expect(s).toMatchObject({ finalGrantFen: yuan(600_000), phase2Fen: yuan(360_000), reclaimFen: 0 });
    });

    it('reclaims the difference when phase 1 exceeds the final grant', () => {
      const s = settlePhase2({ ...base, actualInvestmentFen: yuan(500_000) });
      expect(s).toMatchObject({ finalGrantFen: yuan(200_000), phase2Fen: 0, reclaimFen: yuan(40_000) });
      expect(s.message).toContain('退回¥40,000.00');
    });

    it('never exceeds the approved grant, and uses the IP-retained rate when it applies', () => {
      const s = settlePhase2({
        ...base,
        ipRetainedInDongguan: true,
        approvedGrantFen: yuan(900_000),
        actualInvestmentFen: yuan(5_000_000),
      });
      expect(s.finalGrantFen).toBe(yuan(900_000));
    });

    it('reads the rates of the approval date, even after the 细则 expires', () => {
      expect(
        settlePhase2({ ...base, approvedOn: '2027-12-31', actualInvestmentFen: yuan(3_000_000) }).phase2Fen,
      ).toBe(yuan(560_000));
      expect(() => settlePhase2({ ...base, approvedOn: '2028-01-01', actualInvestmentFen: 1 })).toThrow(
        RangeError,
      );
    });
  });

  describe('RD-5: start between the guide’s publication and the contract; period ≤ 2 years', () => {
    it('exactly 2 years (2025-07-01 to 2027-06-30) is allowed', () => {
      const v = evaluate(rdFacts({ plannedStart: '2025-07-01', plannedEnd: '2027-06-30' }));
      expect(blockingRules(v)).toEqual([]);
      expect(v.basis.dates?.latestImplementationEnd).toBe('2027-06-30');
    });
    it('one day more is not', () => {
      const v = evaluate(rdFacts({ plannedStart: '2025-07-01', plannedEnd: '2027-07-01' }));
      expect(blockingRules(v)).toEqual(['RD-5']);
    });
    it('the start may fall on the guide’s publication date, not before', () => {
      expect(
        blockingRules(evaluate(rdFacts({ plannedStart: '2025-06-01', plannedEnd: '2027-05-31' }))),
      ).toEqual([]);
      expect(
        blockingRules(evaluate(rdFacts({ plannedStart: '2025-05-31', plannedEnd: '2027-05-30' }))),
      ).toEqual(['RD-5']);
    });
    it('the start may not be after the contract signing', () => {
      expect(blockingRules(evaluate(rdFacts({ contractSignedOn: '2025-07-01' })))).toEqual([]);
      expect(blockingRules(evaluate(rdFacts({ contractSignedOn: '2025-06-30' })))).toEqual(['RD-5']);
    });
    it('before signing, a reminder to check the start against the signing date', () => {
      expect(findingsOf(evaluate(rdFacts({ contractSignedOn: null })), 'RD-5')).toEqual([
        expect.objectContaining({ severity: 'info' }),
      ]);
    });
  });

  it('RD-6: an eligible verdict names the last day to file a major change (3 months before the end)', () => {
    expect(findingsOf(evaluate(rdFacts({ plannedEnd: '2027-06-30' })), 'RD-6')[0]?.message).toContain(
      '2027年3月30日',
    );
  });

  it('RD-7 and RD-9: an eligible verdict states the acceptance and acknowledgement duties', () => {
    const v = evaluate(rdFacts());
    expect(findingsOf(v, 'RD-7')[0]?.message).toContain('综合绩效评价');
    expect(findingsOf(v, 'RD-9')[0]?.message).toContain('项目编号');
    expect(findingsOf(evaluate(rdFacts({ baseModelFiled: false })), 'RD-7')).toEqual([]);
  });

  it('RD-8: voluntary termination stops funds; forced termination also reclaims all paid and records GEN-6', () => {
    expect(terminateVoluntarily()).toMatchObject({
      rule: 'RD-8',
      stopsPayments: true,
      reclaimFen: 0,
      dishonestyRecord: false,
    });
    expect(terminateForcibly(yuan(240_000))).toMatchObject({
      rule: 'RD-8',
      stopsPayments: true,
      reclaimFen: yuan(240_000),
      dishonestyRecord: true,
    });
    expect(terminateForcibly(yuan(240_000)).message).toContain('科研失信');
  });

  it('RD-10: moving out of Dongguan during implementation refunds everything received', () => {
    expect(relocationRefund(yuan(800_000))).toMatchObject({ rule: 'RD-10', reclaimFen: yuan(800_000) });
  });
});
