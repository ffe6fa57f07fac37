import type { CellColumn } from "./cells.js";
import { isBlank } from "./convert.js";
import { DataError, quote } from "./errors.js";
import { subTable } from "./filter.js";
import { rowName, type Table } from "./table.js";

// Published tables (NHS Scotland, ONS, a council's return) and spreadsheets saved as CSV carry
// rows that hold no data: a row of empty cells (",,,") where the sheet had a blank line, and notes
// below the table ("Source: …", "Note: figures are provisional"). Such rows are skipped, never
// in silence: a `rows-skipped` note names them.

/** One column's cells as the finder reads them: blank, or the text of a cell that is not a number. */
export interface CellView {
  blank(i: number): boolean;
  text(i: number): string | null;
}

/** A CellColumn (analyse reads x, y and n into them while the file streams in). */
export function cellView(col: CellColumn): CellView {
  return {
    blank: (i) => Number.isNaN(col.nums.get(i)) && col.code(i) < 0,
    text: (i) => (col.code(i) >= 0 ? String(col.texts[col.code(i)]) : null),
  };
}

/** A column of cell values as read (summary, report). */
export function valuesView(values: readonly unknown[]): CellView {
  return { blank: (i) => isBlank(values[i]), text: (i) => (typeof values[i] === "string" && !isBlank(values[i]) ? (values[i] as string) : null) };
}

/** The rows to keep (null: all), and the note naming the rows skipped (null: none). */
export interface DataRows {
  keep: number[] | null;
  note: { code: string; message: string } | null;
}

/**
 * The rows of a table that carry data. Skipped: a row blank in x and in every value column; and,
 * below the last row with a value, a row whose x is text that is not an x (`isX`: a date, month or
 * quarter) with every value blank — a note under the table. Any other row is kept, a row with a
 * value but no x among them (it stays an error: a value needs its x).
 */
export function dataRows(table: Table, length: number, x: CellView, values: readonly CellView[], isX: (text: string) => boolean): DataRows {
  let last = -1;
  for (let i = length - 1; i >= 0 && last < 0; i--) if (!values.every((v) => v.blank(i))) last = i;
  const blank: number[] = [];
  const notes: number[] = [];
  const keep: number[] = [];
  // A note's text may be in any column ("* suppressed …" in the first, x blank): the table's
  // trailing one-cell rows (Table.noteTexts) name it, so it is not called an empty row (a user trial).
  const textOf = (i: number): string | null => x.text(i) ?? table.noteTexts?.get(i) ?? null;
  for (let i = 0; i < length; i++) {
    const empty = values.every((v) => v.blank(i));
    const t = empty && i > last ? x.text(i) : null;
    // No x and no value, text in another column: a note whatever it says.
    const other = empty && i > last && x.blank(i) && table.noteTexts?.has(i) === true;
    if ((t !== null && !isX(t)) || other) notes.push(i);
    else if (empty && x.blank(i)) blank.push(i);
    else keep.push(i);
  }
  const lines = table.blankLines ?? [];
  if (blank.length === 0 && notes.length === 0 && lines.length === 0) return { keep: null, note: null };
  return { keep: blank.length === 0 && notes.length === 0 ? null : keep, note: { code: "rows-skipped", message: skippedMessage(table, blank, notes, lines, textOf) } };
}

const MAX_NAMED = 5;

/** `lines`: the spreadsheet rows of blank lines the reader skipped (Table.blankLines), empty rows too. */
function skippedMessage(table: Table, blank: readonly number[], notes: readonly number[], lines: readonly number[], textOf: (i: number) => string | null): string {
  const row = (i: number) => rowName(table, i);
  const list = <T>(rows: readonly T[], say: (i: T) => string) => `${rows.slice(0, MAX_NAMED).map(say).join(", ")}${rows.length > MAX_NAMED ? `, … (${rows.length} in all)` : ""}`;
  const empty = [...blank.map((i) => table.rowNumber(i)), ...lines].sort((a, b) => a - b);
  const parts: string[] = [];
  if (empty.length > 0) parts.push(`${empty.length} empty row${empty.length === 1 ? "" : "s"} (${list(empty, (n) => `row ${n}`)})`);
  if (notes.length > 0) parts.push(`${notes.length} row${notes.length === 1 ? "" : "s"} of notes below the data (${list(notes, (i) => `${row(i)}: ${quote(textOf(i)!)}`)})`);
  return `skipped ${parts.join(" and ")}: ${empty.length + notes.length === 1 ? "it holds" : "they hold"} no values`;
}

/**
 * A table read into values (summary, report) without its empty rows and notes below the data
 * (dataRows): x in `xCol` (a date, month or quarter in `isX`), values in `valueCols`.
 */
export function skipEmptyTableRows(table: Table, xCol: string, valueCols: readonly string[], isX: (text: string) => boolean): { table: Table; note: { code: string; message: string } | null } {
  const x = table.columns.get(xCol);
  if (x === undefined) return { table, note: paddedNote(table, null) };
  const values = valueCols.filter((c) => c !== xCol && table.columns.has(c)).map((c) => valuesView(table.columns.get(c)!));
  const found = dataRows(table, table.length, valuesView(x), values, isX);
  return withoutSkipped(table, found);
}

/**
 * The table without the rows `dataRows` found to skip, and the note naming them joined to the
 * short-rows note (paddedNote); `keep(rows)` is told the rows kept first (analyse's cell columns
 * keep theirs). No row left is an error. analyse, summary, report and funnel all end so.
 */
export function withoutSkipped(table: Table, found: DataRows, keep?: (rows: readonly number[]) => void): { table: Table; note: { code: string; message: string } | null } {
  const short = paddedNote(table, found.keep);
  if (found.keep === null) return { table, note: joinNotes(found.note, short) };
  if (found.keep.length === 0) throw new DataError(`${table.file}: no data rows (${found.note!.message})`);
  keep?.(found.keep);
  return { table: subTable(table, found.keep), note: joinNotes(found.note, short) };
}

/** Two notes as one (its code the first's), or the one there is. */
export function joinNotes(a: { code: string; message: string } | null, b: { code: string; message: string } | null): { code: string; message: string } | null {
  return a === null ? b : b === null ? a : { code: a.code, message: `${a.message}; ${b.message}` };
}

/**
 * The note of how the table was read, or null: title rows skipped above the header
 * (`Table.titleRows`: src/cli/table.ts, HEADER_SEARCH), and rows read with fewer fields than the
 * header (`Table.padded`) that stay as data (`keep`: the rows kept, null for all), whose missing
 * cells were read as blank. Rows skipped as notes below the data are named in the `rows-skipped`
 * note instead. Both: one note, its code the first's.
 */
export function paddedNote(table: Table, keep: readonly number[] | null): { code: string; message: string } | null {
  const notes = [titleNote(table), shortNote(table, keep)].filter((n) => n !== null);
  if (notes.length === 0) return null;
  return { code: notes[0]!.code, message: notes.map((n) => n.message).join("; ") };
}

/** "read the header from row 4, below 2 title rows (row 1: 'Table 4.3: …', row 2: 'Source: …'), skipped". */
function titleNote(table: Table): { code: string; message: string } | null {
  const t = table.titleRows;
  if (t === undefined) return null;
  const titles = t.skipped.filter((r) => r.text !== "");
  const empty = t.skipped.length - titles.length;
  const n = titles.length;
  const rows = titles.slice(0, MAX_NAMED).map((r) => `row ${r.row}: ${quote(r.text)}`).join(", ");
  const parts = [...(n > 0 ? [`${n === 1 ? "the title row" : `${n} title rows`} above it (${rows}${n > MAX_NAMED ? ", …" : ""})`] : []), ...(empty > 0 ? [`${empty} empty row${empty === 1 ? "" : "s"}${n === 0 ? " above it" : ""}`] : [])];
  return { code: "title-rows-skipped", message: `read the header from row ${t.header}: skipped ${parts.join(" and ")}` };
}

function shortNote(table: Table, keep: readonly number[] | null): { code: string; message: string } | null {
  const padded = table.padded ?? [];
  if (padded.length === 0) return null;
  const kept = keep === null ? padded : padded.filter(((k) => (i: number) => k.has(i))(new Set(keep)));
  if (kept.length === 0) return null;
  const rows = kept.slice(0, MAX_NAMED).map((i) => rowName(table, i)).join(", ");
  return { code: "short-rows", message: `${kept.length} row${kept.length === 1 ? " has" : "s have"} fewer fields than the header (${rows}${kept.length > MAX_NAMED ? ", …" : ""}): the missing cells are read as blank` };
}
