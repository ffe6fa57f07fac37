import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { controlChart, type Variation } from "../../src/spc/index.js";

// Oracle: NHSRplotthedots 0.2.2 ptd_spc(); see ../shared/oracle/README.md.
const all: any[] = JSON.parse(readFileSync(new URL("../fixtures/plotthedots.json", import.meta.url), "utf8"));
const cases = all.filter((c) => c.out !== undefined);
const refused = all.filter((c) => c.error !== undefined);

const close = (a: number | null, b: number | null, tol = 1e-9): boolean =>
  a === null || b === null ? a === b : Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

const POINT_TYPE: Record<Variation, string> = {
  "common-cause": "common_cause",
  improvement: "special_cause_improvement",
  concern: "special_cause_concern",
  "neutral-high": "special_cause_neutral_high",
  "neutral-low": "special_cause_neutral_low",
};
const ASSURANCE: Record<string, string> = { pass: "consistent_pass", fail: "consistent_fail", inconsistent: "inconsistent" };

// The cases with a rebase group shorter than fix_after_n_points: the package uses the whole group
// (0.2.2); pace-qi threw baseline-too-long before, and now warns and does the same.
const SHORT_GROUPS = ["m101-097"];

function run(c: any) {
  const rows = (c.dates as string[]).map((date, i) => ({ date, value: c.y[i] as number }));
  const phases = c.rebase === null ? undefined : (Array.isArray(c.rebase) ? c.rebase : [c.rebase]);
  // fix_after_n_points is passed as it is: a rebase group shorter than N uses all its points with
  // a baseline-longer-than-phase warning, as the package does.
  return controlChart(rows, {
    x: "date",
    y: "value",
    rules: "mdc",
    direction: c.improvementDirection,
    screenMovingRanges: c.screenOutliers,
    ...(c.target !== null ? { target: c.target } : {}),
    ...(phases ? { phases } : {}),
    ...(c.fixAfterNPoints !== null ? { baseline: c.fixAfterNPoints as number } : {}),
  });
}

function disagreement(c: any): string | null {
  const chart = run(c);
  const o = c.out;
  for (let i = 0; i < c.y.length; i++) {
    const p = chart.points[i]!;
    if (p.phase !== o.rebaseGroup[i]) return `${c.id} point ${i}: rebase group ${p.phase} ≠ ${o.rebaseGroup[i]}`;
    if (!close(p.centre, o.mean[i])) return `${c.id} point ${i}: mean ${p.centre} ≠ ${o.mean[i]}`;
    if (!close(p.lcl, o.lpl[i])) return `${c.id} point ${i}: lpl ${p.lcl} ≠ ${o.lpl[i]}`;
    if (!close(p.ucl, o.upl[i])) return `${c.id} point ${i}: upl ${p.ucl} ≠ ${o.upl[i]}`;
    const sct = o.specialCauseType[i] as string;
    const label = sct.startsWith("Above UCL") || sct.startsWith("Below LCL") ? "beyond-limits" : sct.startsWith("7 Point Trend") ? "trend" : sct.startsWith("2 in 3") ? "two-of-three" : sct.startsWith("7 Points") ? "shift" : null;
    if (p.label !== label) return `${c.id} point ${i}: label ${p.label} ≠ ${sct}`;
    if (POINT_TYPE[p.variation!] !== o.pointType[i]) return `${c.id} point ${i}: ${p.variation} (${p.label}) ≠ ${o.pointType[i]} (${o.specialCauseType[i]})`;
  }
  const variation = Array.isArray(o.variationType) ? o.variationType : [o.variationType];
  const assurance = Array.isArray(o.assuranceType) ? o.assuranceType : chart.phases.map((_, k) => (k === chart.phases.length - 1 ? o.assuranceType : null));
  for (const [k, ph] of chart.phases.entries()) {
    if (POINT_TYPE[ph.variationIcon!] !== variation[k]) return `${c.id} phase ${k}: variation icon ${ph.variationIcon} ≠ ${variation[k]}`;
    const got = ph.assuranceIcon === null ? null : ASSURANCE[ph.assuranceIcon];
    if (got !== assurance[k]) return `${c.id} phase ${k}: assurance icon ${got} ≠ ${assurance[k]}`;
  }
  return null;
}

describe("NHSRplotthedots 0.2.2 (oracle: ../shared/oracle/plotthedots.json)", () => {
  it("has the cases", () => {
    expect(all.length).toBe(150);
    expect(cases.length).toBe(148);
  });
  it.each(cases.map((c) => [c.id, c]))("%s", (_id, c) => {
    expect(disagreement(c)).toBeNull();
  });
  it("every case agrees, the ones with a rebase group shorter than fix_after_n_points too (the whole group, with a warning)", () => {
    const short = cases.filter((c) => run(c).warnings.some((w) => w.code === "baseline-longer-than-phase"));
    expect(short.map((c) => c.id)).toEqual(SHORT_GROUPS);
    expect(short.map(disagreement)).toEqual(short.map(() => null));
    expect(cases.map(disagreement).filter((d) => d !== null)).toEqual([]);
  });
  // The package refuses fix_after_n_points < 12; the library accepts any baseline of 1 or more
  // points (a short baseline gives wide, unreliable limits, which the docs say).
  it.each(refused.map((c) => [c.id, c]))("%s (refused by the package) runs here", (_id, c) => {
    expect(c.error).toMatch(/greater than or equal to 12/);
    expect(run(c).phases[0]!.baselineEnd).toBe(c.fixAfterNPoints - 1);
  });
});
