import { act, cleanup, render, screen } from '@testing-library/react';
import { computeVoucherWorkflow, resubmissionDeadline, timeline } from '@dg/policy';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DeadlineCountdown, remaining } from '../../miniapp/src/components/countdown';
import { TimelineView } from '../../miniapp/src/components/timeline';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('progress timeline', () => {
  it('draws the workflow stages with the returned application shown at its stage', () => {
    const history = [
      { state: 'submitted' as const, at: new Date('2025-11-01T02:00:00Z') },
      { state: 'qualification_review' as const, at: new Date('2025-11-02T02:00:00Z') },
      { state: 'formal_review' as const, at: new Date('2025-11-03T02:00:00Z') },
      { state: 'returned' as const, at: new Date('2025-11-04T02:00:00Z') },
    ];
    const line = timeline(computeVoucherWorkflow, history);
    const { container } = render(<TimelineView timeline={line} />);
    const stages = [...container.querySelectorAll('[data-stage]')];
    expect(stages.map((s) => s.getAttribute('data-stage'))).toEqual([...computeVoucherWorkflow.mainPath]);
    const current = container.querySelector('[data-status="current"]')!;
    expect(current.textContent).toContain('退回补正');
    expect(container.querySelector('[data-stage="submitted"]')!.textContent).toContain('2025年11月1日');
    expect(container.querySelectorAll('[data-status="next"]').length).toBe(
      line.stages.filter((s) => s.status === 'next').length,
    );
  });
});

describe('CV-13 countdown', () => {
  it('counts down to 23:59:59 Shanghai time of the fifth natural day after the return, live', () => {
    vi.useFakeTimers();
    const returnedAt = new Date('2025-11-04T02:00:00Z'); // 10:00 in Shanghai
    const deadline = resubmissionDeadline(returnedAt);
    const now = new Date('2025-11-09T15:59:50Z'); // 23:59:50 on day D+5 in Shanghai
    vi.setSystemTime(now);
    render(<DeadlineCountdown deadline={deadline} now={now} />);
    expect(screen.getByTestId('countdown').textContent).toBe('0天 00:00:09');
    act(() => {
      vi.advanceTimersByTime(3000);
    });
    expect(screen.getByTestId('countdown').textContent).toBe('0天 00:00:06');
    act(() => {
      vi.advanceTimersByTime(10_000);
    });
    expect(screen.queryByTestId('countdown')).toBeNull();
    expect(screen.getByText('补正期限已过')).toBeTruthy();
  });

  it('formats days, hours, minutes and seconds', () => {
    expect(remaining(new Date(90_061_000), new Date(0))).toBe('1天 01:01:01');
    expect(remaining(new Date(0), new Date(1))).toBeNull();
  });
});
