import { describe, expect, it } from "vitest";
import { controlChart, funnelPlot, QiError, renderReport, renderRunChart, renderSmallMultiples, runChart, summariseControlChart, summariseFunnelPlot, summariseRunChart, type Project } from "../../src/index.js";
import raw from "../fixtures/pace-project.json" with { type: "json" };
import { HOSTILE, months, RISE } from "./data.js";
import { deepFreeze } from "./freeze.js";
import { checkMarkup, countClass, elementText, unescapeXml } from "./xml.js";

const x = months(24);
/** Four teams: "up" rises after 12 months (improvement), "flat" repeats the baseline (no signal), "high" sits near 90, "down" falls. */
const ROWS = [
  ...RISE.map((y, i) => ({ team: "up", month: x[i]!, y })),
  ...RISE.map((_, i) => ({ team: "flat", month: x[i]!, y: RISE[i % 12]! })),
  ...RISE.map((y, i) => ({ team: "high", month: x[i]!, y: 50 + (y % 7) })),
  ...RISE.map((y, i) => ({ team: "down", month: x[i]!, y: 100 - y })),
];

/** The nested panel SVGs of a grid, in order. */
function panels(svg: string): string[] {
  return svg.split('<svg xmlns="http://www.w3.org/2000/svg" class="qi-chart').slice(1).map((p) => p.slice(0, p.indexOf("</svg>")));
}

/** The y tick labels of one panel. */
function yTicks(panel: string): string[] {
  const axis = /<g class="axis axis-y">([\s\S]*?)<\/g>/.exec(panel)![1]!;
  return [...axis.matchAll(/>([^<]*)<\/text>/g)].map((m) => m[1]!);
}

function fails(f: () => unknown): QiError {
  try {
    f();
  } catch (e) {
    if (e instanceof QiError) return e;
    throw e;
  }
  throw new Error("did not throw");
}

describe("renderSmallMultiples", () => {
  const groups = runChart(ROWS, { x: "month", y: "y", by: "team", direction: "increase" });

  it("draws one accessible panel per group, titled with its key, with the chart's summary as <desc>", () => {
    deepFreeze(groups);
    const svg = renderSmallMultiples(groups, { title: "By team", yLabel: "%" });
    expect(renderSmallMultiples(groups, { title: "By team", yLabel: "%" })).toBe(svg);
    const names = checkMarkup(svg);
    expect(names).not.toContain("script");
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" class="qi-small-multiples"')).toBe(true);
    const ps = panels(svg);
    expect(ps).toHaveLength(4);
    ps.forEach((p, i) => {
      expect(p).toContain('role="img"');
      expect(elementText(p, "title")).toBe(groups[i]!.key);
      expect(elementText(p, "desc")).toBe(summariseRunChart(groups[i]!.chart));
      expect(countClass(p, "point")).toBe(24);
      expect(countClass(p, "legend")).toBe(0);
    });
    // One legend for the grid, after the panels; wrapped three to a row at 960 px.
    expect(countClass(svg, "legend")).toBe(1);
    const signalling = groups.filter((g) => g.chart.signals.length > 0).map((g) => g.key);
    expect(signalling).toContain("up");
    expect(elementText(svg, "desc")).toBe(`4 run charts on one shared y scale. Signals in ${signalling.length}: ${signalling.join("; ")}.`);
    expect(/ x="0" y="[\d.]+" width="320"/.test(ps[0]!)).toBe(true);
    expect(/ x="0" y="([\d.]+)"/.exec(ps[3]!)![1]).not.toBe(/ x="0" y="([\d.]+)"/.exec(ps[0]!)![1]);
  });

  it("a target for every panel is the one each Making Data Count assurance icon and <desc> judge", () => {
    const mdc = controlChart(ROWS, { type: "i", x: "month", y: "y", by: "team", direction: "increase", rules: "mdc" });
    const svg = renderSmallMultiples(mdc, { target: 40 });
    panels(svg).forEach((p, i) => {
      const judged = controlChart(ROWS.filter((r) => r.team === mdc[i]!.key), { type: "i", x: "month", y: "y", direction: "increase", rules: "mdc", target: 40 });
      expect(elementText(p, "desc")).toBe(summariseControlChart(judged));
      expect(p).toContain(`class="mdc-icon assurance ${judged.phases.at(-1)!.assuranceIcon}"`);
    });
  });

  it("highlights each panel's signals as the single-chart renderer does", () => {
    const svg = renderSmallMultiples(groups);
    panels(svg).forEach((p, i) => {
      const single = renderRunChart(groups[i]!.chart);
      for (const a of ["improvement", "deterioration", "neutral"]) {
        expect([groups[i]!.key, a, countClass(p, "point", "signal", a)]).toEqual([groups[i]!.key, a, countClass(single, "point", "signal", a)]);
      }
    });
    const [up, flat, , down] = panels(svg);
    expect(countClass(up!, "point", "signal", "improvement")).toBeGreaterThan(0);
    expect(countClass(flat!, "point", "signal")).toBe(0);
    expect(countClass(down!, "point", "signal", "deterioration")).toBeGreaterThan(0);
  });

  it("shares one y domain by default and fits each panel with y: \"free\"", () => {
    const shared = panels(renderSmallMultiples(groups)).map(yTicks);
    for (const t of shared) expect(t).toEqual(shared[0]);
    expect(Number(shared[0]![0])).toBeLessThanOrEqual(35); // the lowest value of all (35 in "down")
    expect(Number(shared[0]!.at(-1))).toBeGreaterThanOrEqual(65);
    const free = panels(renderSmallMultiples(groups, { y: "free" })).map(yTicks);
    expect(free[1]).not.toEqual(free[0]); // "flat" (36–44) gets its own scale
    expect(Number(free[1]!.at(-1))).toBeLessThanOrEqual(45);
  });

  it("lays [row, column] keys out two-way with row and column headings", () => {
    const rows = ["North", "South"].flatMap((area) => ["Review", "Panel"].flatMap((stage) => RISE.map((y, i) => ({ area, stage, month: x[i]!, y: stage === "Panel" ? y + 5 : y }))));
    const two = controlChart(rows, { type: "i", x: "month", y: "y", by: (d) => [d.area, d.stage] });
    expect(two.map((g) => g.key)).toEqual([["North", "Review"], ["North", "Panel"], ["South", "Review"], ["South", "Panel"]]);
    const svg = renderSmallMultiples(two);
    checkMarkup(svg);
    expect([...svg.matchAll(/class="column-heading"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual(["Review", "Panel"]);
    expect([...svg.matchAll(/class="row-heading"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual(["North", "South"]);
    const ps = panels(svg);
    expect(elementText(ps[1]!, "title")).toBe("North · Panel");
    expect(elementText(ps[1]!, "desc")).toBe(summariseControlChart(two[1]!.chart));
    expect(countClass(ps[0]!, "limit", "upper")).toBeGreaterThan(0);
    expect(elementText(svg, "desc")).toMatch(/^4 control charts in 2 rows by 2 columns, on one shared y scale/);
    // The same grid from facets accessors on object keys, transposed.
    const objects = two.map((g) => ({ key: { area: (g.key as string[])[0], stage: (g.key as string[])[1] }, chart: g.chart }));
    const t = renderSmallMultiples(objects, { facets: { row: "stage", column: (k) => (k as { area: string }).area }, label: (k) => (k as { area: string }).area });
    expect([...t.matchAll(/class="row-heading"[^>]*>([^<]*)</g)].map((m) => m[1])).toEqual(["Review", "Panel"]);
    expect(elementText(panels(t)[0]!, "title")).toBe("North");
  });

  it("escapes hostile keys, labels and titles everywhere", () => {
    const hostile = runChart(ROWS.map((r) => ({ ...r, team: `${r.team}${HOSTILE}` })), { x: "month", y: "y", by: "team" });
    const svg = renderSmallMultiples(hostile, { title: HOSTILE, subtitle: HOSTILE, yLabel: HOSTILE });
    const names = checkMarkup(svg);
    expect(names).not.toContain("script");
    expect(svg).not.toContain("<script");
    expect(elementText(panels(svg)[0]!, "title")).toBe(`up${HOSTILE}`);
    const pairs = hostile.map((g) => ({ key: [g.key, HOSTILE], chart: g.chart }));
    const grid = renderSmallMultiples(pairs, { id: `"><script>` });
    expect(checkMarkup(grid)).not.toContain("script");
    expect(unescapeXml(/class="column-heading"[^>]*>([^<]*)</.exec(grid)![1]!)).toContain("</svg>");
  });

  it("rejects what it cannot draw with a QiError naming the place", () => {
    const cases: Array<[() => unknown, string, ReadonlyArray<string | number>, RegExp]> = [
      [() => renderSmallMultiples(groups, { colums: 2 } as never), "unknown-option", ["options", "colums"], /did you mean "columns"/],
      [() => renderSmallMultiples(groups, { y: "fixed" } as never), "invalid-option", ["options", "y"], /"shared", "free"/],
      [() => renderSmallMultiples(groups, { facets: { rows: "a" } } as never), "unknown-option", ["options", "facets", "rows"], /did you mean "row"/],
      [() => renderSmallMultiples(groups, { facets: { row: () => "same" } }), "invalid-option", ["options", "facets"], /groups 1 and 2 fall in the same panel/],
      [() => renderSmallMultiples(groups, { columns: 0 }), "invalid-option", ["options", "columns"], /whole number/],
      [() => renderSmallMultiples([]), "empty-data", ["groups"], /at least one group/],
      [() => renderSmallMultiples(groups[0]!.chart as never), "invalid-value", ["groups"], /by/],
      [() => renderSmallMultiples([{ key: "a", chart: { points: 1 } }] as never), "invalid-value", ["groups", 0, "chart", "points"], /group 1/],
      [() => renderSmallMultiples(runChart(ROWS, { x: "month", y: "y", by: "team", output: "columns" }) as never), "invalid-value", ["groups", 0, "chart", "points"], /output: "points"/],
    ];
    for (const [f, code, path, message] of cases) {
      const e = fails(f);
      expect([e.code, e.path]).toEqual([code, path]);
      expect(e.message).toMatch(message);
    }
  });

  it("renderRunChart refuses a grouped result and points to renderSmallMultiples", () => {
    const e = fails(() => renderRunChart(groups as never));
    expect([e.code, e.path]).toEqual(["invalid-value", ["chart"]]);
    expect(e.message).toContain("renderSmallMultiples(groups)");
  });
});

describe("by with a composite key", () => {
  it("groups array keys by their contents, dates as times, in first-seen order", () => {
    const rows = [
      { a: "x", d: new Date(Date.UTC(2024, 0, 1)), y: 1 },
      { a: "x", d: new Date(Date.UTC(2024, 0, 1)), y: 2 },
      { a: "1", d: new Date(Date.UTC(2024, 0, 2)), y: 3 },
      { a: 1, d: new Date(Date.UTC(2024, 0, 2)), y: 4 },
      { a: "x", d: new Date(Date.UTC(2024, 0, 1)), y: 5 },
    ];
    const groups = runChart(rows, { y: "y", by: (r) => [r.a, r.d] });
    expect(groups.map((g) => [g.key, g.chart.points.map((p) => p.y)])).toEqual([
      [["x", Date.UTC(2024, 0, 1)], [1, 2, 5]],
      [["1", Date.UTC(2024, 0, 2)], [3]],
      [[1, Date.UTC(2024, 0, 2)], [4]],
    ]);
  });
});

describe("renderReport across groups", () => {
  const project = deepFreeze(raw as unknown as Project);
  const groups = runChart(ROWS, { x: "month", y: "y", by: "team" });
  const plot = funnelPlot(
    [
      { la: "A", within: 30, children: 40 },
      { la: `B${HOSTILE}`, within: 10, children: 45 },
      { la: "C", within: 38, children: 50 },
    ],
    { group: "la", numerator: "within", denominator: "children", multiplier: 100, overdispersion: false },
  );

  it("adds a funnel section and small-multiples sections only when asked", () => {
    const plain = renderReport(project);
    expect(plain).not.toContain("qi-small-multiples");
    expect(plain).not.toContain('class="funnel"');
    const html = renderReport(project, {
      funnel: { plot, title: "Across authorities", description: HOSTILE },
      smallMultiples: [{ title: "Review by team", groups, description: "One panel per team.", options: { y: "free" } }],
    });
    const names = checkMarkup(html, { html: true });
    expect(names).not.toContain("script");
    expect(html).toContain("<h2>Across authorities</h2>");
    expect(html).toContain(`<p>${summariseFunnelPlot(plot).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;")}</p>`);
    expect(countClass(html, "qi-small-multiples")).toBe(1);
    expect(countClass(html, "qi-chart", "qi-run-chart")).toBe(project.measures.length + groups.length);
    expect(html).toContain("<h2>Review by team</h2>");
    expect(html).toContain("each on its own y scale");
    // After the measures, before the PDSA log.
    expect(html.indexOf('class="small-multiples"')).toBeGreaterThan(html.lastIndexOf('class="measure"'));
    expect(html.indexOf('class="small-multiples"')).toBeLessThan(html.indexOf('class="pdsa"'));
  });

  it("rejects unknown report options and malformed sections", () => {
    const cases: Array<[() => unknown, string, ReadonlyArray<string | number>]> = [
      [() => renderReport(project, { funnels: { plot } } as never), "unknown-option", ["options", "funnels"]],
      [() => renderReport(project, { funnel: { plot, titel: "x" } } as never), "unknown-option", ["options", "funnel", "titel"]],
      [() => renderReport(project, { smallMultiples: { title: "x", groups } } as never), "invalid-option", ["options", "smallMultiples"]],
      [() => renderReport(project, { smallMultiples: [{ groups }] } as never), "invalid-option", ["options", "smallMultiples", 0, "title"]],
      [() => renderReport(project, { smallMultiples: [{ title: "x", groups: [] }] }), "empty-data", ["groups"]],
    ];
    for (const [f, code, path] of cases) {
      const e = fails(f);
      expect([e.code, e.path]).toEqual([code, path]);
    }
    expect(fails(() => renderReport(project, { funnels: { plot } } as never)).message).toContain('did you mean "funnel"');
  });
});
