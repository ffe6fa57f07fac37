// Regressions from the nasty-values sweep (test/reliability/nasty-values.test.ts).
import { describe, expect, it } from "vitest";
import { fails } from "../_shared/fails.js";
import { checkMeasure, familyOfMeasures } from "../../src/measures/index.js";
import { measures } from "../project/fixture.js";


describe("a malformed measure (the whole-document sweep)", () => {
  const m = measures[0]!;
  it("checkMeasure reports shape problems as issues relative to the measure, and never throws for them", () => {
    expect(checkMeasure(undefined as never)).toEqual([expect.objectContaining({ severity: "error", code: "invalid-value", path: [] })]);
    expect(checkMeasure({ ...m, definition: { ...m.definition, owner: 5 } } as never).map((i) => [i.code, i.path])).toEqual([["invalid-value", ["definition", "owner"]]]);
    expect(checkMeasure({ ...m, target: { value: Symbol("s") } } as never).map((i) => i.path)).toEqual([["target", "value"]]);
    expect(checkMeasure({ ...m, links: null } as never).map((i) => i.path)).toEqual([["links"]]);
  });
  it("familyOfMeasures throws invalid-value at [measures, …] (was 'measures is not iterable' and friends)", () => {
    for (const [value, path] of [
      [null, ["measures"]],
      [{}, ["measures"]],
      [[null], ["measures", 0]],
      [[{ ...m, type: "__proto__" }], ["measures", 0, "type"]],
      [[m, { ...m, id: Symbol("s") }], ["measures", 1, "id"]],
    ] as const) {
      const e = fails(() => familyOfMeasures(value as never));
      expect([e.code, e.path]).toEqual(["invalid-value", path]);
    }
  });
});
