import { describe, expect, it } from "vitest";
import { controlChart, rollUp, type Project } from "../../src/index.js";
import { renderReport } from "../../src/render/index.js";
import raw from "../fixtures/pace-project.json" with { type: "json" };
import { HOSTILE } from "./data.js";
import { deepFreeze } from "./freeze.js";
import { checkMarkup, countClass } from "./xml.js";

const project = deepFreeze(raw as unknown as Project);

function checkReport(html: string): string[] {
  const names = checkMarkup(html, { html: true });
  expect(names).not.toContain("script");
  expect(names).not.toContain("link");
  expect(names).not.toContain("img");
  // No external requests: no src/href attributes, no url() or @import in the CSS.
  expect(html).not.toMatch(/\s(src|href)=/);
  expect(html).not.toMatch(/url\(|@import/);
  return names;
}

describe("renderReport", () => {
  it("writes one self-contained document: aim, driver diagram, a chart and verdict per measure, the PDSA log", async () => {
    const html = renderReport(project);
    expect(renderReport(project)).toBe(html);
    const names = checkReport(html);
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    const summary = rollUp(project, { analyse: () => ({ signals: [] }) });
    expect(countClass(html, "measure")).toBe(summary.measures.length);
    expect(countClass(html, "qi-run-chart")).toBe(project.measures.length);
    expect(countClass(html, "qi-driver-diagram")).toBe(1);
    expect(names.filter((n) => n === "svg").length).toBe(project.measures.length + 1 + countClass(html, "qi-icon")); // charts, driver diagram, summary icons
    expect(countClass(html, "verdict")).toBe(project.measures.length);
    expect(html).toContain("Illustrative example");
    expect(html).toContain("@media print");
    expect(html).toContain("break-before: page");
    // One PDSA table row per cycle.
    expect(html.match(/<tr><td>/g)!.length).toBe(project.cycles.length);
    expect(html).toContain("Fidelity</strong> (Taylor et al. 2014)");
    expect(html).not.toContain("Generated");
    await expect(html).toMatchFileSnapshot("../fixtures/render/report.html");
  });

  it("takes a title, a generated stamp and a control-chart analysis", () => {
    const html = renderReport(project, {
      title: "Quarterly report",
      generated: "31 January 2026",
      analyse: (m, rows) => controlChart(rows, { type: "i", x: "x", y: "y", direction: m.direction }),
    });
    checkReport(html);
    expect(html).toContain("<title>Quarterly report</title>");
    expect(html).toContain("Generated 31 January 2026.");
    expect(countClass(html, "qi-control-chart")).toBe(project.measures.length);
  });

  it("reports a measure that cannot be analysed instead of failing", () => {
    const broken = deepFreeze({ ...project, data: [{ measure: project.measures[0]!.id, rows: [{ x: "2024-01-01", y: 1 }, { x: "2024-01-01", y: 2 }] }] });
    const html = renderReport(broken);
    checkReport(html);
    expect(html).toContain("No chart:");
    expect(html).toContain("No data yet.");
  });

  it("escapes every user string", () => {
    const hostile = deepFreeze({
      ...project,
      title: HOSTILE,
      description: HOSTILE,
      measures: project.measures.map((m) => ({ ...m, name: HOSTILE, definition: { ...m.definition, unit: HOSTILE, numerator: HOSTILE } })),
      cycles: project.cycles.map((c) => ({ ...c, title: HOSTILE, objective: HOSTILE, questions: c.questions.map((q) => ({ question: HOSTILE, prediction: HOSTILE })) })),
      diagram: { ...project.diagram, aim: { ...project.diagram.aim, statement: HOSTILE }, nodes: project.diagram.nodes.map((n) => ({ ...n, label: HOSTILE })) },
    });
    const html = renderReport(hostile, { title: HOSTILE, generated: HOSTILE });
    checkReport(html);
    expect(html).not.toContain("<script");
  });
});

// User trial 16: a measure without a chart read "N measures have no chart yet" (true only of no
// data), its section "PDSA cycles on this chart:" under no chart, and a measure's `chart` had no
// place in the project.
describe("renderReport: measures without a chart", () => {
  const MEETING = "Newly accommodated children with a planning meeting within 14 days";
  const KINSHIP = "Kinship assessments started within 4 weeks of accommodation";
  function variant(): Project {
    const copy = JSON.parse(JSON.stringify(raw)) as { measures: { id: string; chart?: string }[]; data: { measure: string }[] };
    copy.measures.find((m) => m.id === "m-meeting-14-days")!.chart = "p";
    copy.data = copy.data.filter((d) => d.measure !== "m-kinship-4-weeks");
    return copy as unknown as Project;
  }
  it("says which measures have no data and which could not be charted, by name; a measure's own chart is not drawn as a run chart in silence", () => {
    const html = renderReport(variant());
    expect(html).toContain(`<p class="muted">1 measure has no data yet, so no chart: “${KINSHIP}”.</p><p class="muted">1 measure could not be charted (the measure's section says why): “${MEETING}”.</p></section>`);
    expect(html).not.toContain("no chart yet");
    expect(html).toContain("<p>No chart: its chart is &quot;p&quot; and renderReport&#39;s default analysis draws run charts: pass analyse to draw it (pace-qi report does), or set its chart to &quot;run&quot;</p>");
    expect(html).not.toContain("(at ");
  });
  it("the PDSA cycles of a measure without a chart are not 'on this chart'", () => {
    const html = renderReport(variant());
    expect(html).toContain('<p class="muted">PDSA cycles of this measure: Two-week meeting: first test (2024-05-06, adapt); ');
    const section = (name: string) => html.slice(html.indexOf(`<h2>${name}</h2>`), html.indexOf("</section>", html.indexOf(`<h2>${name}</h2>`)));
    for (const name of [MEETING, KINSHIP]) expect(section(name)).not.toContain("on this chart");
    expect(section(KINSHIP)).toContain('<p class="muted">No data yet.</p>\n<p class="muted">PDSA cycles of this measure: ');
    expect(section("Children with a permanence recommendation within 26 weeks of accommodation")).toContain('<p class="muted">PDSA cycles on this chart: ');
  });
});
