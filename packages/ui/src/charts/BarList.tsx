import { Empty } from 'antd';

export interface Bar {
  label: string;
  value: number;
  /** What is shown at the bar's end (a formatted amount, "12 / 30"…); default: the value. */
  text?: string;
}

/** Horizontal bars for counts or amounts by category (stage, town, program); plain HTML, no chart library. */
export function BarList({ bars, color = '#1f4e99' }: { bars: Bar[]; color?: string }) {
  if (bars.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" />;
  const max = Math.max(...bars.map((b) => b.value), 1);
  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: 'max-content 1fr max-content',
        gap: '6px 10px',
        alignItems: 'center',
      }}
    >
      {bars.map((bar) => (
        <div key={bar.label} style={{ display: 'contents' }}>
          <span style={{ fontSize: 13 }}>{bar.label}</span>
          <div style={{ background: '#f0f2f5', height: 14, borderRadius: 2 }}>
            <div
              style={{
                width: `${(bar.value / max) * 100}%`,
                background: color,
                height: '100%',
                borderRadius: 2,
              }}
            />
          </div>
          <span style={{ fontSize: 13, fontVariantNumeric: 'tabular-nums' }}>{bar.text ?? bar.value}</span>
        </div>
      ))}
    </div>
  );
}
