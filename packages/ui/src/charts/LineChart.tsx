import { Empty } from 'antd';
import { formatShanghaiDateTime } from '../format/time';

export interface Series {
  name: string;
  color: string;
  values: (number | null)[];
}

interface LineChartProps {
  /** ISO instants, one per point of every series. */
  times: string[];
  series: Series[];
  /** Upper bound of the y axis (e.g. 100 for percentages); default: the largest value. */
  max?: number;
  unit?: string;
  height?: number;
}

const WIDTH = 720;
const PAD = { left: 44, right: 12, top: 12, bottom: 28 };

/** A small dependency-free SVG line chart: enough for a node's metrics over time; gaps where a value is missing. */
export function LineChart({ times, series, max, unit = '', height = 220 }: LineChartProps) {
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (all.length === 0) return <Empty description="该时段暂无数据" />;
  // One point makes no line: say so rather than claim there is no data.
  if (times.length < 2) return <Empty description="该时段仅有一次采样，再有一次即可绘出曲线" />;
  const top = max ?? Math.max(...all, 1);
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = height - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (i / (times.length - 1)) * innerW;
  const y = (v: number) => PAD.top + innerH - (Math.min(v, top) / top) * innerH;
  const path = (values: (number | null)[]) =>
    values
      .map((v, i) =>
        v === null
          ? null
          : `${i === 0 || values[i - 1] === null ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`,
      )
      .filter(Boolean)
      .join(' ');
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * top);

  return (
    <div>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img">
        <title>{series.map((s) => s.name).join('、')}</title>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} stroke="#eef0f4" />
            <text x={PAD.left - 6} y={y(t) + 4} fontSize="11" textAnchor="end" fill="#8c8c8c">
              {Number.isInteger(t) ? t : t.toFixed(1)}
              {unit}
            </text>
          </g>
        ))}
        {[0, times.length - 1].map((i) => (
          <text
            key={i}
            x={x(i)}
            y={height - 8}
            fontSize="11"
            textAnchor={i === 0 ? 'start' : 'end'}
            fill="#8c8c8c"
          >
            {formatShanghaiDateTime(times[i]!)}
          </text>
        ))}
        {series.map((s) => (
          <path key={s.name} d={path(s.values)} fill="none" stroke={s.color} strokeWidth={1.8} />
        ))}
      </svg>
      <div style={{ display: 'flex', gap: 16, justifyContent: 'center', fontSize: 12 }}>
        {series.map((s) => (
          <span key={s.name}>
            <span
              style={{
                display: 'inline-block',
                width: 12,
                height: 3,
                background: s.color,
                marginRight: 6,
                verticalAlign: 'middle',
              }}
            />
            {s.name}
          </span>
        ))}
      </div>
    </div>
  );
}
