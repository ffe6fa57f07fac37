// Regressions from the nasty-values sweep (test/reliability/nasty-values.test.ts).
import { describe, expect, it } from "vitest";
import { QiError } from "../../src/_lib/error.js";
import {
  addNode,
  ancestors,
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

const fails = (f: () => unknown): QiError => {
  try {
    f();
  } catch (e) {
    if (e instanceof QiError) return e;
    throw e;
  }
  throw new Error("expected a QiError");
};

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
