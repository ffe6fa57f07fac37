import { describe, expect, it } from "vitest";
import { rollUp, type DriverDiagram, type Project } from "../../src/index.js";
import { renderDriverDiagram } from "../../src/render/index.js";
import raw from "../fixtures/pace-project.json" with { type: "json" };
import { HOSTILE } from "./data.js";
import { deepFreeze } from "./freeze.js";
import { checkMarkup, countClass, elementText } from "./xml.js";

const project = deepFreeze(raw as unknown as Project);

describe("renderDriverDiagram", () => {
  const status = Object.fromEntries(rollUp(project).changeIdeas.map((c) => [c.id, c.status]));

  it("draws four columns, one box per node, one link per valid link (weak dashed) and status badges", async () => {
    const svg = renderDriverDiagram(project.diagram, { status });
    expect(renderDriverDiagram(project.diagram, { status })).toBe(svg);
    expect(checkMarkup(svg)).not.toContain("script");
    const d = project.diagram;
    expect(countClass(svg, "node")).toBe(d.nodes.length + 1);
    expect(countClass(svg, "node", "change")).toBe(d.nodes.filter((n) => n.kind === "change").length);
    expect(countClass(svg, "link")).toBe(d.links.length);
    expect(countClass(svg, "link", "weak")).toBe(d.links.filter((l) => l.strength === "weak").length);
    expect(svg).toMatch(/class="link weak"[^>]*stroke-dasharray/);
    expect(countClass(svg, "badge")).toBe(Object.keys(status).length);
    for (const s of new Set(Object.values(status))) expect(countClass(svg, "badge", s)).toBe(Object.values(status).filter((v) => v === s).length);
    for (const h of ["Aim", "Primary drivers", "Secondary drivers", "Change ideas"]) expect(svg).toContain(`>${h}</text>`);
    expect(elementText(svg, "desc")).toMatch(/^Aim: By 31 March 2026/);
    expect(elementText(svg, "desc")).toContain("Parallel planning understood and used (acts on Early, shared planning for permanence; Timely assessment of family and kinship options (weak link))");
    await expect(svg).toMatchFileSnapshot("../fixtures/render/driver-diagram.svg");
  });

  it("wraps long labels by character count and leaves links to unknown ids out", () => {
    const diagram: DriverDiagram = deepFreeze({
      aim: { id: "aim", statement: "A ".repeat(60).trim() },
      nodes: [
        { id: "p", kind: "primary", label: "word ".repeat(30).trim() },
        { id: "c", kind: "change", label: "x" },
      ],
      links: [{ from: "p", to: "aim" }, { from: "c", to: "p" }, { from: "c", to: "missing" }, { from: "p", to: "p" }],
    });
    const svg = renderDriverDiagram(diagram, { width: 600 });
    expect(countClass(svg, "link")).toBe(2);
    const tspans = svg.match(/<tspan/g)!.length;
    expect(tspans).toBeGreaterThan(6);
    expect(svg).toMatch(/width="600"/);
  });

  it("renders hostile labels and statuses as text", async () => {
    const diagram: DriverDiagram = deepFreeze({
      title: HOSTILE,
      aim: { id: "aim", statement: HOSTILE },
      nodes: [
        { id: "p", kind: "primary", label: HOSTILE },
        { id: "s", kind: "secondary", label: HOSTILE },
        { id: "c", kind: "change", label: HOSTILE },
      ],
      links: [{ from: "p", to: "aim" }, { from: "s", to: "p" }, { from: "c", to: "s", strength: "weak" }],
    });
    const svg = renderDriverDiagram(diagram, { status: { c: `"><script>` as never } });
    expect(checkMarkup(svg)).not.toContain("script");
    expect(svg).not.toContain("<script");
    await expect(svg).toMatchFileSnapshot("../fixtures/render/driver-diagram-hostile.svg");
  });
});
