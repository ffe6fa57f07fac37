// Issue #18 (hardening): rendering attacks the nasty-values sweep does not cover.
import { describe, expect, it } from "vitest";
import { controlChart, runChart } from "../../src/index.js";
import { buildXAxis, buildYAxis } from "../../src/render/axis.js";
import { renderControlChart, renderReport, renderRunChart } from "../../src/render/index.js";
import { wrapText } from "../../src/render/text.js";
import type { PdsaCycle } from "../../src/pdsa/index.js";
import type { Project } from "../../src/project/index.js";
import { project } from "../project/fixture.js";

describe("finding 6: wrapText is linear in a long word", () => {
  it("wraps a 3.2 MB word (10× the 316 KB project that took 16 s)", () => {
    const word = "x".repeat(3_200_000);
    const lines = wrapText(`start ${word} end`, 40);
    expect(lines).toHaveLength(2 + 80_000);
    expect(lines[0]).toBe("start");
    expect(lines.at(-1)).toBe("end");
    expect(lines.slice(1, -1).every((l) => l.length === 40)).toBe(true);
  });

  it("keeps the tail of a split word on the line with what follows", () => {
    expect(wrapText("abcdefghij kl", 4)).toEqual(["abcd", "efgh", "ij", "kl"]);
    expect(wrapText("abcdefghi j", 4)).toEqual(["abcd", "efgh", "i j"]);
  });
});

describe("finding 6: renderReport with 4,000 PDSA cycles", () => {
  it("draws 4,000 cycles on one chart (took 132 s: annotation placement was cubic)", () => {
    const cycles: PdsaCycle[] = Array.from({ length: 4_000 }, (_, i) => ({
      id: `k${i}`,
      changeIdea: i % 2 === 0 ? "c1" : "c2",
      sequence: i + 1,
      title: `Cycle ${i} with a longer title`,
      objective: "o",
      questions: [{ question: "q", prediction: "p" }],
      measures: ["proc"],
      do: { date: new Date(Date.UTC(2024, 0, 1 + (i % 366))).toISOString().slice(0, 10) },
      act: { decision: "adapt", nextSteps: "n" },
    }));
    const html = renderReport({ ...project, cycles } as Project);
    expect(html.match(/<tr><td>/g)).toHaveLength(4_000);
  });
});

describe("finding 7: extreme values draw, with finite coordinates", () => {
  const finiteCoordinates = (svg: string) => {
    expect(svg).not.toMatch(/NaN|Infinity/);
  };

  it("denormal ranges: ticks instead of a RangeError from the tick generator", () => {
    const y = buildYAxis([5e-324, 1e-320, 2e-320, 3e-320], [400, 40]);
    expect(y.ticks.length).toBeGreaterThan(1);
    expect(y.ticks.every((t) => Number.isFinite(t.pos))).toBe(true);
    expect(Number.isFinite(y.pos(1e-320))).toBe(true);
    const x = buildXAxis("number", [5e-324, 1e-320], [0, 600], false);
    expect(x.ticks.length).toBeGreaterThan(1);
    expect(buildYAxis([5e-324], [400, 40]).ticks.length).toBeGreaterThan(0);
    finiteCoordinates(renderRunChart(runChart([5e-324, 1e-320, 2e-320, 3e-320, 5e-324, 1e-321])));
    finiteCoordinates(renderRunChart(runChart([{ x: 5e-324, y: 1 }, { x: 1e-323, y: 2 }, { x: 2e-323, y: 3 }], { x: "x", y: "y" })));
  });

  it("values near ±Number.MAX_VALUE: no NaN coordinates", () => {
    finiteCoordinates(renderRunChart(runChart([1.7e308, -1.7e308, 1.7e308, -1.7e308])));
    finiteCoordinates(renderRunChart(runChart(Array(12).fill(1e308))));
    finiteCoordinates(renderControlChart(controlChart([-1.79e308, -1.0e308, -1.79e308, -1.2e308, -1.5e308], { type: "i" })));
    const y = buildYAxis([-Number.MAX_VALUE, Number.MAX_VALUE], [400, 40]);
    expect(y.ticks.every((t) => Number.isFinite(t.pos) && !/NaN|Infinity/.test(t.label))).toBe(true);
    expect([y.pos(-Number.MAX_VALUE), y.pos(Number.MAX_VALUE)].map(Math.round)).toEqual([400, 40]);
  });

  it("ordinary ranges keep d3's ticks", () => {
    expect(buildYAxis([0, 10], [400, 40]).ticks.map((t) => t.label)).toEqual(["0", "2", "4", "6", "8", "10"]);
  });
});

describe("finding 8: the report carries a strict Content-Security-Policy", () => {
  it("a CSP meta tag first in the head: nothing loads or runs, inline styles only", () => {
    const html = renderReport(project);
    const head = html.slice(html.indexOf("<head>"), html.indexOf("</head>"));
    const metas = head.match(/<meta[^>]*>/g)!;
    expect(metas[0]).toBe('<meta charset="utf-8">');
    expect(metas[1]).toBe(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">`);
    expect(head.indexOf("Content-Security-Policy")).toBeLessThan(head.indexOf("<style>"));
  });
});
