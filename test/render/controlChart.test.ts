import { describe, expect, it } from "vitest";
import { controlChart, type ControlChart, type ControlChartType } from "../../src/index.js";
import { renderControlChart, type RenderChartOptions } from "../../src/render/index.js";
import { summariseControlChart } from "../../src/spc/index.js";
import { COUNTS, DENOMINATORS, HOSTILE, months, RISE } from "./data.js";
import { deepFreeze } from "./freeze.js";
import { checkMarkup, countClass, elementText } from "./xml.js";

const snap = (name: string): string => `../fixtures/render/${name}.svg`;

function check(chart: ControlChart, options: RenderChartOptions = {}): string {
  deepFreeze(chart);
  const svg = renderControlChart(chart, options);
  expect(renderControlChart(chart, options)).toBe(svg);
  const names = checkMarkup(svg);
  expect(names).not.toContain("script");
  expect(countClass(svg, "point")).toBe(chart.points.filter((p) => p.y !== null).length);
  const signalPoints = new Set(chart.signals.flatMap((s) => s.points));
  expect(countClass(svg, "point", "signal")).toBe(chart.points.filter((p) => p.y !== null && signalPoints.has(p.index)).length);
  expect(elementText(svg, "desc")).toBe(summariseControlChart(chart));
  expect(countClass(svg, "limit", "upper")).toBeGreaterThan(0);
  return svg;
}

/** Vertical moves in a limit path: a stepped limit has them, a constant one has none. */
function steps(svg: string, cls: string): number {
  let n = 0;
  for (const m of svg.matchAll(new RegExp(`<path class="${cls}[^"]*" d="([^"]+)"`, "g"))) {
    const pts = [...m[1]!.matchAll(/[ML]([\d.-]+),([\d.-]+)/g)].map((p) => [Number(p[1]), Number(p[2])] as const);
    for (let k = 1; k < pts.length; k++) if (pts[k]![0] === pts[k - 1]![0] && pts[k]![1] !== pts[k - 1]![1]) n++;
  }
  return n;
}

const x = months(16);
const ratioRows = COUNTS.map((y, i) => ({ month: x[i]!, y, n: DENOMINATORS[i]! }));
const subgroupRows = RISE.slice(0, 16).flatMap((v, i) => [0, 1, 2, 3].slice(0, i % 3 === 0 ? 3 : 4).map((k) => ({ month: x[i]!, y: v + ((k * 7 + i) % 5) - 2 })));
const between = [12, 30, 7, 45, 22, 18, 60, 9, 33, 27, 15, 41, 38, 55, 70, 48];

const CASES: Array<{ type: ControlChartType; rows: ReadonlyArray<Record<string, unknown>>; stepped: boolean }> = [
  { type: "i", rows: RISE.map((y, i) => ({ month: months(24)[i]!, y })), stepped: false },
  { type: "mr", rows: RISE.map((y, i) => ({ month: months(24)[i]!, y })), stepped: false },
  { type: "xbar", rows: subgroupRows, stepped: true },
  { type: "s", rows: subgroupRows, stepped: true },
  { type: "p", rows: ratioRows, stepped: true },
  { type: "pp", rows: ratioRows, stepped: true },
  { type: "u", rows: ratioRows, stepped: true },
  { type: "up", rows: ratioRows, stepped: true },
  { type: "c", rows: ratioRows, stepped: false },
  { type: "g", rows: between.map((y, i) => ({ month: x[i]!, y })), stepped: false },
  { type: "t", rows: between.map((y, i) => ({ month: x[i]!, y })), stepped: false },
];

describe("renderControlChart", () => {
  for (const c of CASES) {
    it(`draws a ${c.type} chart's centre, control limits and 2-sigma lines${c.stepped ? " (stepped: varying denominators or subgroup sizes)" : ""}`, async () => {
      const ratio = ["p", "pp", "u", "up"].includes(c.type);
      const chart = controlChart(c.rows, { type: c.type, x: "month", y: "y", ...(ratio ? { n: "n" } : {}), ...(c.type === "p" || c.type === "pp" ? { multiply: 100 } : {}), direction: "increase" });
      const svg = check(chart, { yLabel: c.type === "p" || c.type === "pp" ? "%" : "value" });
      expect(svg).toContain(`qi-${c.type}-chart`);
      if (c.stepped) expect(steps(svg, "limit upper")).toBeGreaterThan(3);
      else expect(steps(svg, "limit upper")).toBe(0);
      if (chart.points.some((p) => p.ucl2 !== null)) expect(countClass(svg, "sigma2")).toBeGreaterThan(0);
      await expect(svg).toMatchFileSnapshot(snap(`control-${c.type}`));
    });
  }

  it("draws a p chart with a frozen baseline, a rebased phase, a target and signals", async () => {
    const rows = [...ratioRows, ...ratioRows.slice(0, 8).map((r, i) => ({ ...r, month: months(8, 2026)[i]!, y: r.y + 14 }))];
    const chart = controlChart(rows, { type: "p", x: "month", y: "y", n: "n", multiply: 100, direction: "increase", phases: ["2025-03-01"], baseline: [8, null], rules: "ihi", target: 50 });
    const svg = check(chart, { title: "Planning meetings within 14 days", subtitle: "p chart, per cent", yLabel: "%", annotations: [{ x: "2025-03-10", label: "Weekly slot adopted" }] });
    expect(countClass(svg, "limit", "upper", "extended")).toBeGreaterThan(0);
    expect(countClass(svg, "phase-break")).toBe(1);
    expect(countClass(svg, "target")).toBe(1);
    expect(svg).toContain(">target 50</text>");
    expect(countClass(svg, "point", "signal", "improvement")).toBeGreaterThan(0);
    await expect(svg).toMatchFileSnapshot(snap("control-p-phases"));
  });

  it("says what the limits vary with, for every chart type (user trial 14: an xbar chart's 'with the denominators')", () => {
    const ys = [12, 15, 11, 14, 13, 16, 12, 18, 17, 19, 20, 18, 21, 22, 19, 23, 24, 22, 25, 26];
    // Rows with denominators 30, 37, 44, 51, 58, …; subgroups of 2, 2, 2, 2, 4, 4, 4 values.
    const withN = ys.map((y, i) => ({ x: i, y, n: 30 + (i % 5) * 7 }));
    const subgroups = ys.map((y, i) => ({ x: i < 8 ? Math.floor(i / 2) : 4 + Math.floor((i - 8) / 4), y }));
    const why = (c: Parameters<typeof summariseControlChart>[0]): string | null => /limits varying (.*?): lower/.exec(summariseControlChart(c).split("\n")[1]!)?.[1] ?? null;
    for (const type of ["p", "pp", "u", "up", "ip"] as const) expect([type, why(controlChart(withN, { type, x: "x", y: "y", n: "n" }))]).toEqual([type, "with the denominators"]);
    for (const type of ["xbar", "s", "r"] as const) expect([type, why(controlChart(subgroups, { type, x: "x", y: "y" }))]).toEqual([type, "with the subgroup sizes"]);
    expect(why(controlChart(subgroups, { type: "ewma", x: "x", y: "y" }))).toBe("over time (the EWMA's limits widen from its start) and with the subgroup sizes");
    expect(why(controlChart(ys, { type: "ewma" }))).toBe("over time (the EWMA's limits widen from its start)");
    // Limits constant within a phase: said as one value each.
    for (const type of ["i", "mr", "c", "g", "t", "i-median", "i-median-mr", "cusum"] as const) expect([type, why(controlChart(ys.map((y, i) => ({ x: i, y })), { type, x: "x", y: "y" }))]).toEqual([type, null]);
    expect(why(controlChart(ys.map((y, i) => ({ x: i, y, n: 30 })), { type: "np", x: "x", y: "y", n: "n" }))).toBeNull();
    // The columnar form says the same.
    expect(why(controlChart(subgroups, { type: "xbar", x: "x", y: "y", output: "columns" }))).toBe("with the subgroup sizes");
    expect(why(controlChart(subgroups, { type: "ewma", x: "x", y: "y", output: "columns" }))).toBe("over time (the EWMA's limits widen from its start) and with the subgroup sizes");
  });

  it("summarises limits that vary with the denominators as a range", () => {
    const chart = controlChart(ratioRows, { type: "p", x: "month", y: "y", n: "n", multiply: 100 });
    expect(summariseControlChart(chart).split("\n")[1]).toMatch(/^Phase 1 \(points 1–16\): mean [\d.]+, control limits varying with the denominators: lower [\d.]+–[\d.]+, upper [\d.]+–[\d.]+, /);
    expect(summariseControlChart(controlChart([5, 6, 5, 7, 6, 5, 6, 5, 6, 30])).split("\n").slice(0, 2)).toEqual([
      "I chart (individuals).",
      "Phase 1 (points 1–10): mean 8.1, control limits 5.11 to 11.1, 5 points beyond the limits.",
    ]);
    const ewma = controlChart([5, 6, 5, 7, 6, 5, 6, 5, 6, 7, 6, 5], { type: "ewma", lambda: 0.2 });
    expect(summariseControlChart(ewma).split("\n")[1]).toMatch(/: mean [\d.]+, control limits varying over time \(the EWMA's limits widen from its start\): lower [\d.]+–[\d.]+, upper [\d.]+–[\d.]+, /);
  });

  it("names a t chart's centre 'centre', not 'mean': it is the mean of y^(1/3.6) back-transformed (a user trial)", () => {
    // y = t^3.6 for t = 1, 2, 3: the mean of t is 2, so the centre is 2^3.6 = 12.13; the mean of y is (1 + 12.13 + 52.20) / 3 = 21.8.
    const rows = [1, 2, 3, 2, 1, 3, 2, 2, 1, 3, 2, 2].map((t) => t ** 3.6);
    const chart = controlChart(rows, { type: "t" });
    expect(chart.phases[0]!.centre).toBeCloseTo(2 ** 3.6, 9);
    expect(summariseControlChart(chart).split("\n")[1]).toMatch(/^Phase 1 \(points 1–12\): centre 12\.1, /);
    const svg = check(chart, {});
    expect(svg).toContain(">centre 12.1</text>");
    expect(svg).toContain(">Centre</text>");
    expect(svg).not.toMatch(/>mean |>Mean</);
    // Its signals are about the centre line: the 9 points after the baseline are above it (a shift, IHI rules).
    const shifted = controlChart([...rows, ...Array.from({ length: 9 }, () => 2.5 ** 3.6)], { type: "t", baseline: 12, rules: "ihi" });
    expect(shifted.signals.map((x) => x.message).join(" ")).toContain("above the centre line");
  });

  it("renders hostile labels as text", () => {
    const chart = controlChart(RISE);
    const svg = check(chart, { title: HOSTILE, yLabel: HOSTILE, annotations: [{ x: 4, label: HOSTILE }] });
    expect(svg).not.toContain("<script");
  });

  it("leaves the limits of points without a denominator out", () => {
    const rows = ratioRows.map((r, i) => (i === 5 ? { ...r, y: null, n: null } : r));
    const chart = controlChart(rows, { type: "u", x: "month", y: "y", n: "n" });
    const svg = check(chart);
    const d = /<path class="limit upper" d="([^"]+)"/.exec(svg)![1]!;
    expect(d.match(/M/g)!.length).toBe(2);
  });
});
