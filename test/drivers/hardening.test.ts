// Issue #18 (hardening), finding 2: Mermaid directive injection through labels.
import { describe, expect, it } from "vitest";
import { driverDiagramToMermaid, escapeMermaid } from "../../src/drivers/index.js";

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
