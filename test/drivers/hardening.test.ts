// Issue #18 (hardening): finding 2 (Mermaid directive injection through labels) and finding 6
// (pathsToAim's work).
import { describe, expect, it } from "vitest";
import { driverDiagramToMermaid, escapeMermaid, pathsToAim, removeNode, type DriverDiagram, type DriverLink, type DriverNode } from "../../src/drivers/index.js";

const directive = "%%{init: {'theme': 'dark', 'themeCSS': '.label{display:none}'}}%%";

describe("Mermaid export: no directive or comment survives a label", () => {
  it("escapes % so no `%%` reaches the text", () => {
    expect(escapeMermaid(directive)).toBe("#37;#37;{init: {'theme': 'dark', 'themeCSS': '.label{display:none}'}}#37;#37;");
    expect(escapeMermaid("50% of 100%%")).toBe("50#37; of 100#37;#37;");
  });

  it("a label that is only a directive still yields a diagram with every node and link", () => {
    const out = driverDiagramToMermaid({
      aim: { id: "aim", statement: directive },
      nodes: [{ id: "p1", kind: "primary", label: "%%" }, { id: "c1", kind: "change", label: "%%{init:{}}%%\u2028next" }],
      links: [{ from: "p1", to: "aim", strength: "strong" }, { from: "c1", to: "p1", strength: "weak" }],
    } as never, { classes: false });
    expect(out).not.toContain("%");
    expect(out.split("\n")).toEqual([
      "flowchart LR",
      `  n_aim(["#37;#37;{init: {'theme': 'dark', 'themeCSS': '.label{display:none}'}}#37;#37;"])`,
      '  n_p1["#37;#37;"]',
      '  n_c1("#37;#37;{init:{}}#37;#37; next")',
      "  n_aim --- n_p1",
      "  n_p1 -.- n_c1",
    ]);
  });
});

// Finding 6: pathsToAim after removeNode tried every path of the part cut off from the aim
// (doubling per level: about 80 levels took hours).

function ladder(levels: number): DriverDiagram {
  const nodes: DriverNode[] = [{ id: "top", kind: "primary", label: "" }];
  const links: DriverLink[] = [{ from: "top", to: "aim" }];
  for (let i = 0; i < levels; i++) {
    for (const side of ["a", "b"]) {
      nodes.push({ id: `${side}${i}`, kind: "secondary", label: "" });
      if (i === 0) links.push({ from: `${side}0`, to: "top" });
      else links.push({ from: `${side}${i}`, to: `a${i - 1}` }, { from: `${side}${i}`, to: `b${i - 1}` });
    }
  }
  return { aim: { id: "aim", statement: "" }, nodes, links };
}

describe("pathsToAim: near-linear work", () => {
  it("a 2,000-level ladder cut off from the aim has no path, found at once", () => {
    const d = removeNode(ladder(2000), "top");
    expect(pathsToAim(d, "a1999")).toEqual([]);
  });

  it("a connected 2,000-level ladder still lists paths up to the limit, in link order", () => {
    const d = ladder(2000);
    const paths = pathsToAim(d, "b1999", { limit: 3 });
    expect(paths).toHaveLength(3);
    expect(paths[0]!.slice(0, 3)).toEqual(["b1999", "a1998", "a1997"]);
    expect(paths[0]!.at(-1)).toBe("aim");
    expect(paths[0]).toHaveLength(2002);
  });

  it("a dead end blocked by a cycle is not remembered wrongly", () => {
    // x → y → aim and x → z → y; y → x makes a cycle; from z the only path is z → y → aim.
    const d = {
      aim: { id: "aim", statement: "" },
      nodes: ["x", "y", "z"].map((id) => ({ id, kind: "secondary" as const, label: "" })),
      links: [{ from: "z", to: "x" }, { from: "x", to: "z" }, { from: "x", to: "y" }, { from: "y", to: "aim" }, { from: "z", to: "y" }],
    };
    expect(pathsToAim(d, "z")).toEqual([["z", "x", "y", "aim"], ["z", "y", "aim"]]);
    expect(pathsToAim(d, "x")).toEqual([["x", "z", "y", "aim"], ["x", "y", "aim"]]);
  });
});
