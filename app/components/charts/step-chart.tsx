import { daysBetweenDates, formatShortDate } from "~/utils/time";
import { niceTicks } from "./scale";
import { defined } from "~/utils/invariant";

/**
 * A running total per calendar day as a step line, plain SVG rendered on the server. Each day
 * is one step of equal width (a DST day too). The deadline is a labelled dashed line, the last
 * value is written at the end of the line; the table under the chart has every day.
 */
export type StepPoint = { date: string; cumulative: number };

const WIDTH = 640;
const HEIGHT = 260;
const LEFT = 52;
const RIGHT = 56;
const TOP = 28;
const BOTTOM = 40;

export function StepChart({
  id,
  title,
  summary,
  points,
  firstDate,
  lastDate,
  deadlineDate,
}: {
  id: string;
  title: string;
  summary: string;
  points: StepPoint[];
  firstDate: string;
  lastDate: string;
  deadlineDate: string;
}) {
  const dayCount = Math.max(1, daysBetweenDates(firstDate, lastDate) + 1);
  const plotWidth = WIDTH - LEFT - RIGHT;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const ticks = niceTicks(Math.max(0, ...points.map((p) => p.cumulative)));
  const top = defined(ticks.at(-1), "the top tick (niceTicks gives at least one)");
  const x = (dayIndex: number) => LEFT + (dayIndex / dayCount) * plotWidth;
  const y = (value: number) => TOP + plotHeight - (value / top) * plotHeight;

  let line = `M ${x(0)} ${y(0)}`;
  for (const point of points) {
    const index = daysBetweenDates(firstDate, point.date);
    line += ` V ${y(point.cumulative)} H ${x(index + 1)}`;
  }
  const last = points.at(-1);
  const lastX = last ? x(daysBetweenDates(firstDate, last.date) + 1) : x(0);
  const area = last ? `${line} V ${y(0)} Z` : "";
  const deadlineX = x(daysBetweenDates(firstDate, deadlineDate) + 1);
  const dateLabels = axisDates(firstDate, lastDate, deadlineDate, dayCount).map((label) => ({
    ...label,
    x: x(label.dayIndex),
  }));

  return (
    <svg
      className="chart chart--steps"
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      width={WIDTH}
      height={HEIGHT}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{summary}</desc>
      <text className="chart__caption" x={LEFT} y={14}>
        Aantal ingediend (opgeteld)
      </text>
      {ticks.map((tick) => (
        <g key={tick}>
          <line className="chart__grid" x1={LEFT} x2={WIDTH - RIGHT} y1={y(tick)} y2={y(tick)} />
          <text className="chart__tick" x={LEFT - 8} y={y(tick)} textAnchor="end" dominantBaseline="central">
            {tick}
          </text>
        </g>
      ))}
      {area ? <path className="chart__area" d={area} /> : null}
      <path className="chart__line" d={last ? line : `M ${x(0)} ${y(0)} H ${x(0)}`} />
      {last ? (
        <text className="chart__value" x={Math.min(lastX + 6, WIDTH - 4)} y={y(last.cumulative)} dominantBaseline="central">
          {last.cumulative}
        </text>
      ) : null}
      <line className="chart__deadline" x1={deadlineX} x2={deadlineX} y1={TOP - 6} y2={TOP + plotHeight} />
      <text className="chart__tick" x={deadlineX - 4} y={TOP - 10} textAnchor="end">
        Deadline
      </text>
      <line className="chart__axis" x1={LEFT} x2={WIDTH - RIGHT} y1={y(0)} y2={y(0)} />
      {dateLabels.map((label) => (
        <g key={label.date}>
          <line className="chart__axis" x1={label.x} x2={label.x} y1={y(0)} y2={y(0) + 5} />
          <text className="chart__tick" x={label.x} y={y(0) + 20} textAnchor={label.anchor}>
            {formatShortDate(label.date)}
          </text>
        </g>
      ))}
    </svg>
  );
}

/**
 * Dates under the axis: the opening day, the deadline day (at the end of its step) and the
 * first of each month in between when there is room, so labels never overlap.
 */
function axisDates(firstDate: string, lastDate: string, deadlineDate: string, dayCount: number) {
  const labels: Array<{ date: string; dayIndex: number; anchor: "start" | "middle" | "end" }> = [
    { date: firstDate, dayIndex: 0, anchor: "start" },
    { date: deadlineDate, dayIndex: daysBetweenDates(firstDate, deadlineDate) + 1, anchor: "end" },
  ];
  if (lastDate !== deadlineDate) labels.push({ date: lastDate, dayIndex: dayCount, anchor: "start" });
  // Room per label: about an eighth of the axis.
  const minGap = Math.max(2, Math.ceil(dayCount * 0.12));
  // An ISO date: "2026-01-15".
  const year = Number(firstDate.slice(0, 4));
  const month = Number(firstDate.slice(5, 7));
  for (let m = month + 1, y = year; ; m++) {
    if (m > 12) {
      m = 1;
      y++;
    }
    const date = `${y}-${String(m).padStart(2, "0")}-01`;
    if (date > lastDate) break;
    const dayIndex = daysBetweenDates(firstDate, date);
    if (labels.every((label) => Math.abs(label.dayIndex - dayIndex) >= minGap)) labels.push({ date, dayIndex, anchor: "middle" });
  }
  return labels;
}
