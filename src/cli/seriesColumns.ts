import { CellColumn, NumberChunks } from "./cells.js";
import { Problems, notNumberHint } from "./convert.js";
import { XForms, xTextReader, type DateFormat, type LabelForm, type XText } from "./dates.js";
import { quote } from "./errors.js";
import type { NaTexts } from "./naTexts.js";
import { isMissingNumberText } from "../_lib/numberText.js";
import { periodStart, type Period } from "./period.js";
import type { SplitYear } from "./lib.js";
import type { Table } from "./table.js";

// The x, y and n of `analyse` read from their cells (src/cli/cells.ts) with the verdicts and the
// messages of numberColumn, logicalColumn and xColumn (src/cli/convert.ts, logical.ts), which read
// the same from text. A number costs 8 bytes a row; a date x 12 (its unused number slot and a
// 4-byte code) and its text once per distinct date.

/** y or n as numbers (NaN for a blank); each cell that is not a number is a problem. */
export function numbersOf(table: Table, column: string, col: CellColumn, problems: Problems, na?: NaTexts): NumberChunks {
  if (col.codes !== null) {
    // NA and NaN are missing values (their number is already NaN), as numberColumn reads them;
    // so are the texts --na names.
    const missing = col.texts.map((v) => typeof v === "string" && isMissingNumberText(v));
    for (let i = 0; i < col.length; i++) {
      const c = col.code(i);
      if (c < 0 || missing[c]) continue;
      const text = col.texts[c];
      if (na !== undefined && typeof text === "string" && na.gap(column, text)) continue;
      const grouped = na !== undefined && typeof text === "string" ? na.number(column, text) : null;
      if (grouped !== null) {
        col.nums.set(i, grouped);
        continue;
      }
      problems.add(`${table.where(i, column)}: ${quote(text)} is not a number${notNumberHint(text, na)}`);
    }
  }
  return col.nums;
}

/**
 * y for `--aggregate count`, which counts the rows of a period (or x) with a value (the library's
 * count; qicharts2 has none): any cell that is not blank is one, a text ("Kinship") too, so a
 * column of categories counts without a column of 1s. Blank, NA and --na gap cells are not
 * counted. Every cell with a value is written as 1 into the column's numbers; returns how many
 * were text and the first one, for the note (null: the column has no text, nothing done).
 */
export function countedOf(col: CellColumn, column: string, na?: NaTexts): { cells: number; first: string } | null {
  if (col.codes === null) return null;
  // Every cell with a value is 1 from here (the count is the same); numbersOf is not needed after it.
  const missing = col.texts.map((v) => typeof v === "string" && isMissingNumberText(v));
  let cells = 0;
  let first = "";
  for (let i = 0; i < col.length; i++) {
    const c = col.code(i);
    if (c < 0 || missing[c]) continue;
    const text = String(col.texts[c]);
    // --na's gaps and --thousands' numbers are counted in their notes, per cell, as numbersOf does.
    if (na !== undefined && na.gap(column, text)) continue;
    if (!(na !== undefined && na.number(column, text) !== null) && cells++ === 0) first = text;
    col.nums.set(i, 1);
  }
  return { cells, first };
}

const WORDS = new Map([["true", 1], ["yes", 1], ["false", 0], ["no", 0]]);

/**
 * A yes/no column (as logicalColumn): TRUE/FALSE, yes/no (any case), 1/0, booleans, blanks, and at
 * least one word. Then its words are written into its numbers (1 and 0) and it returns true.
 */
export function logicalOf(col: CellColumn): boolean {
  if (col.codes === null || col.odd.length > 0) return false;
  for (let i = 0; i < col.length; i++) {
    const v = col.nums.get(i);
    if (v !== 1 && v !== 0 && !Number.isNaN(v)) return false;
  }
  const used = new Uint8Array(col.texts.length);
  const missing = col.texts.map((v) => typeof v === "string" && isMissingNumberText(v));
  let words = 0;
  for (let i = 0; i < col.length; i++) {
    const c = col.code(i);
    if (c >= 0) (used[c] = 1), (words += missing[c] ? 0 : 1);
  }
  if (words === 0) return false;
  const value = col.texts.map((v, c): number | undefined => (used[c] === 0 ? 0 : missing[c] ? Number.NaN : typeof v === "boolean" ? (v ? 1 : 0) : typeof v === "string" ? WORDS.get(v.trim().toLowerCase()) : undefined));
  if (value.some((v) => v === undefined)) return false;
  for (let i = 0; i < col.length; i++) {
    const c = col.code(i);
    if (c >= 0) col.nums.set(i, value[c]!);
  }
  return true;
}

/** An x column read: numbers, or dates as codes of distinct ISO dates (`--period`: period starts). */
export interface XColumn {
  kind: "number" | "date";
  /** The x of row i as the library gets it: the number, or the ISO date. */
  value(i: number): number | string;
  /** A number per row, equal where the x values are equal (for duplicates and counting). */
  key(i: number): number;
  /** Numbers: all of them in one array, which the library reads in place (issue #18); dates: null. */
  column(): Float64Array | null;
  /** "month" or "quarter" when the cells are months or quarters ("Jan 2024", "2024 Q1": readPeriodLabel), else null. */
  labels: LabelForm | null;
  /** Dates: the ISO date of row i as written (a month's or quarter's first day), before --period; numbers: null. */
  written: ((i: number) => string) | null;
  /** The cell of row i as the file writes it ('28/01/2023'), for messages. */
  text(i: number): string;
}

/**
 * The x column (as xColumn): numbers when every cell is one, else dates in `format`, or months or
 * quarters as published tables write them ("Jan 2024", "2024 Q1"), all written the same way;
 * blanks are problems.
 */
export function xOf(table: Table, column: string, col: CellColumn, format: DateFormat, period: Period | undefined, problems: Problems, years?: SplitYear): XColumn {
  const nums = col.nums;
  if (!col.hasText()) {
    for (let i = 0; i < col.length; i++) if (Number.isNaN(nums.get(i))) problems.add(`${table.where(i, column)}: x is blank`);
    return { kind: "number", value: (i) => nums.get(i), key: (i) => nums.get(i), column: () => nums.array(), labels: null, written: null, text: (i) => col.raw.get(i) ?? String(nums.get(i)) };
  }
  const read = xTextReader(format, years);
  const codes = col.codes!;
  // How each distinct text reads, its ISO date (after --period), and a number per distinct ISO date.
  const texts: XText[] = col.texts.map((v) => read(typeof v === "string" ? v : String(v)));
  const iso: (string | null)[] = texts.map((t) => (t.iso === null || period === undefined ? t.iso : periodStart(t.iso, period)));
  const ids = new Map<string, number>();
  const idOf = (d: string): number => {
    let k = ids.get(d);
    if (k === undefined) ids.set(d, (k = ids.size));
    return k;
  };
  const keys = iso.map((d) => (d === null ? -1 : idOf(d)));
  const forms = new XForms(table, column, problems, years);
  for (let i = 0; i < col.length; i++) {
    let c = codes.get(i);
    if (c < 0) {
      const v = nums.get(i);
      if (Number.isNaN(v)) {
        problems.add(`${table.where(i, column)}: the date is blank`);
        continue;
      }
      // A number among dates: read as date text like any other cell (it is seldom one).
      const t = col.raw.get(i) ?? String(v);
      c = col.texts.length;
      col.texts.push(t);
      texts.push(read(t));
      const d = texts[c]!.iso;
      iso.push(d === null || period === undefined ? d : periodStart(d, period));
      keys.push(iso[c] === null ? -1 : idOf(iso[c]!));
      codes.set(i, c);
    }
    forms.see(i, String(col.texts[c]), texts[c]!.form, format);
  }
  return { kind: "date", value: (i) => iso[codes.get(i)]!, key: (i) => keys[codes.get(i)]!, column: () => null, labels: forms.labels(), written: (i) => texts[codes.get(i)]!.iso!, text: (i) => String(col.texts[codes.get(i)]) };
}

/**
 * How many distinct x values rows `rows(0…n-1)` have, and the first row (in row order) whose x an
 * earlier row already has, with that earlier row. Already increasing x (the usual series) costs
 * one pass and no memory; otherwise the rows are sorted by x (12 bytes a row while it runs).
 */
export function scanX(x: XColumn, n: number, row: (k: number) => number): { distinct: number; duplicate: [number, number] | null } {
  let increasing = true;
  for (let k = 1; k < n && increasing; k++) if (!(x.key(row(k)) > x.key(row(k - 1)))) increasing = false;
  if (increasing) return { distinct: n, duplicate: null };
  const keys = new Float64Array(n);
  for (let k = 0; k < n; k++) keys[k] = x.key(row(k));
  const order = new Int32Array(n);
  for (let k = 0; k < n; k++) order[k] = k;
  order.sort((a, b) => keys[a]! - keys[b]! || a - b);
  let distinct = 0;
  let best: [number, number] | null = null;
  for (let j = 0; j < n; j++) {
    if (j > 0 && keys[order[j]!] === keys[order[j - 1]!]) continue;
    distinct++;
    // The group's second row (its rows are in row order) is where a one-pass reading stops.
    if (j + 1 < n && keys[order[j + 1]!] === keys[order[j]!] && (best === null || order[j + 1]! < best[0])) best = [order[j + 1]!, order[j]!];
  }
  return { distinct, duplicate: best === null ? null : [row(best[0]), row(best[1])] };
}
