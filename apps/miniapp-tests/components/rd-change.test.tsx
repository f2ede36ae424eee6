import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import {
  addMonths,
  formatChineseDate,
  majorChangeFilingDeadline,
  minorChangeFilingDeadline,
  shanghaiDate,
} from '@dg/policy';
import { afterEach, describe, expect, it } from 'vitest';
import { ChangeForm, type Contract } from '../../miniapp/src/packages/projects/components/change-form';

afterEach(cleanup);

const today = shanghaiDate(new Date());
const contract = (endOn: string) =>
  ({
    applicationId: '6f1c1d3e-5b2a-4c1e-9d3f-2a7b8c9d0e1f',
    endOn,
    originalEndOn: endOn,
    changes: [],
  }) as unknown as Contract;

describe('RD-6 change request', () => {
  it('a change of project leader is major, with the deadline three months before the contract end', () => {
    const endOn = addMonths(today, 12);
    render(<ChangeForm contract={contract(endOn)} onDone={() => undefined} />);
    expect(screen.getByText('重大变更：须报市科技局审批')).toBeTruthy();
    const due = formatChineseDate(majorChangeFilingDeadline(endOn).date);
    expect(screen.getByText(new RegExp(`最迟 ${due}`)).textContent).not.toContain('已超过期限');
  });

  it('a major change within the last three months is flagged as too late before it is sent', () => {
    render(<ChangeForm contract={contract(addMonths(today, 2))} onDone={() => undefined} />);
    expect(screen.getByText(/已超过期限，提交将被拒绝/)).toBeTruthy();
  });

  it('any other change is minor: filed within a month of the change', () => {
    render(<ChangeForm contract={contract(addMonths(today, 2))} onDone={() => undefined} />);
    fireEvent.click(screen.getByText('其他事项'));
    expect(screen.getByText('一般变更：由承担单位自行调整后备案')).toBeTruthy();
    const due = formatChineseDate(minorChangeFilingDeadline(today).date);
    expect(screen.getByText(new RegExp(`最迟 ${due}`)).textContent).not.toContain('已超过期限');
    expect(screen.getByText('提交变更备案')).toBeTruthy();
  });
});
