import { describe, expect, it } from "vitest";
import { funnelPlot, renderFunnelPlot, summariseFunnelPlot } from "../../src/index.js";
import { fails } from "../_shared/fails.js";
import { deepFreeze } from "../_shared/freeze.js";

const EVIL = `</svg><script>alert("x")</script>&`;
const ROWS = deepFreeze([
  { la: "Angus", within: 40, children: 50 },
  { la: EVIL, within: 12, children: 30 },
  { la: "Clackmannanshire", within: 70, children: 90 },
  { la: "Dundee", within: 58, children: 80 },
  { la: "East Lothian", within: 30, children: 42 },
]);
const F = deepFreeze(funnelPlot(ROWS, { group: "la", numerator: "within", denominator: "children", multiplier: 100 }));

describe("renderFunnelPlot", () => {
  const svg = renderFunnelPlot(F, { title: "Within 26 weeks <%>", highlight: "Dundee", yLabel: "%" });
  it("is accessible: role, title, desc from summariseFunnelPlot", () => {
    expect(svg).toMatch(/^<svg [^>]*role="img"/);
    expect(svg).toContain("<title id=");
    expect(svg).toContain("Within 26 weeks &lt;%&gt;");
    expect(svg).toContain(summariseFunnelPlot(F).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;"));
  });
  it("escapes hostile names (the outlier's label and its tooltip)", () => {
    expect(svg).not.toContain("<script>");
    expect(svg).toContain("&lt;/svg&gt;&lt;script&gt;");
  });
  it("labels the outlier, rings and labels the highlighted organisation", () => {
    expect(F.groups[1]!.outlier95).toBe(true);
    expect((svg.match(/class="point outlier low/g) ?? []).length).toBe(1);
    expect(svg).toContain('class="highlight"');
    expect(svg).toMatch(/class="label highlighted"[^>]*>Dundee</);
  });
  it("draws both limit levels of the limits in use", () => {
    expect(svg).toContain(`class="limit ${F.limitsUsed} l95 lower"`);
    expect(svg).toContain(`class="limit ${F.limitsUsed} l998 upper"`);
  });
  it("is deterministic", () => expect(renderFunnelPlot(F, { title: "Within 26 weeks <%>", highlight: "Dundee", yLabel: "%" })).toBe(svg));
  it("rejects unknown options with a suggestion", () => {
    const e = fails(() => renderFunnelPlot(F, { highlite: "Dundee" } as never));
    expect([e.code, e.path]).toEqual(["unknown-option", ["options", "highlite"]]);
    expect(fails(() => renderFunnelPlot(F, { labels: "some" } as never)).path).toEqual(["options", "labels"]);
  });
  it("colours outliers by direction (a low value is a concern when higher is better)", () => {
    expect(renderFunnelPlot(F, { direction: "increase" })).toMatch(/class="point outlier low[^"]*"[^>]*stroke="#D55E00"/);
  });
});
