import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { describePath } from '../../miniapp/src/packages/apply/lib/issues';
import { ConfirmStep } from '../../miniapp/src/packages/apply/steps/confirm';

afterEach(cleanup);

const item = (key: string, order: number, required: boolean, files: number) => ({
  key,
  order,
  title: `材料${order}`,
  parts: [],
  required,
  rule: 'CV-14',
  files: Array.from({ length: files }, (_, i) => ({
    id: `6f1c1d3e-5b2a-4c1e-9d3f-2a7b8c9d0e${String(i).padStart(2, '0')}`,
    originalName: 'a.pdf',
    mime: 'application/pdf',
    sizeBytes: 1,
    sha256: 'x',
  })),
});

describe('confirm step', () => {
  it('names each field the server still refuses, in words, and each required material missing', () => {
    render(
      <ConfirmStep
        issues={[{ path: 'applicant.contact.email', message: '电子邮箱格式不正确' }]}
        materials={[item('cv-01', 1, true, 1), item('cv-06', 6, true, 0), item('cv-09', 9, false, 0)]}
        findings={[]}
        pledged={false}
        onPledge={() => undefined}
      />,
    );
    expect(screen.getByText('提交前还需完善 2 项')).toBeTruthy();
    expect(screen.getByText(/联系人电子邮箱：电子邮箱格式不正确/)).toBeTruthy();
    expect(screen.getByText(/缺少材料（6）材料6/)).toBeTruthy();
    expect(screen.queryByText(/材料9/)).toBeNull();
  });

  it('says the application is complete once nothing is missing, and toggles the pledge', () => {
    const pledges: boolean[] = [];
    render(
      <ConfirmStep
        issues={[]}
        materials={[item('cv-01', 1, true, 1)]}
        findings={[]}
        pledged={false}
        onPledge={(p) => pledges.push(p)}
      />,
    );
    expect(screen.getByText('申报表和必传材料已齐全')).toBeTruthy();
    fireEvent.click(screen.getByText(/本单位承诺/));
    expect(pledges).toEqual([true]);
  });

  it('says the verdict is being worked out while it is read, then lists each finding with its rule and article', () => {
    const finding = {
      rule: 'CV-9',
      severity: 'info' as const,
      article: '指南 四',
      message: '本次资助上限¥40,027.00（取整到元）。',
    };
    const props = { issues: [], materials: [], pledged: false, onPledge: () => undefined };
    const { rerender } = render(<ConfirmStep {...props} findings={[]} judging />);
    expect(screen.getByText('正在按政策条件测算…')).toBeTruthy();
    rerender(<ConfirmStep {...props} findings={[finding]} judging={false} />);
    expect(screen.queryByText('正在按政策条件测算…')).toBeNull();
    expect(screen.getByText(finding.message)).toBeTruthy();
    expect(screen.getByText(/CV-9 · 指南 四/)).toBeTruthy();
  });

  it('describes nested form paths in Chinese', () => {
    expect(describePath('payments.1.amountFen')).toBe('付款明细第2笔金额');
    expect(describePath('applicant.legalRep.mobile')).toBe('法定代表人手机');
  });
});
