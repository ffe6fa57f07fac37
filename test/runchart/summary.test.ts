import { describe, expect, it } from "vitest";
import { runChart, summariseMeasures, summariseRunChart, summariseVerdict } from "../../src/index.js";

describe("summariseRunChart", () => {
  it("writes the astronomical points of a new level as one line that names their shift (session 13 user trial: the README's example listed 15, one a line)", () => {
    // Baseline of 12: Q1 143, Q3 151.125 (type 7), IQR 8.125, lower far-out fence 143 − 3 × 8.125 = 118.625.
    const baseline = [139, 140, 143, 143, 144, 145.5, 146.5, 147, 150.5, 153, 160, 168.5];
    // After it: 8 values below 118.625 (113.5 … 100); 120, 125 and 130 are not.
    const later = [150, 130, 125, 120, 113.5, 104.5, 107, 104, 116.5, 108.5, 104, 100];
    const chart = runChart([...baseline, ...later], { baseline: 12, direction: "decrease" });
    expect(chart.signals.filter((s) => s.rule === "astronomical")).toHaveLength(8);
    const lines = summariseRunChart(chart).split("\n");
    expect(lines.filter((l) => l.includes("astronomical"))).toEqual([
      "- 8 astronomical points, below 118.6, Tukey's far-out fence (Q1 − 3 × IQR), an improvement: point 17 (113.5), point 18 (104.5), point 19 (107), point 20 (104), point 21 (116.5), point 22 (108.5), point 23 (104), point 24 (100). All are in the shift of 11 points below the median from point 14 to point 24: a new level rather than single unusual values.",
    ]);
  });

  it("keeps a single astronomical point on its own line", () => {
    const chart = runChart([10, 11, 9, 10, 12, 10, 11, 9, 10, 11, 60, 10], { direction: "decrease" });
    const lines = summariseRunChart(chart).split("\n").filter((l) => l.includes("astronomical"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^- point 11 \(60\) is an astronomical point, above /);
  });
});

describe("a re-phased chart (session 13 user trial: a sustained improvement read 'no signal: consistent with chance')", () => {
  // 14 points around 55, then 12 around 82: rephase starts phase 2 at point 15 (median 55 → 82).
  const y = [50, 55, 52, 58, 54, 56, 53, 57, 55, 51, 56, 54, 55, 53, 80, 82, 85, 79, 83, 84, 81, 86, 80, 82, 85, 83];
  const rows = y.map((v, i) => ({ x: `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`, y: v }));
  const chart = runChart(rows, { x: "x", y: "y", direction: "increase", rephase: true });

  it("says the re-phase in the text, beside 'no signals within the phases'", () => {
    expect(chart.phases.map((p) => [p.origin, p.start, p.centre])).toEqual([["data", 0, 55], ["rephase", 14, 82]]);
    expect(chart.signals).toEqual([]);
    const text = summariseRunChart(chart);
    expect(text).toContain("No signals within the phases: the variation around each median is consistent with chance.");
    expect(text).toContain("- Re-phased from point 15: a sustained run above the previous median (55 → 82), an improvement.");
    expect(text).not.toContain("No signals: the variation is consistent with chance.");
  });

  it("is an improvement for the verdict and the board, since the re-phase", () => {
    expect(summariseVerdict(chart)).toEqual({ kind: "improvement", text: "improvement signal: re-phased after a sustained run above the previous median (55 → 82)", rule: "rephase", signals: 0 });
    const down = runChart(rows, { x: "x", y: "y", direction: "decrease", rephase: true });
    expect(summariseVerdict(down).kind).toBe("deterioration");
    const row = summariseMeasures([{ name: "m", chart }]).rows[0]!;
    expect([row.category, row.since?.label, row.reading]).toEqual(["improvement", "Mar 2024", "special cause improvement since Mar 2024"]);
  });
});
