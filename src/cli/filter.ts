import { DataError, UsageError, quote } from "./errors.js";
import type { Table } from "./table.js";

/** One `--filter` flag: keep rows whose column equals (`=`) or differs from (`!=`) a value. */
export interface RowFilter {
  column: string;
  op: "=" | "!=";
  value: string;
  /** The flag as given, for messages. */
  text: string;
}

/**
 * Read `--filter column=value` and `--filter column!=value` flags. The value is compared with the
 * cell's text, spaces at either end ignored; an empty value matches blank cells.
 */
export function parseFilters(command: string, flags: readonly string[]): RowFilter[] {
  return flags.map((text) => {
    const ne = text.indexOf("!=");
    const eq = text.indexOf("=");
    if (eq <= 0 && ne <= 0) throw new UsageError(`--filter ${quote(text)} must be COLUMN=VALUE or COLUMN!=VALUE`, command);
    const isNe = ne > 0 && ne < eq;
    const column = text.slice(0, isNe ? ne : eq).trim();
    if (column === "") throw new UsageError(`--filter ${quote(text)} must be COLUMN=VALUE or COLUMN!=VALUE`, command);
    return { column, op: isNe ? "!=" : "=", value: text.slice((isNe ? ne : eq) + (isNe ? 2 : 1)).trim(), text };
  });
}

/** A cell as the text a filter compares with. */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  return (typeof v === "string" ? v : typeof v === "object" ? JSON.stringify(v) : String(v)).trim();
}

/**
 * The rows that pass every filter, as a table of only those rows (row numbers in messages stay
 * those of the file). Filters on different columns must all hold; several `=` filters on one
 * column keep a row equal to any of their values; a `!=` filter drops the rows equal to its
 * value. A filter naming a column the file does not have, or an `=` value no row has (a typo
 * would otherwise select nothing), is an error naming it and the values there are. `rows`: the
 * indices kept (null without filters), for columns read outside the table (`ReadTableOptions.cells`).
 */
export function applyFilters(table: Table, filters: readonly RowFilter[]): { table: Table; kept: number; of: number; rows: readonly number[] | null } {
  if (filters.length === 0) return { table, kept: table.length, of: table.length, rows: null };
  const byColumn = new Map<string, RowFilter[]>();
  for (const f of filters) {
    const values = table.columns.get(f.column);
    if (values === undefined) {
      const have = table.header.map((h) => (h === "" ? "(blank)" : h)).join(", ");
      throw new DataError(`${table.file}: --filter ${quote(f.text)}: no column ${quote(f.column)} (columns: ${have})`);
    }
    byColumn.set(f.column, [...(byColumn.get(f.column) ?? []), f]);
  }
  const tests = [...byColumn].map(([column, fs]) => {
    const texts = table.columns.get(column)!.map(cellText);
    const present = new Set(texts);
    for (const f of fs) {
      if (f.op === "=" && !present.has(f.value)) {
        const seen = [...present].slice(0, 12).map(quote).join(", ");
        throw new DataError(`${table.file}: --filter ${quote(f.text)}: no row has ${quote(f.value === "" ? "(blank)" : f.value)} in column ${quote(column)} (values: ${seen}${present.size > 12 ? ", …" : ""})`);
      }
    }
    const wanted = fs.filter((f) => f.op === "=").map((f) => f.value);
    const unwanted = new Set(fs.filter((f) => f.op === "!=").map((f) => f.value));
    return (i: number) => (wanted.length === 0 || wanted.includes(texts[i]!)) && !unwanted.has(texts[i]!);
  });
  const rows: number[] = [];
  for (let i = 0; i < table.length; i++) if (tests.every((t) => t(i))) rows.push(i);
  if (rows.length === 0) throw new DataError(`${table.file}: no rows left after ${filters.map((f) => `--filter ${quote(f.text)}`).join(" ")} (of ${table.length})`);
  return { table: subTable(table, rows), kept: rows.length, of: table.length, rows };
}

/** The table restricted to `rows` (indices into it); `where` still names the file's rows. */
export function subTable(table: Table, rows: readonly number[]): Table {
  const columns = new Map<string, unknown[]>();
  for (const [name, values] of table.columns) columns.set(name, rows.map((i) => values[i]));
  return { ...table, length: rows.length, columns, where: (i, column) => table.where(rows[i] ?? i, column), rowNumber: (i) => table.rowNumber(rows[i] ?? i) };
}

/** "hospital = North, type ≠ SSI" for summaries. */
export function describeFilters(filters: readonly RowFilter[]): string {
  return filters.map((f) => `${f.column} ${f.op === "=" ? "=" : "≠"} ${f.value === "" ? "(blank)" : f.value}`).join(", ");
}

/** "Rows: 526 of 740 (legal_basis = s25)": what `--filter` kept, as `analyse` and `summary` print it. */
export function keptLine(filtered: { kept: number; of: number }, filters: readonly RowFilter[]): string {
  return `Rows: ${filtered.kept} of ${filtered.of} (${describeFilters(filters)})`;
}
