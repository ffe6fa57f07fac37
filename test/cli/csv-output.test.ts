// tz-independent: CSV text only.
// The CSV writer's fast paths against the plain definitions they replace: csvField's first-character
// test against the regular expression, and toCsv's UTF-8 chunks (ByteChunks) against the text
// joined and encoded, with long and multi-byte texts (a buffer that grows) among the rows.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ByteChunks, csvField, repeatedField, textChunks, toCsv, utf8Binary } from "../../src/cli/output.js";
import { durationsCsv } from "../../src/cli/timescales.js";

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
function reference(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let s = typeof value === "string" ? value : JSON.stringify(value);
  if (s.length > 0 && FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return /^[\x00-\x20]|[\x00-\x20]$|[,"\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const cell = fc.oneof(fc.string(), fc.string({ unit: "grapheme" }), fc.constantFrom("=1+1", "+3.2", "-5", "@x", "\tx", "\rx", "-", "1e5", 'a"b', " a", "é😀"), fc.double(), fc.boolean(), fc.constant(null), fc.constant("x".repeat(500_000)));

describe("CSV writing", () => {
  it("csvField equals its definition by regular expressions", () => {
    fc.assert(fc.property(cell, (v) => csvField(v) === reference(v)), { numRuns: 5000 });
  });

  it("toCsv's UTF-8 chunks are the rows' text, in any mix of long and multi-byte cells", () => {
    const text = (rows: readonly Record<string, unknown>[], columns: readonly string[]) =>
      [columns.map(reference).join(","), ...rows.map((r) => columns.map((c) => reference(r[c])).join(","))].join("\n") + "\n";
    fc.assert(
      fc.property(fc.array(fc.record({ a: cell, b: cell }), { maxLength: 30 }), (rows) => {
        const chunks = [...toCsv(rows, ["a", "b"])];
        expect(Buffer.concat(chunks).toString("utf8")).toBe(text(rows, ["a", "b"]));
      }),
      { numRuns: 300 },
    );
    const many = Array.from({ length: 40_000 }, (_, i) => ({ a: `é${i}`, b: "x".repeat(i % 50) }));
    const chunks = [...toCsv(many, ["a", "b"])];
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).toString("utf8")).toBe(text(many, ["a", "b"]));
    const b = new ByteChunks();
    expect(b.full).toBe(false);
    b.add("y".repeat(3 << 20));
    expect(b.full).toBe(true);
    expect(b.take().length).toBe(3 << 20);
  });

  it("repeatedField gives csvField's text for any sequence of values, repeated or not", () => {
    const few = fc.oneof(cell, fc.constantFrom<unknown>("stage", "=cmd", "a,b", 1, "1", 0, -0, Number.NaN, undefined, null, true, { a: 1 }, [1, 2]));
    fc.assert(
      fc.property(fc.array(few, { maxLength: 60 }), (values) => {
        const field = repeatedField();
        expect(values.map((v) => field(v))).toEqual(values.map((v) => csvField(v)));
      }),
      { numRuns: 1000 },
    );
    const field = repeatedField();
    for (let i = 0; i < 5000; i++) expect(field(`v${i % 4500}`)).toBe(`v${i % 4500}`);
  });

  it("textChunks gives the UTF-8 bytes of the pieces joined, short and long, one-byte and two-byte", () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom("→", "é", "😀", "5–11"),
      fc.tuple(fc.constantFrom("a", "é", "→"), fc.integer({ min: 16_000, max: 40_000 })).map(([c, n]) => c.repeat(n)),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        expect(Buffer.concat([...textChunks(pieces)]).toString("utf8")).toBe(pieces.join(""));
      }),
      { numRuns: 200 },
    );
    // Past 1 MB, more than one chunk.
    expect([...textChunks(["→", "x".repeat(3 << 20), "→"])].length).toBeGreaterThan(1);
  });

  it("durationsCsv (bytes one character a byte) is toCsv's text, with any Unicode in ids, episodes, groups and bands", () => {
    const text = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom("Glasgow City", "Dùn Èideann", "5–11", "=cmd", "a,b", "→", "😀", ""));
    const row = fc.record({
      stage: fc.constantFrom("recommendation", "overall", "stage→x"),
      child: fc.oneof(text, fc.integer()),
      episode: fc.oneof(text, fc.integer({ min: 1, max: 3 })),
      from: fc.constantFrom("accommodated", "looked-after"),
      to: fc.constantFrom("permanence-recommendation", "adoption-order"),
      start: fc.constant("2020-01-02"),
      end: fc.constantFrom("2020-05-01", null),
      days: fc.integer({ min: 0, max: 900 }),
      censored: fc.boolean(),
      target: fc.constantFrom(182, null),
      withinTarget: fc.constantFrom(true, false, null),
      daysOverTarget: fc.constantFrom(0, 12, null),
      route: fc.oneof(fc.constantFrom("adoption", null), text),
      status: fc.constantFrom("reached", "open", "exited"),
      exit: fc.option(fc.record({ milestone: fc.oneof(fc.constant("ceased-looked-after"), text), date: fc.constant("2021-03-04") }), { nil: null }),
      ageAtStart: fc.constantFrom(3, null),
      ageBand: fc.oneof(fc.constantFrom("0–4", "16+", null), text),
      group: fc.oneof(text, fc.constant(null)),
    });
    const columns = ["stage", "child", "episode", "from", "to", "start", "end", "days", "censored", "target", "withinTarget", "daysOverTarget", "route", "status", "exitMilestone", "exitDate", "ageAtStart", "ageBand", "group"];
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        const flat = rows.map((r) => ({ ...r, exitMilestone: r.exit?.milestone ?? null, exitDate: r.exit?.date ?? null }));
        const want = Buffer.concat([...toCsv(flat, columns)]).toString("utf8");
        expect(Buffer.concat([...durationsCsv(rows as never, columns)]).toString("utf8")).toBe(want);
        expect(Buffer.concat([...durationsCsv(rows as never, columns.slice(0, 16))]).toString("utf8")).toBe(Buffer.concat([...toCsv(flat, columns.slice(0, 16))]).toString("utf8"));
      }),
      { numRuns: 500 },
    );
    expect(utf8Binary("5–11")).toBe("5\xe2\x80\x9311");
    expect(utf8Binary("plain")).toBe("plain");
  });
});
