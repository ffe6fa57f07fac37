import { describe, expect, it } from "vitest";
import { driverDiagramToMermaid, escapeMermaid } from "../../src/drivers/index.js";
import { deepFreeze } from "../pdsa/freeze.js";
import { diagram } from "./fixture.js";

describe("driverDiagramToMermaid", () => {
  it("draws the aim left, solid strong links, dotted weak links", () => {
    expect(driverDiagramToMermaid(deepFreeze(structuredClone(diagram)))).toBe(
      [
        "flowchart LR",
        '  n_aim(["Aim"])',
        '  n_p1["Early planning"]',
        '  n_p2["Family options"]',
        '  n_s1["Meeting soon after accommodation"]',
        '  n_s2["Parallel planning"]',
        '  n_c1("Two-week meeting")',
        '  n_c2("Early kinship assessment")',
        "  n_aim --- n_p1",
        "  n_aim --- n_p2",
        "  n_p1 --- n_s1",
        "  n_p1 --- n_s2",
        "  n_p2 -.- n_s2",
        "  n_s1 --- n_c1",
        "  n_s2 --- n_c1",
        "  n_s2 --- n_c2",
        "  classDef aim fill:#1b4965,color:#ffffff,stroke:#1b4965",
        "  classDef primary fill:#cae9ff,stroke:#1b4965",
        "  classDef secondary fill:#eef7ff,stroke:#5fa8d3",
        "  classDef change fill:#fff4d6,stroke:#b08900",
        "  class n_aim aim",
        "  class n_p1,n_p2 primary",
        "  class n_s1,n_s2 secondary",
        "  class n_c1,n_c2 change",
      ].join("\n"),
    );
  });

  it("sanitises ids (de-duplicating collisions), escapes labels, drops links to unknown ids", () => {
    const out = driverDiagramToMermaid(
      {
        aim: { id: "end", statement: 'Say "hi" <b>&</b> #1 `x`\nnext' },
        nodes: [
          { id: "a-b", kind: "primary", label: "one" },
          { id: "a b", kind: "primary", label: "two" },
          { id: "__proto__", kind: "secondary", label: "three" },
        ],
        links: [
          { from: "a-b", to: "end" },
          { from: "a b", to: "end" },
          { from: "__proto__", to: "a b", strength: "weak" },
          { from: "ghost", to: "end" },
        ],
      },
      { classes: false },
    );
    expect(out).toBe(
      [
        "flowchart LR",
        '  n_end(["Say #quot;hi#quot; #lt;b#gt;#amp;#lt;/b#gt; #35;1 #96;x#96; next"])',
        '  n_a_b["one"]',
        '  n_a_b_2["two"]',
        '  n___proto__["three"]',
        "  n_end --- n_a_b",
        "  n_end --- n_a_b_2",
        "  n_a_b_2 -.- n___proto__",
      ].join("\n"),
    );
  });

  it("escapes # first so entity codes are not escaped twice", () => {
    expect(escapeMermaid('#quot;"')).toBe("#35;quot;#quot;");
  });
});
