// Second user trial, finding 5: the library read "0x1A", "0b11", "0o17" as 26, 3, 15 (Number())
// while the CLI called them errors; "NA" was a gap in the library and "'NA' is not a number" in
// the CLI. One rule now (src/_lib/numberText.ts, docs/reliability.md "Numbers written as text").
import { describe, expect, it } from "vitest";
import { CellColumn } from "../../src/cli/cells.js";
import { Problems, numberColumn } from "../../src/cli/convert.js";
import { logicalColumn } from "../../src/cli/logical.js";
import { logicalOf, numbersOf } from "../../src/cli/seriesColumns.js";
import type { Table } from "../../src/cli/table.js";
import { controlChart, runChart } from "../../src/index.js";
import { QiError } from "../../src/_lib/error.js";

const TABLE = { where: (i: number, c?: string) => `t.csv: row ${i + 2}, column ${c}` } as unknown as Table;

function libraryReads(y: unknown): number | null | string {
  try {
    return runChart([{ y: 1 }, { y }, { y: 3 }], { y: "y" }).points[1]!.y;
  } catch (e) {
    return (e as QiError).code;
  }
}

function cliReads(y: string): number | null | string {
  const p = new Problems();
  const out = numberColumn(TABLE, "y", [y], p)[0]!;
  return p.count > 0 ? "invalid-value" : out;
}

describe("numbers written as text: one rule for the library and the CLI", () => {
  it("the library refuses hexadecimal, binary and octal strings, naming the row", () => {
    for (const [i, s] of ["0x1A", "0b11", "0o17"].entries()) {
      const rows = [10, 12, s, 11].map((y, k) => ({ x: k + 1, y }));
      expect(() => runChart(rows, { x: "x", y: "y" })).toThrow(QiError);
      try {
        controlChart(rows, { type: "i", x: "x", y: "y" });
        expect.unreachable(`${i}`);
      } catch (e) {
        expect((e as QiError).code).toBe("invalid-value");
        expect((e as QiError).path).toEqual(["data", 2, "y"]);
        expect((e as QiError).message).toContain(`row 2 has "${s}"`);
      }
    }
  });

  const texts = ["12", " 12 ", "-3", "+4", ".5", "5.", "1e3", "0x1A", "0b11", "0o17", "Infinity", "-Infinity", "1_000", "1,234", "45%", "", "  ", "NA", " NA ", "NaN", "na", "n/a", "N/A", "-", "1e", "1e999"];

  it("each text reads the same in the library and the CLI", () => {
    for (const s of texts) expect([s, libraryReads(s)]).toEqual([s, cliReads(s)]);
  });

  it("blank, NA and NaN are missing values; 1e3 is a number; 1_000, Infinity and spaces-as-zero are not read", () => {
    expect(["", "  ", "NA", " NA ", "NaN"].map(libraryReads)).toEqual([null, null, null, null, null]);
    expect(["1e3", " 12 ", "5."].map(libraryReads)).toEqual([1000, 12, 5]);
    expect(["1_000", "Infinity", "na", "n/a", "1e999"].map(libraryReads)).toEqual(Array(5).fill("invalid-value"));
  });

  it("the CLI's analyse columns: NA is a gap in y and n, and in a yes/no column", () => {
    const col = new CellColumn();
    for (const v of ["3", "NA", "4", "NaN", "x"]) col.push(v);
    const p = new Problems();
    const nums = numbersOf(TABLE, "y", col, p);
    expect([nums.get(0), nums.get(1), nums.get(3)]).toEqual([3, Number.NaN, Number.NaN]);
    expect(p.list).toEqual(["t.csv: row 6, column y: 'x' is not a number"]);
    expect(logicalColumn(["TRUE", "NA", "FALSE"])).toEqual([1, null, 0]);
    const yes = new CellColumn();
    for (const v of ["TRUE", "NA", "FALSE"]) yes.push(v);
    expect(logicalOf(yes)).toBe(true);
    expect([yes.nums.get(0), yes.nums.get(1), yes.nums.get(2)]).toEqual([1, Number.NaN, 0]);
    // Numbers 1 and 0 with NA are a number column, not yes/no.
    expect(logicalColumn(["1", "NA", "0"])).toBeNull();
    const ones = new CellColumn();
    for (const v of ["1", "NA", "0"]) ones.push(v);
    expect(logicalOf(ones)).toBe(false);
  });
});

// Twelfth user trial: "'1,190' is not a number" and "'47.4%' is not a number" gave no hint. They
// are still refused (1,190 is 1.19 in much of Europe), with what to do, in the library and the CLI.
describe("a number written as a spreadsheet shows it says what to do", () => {
  it("numberTextAdvice: thousands separators and per cent signs, nothing else", async () => {
    const { numberTextAdvice } = await import("../../src/_lib/numberText.js");
    expect(numberTextAdvice("1,190")).toBe("remove the thousands separator (1190)");
    expect(numberTextAdvice(" -14,275.5 ")).toBe("remove the thousands separator (-14275.5)");
    expect(numberTextAdvice("1,234,567")).toBe("remove the thousands separators (1234567)");
    expect(numberTextAdvice("47.4%")).toBe("remove the % sign (47.4)");
    expect(numberTextAdvice("47.4 %", "and more")).toBe("remove the % sign (47.4); and more");
    expect(numberTextAdvice("1,190%")).toBe("remove the % sign and the thousands separator (1190)");
    for (const t of ["1,19", "12,3456", "abc%", "%", "x", "1.190,5", "na"]) expect([t, numberTextAdvice(t)]).toEqual([t, null]);
  });

  it("the library's error and the CLI's problem give the same advice", () => {
    const lib = (y: string) => {
      try {
        runChart([{ y: 1 }, { y }, { y: 3 }], { y: "y" });
      } catch (e) {
        return (e as QiError).message;
      }
    };
    expect(lib("1,190")).toBe('y must be a number; row 1 has "1,190": remove the thousands separator (1190) (at data[1].y)');
    expect(lib("47.4%")).toBe('y must be a number; row 1 has "47.4%": remove the % sign (47.4); for a percentage of cases give the count and its denominator (y and n of a p chart) (at data[1].y)');
    const p = new Problems();
    numberColumn(TABLE, "y", ["1,190", "47.4%"], p);
    expect(p.list).toEqual([
      "t.csv: row 2, column y: '1,190' is not a number: remove the thousands separator (1190)",
      "t.csv: row 3, column y: '47.4%' is not a number: remove the % sign (47.4); for a percentage, give its count as --y and its denominator as --n (a p chart)",
    ]);
    const col = new CellColumn();
    for (const v of ["3", "1,190"]) col.push(v);
    const q = new Problems();
    numbersOf(TABLE, "y", col, q);
    expect(q.list).toEqual(["t.csv: row 3, column y: '1,190' is not a number: remove the thousands separator (1190)"]);
  });
});
