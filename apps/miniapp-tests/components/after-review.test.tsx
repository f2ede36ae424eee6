import { cleanup, render } from '@testing-library/react';
import { formatYuan, paymentWorkflow } from '@dg/policy';
import { afterEach, describe, expect, it } from 'vitest';
import { type AfterReview, NoticeCard, PaymentsCard } from '../../miniapp/src/components/after-review';

afterEach(cleanup);

const payment = (over: Partial<AfterReview['payments'][number]>): AfterReview['payments'][number] => ({
  id: '00000000-0000-4000-8000-000000000001',
  kind: 'disbursement',
  kindLabel: '资金拨付',
  amountFen: 3_000_000,
  paymentFen: 18_000_000,
  description: '算力券',
  state: 'prepared',
  stateLabel: paymentWorkflow.states.prepared.label,
  paidOn: null,
  payee: { accountName: '松山湖机器人', bank: '工商银行', accountNumber: '6222****1234' },
  ...over,
});

describe('after review on the progress page', () => {
  it('shows the notice period in Chinese dates with its status', () => {
    const { container } = render(
      <NoticeCard
        notice={{
          startsOn: '2025-09-29',
          endsOn: '2025-10-11',
          state: 'published',
          outcome: 'listed',
          statusLabel: '公示中',
        }}
      />,
    );
    expect(container.textContent).toContain('公示期');
    expect(container.textContent).toContain('2025年9月29日 至 2025年10月11日');
    expect(container.textContent).toContain('公示中');
  });

  it('shows each payment with this application’s share, its state and, once paid, the day', () => {
    const { container } = render(
      <PaymentsCard
        payments={[
          payment({}),
          payment({
            id: '00000000-0000-4000-8000-000000000002',
            amountFen: 150_050,
            state: 'paid',
            stateLabel: paymentWorkflow.states.paid.label,
            paidOn: '2025-10-15',
          }),
        ]}
      />,
    );
    const rows = [...container.querySelectorAll('[data-payment]')];
    expect(rows.map((r) => r.getAttribute('data-payment'))).toEqual(['prepared', 'paid']);
    expect(rows[0]!.textContent).toContain(formatYuan(3_000_000));
    expect(rows[0]!.textContent).toContain('待复核');
    expect(rows[0]!.textContent).not.toContain('支付日期');
    expect(rows[1]!.textContent).toContain('¥1,500.50');
    expect(rows[1]!.textContent).toContain('已支付');
    expect(rows[1]!.textContent).toContain('2025年10月15日');
  });

  it('shows nothing before a notice is published or a payment prepared', () => {
    expect(render(<NoticeCard notice={null} />).container.textContent).toBe('');
    expect(render(<PaymentsCard payments={[]} />).container.textContent).toBe('');
  });
});
