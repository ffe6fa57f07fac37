import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { noteInput } from "./output.js";
import { parse, CsvError } from "csv-parse";
import { DataError, quote } from "./errors.js";
import { progressBar, type ProgressSink } from "./progress.js";

/**
 * Rows read from a CSV or JSON file, column by column: only the columns asked for are kept, so a
 * 1,000,000-row export costs a few arrays, not a million objects.
 */
export interface Table {
  /** The file as named on the command line (for messages). */
  file: string;
  kind: "csv" | "json";
  /** Column names in file order (CSV header; for JSON, keys of the first rows). */
  header: readonly string[];
  /** Number of data rows. */
  length: number;
  /** The requested columns that exist: raw values (strings for CSV; any JSON value for JSON). */
  columns: Map<string, unknown[]>;
  /**
   * Where data row `i` (0-based) is, as a person finds it: for CSV the spreadsheet row number,
   * counting the header as row 1 (`row 419`); for JSON the array index (`[417]`).
   */
  where(i: number, column?: string): string;
}

export interface ReadTableOptions {
  /**
   * Columns to keep (names not in the file are ignored here; callers check what they need), or a
   * function of the header that says which (to recognise columns from their headers).
   */
  columns: readonly string[] | ((header: readonly string[]) => readonly string[]);
  /** stderr, for a progress bar when it is a TTY. */
  progress?: ProgressSink | undefined;
  /** Display name for messages (default: the path). */
  name?: string;
  /** CSV field separator (default ","). */
  delimiter?: string;
  /**
   * The most data rows the command can hold in memory (`analyse`: {@link maxRowsForHeap}); one
   * more is a DataError naming the limit, before the heap runs out (issue #18).
   */
  maxRows?: { rows: number; why: string };
}

/**
 * The longest CSV record (line) read, in characters: beyond it the file is refused (an endless
 * device such as /dev/zero, or a file that is not CSV, would otherwise fill the memory; issue #18).
 */
export const MAX_RECORD_CHARS = 1024 * 1024;

/** Stop interning a column once it has this many distinct values (it is mostly unique). */
const INTERN_LIMIT = 500_000;

function isJsonPath(path: string): boolean {
  return /\.json$/i.test(path);
}

async function sizeOf(path: string, name: string): Promise<number> {
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw new DataError(`${name}: is a directory, not a file`);
    return s.size;
  } catch (e) {
    if (e instanceof DataError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new DataError(code === "ENOENT" ? `${name}: no such file` : `${name}: cannot read (${code ?? (e as Error).message})`);
  }
}

/** Read a CSV (streamed through csv-parse) or a JSON array of rows into columns. */
export async function readTable(path: string, options: ReadTableOptions): Promise<Table> {
  noteInput(path); // no output of this command may overwrite it
  const name = options.name ?? path;
  const size = await sizeOf(path, name);
  return isJsonPath(path) ? readJsonTable(path, name, options) : readCsvTable(path, name, size, options);
}

async function readCsvTable(path: string, name: string, size: number, options: ReadTableOptions): Promise<Table> {
  const bar = progressBar(options.progress, `Reading ${name}`);
  // relax_column_count: we check field counts ourselves so that a blank line can be skipped
  // while rows keep their spreadsheet numbers (header = row 1).
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: false, delimiter: options.delimiter ?? ",", max_record_size: MAX_RECORD_CHARS });
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  let bytes = 0;
  input.on("data", (chunk) => {
    bytes += chunk.length;
    bar.update(bytes, size);
  });
  input.on("error", (e) => parser.destroy(e));
  input.pipe(parser);

  let header: string[] | null = null;
  let picks: { name: string; at: number; values: unknown[]; seen: Map<string, string> | null; last: string }[] = [];
  let headerRow = 1;
  let record = 0; // records read, header included = the spreadsheet row of the last record
  let length = 0;
  // Data indices at which blank lines were skipped, to keep spreadsheet row numbers exact.
  const skippedBefore: number[] = [];
  const rowOf = (i: number): number => {
    let lo = 0;
    let hi = skippedBefore.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (skippedBefore[mid]! <= i) lo = mid + 1;
      else hi = mid;
    }
    return i + 2 + lo;
  };
  const onRecord = (rec: string[]): void => {
    record++;
    if (header === null) {
      if (rec.length === 1 && rec[0]!.trim() === "") return; // blank lines above the header
      header = rec.map((h) => h.trim());
      const seen = new Set<string>();
      for (const h of header) {
        if (h !== "" && seen.has(h)) throw new DataError(`${name}: row ${record}: the header names column ${quote(h)} twice`);
        seen.add(h);
      }
      const wanted = typeof options.columns === "function" ? options.columns(header) : options.columns;
      picks = wanted.filter((c, k, all) => all.indexOf(c) === k && header!.includes(c)).map((c) => ({ name: c, at: header!.indexOf(c), values: [], seen: new Map<string, string>(), last: "" }));
      headerRow = record;
      return;
    }
    if (rec.length !== header.length) {
      if (rec.length === 1 && rec[0]!.trim() === "") {
        skippedBefore.push(length);
        return;
      }
      throw new DataError(`${name}: row ${record}: ${rec.length} field${rec.length === 1 ? "" : "s"} where the header has ${header.length}`);
    }
    if (options.maxRows !== undefined && length >= options.maxRows.rows) throw tooManyRows(name, options.maxRows);
    for (const p of picks) {
      const v = rec[p.at]!;
      // Intern repeated values (milestones, dates, councils, a child's id on each of its rows):
      // the parser's copies then die young, which keeps a 1,000,000-row file's heap small. A
      // value equal to the previous row's (a child's rows are usually together) skips the Map.
      if (v === p.last) p.values.push(p.last);
      else if (p.seen === null) p.values.push((p.last = v));
      else {
        const known = p.seen.get(v);
        if (known !== undefined) p.values.push((p.last = known));
        else {
          p.values.push((p.last = v));
          p.seen.set(v, v);
          if (p.seen.size > INTERN_LIMIT) p.seen = null;
        }
      }
    }
    length++;
  };
  try {
    // 'readable' + read() in a loop: measurably faster than the async iterator on large files.
    await new Promise<void>((resolve, reject) => {
      parser.on("readable", () => {
        try {
          let rec: string[] | null;
          while ((rec = parser.read() as string[] | null) !== null) onRecord(rec);
        } catch (e) {
          parser.destroy();
          reject(e);
        }
      });
      parser.on("error", reject);
      parser.on("end", resolve);
    });
  } catch (e) {
    input.destroy();
    if (e instanceof DataError || (e instanceof Error && e.name === "UsageError")) throw e;
    if (e instanceof CsvError && e.code === "CSV_MAX_RECORD_SIZE") {
      throw new DataError(`${name}: row ${record + 1} is longer than ${MAX_RECORD_CHARS.toLocaleString("en-GB")} characters (the limit of one CSV row): is this a CSV file?`);
    }
    if (e instanceof CsvError) {
      const line = (e as CsvError & { lines?: number }).lines;
      throw new DataError(`${name}: ${line !== undefined ? `line ${line}: ` : ""}not valid CSV: ${e.message.replace(/ at line \d+.*$/, "")}`);
    }
    const code = (e as NodeJS.ErrnoException).code;
    throw new DataError(`${name}: cannot read (${code ?? (e as Error).message})`);
  } finally {
    bar.done();
  }
  if (header === null) throw new DataError(`${name}: the file is empty (expected a header row)`);
  const offset = headerRow - 1; // blank lines above the header
  const columns = new Map<string, unknown[]>();
  for (const p of picks) columns.set(p.name, p.values);
  return {
    file: name,
    kind: "csv",
    header,
    length,
    columns,
    where: (i, column) => `${name}: row ${rowOf(i) + offset}${column !== undefined ? `, column ${column}` : ""}`,
  };
}
async function readJsonTable(path: string, name: string, options: ReadTableOptions): Promise<Table> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new DataError(`${name}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const doc = parseJson(text, name);
  const rows = rowsOf(doc);
  if (rows === null) throw new DataError(`${name}: expected an array of rows (or { "rows": [...] })`);
  if (options.maxRows !== undefined && rows.length > options.maxRows.rows) throw tooManyRows(name, options.maxRows);
  const numbers = rows.length > 0 && rows.every((r) => typeof r === "number" || r === null);
  const header: string[] = [];
  if (numbers) header.push("y");
  else {
    const seen = new Set<string>();
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (r === null || typeof r !== "object" || Array.isArray(r)) throw new DataError(`${name}: [${i}]: expected an object with named fields, not ${quote(r)}`);
      for (const k of Object.keys(r)) if (!seen.has(k)) (seen.add(k), header.push(k));
    }
  }
  const columns = new Map<string, unknown[]>();
  for (const c of typeof options.columns === "function" ? options.columns(header) : options.columns) {
    if (!header.includes(c) || columns.has(c)) continue;
    columns.set(c, numbers ? rows.slice() : rows.map((r, i) => {
      if (r === null || typeof r !== "object" || Array.isArray(r)) throw new DataError(`${name}: [${i}]: expected an object with named fields, not ${quote(r)}`);
      // Own properties only: a row without the column is blank, never Object.prototype's `valueOf` or `constructor`.
      return Object.prototype.hasOwnProperty.call(r, c) ? (r as Record<string, unknown>)[c] : undefined;
    }));
  }
  return {
    file: name,
    kind: "json",
    header,
    length: rows.length,
    columns,
    where: (i, column) => `${name}: [${i}]${column !== undefined ? `.${column}` : ""}`,
  };
}

function tooManyRows(name: string, limit: { rows: number; why: string }): DataError {
  return new DataError(`${name}: more than ${limit.rows.toLocaleString("en-GB")} data rows, the most this command holds in memory (${limit.why}); aggregate the rows first (e.g. by week or month), or give Node more memory (NODE_OPTIONS=--max-old-space-size=MB)`);
}

/** Parse JSON, naming the line of a syntax error. */
export function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    const line = pos ? text.slice(0, Number(pos[1])).split("\n").length : undefined;
    throw new DataError(`${name}: ${line !== undefined ? `line ${line}: ` : ""}not valid JSON (${msg.replace(/^JSON\.parse: /, "")})`);
  }
}

function rowsOf(doc: unknown): unknown[] | null {
  if (Array.isArray(doc)) return doc;
  if (doc !== null && typeof doc === "object") {
    for (const key of ["rows", "data", "events"]) {
      const v = Object.prototype.hasOwnProperty.call(doc, key) ? (doc as Record<string, unknown>)[key] : undefined;
      if (Array.isArray(v)) return v;
    }
  }
  return null;
}

/** The column's values, or a DataError naming the columns there are. */
export function requireColumn(table: Table, column: string, flag: string): unknown[] {
  const values = table.columns.get(column);
  if (values !== undefined) return values;
  const have = table.header.length > 0 ? table.header.map((h) => (h === "" ? "(blank)" : h)).join(", ") : "none";
  throw new DataError(`${table.file}: no column ${quote(column)} (columns: ${have}); name the right one with ${flag}`);
}
