// Regressions from the nasty-values sweep (test/reliability/nasty-values.test.ts).
import { describe, expect, it } from "vitest";
import { fails } from "../_shared/fails.js";
import {
  addNode,
  ancestors,
  checkAim,
  driverDiagramToMermaid,
  escapeMermaid,
  parseDriverDiagram,
  pathsToAim,
  relink,
  removeNode,
  safeParseDriverDiagram,
  validateDriverDiagram,
} from "../../src/drivers/index.js";
import { diagram } from "./fixture.js";


describe("driver-diagram functions with nasty arguments", () => {
  it("a bigint id is unknown-id (the message's JSON.stringify threw a TypeError)", () => {
    for (const [f, path] of [
      [() => ancestors(diagram, 10n as never), ["id"]],
      [() => removeNode(diagram, 10n as never), ["id"]],
      [() => pathsToAim(diagram, 10n as never), ["id"]],
      [() => relink(diagram, 10n as never, ["s1"]), ["id"]],
      [() => addNode(diagram, { id: "c9", kind: "change", label: "C9" }, [{ to: 10n as never }]), ["parents", 0]],
    ] as const) {
      const e = fails(f);
      expect(e.code === "unknown-id" || e.code === "invalid-option").toBe(true);
      expect(e.path).toEqual(path);
    }
    expect(fails(() => ancestors(diagram, 10n as never)).message).toContain("no node with id 10");
  });
  it("null options are invalid-option at [options] (were TypeErrors)", () => {
    for (const f of [() => validateDriverDiagram(diagram, null as never), () => driverDiagramToMermaid(diagram, null as never), () => parseDriverDiagram(diagram, null as never)]) {
      const e = fails(f);
      expect([e.code, e.path]).toEqual(["invalid-option", ["options"]]);
    }
    const r = safeParseDriverDiagram(diagram, null as never);
    expect(r.success).toBe(false);
    if (!r.success) expect([r.error.code, r.error.path]).toEqual(["invalid-option", ["options"]]);
  });
  it("escapeMermaid of a non-string is invalid-value at [text] (was 'text.replace is not a function')", () => {
    for (const v of [Symbol("s"), null, undefined, 5, {}, []]) {
      const e = fails(() => escapeMermaid(v as never));
      expect([e.code, e.path]).toEqual(["invalid-value", ["text"]]);
    }
  });
});

describe("a malformed driver diagram (the whole-document sweep)", () => {
  const d = diagram as unknown as Record<string, unknown>;
  const nodes = diagram.nodes as unknown as unknown[];
  const bad: ReadonlyArray<readonly [string, unknown, readonly (string | number)[]]> = [
    ["null", null, ["diagram"]],
    ["{}", {}, ["diagram", "aim"]],
    ["nodes = Symbol()", { ...d, nodes: Symbol("s") }, ["diagram", "nodes"]],
    ["nodes[0] = null", { ...d, nodes: [null, ...nodes.slice(1)] }, ["diagram", "nodes", 0]],
    ["nodes[1].id = 10n", { ...d, nodes: nodes.map((n, i) => (i === 1 ? { ...(n as object), id: 10n } : n)) }, ["diagram", "nodes", 1, "id"]],
    ["nodes[0].kind = \"__proto__\"", { ...d, nodes: nodes.map((n, i) => (i === 0 ? { ...(n as object), kind: "__proto__" } : n)) }, ["diagram", "nodes", 0, "kind"]],
    ["links[0] = Object.create(null)", { ...d, links: [Object.create(null), ...diagram.links.slice(1)] }, ["diagram", "links", 0, "from"]],
    ["aim.what = 5", { ...d, aim: { ...diagram.aim, what: 5 } }, ["diagram", "aim", "what"]],
  ];
  it("graph operations and Mermaid throw invalid-value at the diagram path (were TypeErrors)", () => {
    for (const [what, value, path] of bad) {
      for (const f of [
        () => ancestors(value as never, "c1"),
        () => pathsToAim(value as never, "c1"),
        () => removeNode(value as never, "c1"),
        () => relink(value as never, "c1", ["s1"]),
        () => addNode(value as never, { id: "c9", kind: "change", label: "C9" }, ["s1"]),
        () => driverDiagramToMermaid(value as never),
      ]) {
        const e = fails(f);
        expect([what, e.code, e.path]).toEqual([what, "invalid-value", path]);
      }
    }
    expect(fails(() => ancestors({} as never, "c1")).message).toContain("parse it with parseDriverDiagram first");
  });
  it("validateDriverDiagram reports the shape problems as issues from the diagram root, and never throws for them", () => {
    for (const [what, value, path] of bad) {
      const r = validateDriverDiagram(value as never);
      expect([what, r.valid, r.issues[0]!.code, r.issues[0]!.severity, r.issues[0]!.path]).toEqual([what, false, "invalid-value", "error", path.slice(1)]);
    }
    expect(validateDriverDiagram({} as never).issues.map((i) => i.path)).toEqual([["aim"], ["nodes"], ["links"]]);
  });
  it("checkAim throws invalid-value at [aim, …]", () => {
    expect([fails(() => checkAim(null as never)).path, fails(() => checkAim({ ...diagram.aim, byWhen: Symbol("s") } as never)).path]).toEqual([["aim"], ["aim", "byWhen"]]);
    expect(fails(() => checkAim(undefined as never)).code).toBe("invalid-value");
  });
});
