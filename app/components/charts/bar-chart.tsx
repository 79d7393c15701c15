/**
 * A horizontal bar chart as plain SVG, rendered on the server. Every bar carries its label and
 * its value as text, so nothing depends on colour; screen readers get the title and a summary
 * (and the same numbers in the table under the chart).
 */
export type Bar = { label: string; value: number; valueText: string };

const WIDTH = 640;
const LABEL_WIDTH = 236;
const VALUE_WIDTH = 150;
const ROW = 30;
const BAR = 18;

export function BarChart({
  id,
  title,
  bars,
  max,
  track = false,
  summary,
}: {
  /** Unique on the page: the title and summary are referenced by id */
  id: string;
  title: string;
  bars: Bar[];
  /** The value of a full bar; by default the largest value */
  max?: number;
  /** Draw the full length behind each bar (for shares of a whole) */
  track?: boolean;
  /** What the chart says, in words; by default every label with its value */
  summary?: string;
}) {
  const full = Math.max(max ?? Math.max(0, ...bars.map((b) => b.value)), 1);
  const area = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = bars.length * ROW + 4;
  const description = summary ?? bars.map((b) => `${b.label}: ${b.valueText}`).join("; ");
  return (
    <svg
      className="chart chart--bars"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${height}`}
      width={WIDTH}
      height={height}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      {bars.map((bar, index) => {
        const y = index * ROW + 2;
        const length = (Math.max(0, Math.min(bar.value, full)) / full) * area;
        return (
          <g key={bar.label}>
            <text className="chart__label" x={LABEL_WIDTH - 10} y={y + BAR / 2} dominantBaseline="central" textAnchor="end">
              {bar.label}
            </text>
            {track ? <rect className="chart__track" x={LABEL_WIDTH} y={y} width={area} height={BAR} /> : null}
            {length > 0 ? <rect className="chart__bar" x={LABEL_WIDTH} y={y} width={Math.max(length, 1.5)} height={BAR} /> : null}
            <text className="chart__value" x={LABEL_WIDTH + (track ? area : length) + 8} y={y + BAR / 2} dominantBaseline="central">
              {bar.valueText}
            </text>
          </g>
        );
      })}
      <line className="chart__axis" x1={LABEL_WIDTH} x2={LABEL_WIDTH} y1={0} y2={height} />
    </svg>
  );
}
