import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluate, type Facts, ruleById, ruleCatalogue } from '../src/index';
import { cvFacts, enFacts, item, participant, payment, rdFacts } from './builders';

// A verbatim copy of shared/POLICY.md (as .txt, so no formatter rewrites it), so the check runs in a fresh clone.
const policy = readFileSync(new URL('./fixtures/POLICY.md.txt', import.meta.url), 'utf8');
const policyIds = [...policy.matchAll(/^\|\s*((?:GEN|CV|RD|EN|OP)-\d+)\s*\|/gm)].map((m) => m[1]!);

describe('the rule catalogue', () => {
  it('holds exactly the rule ids of POLICY.md, each once, with an article and a Chinese title', () => {
    expect(policyIds.length).toBeGreaterThanOrEqual(41);
    expect(ruleCatalogue.map((r) => r.id).sort()).toEqual([...policyIds].sort());
    for (const rule of ruleCatalogue) {
      expect(rule.article).not.toBe('');
      expect(rule.title).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('every finding of a wide range of verdicts cites a catalogued rule, with an article and a Chinese message', () => {
    const broken = { applicant: { abnormalOperationListed: true, researchDishonestyRecorded: true } };
    const facts: Facts[] = [
      cvFacts(),
      cvFacts({
        applicant: { ...broken.applicant, category: 'other', registeredInDongguan: false },
        relatedToPlatformOrProvider: true,
        fundedByOtherFiscalFunds: true,
        asOf: '2025-11-20',
      }),
      cvFacts({
        payments: [
          payment({ id: 'A', viaPlatform: false, toDesignatedAccount: false, invoice: 'deduction_copy' }),
          payment({ id: 'A', paidOn: '2025-12-01', serviceEnd: '2025-12-31' }),
          payment({ id: 'B', serviceStart: '2025-10-01', serviceEnd: '2025-11-30' }),
          payment({ id: 'C', serviceStart: '2025-11-01', serviceEnd: '2025-11-30' }),
        ],
        grantedThisYearFen: 100_000_000,
      }),
      cvFacts({ asOf: '2025-01-01' }),
      rdFacts(),
      rdFacts({
        applicant: { ...broken.applicant, operatingInDongguan: false },
        baseModelFiled: false,
        plannedEnd: '2028-01-01',
        contractSignedOn: '2025-06-01',
        fundedByOtherFiscalFunds: true,
        participants: ['甲', '乙', '丙'].map((n) => participant(n, 'hongkong')),
      }),
      rdFacts({ asOf: '2028-01-01' }),
      enFacts(),
      enFacts({
        applicant: { ...broken.applicant, industrial: false, operatingInDongguan: false },
        items: [item({ category: 'line_retrofit' })],
        connectedNodes: 0,
        fundedByOtherFiscalFunds: true,
      }),
      enFacts({ asOf: '2030-01-01', participants: ['甲', '乙', '丙'].map((n) => participant(n, 'macao')) }),
    ];
    const cited = new Set<string>();
    for (const f of facts) {
      for (const finding of evaluate(f).findings) {
        expect(ruleById(finding.rule), finding.rule).toBeDefined();
        expect(finding.article).not.toBe('');
        expect(finding.message).toMatch(/[\u4e00-\u9fff]/);
        cited.add(finding.rule);
      }
    }
    // Every rule a verdict can raise is raised somewhere above; the rest live in functions and tables.
    const raisedElsewhere = ['GEN-7', 'CV-11', 'CV-14', 'RD-8', 'RD-10', 'OP-1', 'OP-2'];
    expect([...cited].sort()).toEqual(policyIds.filter((id) => !raisedElsewhere.includes(id)).sort());
  });
});
