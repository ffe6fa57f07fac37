import { describe, expect, it } from "vitest";
import { controlChart, renderSummaryTable, runChart, summariseControlChart, summariseMeasures, summaryToCsv } from "../../src/index.js";
import { fails } from "../_shared/fails.js";
import { deepFreeze } from "../_shared/freeze.js";

const YS = [60, 62, 58, 61, 63, 59, 60, 62, 61, 60, 59, 61, 70, 72, 74, 73, 75, 76, 77, 78, 79, 80];
const ROWS = deepFreeze(YS.map((y, i) => ({ month: `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`, within: y, children: 100 })));
const P = deepFreeze(controlChart(ROWS, { type: "p", x: "month", y: "within", n: "children", multiply: 100, rules: "mdc", direction: "increase", target: 80 }));
const RUN = deepFreeze(runChart(ROWS, { x: "month", y: "within", direction: "increase" }));
const FLAT = deepFreeze(runChart([5, 5, 6, 5, 6, 5, 5, 6, 5, 6, 5, 6]));
const WORSE = deepFreeze(controlChart(ROWS, { type: "p", x: "month", y: "within", n: "children", multiply: 100, rules: "mdc", direction: "decrease", target: 50 }));

describe("summariseMeasures: a worked example", () => {
  const s = summariseMeasures([
    { name: "Recommendations within 26 weeks", chart: P, unit: "%" },
    { name: "Run", chart: RUN, target: 75, unit: "%", group: "Fife" },
    { name: "Flat", chart: FLAT },
    { name: "Lower is better", chart: WORSE, unit: "%" },
  ]);
  it("reads each row in one line", () => {
    expect(s.rows.map((r) => [r.measure, r.category, r.reading])).toEqual([
      ["Lower is better", "concern", "special cause concern since Jan 2024; the target of 50 % is consistently missed"],
      ["Recommendations within 26 weeks", "improvement", "special cause improvement since Jan 2024; the target of 80 % will be met and missed at random"],
      ["Run", "improvement", "special cause improvement since Jan 2024; the median since Jan 2024 (75.5 %) meets the target of 75 %"], // 70…80 since the shift: median (75 + 76) / 2
      ["Flat", "insufficient", "no signal, but the chart has only 5 points off the centre line: too few for the runs rules"], // 7 of the 12 on the median 5: the runs rule needs 10 useful points
    ]);
  });
  it("latest value and date, centre, icons", () => {
    const r = s.rows[1]!;
    expect(r.latest).toEqual({ x: "2024-10-01", y: 80, label: "Oct 2024" });
    expect([r.chart, r.rules, r.variation, r.assurance, r.target]).toEqual(["p", "mdc", "improvement", "inconsistent", 80]);
    expect(r.centre).toBeCloseTo(P.phases[0]!.centre!, 12);
  });
  it("counts every category; filter keeps some", () => {
    expect(s.counts).toEqual({ concern: 1, improvement: 2, neutral: 0, "common-cause": 0, insufficient: 1 });
    const f = summariseMeasures([{ name: "a", chart: P }, { name: "b", chart: FLAT }], { filter: ["insufficient"] });
    expect(f.rows.map((r) => r.measure)).toEqual(["b"]);
  });
  it("takes a by result, named by options.name", () => {
    const by = runChart([...ROWS.map((r) => ({ ...r, la: "A" })), ...ROWS.map((r) => ({ ...r, la: "B" }))], { x: "month", y: "within", by: "la" });
    const t = summariseMeasures(by, { name: "Within 26 weeks", sort: "none" });
    expect(t.rows.map((r) => [r.measure, r.group])).toEqual([["Within 26 weeks", "A"], ["Within 26 weeks", "B"]]);
  });
  it("a misspelt result key is a compile error (tsconfig.test.json) and an unknown-option error", () => {
    // @ts-expect-error targett is not a key of a summary input
    const e = fails(() => summariseMeasures([{ name: "a", chart: RUN, targett: 3 }]));
    expect([e.code, e.message]).toEqual(["unknown-option", expect.stringContaining('did you mean "target"?')]);
  });
  it("says when the latest point was excluded (a partial period the CLI left out, or exclude)", () => {
    const chart = runChart([5, 6, 5, 7, 6, 5, 6, 7, 5, 6, 2], { exclude: [10] });
    const row = summariseMeasures([{ name: "m", chart }]).rows[0]!;
    // (A chart without x: its points are "point 11", as its messages name them; was "11".)
    expect(row.latest).toEqual({ x: 11, y: 2, label: "point 11", excluded: true });
    expect(renderSummaryTable(summariseMeasures([{ name: "m", chart }]))).toContain("point 11 (excluded)");
    expect(summariseMeasures([{ name: "m", chart: runChart([5, 6, 5, 7]) }]).rows[0]!.latest).toEqual({ x: 4, y: 7, label: "point 4" });
  });
  it("a latest point that is a partial period (partialPeriods) is called one, not 'excluded' (fix16a's left-out: '(Sep 2024, excluded)')", () => {
    const chart = runChart([5, 6, 5, 7, 6, 5, 6, 7, 5, 6, 2], { exclude: [10] });
    const row = summariseMeasures([{ name: "m", chart, partialPeriods: [10] }]).rows[0]!;
    expect(row.latest).toEqual({ x: 11, y: 2, label: "point 11", excluded: true, partial: true });
    const html = renderSummaryTable(summariseMeasures([{ name: "m", chart, partialPeriods: [10] }]));
    expect(html).toContain("point 11 (partial period, not counted)");
    expect(html).not.toContain("(excluded)");
    // A partial period must be an excluded point: one the chart counts is not drawn hollow.
    const notExcluded = fails(() => summariseMeasures([{ name: "m", chart, partialPeriods: [9] }]));
    expect([notExcluded.code, notExcluded.path]).toEqual(["invalid-option", ["results", 0, "partialPeriods", 0]]);
    expect(notExcluded.message).toContain("point 9 (0-based) is not excluded");
    const noPoint = fails(() => summariseMeasures([{ name: "m", chart, partialPeriods: [11] }]));
    expect([noPoint.code, noPoint.message]).toEqual(["invalid-option", expect.stringContaining("an integer from 0 to 10")]);
    // An earlier partial period does not mark the latest point.
    const first = runChart([5, 6, 5, 7, 6, 5, 6, 7, 5, 6, 2], { exclude: [0, 10] });
    expect(summariseMeasures([{ name: "m", chart: first, partialPeriods: [0] }]).rows[0]!.latest).toEqual({ x: 11, y: 2, label: "point 11", excluded: true });
  });
  it("labels a numbered x as the chart's messages do: 'since x = 22' (a user trial read 'since 24'), 'since point 13' without x", () => {
    // 12 points around 5.5, then 10 at 9: a shift above the median from the 13th point (pace rules).
    const ys = [5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 5, 6, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9];
    const weeks = runChart(ys.map((y, i) => ({ week: i + 10, y })), { x: "week", y: "y", direction: "increase" });
    expect(weeks.signals.map((s) => s.message)).toContain("10 points above the median from x = 22 to x = 31: a shift, an improvement.");
    const numbered = runChart(ys, { direction: "increase" });
    expect(numbered.signals.map((s) => s.message)).toContain("10 points above the median from point 13 to point 22: a shift, an improvement.");
    const ended = runChart([...ys.slice(0, 20), 5, 6], { direction: "increase" });
    const s = summariseMeasures([{ name: "weeks", chart: weeks }, { name: "numbered", chart: numbered }, { name: "ended", chart: ended }], { sort: "none" });
    expect(s.rows.map((r) => [r.reading, r.since?.label ?? null, r.latest?.label])).toEqual([
      ["special cause improvement since x = 22", "x = 22", "x = 31"],
      ["special cause improvement since point 13", "point 13", "point 22"],
      ["special cause improvement; last signal points 13–20, none since (2 points)", null, "point 22"],
    ]);
    expect(summaryToCsv(s).split("\n")[1]).toMatch(/,improvement,x = 22,special cause improvement since x = 22$/);
  });
  it("takes a project's measure beside its chart", () => {
    const t = summariseMeasures([{ measure: { name: "Plans", target: { value: 70 }, definition: { unit: "%" } }, chart: RUN }]);
    expect(t.rows[0]!.reading).toContain("the target of 70 %");
  });
});

describe("summaryToCsv", () => {
  it("neutralises cells that a spreadsheet would run as formulas (OWASP)", () => {
    const csv = summaryToCsv(summariseMeasures([
      { name: "=HYPERLINK(\"http://x\")", chart: P, group: "+1" },
      { name: "@SUM(A1)", chart: FLAT, group: "-2" },
    ]));
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("measure,group,chart,rules,direction,latest_date,latest_value,target,centre,variation,assurance,verdict,category,since,reading");
    expect(lines[1]).toMatch(/^"'=HYPERLINK\(""http:\/\/x""\)",'\+1,p,mdc/);
    expect(lines[2]).toMatch(/^'@SUM\(A1\),'-2,run/);
    expect(csv).not.toMatch(/(^|,)[=+@-]/m);
  });
});

describe("bad input", () => {
  it("a result without a chart names its path", () => {
    const e = fails(() => summariseMeasures([{ name: "a", chart: P }, { name: "b", chart: { points: 3 } as never }]));
    expect([e.code, e.path.slice(0, 3)]).toEqual(["invalid-value", ["results", 1, "chart"]]);
  });
  it("a blank name, an unknown option, a bad filter", () => {
    expect(fails(() => summariseMeasures([{ name: "", chart: P }])).path).toEqual(["results", 0, "name"]);
    expect(fails(() => summariseMeasures([], { sort: "name" } as never)).path).toEqual(["options", "sort"]);
    expect(fails(() => summariseMeasures([], { filtre: [] } as never)).code).toBe("unknown-option");
    expect(fails(() => summariseMeasures([], { filter: ["bad"] } as never)).path).toEqual(["options", "filter", 0]);
  });
});

describe("unknown keys in a result are errors, as unknown options are (user trial)", () => {
  it("a typo in a { name, chart } result names it and suggests the key", () => {
    const e = fails(() => summariseMeasures([{ name: "a", chart: RUN }, { name: "b", chart: RUN, targett: 3 } as never]));
    expect([e.code, e.path]).toEqual(["unknown-option", ["results", 1, "targett"]]);
    expect(e.message).toContain('did you mean "target"');
  });
  it("a misspelt name is named as such, not as a missing name", () => {
    const e = fails(() => summariseMeasures([{ nam: "a", chart: RUN } as never]));
    expect([e.code, e.path]).toEqual(["unknown-option", ["results", 0, "nam"]]);
    expect(e.message).toContain('did you mean "name"');
  });
  it("a by result takes target and unit; a measure's result takes group; nothing else", () => {
    expect(summariseMeasures([{ key: "A", chart: RUN, target: 70, unit: "%" } as never]).rows[0]!.target).toBe(70);
    expect(fails(() => summariseMeasures([{ key: "A", chart: RUN, group: "B" } as never])).path).toEqual(["results", 0, "group"]);
    const measure = { name: "Plans", target: { value: 70 } };
    expect(summariseMeasures([{ measure, chart: RUN, group: "Fife" } as never]).rows[0]!.group).toBe("Fife");
    expect(fails(() => summariseMeasures([{ measure, chart: RUN, target: 50 } as never])).path).toEqual(["results", 0, "target"]);
  });
});

describe("each chart's warnings are the summary's (user trial: rows combined in silence)", () => {
  const rows = [...ROWS.map((r) => ({ month: r.month, y: r.within })), { month: ROWS[21]!.month, y: 5 }];
  const combined = deepFreeze(controlChart(rows, { type: "c", x: "month", y: "y" }));
  it("a chart's rows-combined warning is carried, naming the measure and group, keeping the code", () => {
    expect(combined.warnings.map((w) => w.code)).toEqual(["rows-combined"]);
    // RUN (a step up with no baseline) has one warning of its own: shifts on both sides of its median (trial 16).
    expect(RUN.warnings.map((w) => w.code)).toEqual(["level-change"]);
    const s = summariseMeasures([{ name: "Run", chart: RUN }, { name: "Moves", chart: combined, group: "North" }]);
    expect(s.warnings).toEqual([
      { code: "level-change", measure: "Run", group: null, message: `Run: ${RUN.warnings[0]!.message}` },
      { code: "rows-combined", measure: "Moves", group: "North", message: `Moves (North): ${combined.warnings[0]!.message}` },
    ]);
  });
  it("in input order, also for rows the filter leaves out", () => {
    const s = summariseMeasures([{ name: "a", chart: combined }, { name: "b", chart: combined }], { filter: ["concern"] });
    expect(s.rows).toEqual([]);
    expect(s.warnings.map((w) => [w.code, w.measure, w.group])).toEqual([["rows-combined", "a", null], ["rows-combined", "b", null]]);
  });
});

describe('"since" only for a signal still going on at the latest point (user trial)', () => {
  const month = (i: number) => `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`;
  const chart = (ys: number[], direction: "increase" | "neutral") => runChart(ys.map((y, i) => ({ month: month(i), y })), { x: "month", y: "y", direction });
  // The trial's wide.csv placement_moves: too few runs over the phase (Jan 2023–Dec 2024), a shift Mar–Nov 2024, Dec 2024 back above the median.
  const MOVES = [13, 9, 13, 13, 14, 6, 10, 13, 13, 13, 9, 13, 9, 9, 1, 0, 3, 1, 8, 6, 4, 3, 0, 10];
  // The trial's long.csv North: a shift below the median Aug 2023–Feb 2024, over since.
  const NORTH = [11, 15, 16, 11, 16, 14, 18, 5, 11, 14, 16, 11, 5, 14, 20, 22, 20, 16, 19, 16, 25, 16, 14, 20];
  it("a signal that has ended: no since; the reading says when it was", () => {
    const [moves, north] = summariseMeasures([{ name: "moves", chart: chart(MOVES, "neutral") }, { name: "north", chart: chart(NORTH, "increase") }], { sort: "none" }).rows;
    expect([moves!.since, moves!.lastSignal, moves!.reading]).toEqual([null, { from: { x: "2024-03-01", label: "Mar 2024" }, to: { x: "2024-11-01", label: "Nov 2024" } }, "special cause variation, neither better nor worse; last signal Mar–Nov 2024, none since (1 point)"]);
    expect([north!.category, north!.since, north!.reading]).toEqual(["concern", null, "special cause concern; last signal Aug 2023–Feb 2024, none since (10 points)"]);
  });
  it("a whole-phase runs verdict (too few runs) never gives a since or a last signal", () => {
    const runs = chart([1, 2, 1, 2, 1, 9, 8, 9, 8, 9, 1, 2, 1, 2, 1, 9, 8, 9, 8, 9, 1, 2, 1, 2], "neutral"); // runs of 5: no shift
    expect(runs.signals.map((s) => [s.rule, s.start, s.end])).toEqual([["too-few-runs", 0, 23]]);
    const r = summariseMeasures([{ name: "z", chart: runs }]).rows[0]!;
    expect([r.category, r.since, r.lastSignal, r.reading]).toEqual(["neutral", null, null, "special cause variation, neither better nor worse"]);
  });
  it("a shift reaching the latest point, and a latest point beyond the limits, still say since", () => {
    expect(summariseMeasures([{ name: "r", chart: RUN }]).rows[0]!.since).toEqual({ x: "2024-01-01", label: "Jan 2024" });
    const spike = controlChart([...Array.from({ length: 20 }, (_, i) => ({ month: month(i), y: 10 + (i % 3) })), { month: month(20), y: 40 }], { type: "i", x: "month", y: "y" });
    const r = summariseMeasures([{ name: "s", chart: spike }]).rows[0]!;
    expect([r.since?.label, r.lastSignal, r.reading]).toEqual(["Sep 2024", null, "special cause variation, neither better nor worse since Sep 2024"]);
  });
});

describe("a common cause icon over a phase with signals (user trial 12, la_monthly_perm6_nototal.csv)", () => {
  // Permanence decisions within 6 months of children becoming looked after, Apr 2021–Sep 2024.
  const N = [19, 14, 14, 21, 14, 25, 16, 16, 21, 17, 25, 15, 19, 25, 18, 22, 24, 16, 18, 26, 19, 22, 25, 14, 24, 21, 17, 25, 18, 22, 15, 19, 20, 25, 21, 18, 15, 15, 17, 14, 21, 18];
  const Y = [9, 8, 6, 6, 6, 15, 7, 6, 7, 8, 11, 6, 9, 10, 8, 14, 14, 7, 12, 12, 10, 14, 5, 4, 13, 12, 12, 16, 12, 16, 11, 12, 11, 18, 15, 12, 10, 9, 10, 5, 12, 11];
  const rows = N.map((n, i) => ({ month: `${2021 + Math.floor((i + 3) / 12)}-${String(((i + 3) % 12) + 1).padStart(2, "0")}-01`, y: Y[i]!, n }));
  const chart = controlChart(rows, { type: "p", x: "month", y: "y", n: "n", multiply: 100, rules: "mdc", direction: "increase", baseline: 24, target: 60 });
  it("the reading and lastSignal say the phase's last signal beside the latest point's common cause (it said 'no signal', lastSignal null)", () => {
    // By hand: baseline mean 428/930 = 46.02 %; Apr 2023–Jun 2024 are 15 points above it (a
    // shift); Sep 2023 (72.7 > 46.02 + 2σ = 67.3, n 22) and Oct 2023 (73.3 > 71.8, n 15) are 2 of 3
    // beyond 2σ; Jul 2024 (35.7) is below, so the shift ended in Jun 2024 and Sep 2024 (61.1) is
    // part of no pattern. The target 60 lies between Sep 2024's limits (10.8, 81.3): met and missed at random.
    expect(chart.phases[0]!.centre).toBeCloseTo((428 / 930) * 100, 10);
    const r = summariseMeasures([{ name: "Permanence decision within 6 months", chart, unit: "%" }]).rows[0]!;
    expect([r.variation, r.category, r.verdict.kind, r.verdict.signals, r.since]).toEqual(["common-cause", "common-cause", "improvement", 3, null]);
    expect(r.lastSignal).toEqual({ from: { x: "2023-04-01", label: "Apr 2023" }, to: { x: "2024-06-01", label: "Jun 2024" } });
    expect(r.reading).toBe("common cause variation at the latest point; last signal: special cause improvement Apr 2023–Jun 2024, none since (3 points); the target of 60 % will be met and missed at random");
  });
  it("a common cause icon with no signal in the phase still reads 'no signal'", () => {
    const flat = controlChart(rows.slice(0, 24), { type: "p", x: "month", y: "y", n: "n", multiply: 100, rules: "mdc", direction: "increase" });
    expect(flat.signals).toEqual([]);
    const r = summariseMeasures([{ name: "m", chart: flat }]).rows[0]!;
    expect([r.category, r.lastSignal, r.reading]).toEqual(["common-cause", null, "common cause variation, no signal"]);
  });
});

describe("too few points: the rule analyse words (user trial 12, sg_long_fy_nocomma.csv)", () => {
  // Highland: children looked after with 3+ placements, 2016-17 to 2022-23 (7 financial years).
  const HIGHLAND = [[522, 138], [458, 99], [525, 129], [479, 110], [518, 115], [450, 93], [482, 120]].map(([n, y], i) => ({ fy: `${2016 + i}-04-01`, y: y!, n: n! }));
  it("a 7-point control chart with no signal is too few points, not common cause (it said 'common cause variation, no signal')", () => {
    const p = controlChart(HIGHLAND, { type: "p", x: "fy", y: "y", n: "n", multiply: 100, rules: "mdc", direction: "decrease" });
    expect([p.signals, p.phases[0]!.variationIcon]).toEqual([[], "common-cause"]);
    expect(summariseControlChart(p)).toContain("No signals, but the chart has only 7 points: too few to call the variation common cause only");
    const s = summariseMeasures([{ name: "3+ placements", chart: p, group: "Highland" }]);
    expect([s.rows[0]!.category, s.rows[0]!.reading]).toEqual(["insufficient", "no signal, but the chart has only 7 points: too few to call the variation common cause (limits need at least 12; Provost & Murray 2011)"]);
    expect(s.counts).toEqual({ concern: 0, improvement: 0, neutral: 0, "common-cause": 0, insufficient: 1 });
  });
  it("without mdc icons, and for a short current phase after a long one", () => {
    const i = controlChart(HIGHLAND.map((r) => ({ fy: r.fy, y: r.y })), { type: "i", x: "fy", y: "y" });
    expect(summariseMeasures([{ name: "i", chart: i }]).rows[0]!.category).toBe("insufficient");
    const ys = [5, 7, 6, 5, 6, 7, 5, 6, 7, 6, 5, 6, 8, 9, 8];
    const phased = controlChart(ys, { type: "i", phases: [12] });
    expect(phased.signals).toEqual([]);
    expect(summariseMeasures([{ name: "ph", chart: phased }]).rows[0]!.reading).toBe("no signal, but the current phase has only 3 points: too few to call the variation common cause (limits need at least 12; Provost & Murray 2011)");
  });
  it("12 points with no signal: common cause", () => {
    const c = controlChart([5, 7, 6, 5, 6, 7, 5, 6, 7, 6, 5, 6], { type: "i" });
    expect(summariseMeasures([{ name: "c", chart: c }]).rows[0]!.reading).toBe("common cause variation, no signal");
  });
  it("a short control chart with a signal keeps its signal (category from the icon)", () => {
    const c = controlChart([5, 6, 5, 6, 5, 6, 30], { type: "i", rules: "mdc", direction: "increase" });
    expect(summariseMeasures([{ name: "c", chart: c }]).rows[0]!.category).toBe("improvement");
  });
  it("a run chart whose runs rules lack data says so, not 'too few points for the rules' (shifts and trends were tested)", () => {
    const run = runChart(HIGHLAND.map((r) => ({ fy: r.fy, y: (r.y / r.n) * 100 })), { x: "fy", y: "y", direction: "decrease" });
    expect(run.phases[0]!.nUseful).toBe(6);
    expect(summariseMeasures([{ name: "r", chart: run }]).rows[0]!.reading).toBe("no signal, but the chart has only 6 points off the centre line: too few for the runs rules");
  });
});
