import { describe, expect, it } from "vitest";
import { controlChart, renderSummaryTable, runChart, summariseMeasures } from "../../src/index.js";
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
  it("escapes every user string", () => {
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("&lt;b&gt;&amp;&lt;/b&gt;");
  });
  it("draws icons as SVG shapes with text alternatives, never a font glyph", () => {
    expect(html).toContain('aria-label="Special cause improvement (high)"');
    expect(html).toContain("<title>Assurance: the target will be met and missed at random</title>");
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
