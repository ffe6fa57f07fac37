import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fails as thrown } from "../_shared/fails.js";
import { addNode, ancestors, descendants, pathsToAim, relink, removeNode, validateDriverDiagram, type DriverDiagram, type DriverNode } from "../../src/drivers/index.js";
import { deepFreeze } from "../pdsa/freeze.js";
import { diagram as raw } from "./fixture.js";

const diagram = deepFreeze(structuredClone(raw));

describe("graph queries", () => {
  it("ancestors and descendants, nearest first", () => {
    expect(ancestors(diagram, "c1")).toEqual(["s1", "s2", "p1", "p2", "aim"]);
    expect(ancestors(diagram, "aim")).toEqual([]);
    expect(descendants(diagram, "p2")).toEqual(["s2", "c1", "c2"]);
    expect(descendants(diagram, "aim")).toEqual(["p1", "p2", "s1", "s2", "c1", "c2"]);
  });

  it("every path to the aim", () => {
    expect(pathsToAim(diagram, "c1")).toEqual([
      ["c1", "s1", "p1", "aim"],
      ["c1", "s2", "p1", "aim"],
      ["c1", "s2", "p2", "aim"],
    ]);
    expect(pathsToAim(diagram, "c1", { limit: 2 })).toHaveLength(2);
    // Regression (found by a property run): a limit that is not a whole number is a QiError, not a TypeError.
    for (const limit of [Symbol("s"), "2", 1.5, -1, Number.NaN]) {
      expect(() => pathsToAim(diagram, "c1", { limit } as never)).toThrow(expect.objectContaining({ code: "invalid-option", path: ["options", "limit"] }));
    }
    expect(() => pathsToAim(diagram, "c1", null as never)).toThrow(expect.objectContaining({ code: "invalid-option", path: ["options"] }));
    expect(pathsToAim(diagram, "aim")).toEqual([["aim"]]);
    expect(pathsToAim(removeNode(diagram, "s1"), "s2")).toEqual([
      ["s2", "p1", "aim"],
      ["s2", "p2", "aim"],
    ]);
  });

  it("does not follow cycles or overflow on deep chains", () => {
    const cyclic: DriverDiagram = { ...diagram, links: [...diagram.links, { from: "p1", to: "c1" }] };
    expect(pathsToAim(cyclic, "c2")).toEqual([
      ["c2", "s2", "p1", "aim"],
      ["c2", "s2", "p2", "aim"],
    ]);
    const n = 20_000;
    const nodes: DriverNode[] = [];
    const links = [];
    for (let i = 0; i < n; i++) {
      nodes.push({ id: `n${i}`, kind: "secondary", label: "" });
      links.push({ from: `n${i}`, to: i === 0 ? "aim" : `n${i - 1}` });
    }
    const deep: DriverDiagram = { aim: { id: "aim", statement: "" }, nodes, links };
    const paths = pathsToAim(deep, `n${n - 1}`);
    expect(paths).toHaveLength(1);
    expect(paths[0]).toHaveLength(n + 1);
    expect(ancestors(deep, `n${n - 1}`)).toHaveLength(n);
  });

  it("throws unknown-id for a missing node", () => {
    expect(thrown(() => ancestors(diagram, "nope"))).toMatchObject({ code: "unknown-id", path: ["id"] });
    expect(thrown(() => pathsToAim(diagram, "nope")).code).toBe("unknown-id");
  });
});

describe("immutable edits", () => {
  it("addNode appends the node and its links", () => {
    const d = addNode(diagram, { id: "c3", kind: "change", label: "Tracker" }, ["s1", { to: "s2", strength: "weak" }]);
    expect(d.nodes.at(-1)).toEqual({ id: "c3", kind: "change", label: "Tracker" });
    expect(d.links.slice(-2)).toEqual([
      { from: "c3", to: "s1" },
      { from: "c3", to: "s2", strength: "weak" },
    ]);
    expect(validateDriverDiagram(d).valid).toBe(true);
    expect(diagram.nodes).toHaveLength(6);
  });

  it("addNode refuses duplicate ids, unknown parents and itself as parent", () => {
    expect(thrown(() => addNode(diagram, { id: "c1", kind: "change", label: "" }))).toMatchObject({ code: "duplicate-id", path: ["node", "id"] });
    expect(thrown(() => addNode(diagram, { id: "aim", kind: "change", label: "" })).code).toBe("duplicate-id");
    expect(thrown(() => addNode(diagram, { id: "c9", kind: "change", label: "" }, ["s1", "zz"]))).toMatchObject({ code: "unknown-id", path: ["parents", 1] });
    expect(thrown(() => addNode(diagram, { id: "c9", kind: "change", label: "" }, ["c9"]))).toMatchObject({ code: "cycle", path: ["parents", 0] });
  });

  it("removeNode drops the node and every link touching it; children may become orphans", () => {
    const d = removeNode(diagram, "s1");
    expect(d.nodes.map((n) => n.id)).toEqual(["p1", "p2", "s2", "c1", "c2"]);
    expect(d.links.some((l) => l.from === "s1" || l.to === "s1")).toBe(false);
    expect(validateDriverDiagram(d).valid).toBe(true); // c1 still reaches the aim through s2
    const e = removeNode(diagram, "s2");
    expect(validateDriverDiagram(e).issues.map((i) => [i.severity, i.code, i.path])).toEqual([
      ["warning", "no-change-ideas", ["nodes", 1]],
      ["error", "orphan", ["nodes", 4]],
    ]);
    expect(thrown(() => removeNode(diagram, "aim")).code).toBe("invalid-option");
    expect(thrown(() => removeNode(diagram, "zz")).code).toBe("unknown-id");
  });

  it("relink replaces a node's parents and keeps its children's links", () => {
    const d = relink(diagram, "s2", [{ to: "p2", strength: "weak" }]);
    expect(d.links.filter((l) => l.from === "s2")).toEqual([{ from: "s2", to: "p2", strength: "weak" }]);
    expect(d.links.filter((l) => l.to === "s2")).toEqual([
      { from: "c1", to: "s2" },
      { from: "c2", to: "s2" },
    ]);
    expect(thrown(() => relink(diagram, "aim", ["p1"])).code).toBe("invalid-option");
    expect(relink(diagram, "aim", [])).toEqual(diagram);
  });

  it("add then remove is the identity (property)", () => {
    const parents = fc.subarray(["s1", "s2"], { minLength: 1 });
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), parents, fc.boolean(), (id, ps, weak) => {
        fc.pre(!["aim", "p1", "p2", "s1", "s2", "c1", "c2"].includes(id));
        const added = addNode(diagram, { id, kind: "change", label: id }, ps.map((to) => (weak ? { to, strength: "weak" as const } : to)));
        expect(validateDriverDiagram(added).valid).toBe(true);
        expect(ancestors(added, id).at(-1)).toBe("aim");
        expect(removeNode(added, id)).toEqual(diagram);
      }),
    );
  });
});
