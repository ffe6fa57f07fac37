import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { controlChart } from "../../src/spc/index.js";

// Oracle: qcc 3.0's Western Electric rule 4 on its Shewhart charts (../shared/oracle/spc-extra.json,
// the R, xbar, np, xbar.one and known-parameter kinds; copied to test/fixtures/qcc-runs.json with
// only what this test reads). qcc flags "the 8th or a later point of a run of ≥ 8 on one side of
// the centre (a point on the centre breaks the run)", 1-based.
const cases: { id: string; kind: string; statistics: number[]; center: number; runViolations: number[] }[] = JSON.parse(
  readFileSync(new URL("../fixtures/qcc-runs.json", import.meta.url), "utf8"),
);

/** pace-qi's shift rule with qcc's run length and tie rule, against qcc's centre; the 8th point on of each shift. */
function runViolations(c: (typeof cases)[number]): number[] {
  const chart = controlChart(c.statistics, { type: "i", centre: c.center, rules: { preset: "shewhart", beyondLimits: false, shift: { length: 8, onCentre: "break" } } });
  return chart.signals.filter((s) => s.rule === "shift").flatMap((s) => s.points.slice(7).map((i) => i + 1));
}

describe("qcc 3.0 run rule (Western Electric rule 4)", () => {
  it("has the cases, some with runs", () => {
    expect(cases.length).toBe(25);
    expect(cases.filter((c) => c.runViolations.length > 0).length).toBe(4);
  });
  it.each(cases.map((c) => [c.id, c] as const))("%s", (_id, c) => {
    expect(runViolations(c)).toEqual(c.runViolations);
  });
});
