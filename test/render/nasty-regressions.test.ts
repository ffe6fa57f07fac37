// Regressions from the nasty-values sweep (test/reliability/nasty-values.test.ts).
import { describe, expect, it } from "vitest";
import { fails } from "../_shared/fails.js";
import { escapeXml, renderControlChart, renderDriverDiagram, renderReport, renderRunChart, wrapText } from "../../src/render/index.js";
import { runChart } from "../../src/runchart/index.js";
import { controlChart } from "../../src/spc/index.js";
import { diagram } from "../drivers/fixture.js";
import { project } from "../project/fixture.js";

const codePath = (f: () => unknown) => {
  const e = fails(f);
  return [e.code, e.path];
};

const run = runChart([3, 4, 3, 5, 4, 3, 4, 8, 9, 8, 9, 10, 9]);
const control = controlChart([3, 4, 3, 5, 4, 3, 4, 8, 9, 8, 9, 10, 9]);

describe("chart renderers' options", () => {
  it("null options, and text options that are not strings, are invalid-option (were TypeErrors)", () => {
    for (const render of [renderRunChart, renderControlChart] as Array<(c: never, o: unknown) => string>) {
      const chart = (render === renderRunChart ? run : control) as never;
      expect(codePath(() => render(chart, null))).toEqual(["invalid-option", ["options"]]);
      for (const key of ["title", "subtitle", "xLabel", "yLabel", "id"]) {
        expect(codePath(() => render(chart, { [key]: Symbol("s") }))).toEqual(["invalid-option", ["options", key]]);
        expect(codePath(() => render(chart, { [key]: [Object.create(null)] }))).toEqual(["invalid-option", ["options", key]]);
      }
    }
  });
  it("annotations must be an array of objects; a label must be a string", () => {
    expect(codePath(() => renderRunChart(run, { annotations: 5 as never }))).toEqual(["invalid-option", ["options", "annotations"]]);
    expect(codePath(() => renderRunChart(run, { annotations: [null as never] }))).toEqual(["invalid-option", ["options", "annotations", 0]]);
    expect(codePath(() => renderRunChart(run, { annotations: [{ x: 2, label: Object.create(null) as never }] }))).toEqual(["invalid-option", ["options", "annotations", 0, "label"]]);
    // A number label was drawn as text; a label is a string, as the type says (and a missing one drew "undefined").
    expect(codePath(() => renderRunChart(run, { annotations: [{ x: 2, label: 42 as never }] }))).toEqual(["invalid-option", ["options", "annotations", 0, "label"]]);
    expect(renderRunChart(run, { annotations: [{ x: 2, label: "42" }] })).toContain(">42<");
  });
});

describe("renderDriverDiagram options", () => {
  it("null options, a symbol title and a status value that is an object are QiErrors (were TypeErrors)", () => {
    expect(codePath(() => renderDriverDiagram(diagram, null as never))).toEqual(["invalid-option", ["options"]]);
    expect(codePath(() => renderDriverDiagram(diagram, { title: Symbol("s") as never }))).toEqual(["invalid-option", ["options", "title"]]);
    expect(codePath(() => renderDriverDiagram(diagram, { status: 5 as never }))).toEqual(["invalid-option", ["options", "status"]]);
    expect(codePath(() => renderDriverDiagram(diagram, { status: { c1: Object.create(null) } }))).toEqual(["invalid-value", ["options", "status", "c1"]]);
  });
  it("a status named __proto__ draws as untested, not with Object.prototype's (absent) colours", () => {
    const svg = renderDriverDiagram(diagram, { status: { c1: "__proto__" as never } });
    expect(svg).not.toContain("undefined");
  });
});

describe("renderReport options", () => {
  it("null options, a non-string title or generated, and an analyse that is not a function are invalid-option", () => {
    expect(codePath(() => renderReport(project, null as never))).toEqual(["invalid-option", ["options"]]);
    expect(codePath(() => renderReport(project, { generated: Symbol("s") as never }))).toEqual(["invalid-option", ["options", "generated"]]);
    expect(codePath(() => renderReport(project, { analyse: "runChart" as never }))).toEqual(["invalid-option", ["options", "analyse"]]);
  });
  it("an analyse that returns something other than a chart is reported per measure (was a TypeError from 'in')", () => {
    const html = renderReport(project, { analyse: () => 1 as never });
    expect(html).toContain("could not analyse");
    expect(html).toContain("analyse must return a runChart() or controlChart() result, not 1");
  });
});

describe("escapeXml and wrapText with values that are not text", () => {
  it("an object is invalid-value at [text]; primitives are written as String() writes them", () => {
    expect(codePath(() => escapeXml(Object.create(null) as never))).toEqual(["invalid-value", ["text"]]);
    expect(codePath(() => escapeXml([Symbol("s")] as never))).toEqual(["invalid-value", ["text"]]);
    expect(escapeXml(5 as never)).toBe("5");
    expect(codePath(() => wrapText(Object.create(null) as never, 10))).toEqual(["invalid-value", ["text"]]);
  });
  it("wrapText's maxChars must be a number (a bigint or symbol was a TypeError)", () => {
    expect(codePath(() => wrapText("a b", 10n as never))).toEqual(["invalid-value", ["maxChars"]]);
    expect(codePath(() => wrapText("a b", Symbol("s") as never))).toEqual(["invalid-value", ["maxChars"]]);
  });
});

describe("renderers with a malformed chart, diagram or project (the whole-document sweep)", () => {
  const run = runChart([5, 6, 5, 7, 6, 5, 6, 2, 1, 2, 1, 2, 1]);
  const control = controlChart([5, 6, 5, 7, 6, 5, 6, 5, 6, 30]);
  it("renderRunChart and renderControlChart throw invalid-value at [chart, …] (were TypeErrors or hangs)", () => {
    for (const [render, chart] of [
      [renderRunChart, run],
      [renderControlChart, control],
    ] as const) {
      const c = chart as unknown as Record<string, unknown>;
      for (const [value, path] of [
        [null, ["chart"]],
        [{}, ["chart", "points"]],
        [{ ...c, points: [null, ...chart.points.slice(1)] }, ["chart", "points", 0]],
        [{ ...c, points: [{ ...chart.points[0]!, x: Symbol("s") }, ...chart.points.slice(1)] }, ["chart", "points", 0, "x"]],
        [{ ...c, points: [{ ...chart.points[0]!, signals: [Object.create(null)] }, ...chart.points.slice(1)] }, ["chart", "points", 0, "signals", 0]],
        [{ ...c, phases: [{ ...chart.phases[0]!, start: -1 }] }, ["chart", "phases", 0, "start"]],
        [{ ...c, phases: [chart.phases[0], chart.phases[0]] }, ["chart", "phases", 1]],
        [{ ...c, signals: null }, ["chart", "signals"]],
      ] as const) {
        expect(codePath(() => (render as (c: unknown) => string)(value))).toEqual(["invalid-value", path]);
      }
    }
  });
  it("a columnar chart is refused with a message asking for output: \"points\"", () => {
    for (const f of [() => renderRunChart(runChart([1, 2, 3], { output: "columns" }) as never), () => renderControlChart(controlChart([1, 2, 3], { output: "columns" }) as never)]) {
      const e = fails(f);
      expect([e.code, e.path, e.message.includes('output: "points"')]).toEqual(["invalid-value", ["chart", "points"], true]);
    }
  });
  it("renderDriverDiagram throws invalid-value at [diagram, …]; renderReport at [project, …]", () => {
    expect(codePath(() => renderDriverDiagram(null as never))).toEqual(["invalid-value", ["diagram"]]);
    expect(codePath(() => renderDriverDiagram({ ...diagram, links: [null] } as never))).toEqual(["invalid-value", ["diagram", "links", 0]]);
    expect(codePath(() => renderReport({} as never))).toEqual(["invalid-value", ["project", "title"]]);
    expect(codePath(() => renderReport({ ...project, diagram: { ...project.diagram, aim: null } } as never))).toEqual(["invalid-value", ["project", "diagram", "aim"]]);
  });
});
