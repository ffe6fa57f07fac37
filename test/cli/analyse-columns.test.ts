// tz-independent: numbers, ISO dates and JSON text only.
// Issue #18 (memory): `analyse` keeps x, y and n as numbers while reading (src/cli/cells.ts),
// computes its charts with output: "columns" and writes the point form from the columns
// (src/cli/chartPoints.ts). Each piece must give what the text pipeline gave.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CellColumn, NumberChunks } from "../../src/cli/cells.js";
import { analysisJson, chartJson, pointForm } from "../../src/cli/chartPoints.js";
import { Problems, numberColumn, xColumn } from "../../src/cli/convert.js";
import { logicalColumn } from "../../src/cli/logical.js";
import { logicalOf, numbersOf, scanX, xOf } from "../../src/cli/seriesColumns.js";
import type { Table } from "../../src/cli/table.js";
import { controlChart, runChart, summariseControlChart, summariseRunChart } from "../../src/index.js";

const TABLE = { file: "f.csv", where: (i: number, c?: string) => `f.csv: row ${i + 2}${c !== undefined ? `, column ${c}` : ""}` } as unknown as Table;

function cells(values: readonly unknown[]): CellColumn {
  const c = new CellColumn();
  for (const v of values) c.push(v);
  return c;
}

function chunksOf(n: NumberChunks): (number | null)[] {
  return Array.from({ length: n.length }, (_, i) => (Number.isNaN(n.get(i)) ? null : n.get(i)));
}

function problems(run: (p: Problems) => void): string[] {
  const p = new Problems();
  run(p);
  return p.list;
}

describe("cells: numbers kept as numbers, the verdicts of the text pipeline", () => {
  it("grows past a chunk and keeps the rows a filter keeps", () => {
    const n = new NumberChunks(false);
    for (let i = 0; i < 200_000; i++) n.push(i * 0.5);
    expect([n.length, n.get(0), n.get(65_536), n.get(199_999)]).toEqual([200_000, 0, 32_768, 99_999.5]);
    n.keep([3, 70_000, 199_999]);
    expect(chunksOf(n)).toEqual([1.5, 35_000, 99_999.5]);
  });

  const cell = fc.oneof(
    fc.constantFrom("", " ", "1", "0", "1.0", " 2 ", "-3.5", "1e3", "0x1A", "NA", "NaN", "yes", "No", "TRUE", "abc", "2024-01-05", "05/01/2024", "31/02/2024"),
    fc.integer({ min: -5, max: 5 }),
    fc.constantFrom(null, undefined, true, false),
  );

  it("property: y, yes/no and x read from cells as numberColumn, logicalColumn and xColumn read the text, after any filter", () => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 30 }), fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), fc.constantFrom("iso", "uk") as fc.Arbitrary<"iso" | "uk">, (values, kept, dates) => {
        const rows = values.map((_, i) => i).filter((i) => kept[i]);
        const text = rows.map((i) => values[i]);
        const ys = cells(values);
        ys.keep(rows);
        const expected = logicalColumn(text);
        expect(logicalOf(ys)).toBe(expected !== null);
        if (expected !== null) expect(chunksOf(ys.nums)).toEqual(expected);
        else {
          const want: string[] = [];
          const y = numberColumn(TABLE, "y", text, { add: (t: string) => want.push(t) } as unknown as Problems);
          const got = problems((p) => expect(chunksOf(numbersOf(TABLE, "y", ys, p))).toEqual(y));
          expect(got).toEqual(want.slice(0, 10));
        }
        const xs = cells(values);
        xs.keep(rows);
        const want: string[] = [];
        const x = xColumn(TABLE, "x", text, dates, { add: (t: string) => want.push(t) } as unknown as Problems);
        const got = problems((p) => {
          const col = xOf(TABLE, "x", xs, dates, undefined, p);
          expect(col.kind).toBe(x.kind);
          if (want.length === 0) expect(text.map((_, i) => col.value(i))).toEqual(x.values);
        });
        expect(got).toEqual(want.slice(0, 10));
      }),
    );
  });

  it("scanX: distinct x values and the first row whose x an earlier row has", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 40 }), (xs) => {
        const col = cells(xs.map(String));
        const x = xOf(TABLE, "x", col, "iso", undefined, new Problems());
        const r = scanX(x, xs.length, (k) => k);
        expect(r.distinct).toBe(new Set(xs).size);
        const second = xs.findIndex((v, i) => xs.indexOf(v) < i);
        expect(r.duplicate).toEqual(second < 0 ? null : [second, xs.indexOf(xs[second]!)]);
      }),
    );
  });
});

describe("charts in columns, written as points", () => {
  const ys = Array.from({ length: 1500 }, (_, i) => ((i * 7919) % 23) + (i > 900 ? 9 : 0) + (i % 50 === 0 ? Number.NaN : 0));
  const rows = ys.map((y, i) => ({ x: i + 1, d: `2020-${String(1 + (i % 12)).padStart(2, "0")}-01`, y: Number.isNaN(y) ? null : y, n: 40 + (i % 9) }));
  const cases: [string, (o: "points" | "columns") => unknown][] = [
    ["run", (output) => runChart(rows, { x: "x", y: "y", output })],
    ["run by date, aggregated", (output) => runChart(rows, { x: "d", y: "y", aggregate: "median", output })],
    ["i, mdc", (output) => controlChart(rows, { x: "x", y: "y", type: "i", rules: "mdc", target: 12, direction: "increase", output })],
    ["p", (output) => controlChart(rows, { x: "x", y: "y", n: "n", type: "p", output })],
    ["xbar", (output) => controlChart(rows, { x: "d", y: "y", type: "xbar", output })],
    ["cusum", (output) => controlChart(rows, { x: "x", y: "y", type: "cusum", output })],
    ["ewma", (output) => controlChart(rows, { x: "x", y: "y", type: "ewma", phases: [700], output })],
  ];

  it.each(cases)("%s: the point form, its JSON character for character, and the same summary", (_, make) => {
    const points = make("points") as Parameters<typeof summariseControlChart>[0] & Parameters<typeof summariseRunChart>[0];
    const columns = make("columns") as never;
    expect(pointForm(columns)).toEqual(points);
    expect(JSON.stringify(pointForm(columns))).toBe(JSON.stringify(points));
    expect([...chartJson(columns)].join("")).toBe(JSON.stringify(points, null, 2));
    const grouped = [...analysisJson([{ key: "a", chart: columns }, { key: "b", chart: columns }], true)].join("");
    expect(grouped).toBe(JSON.stringify([{ key: "a", chart: points }, { key: "b", chart: points }], null, 2));
    const summarise = "type" in points ? summariseControlChart : summariseRunChart;
    expect(summarise(columns)).toBe(summarise(points));
  });

  it("a summary refuses a columnar chart whose columns or phases do not fit", () => {
    const c = controlChart([1, 2, 3, 4, 5], { output: "columns" });
    expect(() => summariseControlChart({ ...c, columns: { ...c.columns, ucl: new Float64Array(2) } })).toThrow(/columns.ucl has 2 entries for 5 points/);
    expect(() => summariseControlChart({ ...c, columns: { ...c.columns, lcl: [1, 2, 3, 4, 5] as never } })).toThrow(/Float64Array/);
    const r = runChart([1, 2, 3, 4, 5], { output: "columns" });
    expect(() => summariseRunChart({ ...r, columns: { ...r.columns, length: 3 } })).toThrow(/outside the 3 points/);
  });
});
