// Second user trial, finding 7: `analyse --chart p --target 80` without `--multiply 100` said
// "consistently failing the target 80" and squashed the chart, with no word that a proportion can
// never reach 80. Now a `target-off-scale` warning (docs/control-charts.md, "Targets").
import { describe, expect, it } from "vitest";
import { optionsToFlags } from "../../src/cli/qiMap.js";
import { ANALYSE_FLAGS } from "../../src/cli/analyse.js";
import { controlChart, runChart } from "../../src/index.js";

const rows = Array.from({ length: 20 }, (_, i) => ({ x: i + 1, y: 10 + (i % 5), n: 30 }));
const codes = (w: { code: string }[]) => w.map((x) => x.code).filter((c) => c === "target-off-scale");

describe("a target a proportion can never reach: target-off-scale", () => {
  it("a p chart's target of 80 without multiply: did you mean 0.8, or multiply: 100?", () => {
    const w = controlChart(rows, { type: "p", x: "x", y: "y", n: "n", target: 80, rules: "mdc", direction: "increase" }).warnings.find((x) => x.code === "target-off-scale");
    expect(w?.message).toBe("The target 80 is outside 0–1, the range of a p chart's proportions: no value can reach it. Did you mean target: 0.8, or multiply: 100 to plot per cent?");
    expect(optionsToFlags(w!.message, { flags: ANALYSE_FLAGS })).toContain("Did you mean --target 0.8, or --multiply 100 to plot per cent?");
  });

  it("on the right scale, or on a chart of counts or rates, no warning", () => {
    expect(codes(controlChart(rows, { type: "p", x: "x", y: "y", n: "n", target: 80, multiply: 100 }).warnings)).toEqual([]);
    expect(codes(controlChart(rows, { type: "p", x: "x", y: "y", n: "n", target: 0.8 }).warnings)).toEqual([]);
    expect(codes(controlChart(rows, { type: "u", x: "x", y: "y", n: "n", target: 80 }).warnings)).toEqual([]);
    expect(codes(controlChart(rows, { type: "c", x: "x", y: "y", target: 80 }).warnings)).toEqual([]);
    expect(codes(runChart(rows, { x: "x", y: "y", target: 80 }).warnings)).toEqual([]);
    // A ratio above 1 (y beyond n) is a rate, not a proportion: any target may be meant.
    const rates = rows.map((r, i) => ({ ...r, y: i === 3 ? 45 : r.y }));
    expect(codes(runChart(rates, { x: "x", y: "y", n: "n", target: 80 }).warnings)).toEqual([]);
  });

  it("p′ charts, a negative target, and run and i charts of proportions (y within n)", () => {
    expect(controlChart(rows, { type: "pp", x: "x", y: "y", n: "n", target: -0.1 }).warnings.find((x) => x.code === "target-off-scale")?.message).toBe(
      "The target -0.1 is outside 0–1, the range of a p′ chart's proportions: no value can reach it. Give the target on the plotted scale (0–1).",
    );
    expect(codes(controlChart(rows, { type: "i", x: "x", y: "y", n: "n", target: 80 }).warnings)).toEqual(["target-off-scale"]);
    const run = runChart(rows, { x: "x", y: "y", n: "n", target: 250, multiply: 100 }).warnings.find((x) => x.code === "target-off-scale");
    expect(run?.message).toBe("The target 250 is outside 0–100, the range of proportions (every y here is within its n): no value can reach it. Give the target on the plotted scale (0–100).");
    expect(codes(runChart(rows, { x: "x", y: "y", n: "n", target: 80, output: "columns" }).warnings)).toEqual(["target-off-scale"]);
  });
});
