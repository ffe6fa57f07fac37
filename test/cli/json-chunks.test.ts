// tz-independent: JSON text only.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compactJsonChunks, jsonChunks } from "../../src/cli/jsonChunks.js";
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

  it("compactJsonChunks is JSON.stringify(value) character for character, with long arrays cut into slices", () => {
    const long = fc.array(fc.jsonValue({ maxDepth: 1 }), { minLength: 1001, maxLength: 9000 });
    const longInts = fc.array(fc.integer(), { minLength: 1001, maxLength: 1010 });
    const nested = fc.array(fc.oneof({ arbitrary: fc.jsonValue({ maxDepth: 1 }), weight: 30 }, { arbitrary: longInts, weight: 1 }), { minLength: 1001, maxLength: 1010 });
    fc.assert(
      fc.property(fc.oneof(long, nested, fc.dictionary(fc.string(), fc.oneof(long, fc.jsonValue({ maxDepth: 2 })))), (v) => [...compactJsonChunks(v)].join("") === JSON.stringify(v)),
      { numRuns: 20 },
    );
    const odd = { label: "Accommodated → recommendation", skip: undefined, f: () => 1, rows: Array.from({ length: 5000 }, (_, i) => (i % 7 === 0 ? undefined : i % 11 === 0 ? new Date(i) : { x: i, y: i % 3 === 0 ? null : i / 3 })), d: new Date(0) };
    const chunks = [...compactJsonChunks(odd)];
    expect(chunks.join("")).toBe(JSON.stringify(odd));
    expect(chunks.length).toBeGreaterThan(3);
  });
});
