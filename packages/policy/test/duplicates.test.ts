import { describe, expect, it } from 'vitest';
import { findOverlaps, type ProjectClaims } from '../src/index';

// GEN-4 / CV-10: a second application claiming the same payments or items is shown with the earlier one.

const payment = {
  id: 'PAY-1',
  paidOn: '2025-06-01',
  amountFen: 6_000_000,
  serviceStart: '2025-06-01',
  serviceEnd: '2025-11-30',
};
const voucher = (id: string, payments: ProjectClaims['payments']): ProjectClaims => ({
  applicationId: id,
  reference: `CV-${id}`,
  program: 'compute-voucher',
  payments,
});

describe('不重复享受 (GEN-4, CV-10)', () => {
  it('finds the same rental payment by reference, or by day, amount and service period (CV-10)', () => {
    const byId = findOverlaps(voucher('a', [payment]), [voucher('b', [{ ...payment, amountFen: 1 }])]);
    expect(byId).toHaveLength(1);
    expect(byId[0]!.finding).toMatchObject({ rule: 'CV-10', severity: 'warning', article: '指南 四' });
    expect(byId[0]!.finding.message).toContain('CV-b');
    const byTerms = findOverlaps(voucher('a', [payment]), [voucher('b', [{ ...payment, id: 'OTHER' }])]);
    expect(byTerms.map((o) => o.otherApplicationId)).toEqual(['b']);
  });

  it('does not flag different payments, nor an application against itself', () => {
    const other = { ...payment, id: 'PAY-2', paidOn: '2025-07-01' };
    expect(findOverlaps(voucher('a', [payment]), [voucher('b', [other]), voucher('a', [payment])])).toEqual(
      [],
    );
  });

  it('finds the same investment items and the same R&D project name (GEN-4)', () => {
    const item = { category: 'compute_box', amountFen: 2_000_000, description: '边缘计算盒 A100' };
    const edge = (id: string, items: ProjectClaims['items']): ProjectClaims => ({
      applicationId: id,
      reference: id,
      program: 'edge-node-deployment',
      items,
    });
    const found = findOverlaps(edge('a', [item]), [edge('b', [{ ...item, description: '边缘计算盒A100 ' }])]);
    expect(found.map((o) => o.finding.rule)).toEqual(['GEN-4']);
    expect(findOverlaps(edge('a', [item]), [edge('b', [{ ...item, amountFen: 2_000_100 }])])).toEqual([]);
    const rd = (id: string, projectName: string): ProjectClaims => ({
      applicationId: id,
      reference: id,
      program: 'vertical-model-rd',
      projectName,
    });
    expect(findOverlaps(rd('a', '模具行业大模型'), [rd('b', '模具行业 大模型。')])).toHaveLength(1);
  });
});
