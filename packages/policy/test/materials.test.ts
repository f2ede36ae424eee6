import { describe, expect, it } from 'vitest';
import { PROGRAM_IDS } from '../src/facts';
import { materialChecklists, requiredMaterials } from '../src/materials';
import { computeVoucherMaterials } from '../src/programs/compute-voucher';
import { ruleById } from '../src/rules';

describe('materials checklists', () => {
  it('keeps the CV-14 order and titles of the compute voucher', () => {
    const checklist = materialChecklists['compute-voucher'];
    expect(checklist.map((m) => m.title)).toEqual(computeVoucherMaterials.map((m) => m.title));
    expect(checklist.map((m) => m.key)).toEqual(
      ['01', '02', '03', '04', '05', '06', '07', '08', '09'].map((n) => `cv-${n}`),
    );
    expect(checklist.every((m) => m.rule === 'CV-14')).toBe(true);
  });

  it.each(PROGRAM_IDS)('%s: unique keys, orders 1..n, every item cites a catalogued rule', (program) => {
    const checklist = materialChecklists[program];
    expect(new Set(checklist.map((m) => m.key)).size).toBe(checklist.length);
    expect(checklist.map((m) => m.order)).toEqual(checklist.map((_, i) => i + 1));
    expect(checklist.filter((m) => !ruleById(m.rule)).map((m) => m.key)).toEqual([]);
  });

  it('asks only enterprises for the financial statements (CV-14 (8))', () => {
    const forEnterprise = requiredMaterials('compute-voucher', true).map((m) => m.order);
    const forUniversity = requiredMaterials('compute-voucher', false).map((m) => m.order);
    expect(forEnterprise).toContain(8);
    expect(forUniversity).not.toContain(8);
    expect(forEnterprise).not.toContain(9);
  });

  it('asks R&D applicants for the filed-model proof (RD-1) and edge applicants for the connected-node proof (EN-7)', () => {
    expect(requiredMaterials('vertical-model-rd', true).some((m) => m.rule === 'RD-1')).toBe(true);
    expect(requiredMaterials('edge-node-deployment', true).filter((m) => m.rule === 'EN-7')).toHaveLength(2);
  });
});
