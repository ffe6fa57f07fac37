// Issue #18, finding 5: a paceTimescales stage id `__proto__` vanished from the result (the
// assignment replaced the result's prototype instead of adding a key).
import { describe, expect, it } from "vitest";
import { PACE_STAGES, paceTimescales, simulateCases } from "../../src/timescales/index.js";

describe("paceTimescales with hostile stage ids", () => {
  it("keeps a stage with the id __proto__ (and constructor) as an ordinary key", () => {
    const events = simulateCases({ seed: 3, start: "2021-01-01", end: "2022-12-31", children: 200, authorities: 2 });
    const t = paceTimescales(events, { asOf: "2022-12-31", stages: [{ ...PACE_STAGES.panel, id: "__proto__" }, { ...PACE_STAGES.adm, id: "constructor" }] });
    expect(Object.keys(t.stages)).toEqual(["__proto__", "constructor"]);
    expect(Object.getPrototypeOf(t.stages)).toBe(Object.prototype);
    const parsed = JSON.parse(JSON.stringify(t)) as { stages: Record<string, { durations: unknown }> };
    expect(Object.keys(parsed.stages)).toEqual(["__proto__", "constructor"]);
    expect(Object.hasOwn(t.stages, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).durations).toBeUndefined();
  });
});
