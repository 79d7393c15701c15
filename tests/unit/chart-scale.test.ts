import { describe, expect, it } from "vitest";
import { niceTicks } from "~/components/charts/scale";

describe("niceTicks", () => {
  it("gives whole, round ticks from zero up to at least the maximum, at most five steps", () => {
    expect(niceTicks(0)).toEqual([0, 1]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(7)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(12)).toEqual([0, 5, 10, 15]);
    expect(niceTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(285)).toEqual([0, 100, 200, 300]);
  });
});
