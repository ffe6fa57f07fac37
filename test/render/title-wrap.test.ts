/**
 * Long titles and subtitles wrap inside the drawing (user trial 14: a 180-character title ran
 * past the right edge of a run chart and was cut at "accommodatio"; a title with a URL or a
 * snake_case name lost three lines' ends). Each line is measured with the widths of the widest
 * common sans-serif face (DejaVu Sans Bold for titles, Book for subtitles: what Debian's Chromium
 * drew the trial's charts in), so it fits in that face and in every narrower one.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as L from "../../src/index.js";
import { glyphEm } from "../../src/render/theme.js";

const LONG = "Percentage of looked after children and young people with a permanence decision (recommendation or return home) within six months of accommodation, all localities, Dundee & Angus";
const TOKEN = "Percentage_of_looked_after_children_with_a_permanence_decision_within_six_months_of_accommodation_https://example.gov.scot/very/long/path?with=query&and=more and then more words";
const CAPS = "PERMANENCE DECISIONS WITHIN SIX MONTHS OF ACCOMMODATION FOR ALL LOOKED AFTER CHILDREN IN DUNDEE AND ANGUS";

const YS = [3, 5, 4, 6, 5, 7, 6, 8, 7, 9, 8, 10];
const RUN = L.runChart(YS);
const MDC = L.controlChart(YS.map((y, i) => ({ m: `2024-${String(i + 1).padStart(2, "0")}-01`, y })), { x: "m", y: "y", rules: "mdc", direction: "increase" });
const FUNNEL = L.funnelPlot([{ la: "A", within: 40, children: 50 }, { la: "B", within: 12, children: 30 }, { la: "C", within: 70, children: 90 }], { group: "la", numerator: "within", denominator: "children" });
const PARETO = L.paretoChart([{ r: "Court" }, { r: "Panel" }, { r: "Court" }], { category: "r" });
const CI = L.cumulativeIncidence([{ days: 30, route: "home" }, { days: 90, route: "adoption" }, { days: 400, route: null }]);
const BY = L.runChart(YS.flatMap((y, i) => [{ g: "North", x: i + 1, y }, { g: "South", x: i + 1, y: y + 1 }]), { x: "x", y: "y", by: "g" });
const DIAGRAM = L.parseProject(JSON.parse(readFileSync(new URL("../fixtures/pace-project.json", import.meta.url), "utf8"))).diagram;

const RENDERERS: Record<string, (title: string) => string> = {
  run: (t) => L.renderRunChart(RUN, { title: t, subtitle: t }),
  "control (MDC icons)": (t) => L.renderControlChart(MDC, { title: t, subtitle: t }),
  funnel: (t) => L.renderFunnelPlot(FUNNEL, { title: t, subtitle: t }),
  pareto: (t) => L.renderParetoChart(PARETO, { title: t, subtitle: t }),
  "cumulative incidence": (t) => L.renderCumulativeIncidence(CI, { title: t, subtitle: t }),
  "small multiples": (t) => L.renderSmallMultiples(BY, { title: t, subtitle: t }),
  "driver diagram": (t) => L.renderDriverDiagram(DIAGRAM, { title: t }),
};

const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

interface Line {
  cls: string;
  x: number;
  y: number;
  size: number;
  text: string;
}

/** The drawing's own title and subtitle lines (a small-multiples panel's title, drawn after them at its own y, is not one). */
function headerLines(svg: string): Line[] {
  const all = [...svg.matchAll(/<text class="(title|subtitle)" x="([\d.]+)" y="([\d.]+)" font-size="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ cls: m[1]!, x: Number(m[2]), y: Number(m[3]), size: Number(m[4]), text: unescape(m[5]!) }));
  const end = all.findIndex((l, k) => k > 0 && l.y < all[k - 1]!.y);
  return end < 0 ? all : all.slice(0, end);
}

const widthOf = (l: Line) => [...l.text].reduce((w, ch) => w + glyphEm(ch, l.cls === "title") * l.size, 0);

describe("long titles and subtitles wrap inside the drawing", () => {
  for (const [name, render] of Object.entries(RENDERERS)) {
    for (const [what, text] of [["a long title", LONG], ["a URL and a snake_case name", TOKEN], ["capitals", CAPS]] as const) {
      it(`${name}: ${what}`, () => {
        const svg = render(text);
        const W = Number(/viewBox="0 0 ([\d.]+) /.exec(svg)![1]);
        const lines = headerLines(svg);
        const titles = lines.filter((l) => l.cls === "title");
        expect(titles.length).toBeGreaterThan(1);
        // Nothing lost: every character of the title (and subtitle) is on a line, in order.
        const squash = (s: string) => s.replace(/\s+/g, "");
        expect(squash(titles.map((l) => l.text).join(""))).toBe(squash(text));
        const subtitles = lines.filter((l) => l.cls === "subtitle");
        if (name !== "driver diagram") expect(squash(subtitles.map((l) => l.text).join(""))).toBe(squash(text));
        // Each line ends inside the drawing (2 px from its right edge), and 12 px before the MDC icons.
        // The first icon is a circle of radius 18 in a 40 px square centred at cx.
        const icon = /<g class="mdc-icons"[^>]*>[^]*?<circle cx="([\d.]+)"/.exec(svg);
        for (const l of lines) {
          const right = icon === null ? W - 2 : Number(icon[1]) - 20 - 12;
          expect(l.x + widthOf(l), l.text).toBeLessThanOrEqual(right + 1e-9);
        }
        // Nothing below overlaps the header: every other text (beside the MDC icons, which sit
        // beside the title) and every small-multiples panel starts lower than its last line.
        const last = Math.max(...lines.map((l) => l.y));
        const below = svg.replace(/<g class="mdc-icons"[^]*?Assurance<\/text><\/g>/, "");
        const others = below.includes('class="panels"')
          ? [...below.matchAll(/<svg [^>]*class="qi-chart[^"]*"[^>]* y="([\d.]+)"/g)].map((m) => Number(m[1]))
          : [...below.matchAll(/<text(?! class="(?:title|subtitle)")[^>]* y="([\d.]+)"/g)].map((m) => Number(m[1]));
        expect(others.length).toBeGreaterThan(0);
        expect(Math.min(...others)).toBeGreaterThan(last + 8);
      });
    }
  }
  it("a short title stays one line, where it was", () => {
    expect(headerLines(L.renderRunChart(RUN, { title: "Permanence within 26 weeks" }))).toEqual([{ cls: "title", x: 12, y: 28, size: 16, text: "Permanence within 26 weeks" }]);
    expect(headerLines(L.renderCumulativeIncidence(CI, { title: "Routes", subtitle: "Synthetic" })).map((l) => [l.y, l.text])).toEqual([[22, "Routes"], [42, "Synthetic"]]);
  });
});
