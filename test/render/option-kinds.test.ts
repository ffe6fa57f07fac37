// Render options of the wrong kind were silently ignored (user trial): a target of "80" drew no
// line, a width of -5, NaN or "900" and a height of 0 became 720×360, an annotation without a
// label drew "undefined" and one at "2024-13-01" was dropped. Each is an invalid-option error
// naming the option, in every renderer that takes it; a highlight naming no group says so.
import { describe, expect, it } from "vitest";
import { controlChart, cumulativeIncidence, funnelPlot, paretoChart, runChart } from "../../src/index.js";
import { renderControlChart, renderCumulativeIncidence, renderDriverDiagram, renderFunnelPlot, renderParetoChart, renderRunChart } from "../../src/render/index.js";
import { fails } from "../_shared/fails.js";
import { months, RISE } from "./data.js";

const rows = months(24).map((month, i) => ({ month, pct: RISE[i]! }));
const run = runChart(rows, { x: "month", y: "pct" });
const control = controlChart(rows, { type: "i", x: "month", y: "pct" });
const numbered = runChart(RISE.map((y, i) => ({ i: i + 1, y })), { x: "i", y: "y" });
const funnel = funnelPlot(
  [
    { la: "Angus", k: 40, n: 50 },
    { la: "Dundee", k: 58, n: 80 },
    { la: "Fife", k: 12, n: 30 },
  ],
  { group: "la", numerator: "k", denominator: "n" },
);

describe.each([
  ["renderRunChart", (o: object) => renderRunChart(run, o)],
  ["renderControlChart", (o: object) => renderControlChart(control, o)],
])("%s: options of the wrong kind are invalid-option errors naming them", (_name, render) => {
  it.each([
    [{ target: "80" }, ["options", "target"], 'target must be a number, or null for no target line, not "80"'],
    [{ target: Number.NaN }, ["options", "target"], "not NaN"],
    [{ width: -5 }, ["options", "width"], "width must be a number of pixels, at least 240, not -5"],
    [{ width: Number.NaN }, ["options", "width"], "not NaN"],
    [{ width: "900" }, ["options", "width"], 'not "900"'],
    [{ width: 100 }, ["options", "width"], "at least 240, not 100"],
    [{ height: 0 }, ["options", "height"], "height must be a number of pixels, at least 180, not 0"],
    [{ annotations: [{ x: "2024-03-01" }] }, ["options", "annotations", 0, "label"], "an annotation's label must be a string, not undefined"],
    [{ annotations: [{ label: "PDSA 1" }] }, ["options", "annotations", 0, "x"], "an annotation needs an x"],
    [{ annotations: [{ x: "2024-13-01", label: "bad" }] }, ["options", "annotations", 0, "x"], 'a date on this chart\'s date axis (a Date or an ISO date string, YYYY-MM-DD), not "2024-13-01"'],
    [{ annotations: [{ x: "2024-01-01", label: "ok" }, { x: 5, label: "a number" }] }, ["options", "annotations", 1, "x"], "not 5"],
  ])("%j", (options, path, message) => {
    const e = fails(() => render(options));
    expect(e.code).toBe("invalid-option");
    expect(e.path).toEqual(path);
    expect(e.message).toContain(message);
  });

  it("a number target, null, and sizes at the minimum are drawn as asked", () => {
    expect(render({ target: 80 })).toContain('class="target"');
    expect(render({ target: null })).not.toContain('class="target"');
    expect(render({ width: 240, height: 180 })).toMatch(/^<svg [^>]*width="240"/);
  });

  it("an annotation outside the points' dates widens the axis and is drawn (docs/rendering.md)", () => {
    const svg = render({ annotations: [{ x: "2027-06-01", label: "Later" }] });
    expect((svg.match(/class="annotation"/g) ?? []).length).toBe(1);
    expect(svg).toContain(">Later<");
  });
});

it("a date annotation on a numbered x axis is an error, not left out", () => {
  const e = fails(() => renderRunChart(numbered, { annotations: [{ x: "2024-03-01", label: "PDSA" }] }));
  expect([e.code, e.path]).toEqual(["invalid-option", ["options", "annotations", 0, "x"]]);
  expect(e.message).toContain("a number on this chart's numbered x axis");
});

describe("the other renderers' sizes", () => {
  const pareto = paretoChart(["Court", "Panel", "Court"]);
  const ci = cumulativeIncidence([{ days: 100, route: "home" }, { days: 200, route: "adoption" }, { days: 400, route: null }]);
  const diagram = { aim: { id: "aim", statement: "Aim" }, nodes: [{ id: "p1", kind: "primary" as const, label: "P" }], links: [{ from: "p1", to: "aim" }] };
  it.each([
    ["renderFunnelPlot", () => renderFunnelPlot(funnel, { width: -5 }), "width", 280],
    ["renderFunnelPlot", () => renderFunnelPlot(funnel, { height: 100 }), "height", 220],
    ["renderParetoChart", () => renderParetoChart(pareto, { width: Number.NaN }), "width", 240],
    ["renderParetoChart", () => renderParetoChart(pareto, { height: 0 }), "height", 200],
    ["renderCumulativeIncidence", () => renderCumulativeIncidence(ci, { width: 10 }), "width", 360],
    ["renderDriverDiagram", () => renderDriverDiagram(diagram, { width: "900" as never }), "width", 480],
  ])("%s: %s", (_name, render, key, min) => {
    const e = fails(render);
    expect([e.code, e.path]).toEqual(["invalid-option", ["options", key]]);
    expect(e.message).toContain(`at least ${min}`);
  });
});

describe("renderFunnelPlot highlight", () => {
  it("a name that is no group is an invalid-option error with 'did you mean'", () => {
    const e = fails(() => renderFunnelPlot(funnel, { highlight: "dundee" }));
    expect([e.code, e.path]).toEqual(["invalid-option", ["options", "highlight"]]);
    expect(e.message).toContain('highlight "dundee" is not one of the plot\'s groups; did you mean "Dundee"? (groups: Angus, Dundee, Fife)');
    expect(fails(() => renderFunnelPlot(funnel, { highlight: "zzz" })).message).not.toContain("did you mean");
    expect(fails(() => renderFunnelPlot(funnel, { highlight: {} as never })).code).toBe("invalid-option");
  });
  it("a group's name rings it", () => expect(renderFunnelPlot(funnel, { highlight: "Fife" })).toContain('class="highlight"'));
});

describe("a CUSUM chart's y label", () => {
  const cusum = controlChart(rows, { type: "cusum", x: "month", y: "pct" });
  const yLabel = (svg: string): string | undefined => /class="axis-label"[^>]*rotate\(-90\)[^>]*>([^<]*)</.exec(svg)?.[1];
  it("is in standard errors by default (the sums are not in the y's units), the caller's when given", () => {
    expect(yLabel(renderControlChart(cusum))).toBe("cumulative sum (standard errors)");
    expect(yLabel(renderControlChart(cusum, { yLabel: "z" }))).toBe("z");
    expect(yLabel(renderControlChart(control))).toBeUndefined();
  });
});
