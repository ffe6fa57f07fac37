// tz-independent: CSV text only.
// The fast CSV reader (src/cli/csvFast.ts) against csv-parse with the options of src/cli/table.ts:
// whatever the bytes and however they are cut into chunks, it gives csv-parse's records or gives
// up (NotPlainCsv), never different records; and it does not give up on plain exports.
import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NotPlainCsv, PlainCsvReader } from "../../src/cli/csvFast.js";

const MAX = 1024 * 1024; // table.ts MAX_RECORD_CHARS

/** csv-parse's records, or its error as a string. */
function reference(bytes: Buffer, delimiter: string, max = MAX): string[][] | string {
  try {
    return parse(bytes, { bom: true, relax_column_count: true, skip_empty_lines: false, delimiter, max_record_size: max }) as string[][];
  } catch (e) {
    return (e as Error).message;
  }
}

/** The fast reader's records over the given chunks, or null when it gives up. */
function fast(chunks: readonly Buffer[], delimiter: string, max = MAX): string[][] | null {
  const out: string[][] = [];
  const reader = new PlainCsvReader(delimiter, max, (rec) => out.push(rec.slice()));
  try {
    for (const c of chunks) reader.push(c);
    reader.end();
  } catch (e) {
    if (e instanceof NotPlainCsv) return null;
    throw e;
  }
  return out;
}

/** `bytes` cut at the given fractions. */
function cut(bytes: Buffer, at: readonly number[]): Buffer[] {
  const points = [...new Set(at.map((f) => Math.floor(f * bytes.length)))].sort((a, b) => a - b);
  const out: Buffer[] = [];
  let from = 0;
  for (const p of points) {
    out.push(bytes.subarray(from, p));
    from = p;
  }
  out.push(bytes.subarray(from));
  return out;
}

const PIECES = ["a", "b", "1", "é", "😀", " ", ",", ";", '"', '""', "\n", "\n", "\r", "\r\n", "\uFEFF", "\t", "x,y", '"q"', '"a,b"', '"l1\nl2"', "31/12/2024"];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((p) => p.join(""));
const bytes = fc.oneof(
  text.map((t) => Buffer.from(t, "utf8")),
  // Odd bytes too: a UTF-8 byte-order mark, a UTF-16 one, broken multi-byte characters.
  fc.tuple(fc.constantFrom(Buffer.alloc(0), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe]), Buffer.from([0xef, 0xbb])), text, fc.uint8Array({ maxLength: 6 }), text).map(([bom, a, junk, b]) =>
    Buffer.concat([bom, Buffer.from(a), Buffer.from(junk), Buffer.from(b)]),
  ),
);

// Well-formed records too (quoted fields with delimiters, quotes and line breaks in them), so
// that most cases reach the comparison rather than the give-up.
const plainField = fc.array(fc.constantFrom("a", "é", "😀", " ", "\uFEFF", "31/12/2024", "\t", ";"), { maxLength: 4 }).map((p) => p.join(""));
const quotedField = fc.array(fc.constantFrom("a", ",", ";", '""', "\n", " ", "é"), { maxLength: 5 }).map((p) => `"${p.join("")}"`);
const records = fc.array(fc.array(fc.oneof(plainField, plainField, quotedField), { minLength: 1, maxLength: 5 }), { maxLength: 8 });
const ending = fc.constantFrom("", "\n", "\n\n");
const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 });
const delimiters = fc.constantFrom(",", ";", "\t");

describe("PlainCsvReader (the fast path of the CSV reader)", () => {
  it("gives csv-parse's records or gives up, in any chunking", () => {
    let compared = 0;
    let runs = 0;
    const same = (b: Buffer, at: readonly number[], delimiter: string): boolean => {
      runs++;
      const got = fast(cut(b, at), delimiter);
      if (got === null) return true;
      compared++;
      expect(got).toEqual(reference(b, delimiter));
      return true;
    };
    fc.assert(
      fc.property(bytes, cuts, delimiters, (b, at, delimiter) => same(b, at, delimiter)),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(records, ending, cuts, delimiters, (recs, end, at, delimiter) => same(Buffer.from(recs.map((r) => r.join(delimiter)).join("\n") + end, "utf8"), at, delimiter)),
      { numRuns: 3000 },
    );
    // Not vacuous: a good share of the random texts are read by the fast path and compared.
    expect(compared).toBeGreaterThan(runs / 3);
  });

  it("reads plain exports itself: quoted fields, blank lines, a byte-order mark, no final newline", () => {
    const samples = [
      "child,milestone,date\n1,accommodated,2024-01-01\n2,\"panel, delayed\",\"2024-02-01\"\n",
      '\uFEFFChild ID,Notes\nCH1,"said ""no""\non two lines"\n\nCH2,',
      "a;b\n1;2",
      "",
      "\n\n",
      '""',
    ];
    for (const s of samples) {
      const b = Buffer.from(s, "utf8");
      for (const at of [[], [0.1], [0.3, 0.5, 0.9], [0.01, 0.02, 0.03]]) {
        const delimiter = s.includes(";") ? ";" : ",";
        const got = fast(cut(b, at), delimiter);
        expect(got).not.toBeNull();
        expect(got).toEqual(reference(b, delimiter));
      }
    }
  });

  it("gives up where csv-parse errors or guesses: a carriage return, a stray quote, an open quote, a long record", () => {
    for (const s of ["a,b\r\n1,2\r\n", 'a,b"c\n', '"a"b\n', '"open\n', "x".repeat(400)]) {
      expect(fast([Buffer.from(s)], ",", 1000)).toBeNull();
    }
    expect(typeof reference(Buffer.from('a,b"c\n'), ",")).toBe("string");
    expect(() => new PlainCsvReader('"', MAX, () => {})).toThrow(NotPlainCsv);
  });
});
