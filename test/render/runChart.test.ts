import { describe, expect, it } from "vitest";
import { runChart, summariseRunChart, type RunChart } from "../../src/index.js";
import { renderRunChart, type RenderChartOptions } from "../../src/render/index.js";
import { HOSTILE, months, RISE } from "./data.js";
import { deepFreeze } from "./freeze.js";
import { checkMarkup, countClass, elementText } from "./xml.js";

const snap = (name: string): string => `../fixtures/render/${name}.svg`;

/** Render, check well-formedness, one marker per point with a value, signal classes, desc, determinism. */
function check(chart: RunChart, options: RenderChartOptions = {}): string {
  deepFreeze(chart);
  deepFreeze(options);
  const svg = renderRunChart(chart, options);
  expect(renderRunChart(chart, options)).toBe(svg);
  const names = checkMarkup(svg);
  expect(names[0]).toBe("svg");
  expect(names).not.toContain("script");
  expect(svg).toContain('role="img"');
  const withValue = chart.points.filter((p) => p.y !== null);
  expect(countClass(svg, "point")).toBe(withValue.length);
  const signalPoints = new Set(chart.signals.flatMap((s) => s.points));
  expect(countClass(svg, "point", "signal")).toBe(withValue.filter((p) => signalPoints.has(p.index)).length);
  expect(elementText(svg, "desc")).toBe(summariseRunChart(chart));
  return svg;
}

describe("renderRunChart", () => {
  const x = months(24);
  const rows = RISE.map((y, i) => ({ month: x[i]!, y }));

  it("draws the baseline median solid and its extension dashed, with improvement signals", async () => {
    const chart = runChart(rows, { x: "month", y: "y", direction: "increase", baseline: 12 });
    const svg = check(chart, { title: "Baseline extended", yLabel: "%", xLabel: "Month" });
    expect(countClass(svg, "centre")).toBe(2);
    expect(countClass(svg, "centre", "extended")).toBe(1);
    expect(countClass(svg, "point", "signal", "improvement")).toBeGreaterThan(0);
    expect(countClass(svg, "point", "signal", "deterioration")).toBe(0);
    expect(svg).toContain(">Jan 2024</text>");
    expect(svg).toContain(">median 40</text>");
    await expect(svg).toMatchFileSnapshot(snap("run-baseline"));
  });

  it("draws phases with breaks and labels", async () => {
    const chart = runChart(rows, { x: "month", y: "y", direction: "increase", phases: ["2025-01-01"] });
    const svg = check(chart, { title: "Two phases", target: 60 });
    expect(countClass(svg, "phase-break")).toBe(1);
    expect(countClass(svg, "phase-label")).toBe(2);
    expect(svg).toContain("Phase 2: median 60.5");
    expect(countClass(svg, "target")).toBeGreaterThan(0);
    await expect(svg).toMatchFileSnapshot(snap("run-phases"));
  });

  it("breaks the line at missing values and draws no marker for them", async () => {
    const gappy = rows.map((r, i) => (i === 3 || i === 4 || i === 15 ? { ...r, y: null } : r));
    const chart = runChart(gappy, { x: "month", y: "y", direction: "decrease" });
    const svg = check(chart, { title: "Missing values" });
    const line = /<path class="line" d="([^"]+)"/.exec(svg)![1]!;
    expect(line.match(/M/g)!.length).toBe(3);
    await expect(svg).toMatchFileSnapshot(snap("run-missing"));
  });

  it("labels automatic re-phasing", async () => {
    const data = [...RISE, 66, 64, 67, 63, 65, 68, 66, 64, 67, 69];
    const chart = runChart(data, { direction: "increase", rephase: { baselinePoints: 12, runLength: 9 } });
    expect(chart.phases.some((p) => p.origin === "rephase")).toBe(true);
    const svg = check(chart, { title: "Re-phased", xLabel: "Observation" });
    expect(svg).toContain("(re-phased)");
    await expect(svg).toMatchFileSnapshot(snap("run-rephase"));
  });

  it("marks annotations with labels in non-overlapping lanes", async () => {
    const chart = runChart(rows, { x: "month", y: "y", direction: "increase", baseline: 12 });
    const svg = check(chart, {
      title: "Annotations",
      annotations: [
        { x: "2024-11-04", label: "Weekly slot: PDSA 1" },
        { x: "2024-12-02", label: "Weekly slot: PDSA 2" },
        { x: new Date(Date.UTC(2025, 0, 6)), label: "Checklist: PDSA 1" },
        { x: "2025-01-06", label: "Same day, second note" },
        { x: "2025-06-30", label: "A note near the right-hand edge of the chart" },
      ],
    });
    // A number on this date axis was left out in silence; it is now an error (test/render/option-kinds.test.ts).
    expect(countClass(svg, "annotation")).toBe(5);
    await expect(svg).toMatchFileSnapshot(snap("run-annotations"));
  });

  it("renders hostile labels as text", async () => {
    const chart = runChart(RISE.slice(0, 12));
    const svg = check(chart, { title: HOSTILE, subtitle: HOSTILE, xLabel: HOSTILE, yLabel: HOSTILE, annotations: [{ x: 3, label: HOSTILE }], id: `"><script>` });
    expect(svg).not.toContain("<script");
    expect(svg).toContain("&lt;/svg&gt;&lt;script&gt;");
    expect(elementText(svg, "title")).toContain(HOSTILE);
    expect(svg).toContain('id="qi----script-"');
    await expect(svg).toMatchFileSnapshot(snap("run-hostile"));
  });

  it("sizes the SVG from the options and grows only when annotation lanes need it", () => {
    const chart = runChart(RISE);
    expect(renderRunChart(chart, { width: 500, height: 300 })).toMatch(/^<svg[^>]* width="500" height="300" viewBox="0 0 500 300"/);
    expect(renderRunChart(chart)).toMatch(/^<svg[^>]* width="720" height="360"/);
    const many = Array.from({ length: 12 }, (_, i) => ({ x: 3, label: `note ${i} with a long label that needs room` }));
    const h = Number(/height="(\d+(?:\.\d+)?)"/.exec(renderRunChart(chart, { annotations: many.map((a, i) => ({ ...a, x: 2 + i })) }))![1]);
    expect(h).toBeGreaterThanOrEqual(360);
  });

  it("gives different charts different default ids, and the same chart the same id", () => {
    const a = renderRunChart(runChart(RISE));
    const b = renderRunChart(runChart(RISE.slice(1)));
    const idOf = (s: string): string => /id="([^"]+)"/.exec(s)![1]!;
    expect(idOf(a)).not.toBe(idOf(b));
    expect(idOf(a)).toBe(idOf(renderRunChart(runChart(RISE))));
    expect(idOf(renderRunChart(runChart(RISE), { id: "chart-1" }))).toBe("chart-1");
  });

  it("marks excluded points hollow and shows a neutral signal as a diamond", () => {
    const chart = runChart([3, 4, 3, 4, 3, 4, 5, 9, 8, 9, 8, 9, 8, 9], { exclude: [2] });
    const svg = check(chart);
    expect(countClass(svg, "point", "excluded")).toBe(1);
    expect(countClass(svg, "point", "signal", "neutral")).toBeGreaterThan(0);
    expect(svg).toContain("Signal (no direction set)");
  });
});
