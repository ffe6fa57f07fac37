import { describe, expect, it } from "vitest";
import { controlChart, renderSummaryTable, runChart, summariseMeasures } from "../../src/index.js";
import { formatValue } from "../../src/render/number.js";
import { fails } from "../_shared/fails.js";

const YS = [60, 62, 58, 61, 63, 59, 60, 62, 61, 60, 59, 61, 70, 72, 74, 73, 75, 76, 77, 78, 79, 80];
const ROWS = YS.map((y, i) => ({ month: `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`, within: y, children: 100 }));
const P = controlChart(ROWS, { type: "p", x: "month", y: "within", n: "children", multiply: 100, rules: "mdc", direction: "increase", target: 80 });
const EVIL = `<script>alert("x")</script>`;
const S = summariseMeasures([
  { name: EVIL, chart: P, group: `<b>&</b>`, unit: "%" },
  { name: "Flat", chart: runChart([5, 5, 6, 5, 6, 5, 5, 6, 5, 6, 5, 6, 5, 6]) },
]);

describe("renderSummaryTable", () => {
  const html = renderSummaryTable(S);
  it("lists the summary's warnings under the table, escaped; none, no list", () => {
    // Two rows share a month: summed by the c chart, which the board's HTML now says too.
    const dup = summariseMeasures([{ name: "Moves", group: "<North>", chart: controlChart([{ x: 1, y: 3 }, { x: 1, y: 4 }, { x: 2, y: 5 }, { x: 3, y: 2 }], { type: "c", x: "x", y: "y" }) }]);
    expect(dup.warnings.length).toBeGreaterThan(0);
    const out = renderSummaryTable(dup);
    expect(out).toMatch(/<ul class="qi-summary-notes muted"><li>Moves \(&lt;North&gt;\): 2 rows share an x[^<]*<\/li><\/ul>/);
    expect(html).toContain("<li>Flat: Phase 1 has 6 useful observations; the runs rule needs at least 10");
    // P's step from 60 to about 75 with no baseline has a level-change warning (trial 16); with the
    // 12 months before the step as its baseline it has none.
    expect(renderSummaryTable(summariseMeasures([{ name: "P", chart: P }]))).toContain("P: The shift below the mean from Jan 2023 and the later one above it from Jan 2024 together show a change in level");
    const withBaseline = controlChart(ROWS, { type: "p", x: "month", y: "within", n: "children", multiply: 100, rules: "mdc", direction: "increase", target: 80, baseline: 12 });
    expect(renderSummaryTable(summariseMeasures([{ name: "P", chart: withBaseline }]))).not.toContain("qi-summary-notes");
    expect(fails(() => renderSummaryTable({ ...dup, warnings: "x" } as never)).path).toEqual(["summary", "warnings"]);
  });
  it("latest, target and centre in the row's unit, as the reading writes them (user trial 12: '61.1' beside 'the target of 60 %')", () => {
    const centre = P.phases[0]!.centre!;
    // The P row: latest Oct 2024 80, target 80, centre the baseline mean, all in %.
    expect(html).toContain(`<td class="num">80 %<br><span class="muted">Oct 2024</span></td><td class="num">80 %</td><td class="num">${formatValue(centre)} %</td>`);
    // The Flat row has no unit: bare numbers; its x are the observation numbers: "point 14" (was "14").
    expect(html).toContain('<td class="num">6<br><span class="muted">point 14</span></td><td class="num">–</td><td class="num">5</td>');
    // A row without a unit field (a summary kept from before rows had one) draws bare numbers; a unit that is not text is an error.
    const { unit: _, ...old } = S.rows[0]!;
    expect(renderSummaryTable({ ...S, rows: [old as never] })).toContain('<td class="num">80<br>');
    expect(fails(() => renderSummaryTable({ ...S, rows: [{ ...S.rows[0]!, unit: 5 as never }] })).path).toEqual(["summary", "rows", 0, "unit"]);
  });
  it("escapes every user string", () => {
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("&lt;b&gt;&amp;&lt;/b&gt;");
  });
  it("draws icons as SVG shapes with text alternatives, never a font glyph", () => {
    expect(html).toContain('aria-label="Special cause improvement (high)"');
    expect(html).toContain("<title>Assurance: the target of 80 % will be met and missed at random</title>"); // the row's assuranceText
    expect(html).toContain('<span class="qi-icon-text">hit and miss</span></td>'); // a caption under the assurance icon too
    expect(html).toContain('aria-label="Special cause variation, neither better nor worse"');
    const icons = html.match(/<svg class="qi-icon"[\s\S]*?<\/svg>/g) ?? [];
    expect(icons.length).toBe(3);
    for (const i of icons) expect(i).not.toMatch(/<text/);
  });
  it("one row per summary row, in its order, with the category in words", () => {
    expect((html.match(/<tr class="/g) ?? []).map(String)).toHaveLength(2);
    expect(html.indexOf('<tr class="improvement"')).toBeLessThan(html.indexOf('<tr class="neutral"'));
    expect(html).toContain('<span class="qi-icon-text">improvement</span>');
  });
  it("stands alone as a whole document", () => {
    const doc = renderSummaryTable(S, { standalone: true, title: "Board <1>" });
    expect(doc.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(doc).toContain("<title>Board &lt;1&gt;</title>");
    expect(doc).not.toMatch(/<script|<link|@import/);
  });
  it("rejects unknown options and malformed rows", () => {
    expect(fails(() => renderSummaryTable(S, { standlone: true } as never)).code).toBe("unknown-option");
    expect(fails(() => renderSummaryTable({ ...S, rows: [{ ...S.rows[0]!, category: "bad" as never }] })).path).toEqual(["summary", "rows", 0, "category"]);
  });
});
