import { describe, expect, it } from "vitest";
import { QiError } from "../../src/_lib/error.js";
import { driverDiagramJsonSchema, parseDriverDiagram, safeParseDriverDiagram } from "../../src/drivers/index.js";
import { deepFreeze } from "../pdsa/freeze.js";
import { diagram } from "./fixture.js";

describe("parseDriverDiagram", () => {
  it("parses a valid diagram", () => {
    expect(parseDriverDiagram(deepFreeze(structuredClone(diagram)))).toEqual(diagram);
  });

  it("throws invalid-document with schema issues and paths", () => {
    const bad = { ...diagram, nodes: [...diagram.nodes, { id: "x", kind: "driver", label: "X" }], links: [{ from: "p1" }] };
    let e: unknown;
    try {
      parseDriverDiagram(bad);
    } catch (x) {
      e = x;
    }
    expect(e).toBeInstanceOf(QiError);
    expect((e as QiError).code).toBe("invalid-document");
    expect((e as QiError).issues.map((i) => [i.code, i.path])).toEqual([
      ["invalid-value", ["nodes", 6, "kind"]],
      ["invalid-type", ["links", 0, "to"]],
    ]);
  });

  it("rejects graph errors (not warnings) unless validate is false", () => {
    const cyclic = { ...diagram, links: [...diagram.links, { from: "c9", to: "s1" }, { from: "c1", to: "aim" }] };
    const r = safeParseDriverDiagram(cyclic);
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.issues).toEqual([
        { code: "unknown-id", path: ["links", 8, "from"], message: 'link from unknown id "c9"' },
        { code: "skipped-level", path: ["links", 9], message: 'change idea "c1" links straight to aim "aim"; a change idea may link to: secondary driver' },
      ]);
      // The error's path is the first issue's; QiError words it "(at …)" as every error.
      expect(r.error.message).toBe('invalid driver diagram: link from unknown id "c9" (and 1 more) (at links[8].from)');
      expect(r.error.path).toEqual(["links", 8, "from"]);
    }
    expect(safeParseDriverDiagram(cyclic, { validate: false }).success).toBe(true);
    const notSmart = { ...diagram, aim: { id: "aim", statement: "Better" } };
    expect(parseDriverDiagram(notSmart).aim).toEqual({ id: "aim", statement: "Better" });
  });

  it("has a JSON Schema", () => {
    const s = driverDiagramJsonSchema();
    expect(s["title"]).toBe("Driver diagram");
    expect(s["required"]).toEqual(["aim", "nodes", "links"]);
  });
});
