// tz-independent: numbers only.
// Issue #18, finding 7: renderRunChart of 4×10⁶ points aborted Node (heap, V8's longest string).
import { describe, expect, it } from "vitest";
import { QiError, controlChart, renderControlChart, renderRunChart, runChart } from "../../src/index.js";
import { MAX_RENDER_POINTS } from "../../src/render/runChart.js";

describe("renderRunChart beyond MAX_RENDER_POINTS", () => {
  it("stops with too-many-points naming the limit, before drawing", () => {
    const y = new Float64Array(MAX_RENDER_POINTS + 1).map((_, i) => (i * 7919) % 37);
    const chart = runChart(Array.from(y), { output: "points" });
    let error: unknown;
    try {
      renderRunChart(chart);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QiError);
    expect(error).toMatchObject({ code: "too-many-points", path: ["chart", "points"] });
    expect((error as Error).message).toContain("the chart has 1,000,001 points, more than the 1,000,000 a chart can draw (MAX_RENDER_POINTS): aggregate the series first (e.g. by week or month)");
  });
});

describe("renderControlChart beyond MAX_RENDER_POINTS", () => {
  it("stops with too-many-points as the run chart does", () => {
    const y = Array.from({ length: MAX_RENDER_POINTS + 1 }, (_, i) => (i * 7919) % 37);
    const chart = controlChart(y, { type: "i" });
    expect(() => renderControlChart(chart)).toThrow(expect.objectContaining({ code: "too-many-points", path: ["chart", "points"] }));
  });
});
