import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { noteInput } from "./output.js";
import { parse, CsvError } from "csv-parse";
import { PlainCsvReader } from "./csvFast.js";
import { DataError, quote } from "./errors.js";
import { progressBar, type ProgressSink } from "./progress.js";
import { readXlsxSheet } from "./xlsx.js";

/**
 * Rows read from a CSV or JSON file, column by column: only the columns asked for are kept, so a
 * 1,000,000-row export costs a few arrays, not a million objects.
 */
export interface Table {
  /** The file as named on the command line (for messages). */
  file: string;
  kind: "csv" | "json" | "xlsx";
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
  /** The number `where` shows for data row `i`: the spreadsheet row (CSV, .xlsx), or the array index (JSON). */
  rowNumber(i: number): number;
  /** .xlsx: the sheet read. */
  sheet?: string;
  /**
   * .xlsx only: an Excel date serial (in the workbook's 1900 or 1904 date system) as ISO
   * `YYYY-MM-DD`, or null. Cells with a date format are already ISO dates; this reads a
   * milestone column of plain serial numbers.
   */
  excelDate?: (serial: number) => string | null;
  /** With `padShortRows`: the data rows (0-based) that had fewer fields than the header, padded with blanks. */
  padded?: readonly number[];
  /**
   * CSV, .xlsx: the header was not the first row but a row below title lines (HEADER_SEARCH): its
   * spreadsheet row, and the rows above it that were skipped (with their first non-blank cell).
   */
  titleRows?: { header: number; skipped: readonly { row: number; text: string }[] };
  /** CSV: the spreadsheet rows of blank lines among the data rows (skipped as they are read; noteRows.ts names them). */
  blankLines?: readonly number[];
  /**
   * CSV, .xlsx: the data rows (0-based) after the last row with two or more non-blank cells that
   * hold one, with its text: notes below a table ("* suppressed …") whatever column they are in.
   */
  noteTexts?: ReadonlyMap<number, string>;
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
  delimiter?: string | undefined;
  /** .xlsx: the sheet to read (default: the first). */
  sheet?: string | undefined;
  /**
   * The most data rows the command can hold in memory (`analyse`: {@link maxRowsForHeap}); one
   * more is a DataError naming the limit, before the heap runs out (issue #18).
   */
  maxRows?: { rows: number; why: string } | undefined;
  /**
   * Columns whose cells go to a consumer as they are read instead of being kept (`analyse` keeps
   * its x, y and n as numbers: src/cli/cells.ts). They are absent from `Table.columns` unless
   * also named in `columns`.
   */
  cells?: ReadonlyMap<string, { push(value: unknown): void }> | undefined;
  /**
   * Columns kept as read instead of interned (asked once the header is read): date columns,
   * whose cells the date reader reads from their characters (`9/1/2024`) without hashing them,
   * so interning them cost a Map lookup a cell and saved nothing but memory (~30 bytes a cell).
   */
  fresh?: ((column: string) => boolean) | undefined;
  /**
   * A CSV row with fewer fields than the header is read with blanks for the rest (its index in
   * `Table.padded`) instead of being an error: a note under a published table ("Source: …")
   * written without the trailing commas. The series commands, which skip such notes and say so.
   */
  padShortRows?: boolean | undefined;
}

/**
 * The longest CSV record (line) read, in characters: beyond it the file is refused (an endless
 * device such as /dev/zero, or a file that is not CSV, would otherwise fill the memory; issue #18).
 */
export const MAX_RECORD_CHARS = 1024 * 1024;

/**
 * Published tables (the Scottish Government's, NHS Scotland's, the ONS's) have title lines above the
 * header ("Table 4.3: Children looked after…", "Source: …", a blank line). When the first row does
 * not hold every column the command names, the first HEADER_SEARCH non-blank rows are read, and the
 * header is the first of them that holds every named column found in any of them (a named column
 * found in none, such as analyse's optional n, is not looked for; the command says it is missing).
 * The rows above it are skipped and named in a note (noteRows.ts, paddedNote). No row holding them
 * all: the first row is the header, as before, and the command's "no column" error lists it.
 */
export const HEADER_SEARCH = 10;

/** Stop interning a column once it has this many distinct values (it is mostly unique). */
const INTERN_LIMIT = 500_000;

function isJsonPath(path: string): boolean {
  return /\.json$/i.test(path);
}

/** The input's size, and whether it is a regular file (a pipe cannot be read twice). */
async function sizeOf(path: string, name: string): Promise<{ size: number; regular: boolean }> {
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw new DataError(`${name}: is a directory, not a file`);
    return { size: s.size, regular: s.isFile() };
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
  const { size, regular } = await sizeOf(path, name);
  const xlsx = /\.xlsx$/i.test(path);
  if (options.sheet !== undefined && !xlsx) throw new DataError(`${name}: --sheet ${quote(options.sheet)} is for .xlsx workbooks`);
  if (/\.(xls|xlsb|ods|numbers)$/i.test(path)) throw new DataError(`${name}: only .xlsx workbooks are read: save it as .xlsx or as CSV (UTF-8)`);
  if (xlsx && options.delimiter !== undefined) throw new DataError(`${name}: --delimiter is for CSV files, not .xlsx workbooks`);
  if (xlsx) return readXlsxTable(path, name, options);
  return isJsonPath(path) ? readJsonTable(path, name, options) : readCsvTable(path, name, size, regular, options);
}

/**
 * Rows in, columns out: the header (first non-blank record; a name twice is an error), the
 * columns asked for picked and interned, blank records skipped with spreadsheet row numbers kept.
 * Shared by the CSV and .xlsx readers.
 */
class ColumnSink {
  header: string[] | null = null;
  length = 0;
  private picks: { name: string; at: number; values: unknown[]; seen: Map<string, string> | null; last: unknown }[] = [];
  private consumers: { at: number; sink: { push(value: unknown): void } }[] = [];
  private headerRow = 1;
  /** Spreadsheet row of each data row, when the reader knows it (xlsx); else computed. */
  private readonly skippedBefore: number[] = [];
  /** The rows read while looking for the header below title lines (HEADER_SEARCH), with their row numbers. */
  private pending: { rec: readonly unknown[]; row: number }[] | null = null;
  /** The title rows skipped above the header (HEADER_SEARCH). */
  titleRows: { header: number; skipped: { row: number; text: string }[] } | null = null;
  /** `trackRows`: the spreadsheet row of each data row (.xlsx numbers them itself). */
  readonly dataRowNumbers: number[] = [];

  constructor(
    private readonly name: string,
    private readonly wanted: ReadTableOptions["columns"],
    private readonly maxRows?: ReadTableOptions["maxRows"],
    private readonly cells?: ReadTableOptions["cells"],
    private readonly fresh?: ReadTableOptions["fresh"],
    private readonly padShort = false,
    /** .xlsx: fits a row to the header's width (blank cells are not written), and data rows' numbers are kept. */
    private readonly fit?: (rec: unknown[], width: number) => void,
  ) {}

  /** The columns the command names (null: it recognises them from the header, so no title rows are looked for). */
  private named(): string[] | null {
    if (typeof this.wanted === "function") return null;
    const named = [...this.wanted, ...(this.cells?.keys() ?? [])];
    return named.length === 0 ? null : named;
  }

  /** Data rows read with fewer fields than the header (padShortRows). */
  readonly padded: number[] = [];
  /** The spreadsheet rows of blank lines below the header. */
  readonly blankLines: number[] = [];
  /** Trailing data rows with one non-blank cell: its text (Table.noteTexts), cleared by a row with more. */
  readonly noteTexts = new Map<number, string>();

  /** Take record `rowNumber` (1-based, as the spreadsheet counts). */
  add(rec: readonly unknown[], rowNumber: number): void {
    if (this.header === null) {
      if (this.pending !== null) {
        this.pending.push({ rec: rec.slice(), row: rowNumber }); // a copy: the fast reader reuses its record
        if (this.pending.filter((p) => !isBlankRecord(p.rec)).length >= HEADER_SEARCH) this.findHeader();
        return;
      }
      if (isBlankRecord(rec)) return; // blank lines above the header
      const named = this.named();
      if (named === null || named.every((c) => holds(rec, c))) this.setHeader(rec, rowNumber);
      else this.pending = [{ rec: rec.slice(), row: rowNumber }]; // a title line above the header? (HEADER_SEARCH)
      return;
    }
    if (this.fit !== undefined) this.fit(rec as unknown[], this.header.length);
    if (rec.length !== this.header.length) {
      if (isBlankRecord(rec)) {
        this.skippedBefore.push(this.length);
        this.blankLines.push(rowNumber);
        return;
      }
      if (this.padShort && rec.length < this.header.length) this.padded.push(this.length);
      else throw new DataError(`${this.name}: row ${rowNumber}: ${rec.length} field${rec.length === 1 ? "" : "s"} where the header has ${this.header.length}`);
    }
    if (this.maxRows !== undefined && this.length >= this.maxRows.rows) throw tooManyRows(this.name, this.maxRows);
    this.seeNote(rec);
    for (const c of this.consumers) c.sink.push(rec[c.at]);
    for (const p of this.picks) {
      const v = rec[p.at];
      // Intern repeated values (milestones, dates, councils, a child's id on each of its rows):
      // the parser's copies then die young, which keeps a 1,000,000-row file's heap small. A
      // value equal to the previous row's (a child's rows are usually together) skips the Map.
      if (v === p.last) p.values.push(p.last);
      else if (p.seen === null || typeof v !== "string") p.values.push((p.last = v));
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
    this.length++;
    if (this.fit !== undefined) this.dataRowNumbers.push(rowNumber);
    // A column of (nearly) unique values (a child id, notes) gains nothing from interning.
    if (this.length === 4096) for (const p of this.picks) if (p.seen !== null && p.seen.size > 3500) p.seen = null;
  }

  /** A row with one non-blank cell is a note below the table if no fuller row follows it (noteTexts). */
  private seeNote(rec: readonly unknown[]): void {
    // A one-column table's rows all have one cell; more than MAX_NOTE_ROWS in a row are data, not notes.
    if (this.header!.length < 2) return;
    if (this.noteTexts.size >= MAX_NOTE_ROWS) this.noteTexts.clear();
    let found = -1;
    for (let j = 0; j < rec.length; j++) {
      const v = rec[j];
      if (v === null || v === undefined || v === "" || (typeof v === "string" && v.trim() === "")) continue;
      if (found >= 0) {
        if (this.noteTexts.size > 0) this.noteTexts.clear();
        return;
      }
      found = j;
    }
    if (found >= 0) this.noteTexts.set(this.length, String(rec[found]).trim());
  }

  /** After the last record: a header still being looked for is decided (HEADER_SEARCH). */
  finish(): void {
    if (this.header === null && this.pending !== null) this.findHeader();
  }

  /**
   * The header among the rows read (HEADER_SEARCH): the first that holds every named column found
   * in any of them, else the first row. The rows above it are title rows; those below it are data.
   */
  private findHeader(): void {
    const pending = this.pending!;
    this.pending = null;
    const rows = pending.filter((p) => !isBlankRecord(p.rec));
    const named = this.named()!;
    const found = named.filter((c) => rows.some((p) => holds(p.rec, c)));
    const at = found.length === 0 ? 0 : Math.max(0, rows.findIndex((p) => found.every((c) => holds(p.rec, c))));
    const header = rows[at]!;
    // Blank lines between title rows and the header are named too ("and 1 empty row"), as blank data rows are.
    if (at > 0) this.titleRows = { header: header.row, skipped: pending.filter((p) => p.row < header.row).map((p) => ({ row: p.row, text: isBlankRecord(p.rec) ? "" : firstText(p.rec) })) };
    this.setHeader(header.rec, header.row);
    // The rows read after the header are data (blank ones among them keep the row numbers right).
    for (const p of pending) if (p.row > header.row) this.add(p.rec, p.row);
  }

  private setHeader(rec: readonly unknown[], rowNumber: number): void {
    const header = rec.map((h) => (typeof h === "string" ? h : h === null || h === undefined ? "" : String(h)).trim());
    const seen = new Set<string>();
    for (const h of header) {
      if (h !== "" && seen.has(h)) throw new DataError(`${this.name}: row ${rowNumber}: the header names column ${quote(h)} twice`);
      seen.add(h);
    }
    this.header = header;
    const wanted = typeof this.wanted === "function" ? this.wanted(header) : this.wanted;
    this.picks = wanted.filter((c, k, all) => all.indexOf(c) === k && header.includes(c)).map((c) => ({ name: c, at: header.indexOf(c), values: [], seen: this.fresh?.(c) === true ? null : new Map<string, string>(), last: "" }));
    this.headerRow = rowNumber;
    for (const [c, sink] of this.cells ?? []) if (header.includes(c)) this.consumers.push({ at: header.indexOf(c), sink });
  }

  columns(): Map<string, unknown[]> {
    const columns = new Map<string, unknown[]>();
    for (const p of this.picks) columns.set(p.name, p.values);
    return columns;
  }

  /** The spreadsheet row of data row i (CSV: header row + 1 + i + blank lines skipped before it). */
  rowOf(i: number): number {
    const skipped = this.skippedBefore;
    let lo = 0;
    let hi = skipped.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (skipped[mid]! <= i) lo = mid + 1;
      else hi = mid;
    }
    return i + 1 + lo + this.headerRow;
  }
}

/** The most trailing one-cell rows kept as possible notes below a table (ColumnSink.noteTexts). */
const MAX_NOTE_ROWS = 10_000;

/** Whether a record has a cell `column` (trimmed, as the header is read). */
function holds(rec: readonly unknown[], column: string): boolean {
  return rec.some((v) => (typeof v === "string" ? v.trim() : v === null || v === undefined ? "" : String(v).trim()) === column);
}

/** A title row as a note names it: its first non-blank cell. */
function firstText(rec: readonly unknown[]): string {
  const v = rec.find((c) => c !== null && c !== undefined && String(c).trim() !== "");
  return v === undefined ? "" : String(v).trim();
}

function isBlankRecord(rec: readonly unknown[]): boolean {
  if (rec.length === 1) return typeof rec[0] === "string" && rec[0].trim() === "";
  return rec.length === 0;
}

/** csv-parse over the file, with a progress bar fed by the bytes read. */
function csvStream(path: string, size: number, options: ReadTableOptions, bar: ReturnType<typeof progressBar>): { parser: ReturnType<typeof parse>; input: ReturnType<typeof createReadStream> } {
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
  return { parser, input };
}

/** Every record of the parser to `onRecord`, until the end or the first error. */
function drain(parser: ReturnType<typeof parse>, onRecord: (rec: string[]) => void): Promise<void> {
  // 'readable' + read() in a loop: measurably faster than the async iterator on large files.
  return new Promise<void>((resolve, reject) => {
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
}

/** A read error as the DataError a user sees. */
function csvReadError(e: unknown, name: string, record: number): Error {
  if (e instanceof DataError || (e instanceof Error && e.name === "UsageError")) return e;
  if (e instanceof CsvError && e.code === "CSV_MAX_RECORD_SIZE") {
    return new DataError(`${name}: row ${record + 1} is longer than ${MAX_RECORD_CHARS.toLocaleString("en-GB")} characters (the limit of one CSV row): is this a CSV file?`);
  }
  if (e instanceof CsvError) {
    const line = (e as CsvError & { lines?: number }).lines;
    return new DataError(`${name}: ${line !== undefined ? `line ${line}: ` : ""}not valid CSV: ${e.message.replace(/ at line \d+.*$/, "")}`);
  }
  const code = (e as NodeJS.ErrnoException).code;
  return new DataError(`${name}: cannot read (${code ?? (e as Error).message})`);
}

async function readCsvTable(path: string, name: string, size: number, regular: boolean, options: ReadTableOptions): Promise<Table> {
  // The fast reader first, unless cells stream to a consumer (which a second read would feed
  // twice) or the input is not a regular file (a pipe such as `<(…)` cannot be read twice): on
  // any failure — text csv-parse alone reads, or an error — the file is read again with
  // csv-parse from the start, so records and messages are csv-parse's (src/cli/csvFast.ts).
  if (options.cells === undefined && regular) {
    const fast = await readPlainCsv(path, name, size, options).catch(() => null);
    if (fast !== null) return fast;
  }
  const bar = progressBar(options.progress, `Reading ${name}`);
  const { parser, input } = csvStream(path, size, options, bar);
  const sink = new ColumnSink(name, options.columns, options.maxRows, options.cells, options.fresh, options.padShortRows === true);
  let record = 0; // records read, header included = the spreadsheet row of the last record
  try {
    await drain(parser, (rec) => sink.add(rec, ++record));
  } catch (e) {
    input.destroy();
    throw csvReadError(e, name, record);
  } finally {
    bar.done();
  }
  return csvTable(name, sink);
}

/** The CSV file through {@link PlainCsvReader}; throws NotPlainCsv (or any error) to fall back. */
async function readPlainCsv(path: string, name: string, size: number, options: ReadTableOptions): Promise<Table> {
  const bar = progressBar(options.progress, `Reading ${name}`);
  const sink = new ColumnSink(name, options.columns, options.maxRows, options.cells, options.fresh, options.padShortRows === true);
  let record = 0;
  const reader = new PlainCsvReader(options.delimiter ?? ",", MAX_RECORD_CHARS, (rec) => sink.add(rec, ++record));
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  let bytes = 0;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      bar.update(bytes, size);
      reader.push(chunk);
    }
    reader.end();
  } finally {
    input.destroy();
    bar.done();
  }
  return csvTable(name, sink);
}

function csvTable(name: string, sink: ColumnSink): Table {
  sink.finish();
  const header = sink.header;
  if (header === null) throw new DataError(`${name}: the file is empty (expected a header row)`);
  return {
    file: name,
    kind: "csv",
    header,
    length: sink.length,
    columns: sink.columns(),
    where: (i, column) => `${name}: row ${sink.rowOf(i)}${column !== undefined ? `, column ${column}` : ""}`,
    rowNumber: (i) => sink.rowOf(i),
    ...(sink.padded.length > 0 ? { padded: sink.padded } : {}),
    ...(sink.titleRows !== null ? { titleRows: sink.titleRows } : {}),
    ...(sink.blankLines.length > 0 ? { blankLines: sink.blankLines } : {}),
    ...(sink.noteTexts.size > 0 ? { noteTexts: sink.noteTexts } : {}),
  };
}

/** One sheet of an .xlsx workbook (`options.sheet`, else the first) as a table. */
async function readXlsxTable(path: string, name: string, options: ReadTableOptions): Promise<Table> {
  const book = await readXlsxSheet(path, name, options.sheet);
  // Blank cells past the header's last column are nothing (Excel keeps formatted cells); a row
  // shorter than the header is padded (Excel does not write blank cells).
  const fit = (rec: unknown[], width: number) => {
    while (rec.length < width) rec.push("");
    if (rec.length > width && rec.every((v, j) => j < width || v === "")) rec.length = width;
  };
  const sink = new ColumnSink(`${name} [${book.sheet}]`, options.columns, options.maxRows, options.cells, options.fresh, false, fit);
  for (let k = 0; k < book.rows.length; k++) sink.add(book.rows[k]!, book.rowNumbers[k]!);
  sink.finish();
  const rowNumber = sink.dataRowNumbers; // spreadsheet row of each data row
  const header = sink.header;
  if (header === null) throw new DataError(`${name}: sheet ${quote(book.sheet)} is empty (expected a header row)`);
  return {
    file: name,
    kind: "xlsx",
    header,
    length: sink.length,
    columns: sink.columns(),
    excelDate: book.excelDate,
    where: (i, column) => `${name}: ${book.sheets.length > 1 ? `sheet ${book.sheet}, ` : ""}row ${rowNumber[i] ?? "?"}${column !== undefined ? `, column ${column}` : ""}`,
    rowNumber: (i) => rowNumber[i] ?? Number.NaN,
    sheet: book.sheet,
    ...(sink.titleRows !== null ? { titleRows: sink.titleRows } : {}),
    ...(sink.noteTexts.size > 0 ? { noteTexts: sink.noteTexts } : {}),
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
  for (const [c, sink] of options.cells ?? []) {
    if (!header.includes(c)) continue;
    for (const r of rows) sink.push(numbers ? r : Object.prototype.hasOwnProperty.call(r, c) ? (r as Record<string, unknown>)[c] : undefined);
  }
  return {
    file: name,
    kind: "json",
    header,
    length: rows.length,
    columns,
    where: (i, column) => `${name}: [${i}]${column !== undefined ? `.${column}` : ""}`,
    rowNumber: (i) => i,
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

/** Data row `i` as `where` names it, without the file: "row 419" (CSV, .xlsx), "[417]" (JSON). */
export function rowName(table: Pick<Table, "where">, i: number): string {
  return table.where(i).replace(/^.*?: /, "");
}

/** The column's values, or a DataError naming the columns there are. */
export function requireColumn(table: Table, column: string, flag: string): unknown[] {
  const values = table.columns.get(column);
  if (values !== undefined) return values;
  const have = table.header.length > 0 ? table.header.map((h) => (h === "" ? "(blank)" : h)).join(", ") : "none";
  throw new DataError(`${table.file}: no column ${quote(column)} (columns: ${have}); name the right one with ${flag}`);
}
