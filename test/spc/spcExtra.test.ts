import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { bernoulliCusum, controlChart, paretoChart, type ControlChart, type ControlChartType } from "../../src/spc/index.js";

// Oracle: qcc 3.0 (cusum, ewma, Shewhart R/xbar/np/xbar.one/known) and qicharts2 0.8.1 (ip);
// conventions in ../shared/oracle/README.md (spc-extra.json). Indices in `out` are 1-based.
const all: any[] = JSON.parse(readFileSync(new URL("../fixtures/spc-extra.json", import.meta.url), "utf8"));
const byKind = (...kinds: string[]) => all.filter((c) => kinds.includes(c.kind));

const close = (a: number | null | undefined, b: number | null, tol = 1e-9): boolean =>
  a === null || a === undefined || b === null ? (a ?? null) === b : Math.abs(a - b) <= tol * Math.max(1, Math.abs(b));

/** qcc's data (a plain array, or rows of a subgroup padded with null) as rows { x, y }. */
function rowsOf(data: (number | null | (number | null)[])[]): { x: number; y: number }[] {
  const rows: { x: number; y: number }[] = [];
  data.forEach((d, i) => {
    for (const v of Array.isArray(d) ? d : [d]) if (v !== null) rows.push({ x: i + 1, y: v });
  });
  return rows;
}

function compareArrays(name: string, got: (number | null | undefined)[], want: (number | null)[]): string | null {
  if (got.length !== want.length) return `${name}: ${got.length} values, want ${want.length}`;
  for (let i = 0; i < want.length; i++) if (!close(got[i], want[i]!)) return `${name}[${i + 1}] ${got[i]} ≠ ${want[i]}`;
  return null;
}

const signalled = (chart: ControlChart, side?: "above" | "below"): number[] =>
  chart.signals.filter((s) => s.rule === "beyond-limits" && (side === undefined || s.side === side)).flatMap((s) => s.points.map((i) => i + 1)).sort((a, b) => a - b);

function firstProblem(checks: (string | null)[]): string | null {
  return checks.find((c) => c !== null) ?? null;
}

const RULES = { preset: "shewhart", shift: { length: 8, onCentre: "break" } } as const;

function shewhart(c: any): string | null {
  const a = c.args;
  const o = c.out;
  const kind: string = c.kind === "known" ? ({ xbar: "xbar", "xbar.one": "xbar.one", R: "R" } as Record<string, string>)[a.type]! : c.kind === "xbar.one-SD" ? "xbar.one" : c.kind;
  const type: ControlChartType = kind === "R" ? "r" : kind === "xbar" ? "xbar" : kind === "np" ? "np" : "i";
  const known = c.kind === "known" ? { centre: a.center, sigma: a["std.dev"] } : {};
  const sigma = c.kind === "xbar" ? { sigma: "range" as const } : c.kind === "xbar.one-SD" ? { sigma: "sd" as const } : {};
  const chart =
    type === "np"
      ? controlChart((c.inputs.data as number[]).map((y) => ({ y, n: c.inputs.sizes[0] })), { type, y: "y", n: "n", rules: RULES })
      : controlChart(rowsOf(c.inputs.data), { type, x: "x", y: "y", rules: RULES, ...known, ...sigma });
  const p = chart.points;
  const phase = chart.phases[0]!;
  // σ back from the limits: centre + 3σ·(1/√n for xbar; d₃ for R; √(n p̄(1 − p̄)) read as σ for np).
  const sd = (i: number): number => (p[i]!.ucl! - p[i]!.centre!) / 3;
  const d3: Record<number, number> = { 2: 0.8525033, 3: 0.8883697, 4: 0.8798108, 5: 0.8640855, 6: 0.8480442 };
  const sigmaOf = type === "xbar" ? sd(0) * Math.sqrt(p[0]!.n!) : type === "r" ? sd(0) / d3[p[0]!.n!]! : sd(0);
  const shifts = chart.signals.filter((s) => s.rule === "shift").flatMap((s) => s.points.slice(7).map((i) => i + 1));
  const beyond = signalled(chart);
  const violations = p.map((_, i) => (beyond.includes(i + 1) ? 1 : shifts.includes(i + 1) ? 4 : null));
  return firstProblem([
    compareArrays("statistics", p.map((q) => q.y), o.statistics),
    ...(type === "np" ? [] : [compareArrays("sizes", p.map((q) => q.n ?? 1), o.sizes)]),
    close(phase.centre, o.center) ? null : `center ${phase.centre} ≠ ${o.center}`,
    close(sigmaOf, o.stdDev) ? null : `stdDev ${sigmaOf} ≠ ${o.stdDev}`,
    compareArrays("lcl", p.map((q) => q.lcl), o.lcl),
    compareArrays("ucl", p.map((q) => q.ucl), o.ucl),
    JSON.stringify(beyond) === JSON.stringify(o.beyondLimits) ? null : `beyondLimits ${beyond} ≠ ${o.beyondLimits}`,
    JSON.stringify(shifts) === JSON.stringify(o.runViolations) ? null : `runViolations ${shifts} ≠ ${o.runViolations}`,
    JSON.stringify(violations) === JSON.stringify(o.violations) ? null : `violations ${violations} ≠ ${o.violations}`,
  ]);
}

function sequential(c: any): string | null {
  const a = c.args;
  const o = c.out;
  const known = a.center !== undefined ? { centre: a.center, sigma: a["std.dev"] } : {};
  const chart =
    c.kind === "cusum"
      ? controlChart(rowsOf(c.inputs.data), { type: "cusum", x: "x", y: "y", decisionInterval: a["decision.interval"], shift: a["se.shift"], ...known })
      : controlChart(rowsOf(c.inputs.data), { type: "ewma", x: "x", y: "y", lambda: a.lambda, sigmas: a.nsigmas, ...known });
  const p = chart.points;
  const phase = chart.phases[0]!;
  const common = [
    c.kind === "cusum" ? compareArrays("statistics", p.map((q) => q.y), o.statistics) : compareArrays("statistics", p.map((q) => q.value ?? q.n), c.subgroups ? o.sizes : o.statistics),
    compareArrays("sizes", p.map((q) => q.n ?? 1), o.sizes),
    close(phase.centre, o.center) ? null : `center ${phase.centre} ≠ ${o.center}`,
    close(phase.sigma, o.stdDev) ? null : `stdDev ${phase.sigma} ≠ ${o.stdDev}`,
  ];
  if (c.kind === "cusum") {
    return firstProblem([
      ...common,
      compareArrays("pos", p.map((q) => q.upper), o.pos),
      compareArrays("neg", p.map((q) => q.lower), o.neg),
      JSON.stringify(signalled(chart, "above")) === JSON.stringify(o.violationsUpper) ? null : `violationsUpper ${signalled(chart, "above")} ≠ ${o.violationsUpper}`,
      JSON.stringify(signalled(chart, "below")) === JSON.stringify(o.violationsLower) ? null : `violationsLower ${signalled(chart, "below")} ≠ ${o.violationsLower}`,
    ]);
  }
  return firstProblem([
    ...common,
    compareArrays("ewma", p.map((q) => q.y), o.ewma),
    compareArrays("sigma", p.map((q) => (q.ucl! - q.centre!) / a.nsigmas), o.sigma),
    compareArrays("lcl", p.map((q) => q.lcl), o.lcl),
    compareArrays("ucl", p.map((q) => q.ucl), o.ucl),
    JSON.stringify(signalled(chart)) === JSON.stringify(o.violations) ? null : `violations ${signalled(chart)} ≠ ${o.violations}`,
  ]);
}

function ip(c: any): string | null {
  const a = c.args;
  const o = c.out;
  const asList = (v: unknown): number[] => (v === null ? [] : Array.isArray(v) ? v : [v as number]);
  const rows = (c.inputs.y as (number | null)[]).map((y, i) => ({ y, n: c.inputs.n === null ? null : c.inputs.n[i] }));
  const chart = controlChart(rows, {
    type: "ip", y: "y", ...(c.inputs.n !== null ? { n: "n" } : {}), rules: "anhoej",
    ...(a.freeze !== null ? { baseline: a.freeze } : {}),
    ...(a.part !== null ? { phases: asList(a.part) } : {}),
    ...(a.exclude !== null ? { exclude: asList(a.exclude).map((i) => i - 1) } : {}),
  });
  const p = chart.points;
  const ph = (i: number) => chart.phases[p[i]!.phase]!;
  const sigma = p.map((q) => (q.excluded ? q.y !== null && ((q.ucl !== null && q.y > q.ucl) || (q.lcl !== null && q.y < q.lcl)) : q.signals.includes("beyond-limits")));
  return firstProblem([
    compareArrays("y", p.map((q) => q.y), o.y),
    compareArrays("cl", p.map((q) => q.centre), o.cl),
    compareArrays("ucl", p.map((q) => q.ucl), o.ucl),
    compareArrays("lcl", p.map((q) => q.lcl), o.lcl),
    compareArrays("ucl95", p.map((q) => q.ucl2), o.ucl95),
    compareArrays("lcl95", p.map((q) => q.lcl2), o.lcl95),
    JSON.stringify(p.map((q) => q.phase + 1)) === JSON.stringify(o.part) ? null : "part",
    JSON.stringify(sigma) === JSON.stringify(o.sigmaSignal) ? null : `sigmaSignal ${sigma} ≠ ${o.sigmaSignal}`,
    JSON.stringify(p.map((_, i) => ph(i).runsSignal)) === JSON.stringify(o.runsSignal) ? null : "runsSignal",
    JSON.stringify(p.map((_, i) => ph(i).nUseful)) === JSON.stringify(o.nUseful) ? null : "nUseful",
    JSON.stringify(p.map((_, i) => ph(i).longestRun)) === JSON.stringify(o.longestRun) ? null : "longestRun",
    JSON.stringify(p.map((_, i) => ph(i).crossings)) === JSON.stringify(o.nCrossings) ? null : "nCrossings",
  ]);
}

describe("qcc 3.0 Shewhart charts: R, xbar (UWAVE-R), np, xbar.one (SD), known centre and σ", () => {
  it.each(byKind("R", "xbar", "np", "xbar.one-SD", "known").map((c) => [c.id, c]))("%s", (_id, c) => expect(shewhart(c)).toBeNull());
});

describe("qcc 3.0 cusum and ewma", () => {
  it.each(byKind("cusum", "ewma").map((c) => [c.id, c]))("%s", (_id, c) => expect(sequential(c)).toBeNull());
});

describe("qicharts2 0.8.1 I′ chart", () => {
  it.each(byKind("ip").map((c) => [c.id, c]))("%s", (_id, c) => expect(ip(c)).toBeNull());
});

describe("qicharts2 0.8.1 bchart (Bernoulli CUSUM)", () => {
  it.each(byKind("bchart").map((c) => [c.id, c]))("%s", (_id, c) => {
    const a = c.args;
    const r = bernoulliCusum(c.inputs.x, { ...(a.target !== undefined ? { target: a.target } : {}), oddsRatio: a.or, limit: a.limit });
    const o = c.out;
    expect(firstProblem([
      close(r.p0, o.p0) ? null : `p0 ${r.p0} ≠ ${o.p0}`,
      close(r.p1, o.p1) ? null : `p1 ${r.p1} ≠ ${o.p1}`,
      close(r.p2, o.p2) ? null : `p2 ${r.p2} ≠ ${o.p2}`,
      compareArrays("s1", r.upperScores, o.s1),
      compareArrays("s2", r.lowerScores, o.s2),
      compareArrays("cusum1", r.points.map((p) => p.upper), o.cusum1),
      compareArrays("cusum2", r.points.map((p) => p.lower), o.cusum2),
      close(r.limit, o.limit1) && close(-r.limit, o.limit2) ? null : "limits",
      JSON.stringify(r.points.filter((p) => p.upperSignal).map((p) => p.index + 1)) === JSON.stringify(o.signal1) ? null : "signal1",
      JSON.stringify(r.points.filter((p) => p.lowerSignal).map((p) => p.index + 1)) === JSON.stringify(o.signal2) ? null : "signal2",
    ])).toBeNull();
  });
});

describe("qicharts2 0.8.1 paretochart", () => {
  it.each(byKind("paretochart").map((c) => [c.id, c]))("%s", (_id, c) => {
    const r = paretoChart(c.inputs.x, { missing: c.args.useNA ? "include" : "drop" });
    const o = c.out;
    expect(r.bars.map((b) => b.category)).toEqual(o.x);
    expect(firstProblem([
      compareArrays("y", r.bars.map((b) => b.count), o.y),
      compareArrays("yCum", r.bars.map((b) => b.cumulative), o.yCum),
      compareArrays("p", r.bars.map((b) => b.share), o.p),
      compareArrays("pCum", r.bars.map((b) => b.cumulativeShare), o.pCum),
    ])).toBeNull();
  });
});

describe("the oracle file", () => {
  it("has 60 cases, every one tested above", () => {
    expect(all.length).toBe(60);
    expect(byKind("R", "xbar", "np", "xbar.one-SD", "known", "cusum", "ewma", "ip", "bchart", "paretochart").length).toBe(60);
  });
});
