// `.xlsx` workbooks read directly (one sheet into a Table), for the commands that read tables.
//
// Reader: the zip is opened with fflate (MIT, no dependencies, ~30 kB on disk for what is used,
// no known CVEs; see docs/cli.md "Excel workbooks" for the choice); the few SpreadsheetML parts a
// table needs (workbook, its relationships, shared strings, number formats, one sheet) are read
// with the small scanner below, which is deliberately narrow:
// - no DTD is read (a `<!DOCTYPE` is refused: no external entities, no entity expansion), only
//   the five XML entities and numeric character references are decoded;
// - formulas are never evaluated: a cell's cached value (`<v>`) is read and its `<f>` ignored, so
//   `=HYPERLINK(...)` is the text Excel last showed (CSVs the CLI writes neutralise cells that
//   begin with = + - @ anyway, src/cli/output.ts);
// - each part's uncompressed size is capped (a zip bomb is an error before it is inflated).
// Dates: a number in a cell with a date format is a calendar date (ISO `YYYY-MM-DD`, which every
// `--dates` order reads); 1900 and 1904 date systems are both handled (see excelDay).
import { readFile } from "node:fs/promises";
import { unzipSync } from "fflate";
import { DataError, quote } from "./errors.js";

/** Largest uncompressed part read (a 1,000,000-row sheet is ~200 MB of XML). */
const MAX_PART = 512 * 1024 * 1024;

/** One sheet as rows of cells (strings, numbers, ISO dates as strings), with its row numbers. */
export interface SheetRows {
  sheet: string;
  sheets: string[];
  /** Spreadsheet row number of each row (1-based, as Excel shows it). */
  rowNumbers: number[];
  rows: unknown[][];
  /** An Excel serial (in this workbook's date system) as ISO `YYYY-MM-DD`, or null. */
  excelDate: (serial: number) => string | null;
}

/**
 * The parts of an .xlsx, each unzipped when asked for (only the workbook's own parts and the one
 * sheet read are inflated); a DataError when it is not a workbook.
 */
function openZip(buf: Uint8Array, name: string): (path: string) => string | null {
  const decoder = new TextDecoder("utf-8");
  return (path) => {
    const want = path.replace(/^\//, "");
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(buf, {
        filter: (f) => {
          if (f.name !== want) return false;
          if (f.originalSize > MAX_PART) throw new DataError(`${name}: ${quote(f.name)} inflates to ${f.originalSize} bytes (over ${MAX_PART}): not read`);
          return true;
        },
      });
    } catch (e) {
      if (e instanceof DataError) throw e;
      throw new DataError(`${name}: not an .xlsx workbook (${(e as Error).message})`);
    }
    const f = files[want];
    if (f === undefined) return null;
    let text = decoder.decode(f);
    if (/<!DOCTYPE/i.test(text.slice(0, 4096))) throw new DataError(`${name}: ${quote(path)} has a DTD, which is not read (an .xlsx written by Excel has none)`);
    // Some writers prefix every element (`<x:row>`): drop element prefixes so one set of
    // patterns reads both (text cannot hold a raw "<", so only tags change).
    if (/^[\s\S]{0,2000}?<[A-Za-z_][\w.-]*:(?:worksheet|workbook|sst|styleSheet)\b/.test(text)) text = text.replace(/<(\/?)[A-Za-z_][\w.-]*:/g, "<$1");
    return text;
  };
}

const ENTITY: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/** Decode the five XML entities and character references; anything else is left as written. */
export function xmlText(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e[0] !== "#") return ENTITY[e]!;
    const n = e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : "\ufffd";
  });
}

/** The value of attribute `name` in a start tag's text, decoded; null when absent. */
const ATTR = new Map<string, RegExp>();
function attr(tag: string, name: string): string | null {
  let re = ATTR.get(name);
  if (re === undefined) ATTR.set(name, (re = new RegExp(`\\s${name}="([^"]*)"|\\s${name}='([^']*)'`)));
  const m = re.exec(tag);
  return m === null ? null : xmlText(m[1] ?? m[2]!);
}

/** The text of every `<t>` in a shared string or inline string, phonetic runs left out. */
function runsText(xml: string): string {
  const body = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "");
  let out = "";
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(body)) !== null) out += xmlText(m[1] ?? "");
  return out;
}

function sharedStrings(xml: string | null): string[] {
  if (xml === null) return [];
  const out: string[] = [];
  const re = /<si>([\s\S]*?)<\/si>|<si\/>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml)) !== null) out.push(runsText(m[1] ?? ""));
  return out;
}

// Built-in number formats that show a date (ECMA-376 Part 1, §18.8.30: 14–17, 22, and the East
// Asian 27–36, 50–58); 18–21 and 45–47 are times of day only and stay numbers.
const BUILTIN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A custom format code shows a date when it has d, y (or m with neither h nor s: not minutes). */
export function isDateFormat(code: string): boolean {
  // Quoted text, escaped characters and [Red]/[$-809] sections say nothing about the value.
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, "").split(";")[0]!.toLowerCase();
  if (/[dy]/.test(bare)) return true;
  return /m/.test(bare) && !/[hs]/.test(bare);
}

/** Per style index (the cell's `s`): 1 when its number format shows a date. */
function dateStyles(xml: string | null): Uint8Array {
  if (xml === null) return new Uint8Array(0);
  const custom = new Map<number, string>();
  for (const m of xml.matchAll(/<numFmt\s[^>]*>/g)) {
    const id = Number(attr(m[0], "numFmtId"));
    const code = attr(m[0], "formatCode");
    if (Number.isInteger(id) && code !== null) custom.set(id, code);
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
  if (xfs === null) return new Uint8Array(0);
  const flags: number[] = [];
  for (const m of xfs[1]!.matchAll(/<xf\b[^>]*>/g)) {
    const id = Number(attr(m[0], "numFmtId") ?? "0");
    const code = custom.get(id);
    flags.push(code !== undefined ? (isDateFormat(code) ? 1 : 0) : BUILTIN_DATES.has(id) ? 1 : 0);
  }
  return Uint8Array.from(flags);
}

/**
 * An Excel serial as a day number (days since 1970-01-01), or NaN. The 1900 system counts a
 * 29 February 1900 that never was (serial 60; Microsoft KB 214326, "Excel incorrectly assumes
 * that the year 1900 is a leap year"): serials 1–59 are one day later than the rest, 60 is no
 * date and 0 is Excel's "0 January 1900". The 1904 system (`date1904`, older Mac workbooks)
 * counts from 1 January 1904 = 0 with no such day. A time of day (the fraction) is dropped.
 */
export function excelDay(serial: number, date1904: boolean): number {
  if (!Number.isFinite(serial) || serial < 0 || serial >= 2_958_466) return Number.NaN;
  const whole = Math.floor(serial);
  if (date1904) return whole - 24_107; // 1904-01-01 is 24,107 days before 1970-01-01
  if (whole === 0 || whole === 60) return Number.NaN;
  return whole < 60 ? whole - 25_568 : whole - 25_569; // 1899-12-30 + serial, from 1 March 1900
}

/** `YYYY-MM-DD` of a day number (days since 1970-01-01; excelDay keeps it within years 1900–9999). */
function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The sheet names and, for each, the part it is stored in. */
function sheetParts(part: (p: string) => string | null, name: string): { sheets: { name: string; path: string }[]; date1904: boolean } {
  const wb = part("xl/workbook.xml");
  if (wb === null) throw new DataError(`${name}: not an .xlsx workbook (no xl/workbook.xml)`);
  const rels = new Map<string, string>();
  for (const m of (part("xl/_rels/workbook.xml.rels") ?? "").matchAll(/<Relationship\s[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const target = attr(m[0], "Target");
    if (id !== null && target !== null) rels.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`);
  }
  const sheets: { name: string; path: string }[] = [];
  for (const m of wb.matchAll(/<sheet\s[^>]*>/g)) {
    const rid = attr(m[0], "r:id") ?? (/\s[\w]+:id="([^"]*)"/.exec(m[0])?.[1] ?? null);
    const path = rid === null ? undefined : rels.get(rid);
    if (path !== undefined) sheets.push({ name: attr(m[0], "name") ?? "", path });
  }
  const pr = /<workbookPr\b[^>]*>/.exec(wb);
  const d1904 = pr === null ? null : attr(pr[0], "date1904");
  return { sheets, date1904: d1904 === "1" || d1904 === "true" };
}

/** Column index (0-based) of a cell reference such as `AB12`; -1 when it has none. */
function columnIndex(ref: string): number {
  let n = 0;
  let k = 0;
  for (; k < ref.length; k++) {
    const c = ref.charCodeAt(k);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return k === 0 ? -1 : n - 1;
}

interface CellContext {
  strings: readonly string[];
  dates: Uint8Array;
  date1904: boolean;
}

/** One cell's value: text, a number, an ISO date for a date-formatted number, or "" when blank. */
function cellValue(tag: string, body: string, ctx: CellContext): unknown {
  const t = attr(tag, "t") ?? "n";
  if (t === "inlineStr") return runsText(body);
  const v = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/.exec(body);
  if (v === null) return "";
  const raw = xmlText(v[1]!);
  switch (t) {
    case "s":
      return ctx.strings[Number(raw)] ?? "";
    case "b":
      return raw === "1" ? "TRUE" : "FALSE";
    case "n": {
      const n = Number(raw);
      if (raw.trim() === "" || !Number.isFinite(n)) return raw;
      const s = Number(attr(tag, "s") ?? "0");
      if (ctx.dates[s] !== 1) return n;
      const day = excelDay(n, ctx.date1904);
      return Number.isNaN(day) ? raw : isoDay(day);
    }
    default: // "str" (a formula's cached text), "e" (#REF!, #N/A…), "d" (ISO date-time)
      return t === "d" ? raw.slice(0, 10) : raw;
  }
}

/** The rows of a sheet's XML, blank rows left out (their numbers kept for the others). */
function sheetRows(xml: string, ctx: CellContext): { rowNumbers: number[]; rows: unknown[][] } {
  const rowNumbers: number[] = [];
  const rows: unknown[][] = [];
  const rowRe = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
  const cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = rowRe.exec(xml)) !== null) {
    const r = Number(attr(m[1]!, "r") ?? last + 1);
    last = r;
    if (m[2] === undefined) continue;
    const cells: unknown[] = [];
    let col = 0;
    let any = false;
    cellRe.lastIndex = 0;
    let c: RegExpExecArray | null;
    while ((c = cellRe.exec(m[2])) !== null) {
      const ref = attr(c[1]!, "r");
      const at = ref === null ? col : columnIndex(ref);
      const value = c[2] === undefined ? "" : cellValue(c[1]!, c[2], ctx);
      while (cells.length < at) cells.push("");
      cells[at] = value;
      col = at + 1;
      if (value !== "") any = true;
    }
    if (!any) continue;
    rowNumbers.push(r);
    rows.push(cells);
  }
  return { rowNumbers, rows };
}

/** Read one sheet of an .xlsx file (the first, or `sheet` by name). */
export async function readXlsxSheet(path: string, name: string, sheet: string | undefined): Promise<SheetRows> {
  let buf: Uint8Array;
  try {
    buf = await readFile(path);
  } catch (e) {
    throw new DataError(`${name}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const part = openZip(buf, name);
  const { sheets, date1904 } = sheetParts(part, name);
  if (sheets.length === 0) throw new DataError(`${name}: the workbook has no sheets`);
  const chosen = sheet === undefined ? sheets[0]! : sheets.find((s) => s.name === sheet);
  if (chosen === undefined) throw new DataError(`${name}: no sheet ${quote(sheet)} (sheets: ${sheets.map((s) => quote(s.name)).join(", ")})`);
  const xml = part(chosen.path);
  if (xml === null) throw new DataError(`${name}: sheet ${quote(chosen.name)} is missing from the workbook (${quote(chosen.path)})`);
  const ctx: CellContext = { strings: sharedStrings(part("xl/sharedStrings.xml")), dates: dateStyles(part("xl/styles.xml")), date1904 };
  const { rowNumbers, rows } = sheetRows(xml, ctx);
  const excelDate = (serial: number): string | null => {
    const day = excelDay(serial, date1904);
    return Number.isNaN(day) ? null : isoDay(day);
  };
  return { sheet: chosen.name, sheets: sheets.map((s) => s.name), rowNumbers, rows, excelDate };
}
