import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { evaluate, factsSchema, formatYuan, usccCheckCharacter } from '@dg/policy';
import { afterEach, describe, expect, it } from 'vitest';
import SelfCheckPage from '../../miniapp/src/packages/check/pages/index';
import { router } from '../mocks/taro';

const USCC = `91441900MA4UJ8XX${'5'}`.slice(0, 17);
const VALID_USCC = USCC + usccCheckCharacter(USCC);

function inputFor(label: RegExp): HTMLInputElement {
  return screen.getByText(label).closest('.dg-field')!.querySelector('input')!;
}

function dateInputs(container: HTMLElement) {
  return [...container.querySelectorAll<HTMLInputElement>('input[type=date]')];
}

afterEach(cleanup);

describe('self-check page', () => {
  it('lists what is missing until the form is complete, then shows the verdict the policy core gives', () => {
    router.params = { program: 'compute-voucher' };
    const { container } = render(<SelfCheckPage />);
    expect(screen.getByText('还需填写')).toBeTruthy();

    fireEvent.change(screen.getByPlaceholderText('请输入统一社会信用代码'), {
      target: { value: VALID_USCC },
    });
    const [asOf, paidOn, start, end] = dateInputs(container);
    fireEvent.change(asOf!, { target: { value: '2025-11-10' } });
    fireEvent.change(paidOn!, { target: { value: '2024-06-01' } });
    fireEvent.change(start!, { target: { value: '2024-06-01' } });
    fireEvent.change(end!, { target: { value: '2024-11-30' } });
    fireEvent.change(inputFor(/^实际支付金额/), { target: { value: '60,000' } });

    // The page must show exactly what the shared policy core answers for the same facts.
    const facts = factsSchema.parse({
      program: 'compute-voucher',
      edition: '2025-1',
      asOf: '2025-11-10',
      applicant: {
        uscc: VALID_USCC,
        category: 'manufacturing',
        registeredInDongguan: true,
        independentLegalPerson: true,
        abnormalOperationListed: false,
        seriousDishonestyListed: false,
        fiscalFundingExcluded: false,
        researchDishonestyRecorded: false,
      },
      relatedToPlatformOrProvider: false,
      fundedByOtherFiscalFunds: false,
      grantedThisYearFen: 0,
      payments: [
        {
          id: '付款1',
          viaPlatform: true,
          paidOn: '2024-06-01',
          serviceStart: '2024-06-01',
          serviceEnd: '2024-11-30',
          amountFen: 6_000_000,
          toDesignatedAccount: true,
          invoice: 'invoice_copy',
        },
      ],
    });
    const verdict = evaluate(facts);
    expect(verdict.subsidyFen).toBeGreaterThan(0);
    const summary = screen.getByTestId('self-check-summary');
    expect(within(summary).getByText(formatYuan(verdict.subsidyFen))).toBeTruthy();
    expect(screen.getByTestId('subsidy').textContent).toBe(formatYuan(verdict.subsidyFen));
    const shown = [...container.querySelectorAll('[data-rule]')].map((el) => el.getAttribute('data-rule'));
    expect(shown.sort()).toEqual(verdict.findings.map((f) => f.rule).sort());
  });

  it('CV-7: switching the invoice to a deduction copy takes the payment out of the estimate', () => {
    router.params = { program: 'compute-voucher' };
    const { container } = render(<SelfCheckPage />);
    fireEvent.change(screen.getByPlaceholderText('请输入统一社会信用代码'), {
      target: { value: VALID_USCC },
    });
    const [asOf, paidOn, start, end] = dateInputs(container);
    fireEvent.change(asOf!, { target: { value: '2025-11-10' } });
    for (const input of [paidOn!, start!]) fireEvent.change(input, { target: { value: '2024-06-01' } });
    fireEvent.change(end!, { target: { value: '2024-11-30' } });
    fireEvent.change(inputFor(/^实际支付金额/), { target: { value: '60000' } });
    const before = screen.getByTestId('subsidy').textContent;

    fireEvent.click(screen.getByText('抵扣联'));
    expect(screen.getByTestId('subsidy').textContent).not.toBe(before);
    expect(container.querySelector('[data-rule="CV-7"]')).not.toBeNull();
  });

  it('switches program and starts a blank form for it, keeping the credit code', () => {
    router.params = { program: 'compute-voucher' };
    render(<SelfCheckPage />);
    fireEvent.change(screen.getByPlaceholderText('请输入统一社会信用代码'), {
      target: { value: VALID_USCC },
    });
    fireEvent.click(screen.getByText('边端智算节点部署项目'));
    expect(screen.getByText('节点与工位')).toBeTruthy();
    expect((screen.getByPlaceholderText('请输入统一社会信用代码') as HTMLInputElement).value).toBe(
      VALID_USCC,
    );
  });
});
