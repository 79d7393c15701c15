/** Axis helpers for the hand-drawn SVG charts (docs/decisions/0017-reports-with-svg-charts.md). */

/** Whole tick values from 0 to at least `max`: steps of 1, 2 or 5 times a power of ten, at most 5 steps. */
export function niceTicks(max: number): number[] {
  const top = Math.max(1, Math.ceil(max));
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(top / 5)));
  const step = [1, 2, 5, 10].map((f) => f * magnitude).find((s) => Math.ceil(top / s) <= 5) ?? 10 * magnitude;
  const ticks: number[] = [];
  for (let value = 0; ; value += step) {
    ticks.push(value);
    if (value >= top) break;
  }
  return ticks;
}
