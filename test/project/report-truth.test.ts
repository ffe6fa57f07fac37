import { describe, expect, it } from "vitest";
import { fidelity } from "../../src/pdsa/fidelity.js";
import { ramp } from "../../src/pdsa/ramp.js";
import { rollUp, safeParseProject, summariseVerdict, validateProject, type Project } from "../../src/project/index.js";
import { runChart } from "../../src/runchart/runChart.js";
import { controlChart } from "../../src/spc/controlChart.js";
import { chartedCycles } from "../../src/project/validate.js";
import { renderReport } from "../../src/render/report.js";
import { deepFreeze } from "../_shared/freeze.js";
import { months, project } from "./fixture.js";

// What the report says agrees with what it draws (issue 13).

describe("a cycle charted on a measure is linked to it for fidelity", () => {
  const input = deepFreeze(structuredClone(project));
  it("chartedCycles names the measures the annotations use, without changing the project", () => {
    const c = chartedCycles(input);
    expect(c.map((x) => x.measures)).toEqual([["proc"], ["proc"], ["out", "bal"]]);
    expect(input.cycles[2]!.measures).toBeUndefined();
    const charts = rollUp(input).measures.filter((m) => m.annotations.some((a) => a.cycle === "j1")).map((m) => m.id);
    expect(charts).toEqual(c[2]!.measures);
  });
  it("so 'data over time' is met, not 'no measure linked'", () => {
    const points = (id: string) => input.data.find((d) => d.measure === id)?.rows.length;
    const plain = fidelity(ramp([input.cycles[2]!], "c2"), { dataPoints: points });
    expect(plain.criteria.find((x) => x.criterion === "data-over-time")!.reason).toMatch(/^j1: no measure linked/);
    const charted = fidelity(ramp([chartedCycles(input)[2]!], "c2"), { dataPoints: points });
    expect(charted.criteria.find((x) => x.criterion === "data-over-time")).toMatchObject({ met: true, reason: "every cycle is followed by a measure with data over time" });
    const html = renderReport(input);
    expect(html).not.toContain("no measure linked");
  });
});

describe("a data series' baseline", () => {
  // 12 months around 20, then 6 months around 40: the change is in month 13.
  const ys = [20, 22, 19, 21, 20, 23, 18, 21, 20, 22, 19, 19, 40, 41, 39, 42, 40, 41];
  const withBaseline = (baseline: number | string | undefined): Project => ({
    ...project,
    data: [{ measure: "out", rows: months(18, (i) => ys[i]!), ...(baseline !== undefined ? { baseline } : {}) }],
  });
  it("is part of the project schema: a count of points or an ISO date", () => {
    expect(safeParseProject(withBaseline("2024-12-01")).success).toBe(true);
    expect(safeParseProject(withBaseline(12)).success).toBe(true);
    const bad = safeParseProject(withBaseline("December"));
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues[0]!.path).toEqual(["data", 0, "baseline"]);
    expect(safeParseProject(withBaseline(0)).success).toBe(false);
  });
  it("sets the report's centre line: the median of the months before the change, and the shift is where the change is", () => {
    const html = renderReport(withBaseline("2024-12-01"));
    expect(html).toContain("median 20<"); // the first 12 months
    expect(html).toContain("- 6 points above the median from Jan 2025 to Jun 2025: a shift, an improvement.");
    expect(html).not.toMatch(/(above|below) the median from [A-Z][a-z]{2} 2024/);
    const whole = renderReport(withBaseline(undefined));
    expect(whole).toContain("median 21.5"); // all 18 months: the change pulls it up
  });
  // A user trial: the documented custom analyse got (measure, rows) only, so it could not see the
  // baseline and the verdict changed. It gets the default analysis' options as a third argument.
  it("reaches a custom analyse: (measure, rows, { series, defaults }), defaults being the default run chart's options", () => {
    const p = withBaseline("2024-12-01");
    const seen: unknown[] = [];
    const html = renderReport(p, {
      analyse: (m, rows, context) => {
        seen.push(context);
        return runChart(rows, { ...context.defaults });
      },
    });
    // The measure is monthly and every x is the first of a month: the defaults carry period "month".
    expect(seen).toEqual([{ series: p.data[0], defaults: { x: "x", y: "y", direction: "increase", baseline: "2024-12-01", period: "month" } }]);
    expect(html).toBe(renderReport(p));
    const i = renderReport(p, { analyse: (m, rows, { defaults }) => controlChart(rows, { ...defaults, type: "i" }) });
    expect(i).toContain("mean 20.3"); // the first 12 months' mean, not all 18
    // rollUp passes the same context.
    const v = rollUp(p, { analyse: (m, rows, { defaults }) => runChart(rows, defaults) }).measures.find((m) => m.id === "out")!.verdict;
    expect(v.text).toContain("6 points above the median from Jan 2025 to Jun 2025");
    // Without a baseline the defaults have none; a callback of two arguments still works.
    const none: unknown[] = [];
    renderReport(withBaseline(undefined), { analyse: (m, rows, c) => (none.push(c.defaults), runChart(rows, { x: "x", y: "y" })) });
    expect(none).toEqual([{ x: "x", y: "y", direction: "increase", period: "month" }]);
  });
});

describe("a measure's period writes its chart's dates", () => {
  const ys = [20, 22, 19, 21, 20, 23, 40, 41, 39, 42, 40, 41];
  const quarterly = (shift: number): Project => ({
    ...project,
    measures: project.measures.map((m) => (m.id === "out" ? { ...m, definition: { ...m.definition, period: "quarter" as const } } : m)),
    data: [{ measure: "out", rows: ys.map((y, i) => ({ x: `${2022 + Math.floor(i / 4)}-${String(((i % 4) * 3) + 1 + shift).padStart(2, "0")}-01`, y })) }],
  });
  it("a quarterly measure dated by its quarters' first days reads '2023 Q3', in the verdict and the chart", () => {
    const html = renderReport(quarterly(0));
    expect(html).toContain("6 points above the median from 2023 Q3 to 2024 Q4: a shift, an improvement.");
    expect(html).toContain("<title>2022 Q1: 20 (deterioration: shift)</title>");
    const seen: unknown[] = [];
    rollUp(quarterly(0), { analyse: (m, rows, c) => (seen.push(c.defaults.period), runChart(rows, c.defaults)) });
    expect(seen).toEqual(["quarter"]);
  });
  it("dates that do not start a quarter are written as months, not given a quarter's name", () => {
    const html = renderReport(quarterly(1));
    expect(html).toContain("6 points above the median from Aug 2023 to Nov 2024");
    expect(html).not.toMatch(/20\d\d Q\d/);
  });
});

describe("the report's footer names only the methods used", () => {
  it("run charts with the IHI rules and PDSA fidelity; no control charts", () => {
    const html = renderReport(project);
    const footer = /<footer>(.*)<\/footer>/.exec(html)![1]!;
    expect(footer).toBe("Made with pace-qi. Run charts: the median with the IHI run rules: shift, trend, runs and astronomical points (Perla, Provost &amp; Murray 2011). PDSA fidelity: Taylor et al. 2014.");
    const noCycles = /<footer>(.*)<\/footer>/.exec(renderReport({ ...project, cycles: [] }))![1]!;
    expect(noCycles).not.toContain("PDSA");
  });
});

describe("the PDSA log names cycles by title, never by id", () => {
  it("a cycle without a title is 'PDSA n'", () => {
    const html = renderReport(project);
    const log = html.slice(html.indexOf('<section class="pdsa">'));
    expect(log).toContain("<td>2. Spread to all teams");
    expect(log).toContain("<td>PDSA 1<");
    expect(log).not.toMatch(/<td>\d\. (k1|k2|j1)\b/);
  });
});

describe("the verdict rests on the sustained pattern, not on its last point", () => {
  it("a shift and an astronomical point ending on the same month: the shift is the verdict", () => {
    const v = summariseVerdict({
      signals: [
        { rule: "shift", assessment: "improvement", message: "13 points above the median from Jun 2024 to Jun 2025: a shift, an improvement.", start: 41, end: 53 },
        { rule: "astronomical", assessment: "improvement", message: "Jun 2025 (89.3) is an astronomical point.", start: 53, end: 53 },
      ],
    });
    expect(v).toEqual({ kind: "improvement", text: "improvement signal: 13 points above the median from Jun 2024 to Jun 2025: a shift, an improvement (and 1 other signal in this phase: 1 astronomical point)", rule: "shift", signals: 2 });
  });
});

describe("validateProject checks a series' baseline", () => {
  const withBaseline = (baseline: number | string): Project => ({ ...project, data: [{ measure: "out", rows: months(12, (i) => 40 + i), baseline }] });
  it.each([
    ["2023-06-01", 'the baseline of "out" ends on 2023-06-01, before the series starts (2024-01-01)'],
    ["2024-12-01", `the baseline of "out" ends on 2024-12-01, at or after the series' last point (2024-12-01): no point is judged against it`],
    [12, 'the baseline of "out" (12 points) covers the whole series (12 points): no point is judged against it'],
  ])("%j is a baseline-outside-data warning", (baseline, message) => {
    const found = validateProject(withBaseline(baseline)).issues.filter((i) => i.code === "baseline-outside-data");
    expect(found).toEqual([{ severity: "warning", code: "baseline-outside-data", path: ["data", 0, "baseline"], message }]);
  });
  it("a baseline inside the series is fine", () => {
    expect(validateProject(withBaseline("2024-06-01")).issues.filter((i) => i.code === "baseline-outside-data")).toEqual([]);
  });
});
