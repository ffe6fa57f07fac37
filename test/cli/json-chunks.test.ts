// tz-independent: JSON text only.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonChunks } from "../../src/cli/jsonChunks.js";
import { runChart } from "../../src/index.js";

describe("jsonChunks (analyse --json in chunks, issue #18)", () => {
  it("is JSON.stringify(value, null, 2) character for character, for a long chart and a grouped result", () => {
    const chart = runChart(Array.from({ length: 5000 }, (_, i) => ({ x: i + 1, y: (i * 7919) % 13 })), { x: "x", y: "y" });
    for (const value of [chart, [{ key: "a", chart }, { key: "b", chart: runChart([1, 2, 3]) }], { a: undefined, b: [undefined, () => 1], c: new Date(0), d: [] }]) {
      const chunks = [...jsonChunks(value)];
      expect(chunks.join("")).toBe(JSON.stringify(value, null, 2));
    }
    expect([...jsonChunks(chart)].length).toBeGreaterThan(1);
  });

  it("agrees with JSON.stringify on any JSON value with long arrays", () => {
    const long = fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1001, maxLength: 1100 });
    fc.assert(
      fc.property(fc.oneof(long, fc.dictionary(fc.string(), fc.oneof(long, fc.jsonValue({ maxDepth: 2 })))), (v) => [...jsonChunks(v)].join("") === JSON.stringify(v, null, 2)),
      { numRuns: 10 },
    );
  });
});
