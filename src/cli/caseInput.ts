// Case records from a file, for `timescales` and `check`: the flags that name columns, the
// recognition of human headers (long or wide, synonyms, an order column with its type), the
// mapping file, and the columns read as the library wants them.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { listFlag, stringFlag, enumFlag, delimiterFlag, type FlagValues } from "./args.js";
import { DATE_FORMATS, type DateFormat } from "./dates.js";
import { DataError, UsageError, quote } from "./errors.js";
import type { Io } from "./io.js";
import { QiError, SCOTLAND_MILESTONES, matchMilestone, matchOrderType, recogniseColumns, type CheckIssue, type ColumnMapping } from "./lib.js";
import type { PathContext } from "./qiMap.js";
import { readTable, type Table } from "./table.js";
import { textColumn } from "./convert.js";
import { writeAll } from "./output.js";

/** The flags every case-record command takes. */
export const CASE_SPEC = {
  format: { type: "string" },
  child: { type: "string" },
  milestone: { type: "string" },
  date: { type: "string" },
  episode: { type: "string" },
  group: { type: "string" },
  column: { type: "string", multiple: true },
  "order-type": { type: "string" },
  "date-of-birth": { type: "string" },
  mapping: { type: "string" },
  dates: { type: "string" },
  delimiter: { type: "string" },
  sheet: { type: "string" },
} as const;

/** What the flags say about the file's columns. */
export interface CaseFlags {
  format: "long" | "wide" | undefined;
  child: string | undefined;
  milestone: string | undefined;
  date: string | undefined;
  episode: string | undefined;
  group: string | undefined;
  orderType: string | undefined;
  dateOfBirth: string | undefined;
  /** milestone id → column, from --column. */
  columns: Record<string, string>;
  mapping: string | undefined;
  dates: DateFormat;
  delimiter: string | undefined;
  /** .xlsx: the sheet to read (default the first). */
  sheet: string | undefined;
}

/** Read and check the column flags: `--column` twice for one milestone is an error. */
export function caseFlags(command: string, values: FlagValues): CaseFlags {
  const columns: Record<string, string> = {};
  for (const spec of listFlag(values, "column")) {
    const m = /^([^=]+)=(.+)$/.exec(spec);
    if (m === null) throw new UsageError(`--column ${quote(spec)} must be MILESTONE=COLUMN`, command);
    const id = matchMilestone(m[1]!.trim());
    if (id === null) throw new UsageError(`--column ${quote(spec)}: unknown milestone ${quote(m[1])}; milestones: ${SCOTLAND_MILESTONES.milestones.map((x) => x.id).join(", ")}`, command);
    if (columns[id] !== undefined) throw new UsageError(`--column is given twice for ${id} (${quote(columns[id])} and ${quote(m[2])}): one column per milestone`, command);
    columns[id] = m[2]!;
  }
  const format = enumFlag(command, "format", stringFlag(values, "format"), ["long", "wide"] as const);
  if (Object.keys(columns).length > 0 && format === "long") throw new UsageError("--column is for wide files (one row per child)", command);
  return {
    format,
    child: stringFlag(values, "child"),
    milestone: stringFlag(values, "milestone"),
    date: stringFlag(values, "date"),
    episode: stringFlag(values, "episode"),
    group: stringFlag(values, "group"),
    orderType: stringFlag(values, "order-type"),
    dateOfBirth: stringFlag(values, "date-of-birth"),
    columns,
    mapping: stringFlag(values, "mapping"),
    dates: enumFlag(command, "dates", stringFlag(values, "dates"), DATE_FORMATS) ?? "iso",
    delimiter: delimiterFlag(command, stringFlag(values, "delimiter")),
    sheet: stringFlag(values, "sheet"),
  };
}

/** Case records read from a file: raw columns (dates as written) by role. */
export interface CaseColumns {
  table: Table;
  mapping: ColumnMapping;
  /** Where the mapping came from. */
  source: "recognised" | "file";
  group: string | null;
  child: string[];
  episode: string[] | null;
  groupValues: string[] | null;
  dob: unknown[] | null;
  /** Long: milestone names and dates. */
  milestone: string[] | null;
  date: unknown[] | null;
  /** Wide: milestone id → the column it is read from (an order column counts for each order type). */
  wide: Map<string, { column: string; values: unknown[] }>;
  /** Wide: further columns of a recurring milestone ("LAC Review 2", "LAC Review 3"), by milestone id. */
  repeats: Map<string, { column: string; values: unknown[] }[]>;
  /** Problems found while splitting an order column by type (unknown or blank types). */
  orderIssues: CheckIssue[];
  /**
   * The order column's dates of the rows whose type is blank or unknown (null elsewhere), and the
   * types as written: the stages leave out the episodes such an order could change. Null when none.
   */
  untypedOrders: { column: string; typeColumn: string; values: unknown[]; types: readonly unknown[] } | null;
  ctx: PathContext;
}

const MAPPING_KEYS = ["format", "child", "episode", "dateOfBirth", "milestone", "date", "columns", "repeats", "orderColumn", "orderType", "ignored"];

async function readMappingFile(path: string): Promise<ColumnMapping | null> {
  if (!existsSync(path)) return null;
  let doc: unknown;
  try {
    doc = JSON.parse(await readFile(path, "utf8"));
  } catch (e) {
    throw new DataError(`${path}: not a mapping file (${(e as Error).message})`);
  }
  if (doc === null || typeof doc !== "object" || Array.isArray(doc)) throw new DataError(`${path}: a mapping file is a JSON object (as --mapping writes it)`);
  const m = doc as Record<string, unknown>;
  for (const k of Object.keys(m)) if (!MAPPING_KEYS.includes(k)) throw new DataError(`${path}: unknown key ${quote(k)} (keys: ${MAPPING_KEYS.join(", ")})`);
  const str = (k: string): string | null => {
    const v = m[k];
    if (v === undefined || v === null) return null;
    if (typeof v !== "string") throw new DataError(`${path}: ${k} must be a column name or null`);
    return v;
  };
  const format = m.format;
  if (format !== "long" && format !== "wide") throw new DataError(`${path}: format must be "long" or "wide"`);
  const child = str("child");
  if (child === null) throw new DataError(`${path}: child (the child-id column) is required`);
  const columns = (m.columns ?? {}) as Record<string, unknown>;
  if (typeof columns !== "object" || columns === null || Object.values(columns).some((v) => typeof v !== "string")) throw new DataError(`${path}: columns must map milestone ids to column names`);
  const repeats = (m.repeats ?? {}) as Record<string, unknown>;
  if (typeof repeats !== "object" || repeats === null || Object.values(repeats).some((v) => !Array.isArray(v) || v.some((c) => typeof c !== "string"))) throw new DataError(`${path}: repeats must map milestone ids to lists of column names`);
  return { format, child, episode: str("episode"), dateOfBirth: str("dateOfBirth"), milestone: str("milestone"), date: str("date"), columns: columns as Record<string, string>, repeats: repeats as Record<string, string[]>, orderColumn: str("orderColumn"), orderType: str("orderType"), ignored: [] };
}

/** A mapping from a file, checked against the header; unread columns listed. */
function useMapping(m: ColumnMapping, header: readonly string[], path: string, group: string | undefined): ColumnMapping {
  const used = new Set<string>();
  const need = (c: string | null, what: string): void => {
    if (c === null) return;
    if (!header.includes(c)) throw new DataError(`${path}: ${what} column ${quote(c)} is not in the file (columns: ${header.join(", ")})`);
    used.add(c);
  };
  need(m.child, "the child");
  need(m.episode, "the episode");
  need(m.dateOfBirth, "the date-of-birth");
  need(m.milestone, "the milestone");
  need(m.date, "the date");
  need(m.orderColumn, "the order");
  need(m.orderType, "the order-type");
  for (const [id, c] of Object.entries(m.columns)) {
    if (matchMilestone(id) !== id) throw new DataError(`${path}: unknown milestone ${quote(id)} in columns`);
    need(c, id);
  }
  for (const [id, list] of Object.entries(m.repeats)) {
    if (m.columns[id] === undefined) throw new DataError(`${path}: repeats of ${quote(id)} without a first column for it in columns`);
    for (const c of list) need(c, id);
  }
  const ignored = header.filter((h) => !used.has(h)).map((h) => ({ column: h, reason: h === group ? "used as the group" : `not in the mapping file ${path}` }));
  return { ...m, ignored };
}

/** The columns the mapping reads. */
function wantedColumns(m: ColumnMapping, group: string | undefined): string[] {
  const out = [m.child];
  for (const c of [m.episode, m.dateOfBirth, m.milestone, m.date, m.orderColumn, m.orderType, group ?? null]) if (c !== null) out.push(c);
  for (const c of Object.values(m.columns)) out.push(c);
  for (const list of Object.values(m.repeats)) out.push(...list);
  return out;
}

/** The columns the mapping reads dates from. */
function dateColumns(m: ColumnMapping): string[] {
  const out = [m.date, m.dateOfBirth, m.orderColumn].filter((c): c is string => c !== null);
  return [...out, ...Object.values(m.columns), ...Object.values(m.repeats).flat()];
}

/** Read a case-record file, recognising (or reusing) the column mapping. */
export async function readCases(command: string, file: string, f: CaseFlags, io: Io): Promise<CaseColumns> {
  const fromFile = f.mapping !== undefined ? await readMappingFile(f.mapping) : null;
  if (fromFile !== null && (f.child ?? f.milestone ?? f.date ?? f.episode ?? f.orderType ?? f.format) !== undefined) {
    throw new UsageError(`--mapping ${quote(f.mapping)} exists: its columns are used; drop the column flags (or the file, to recognise the columns again)`, command);
  }
  let mapping: ColumnMapping | undefined;
  const table = await readTable(file, {
    progress: io.stderr,
    ...(f.delimiter ? { delimiter: f.delimiter } : {}),
    sheet: f.sheet,
    columns: (header) => {
      if (f.group !== undefined && !header.includes(f.group)) throw new DataError(`${file}: no column ${quote(f.group)} (columns: ${header.join(", ")}); name the right one with --group`);
      if (fromFile !== null) mapping = useMapping(fromFile, header, f.mapping!, f.group);
      else {
        try {
          mapping = recogniseColumns(header, {
            ...(f.format !== undefined ? { format: f.format } : {}),
            ...(f.child !== undefined ? { child: f.child } : {}),
            ...(f.episode !== undefined ? { episode: f.episode } : {}),
            ...(f.milestone !== undefined ? { milestone: f.milestone } : {}),
            ...(f.date !== undefined ? { date: f.date } : {}),
            ...(f.orderType !== undefined ? { orderType: f.orderType } : {}),
            columns: f.columns,
            other: f.group !== undefined ? [f.group] : [],
          });
        } catch (e) {
          if (!(e instanceof QiError)) throw e;
          const message = recogniseToFlags(e.message.replace(/ \(at [^)]*\)$/, ""));
          const option = e.path[0] === "options" ? flagOf(String(e.path[1])) : "";
          const flag = option !== "" && !message.includes(option) ? ` (${option})` : "";
          throw new DataError(`${file}: ${message}${flag}`);
        }
        if (f.dateOfBirth !== undefined) {
          if (!header.includes(f.dateOfBirth)) throw new DataError(`${file}: no column ${quote(f.dateOfBirth)} (--date-of-birth)`);
          mapping.dateOfBirth = f.dateOfBirth;
          mapping.ignored = mapping.ignored.filter((x) => x.column !== f.dateOfBirth);
        }
      }
      return wantedColumns(mapping, f.group);
    },
    fresh: (column) => mapping !== undefined && dateColumns(mapping).includes(column),
  });
  if (mapping === undefined) throw new DataError(`${file}: the file is empty (expected a header row)`);
  // Through writeAll (issue #18): never through a dangling link, onto a device or over an input.
  if (f.mapping !== undefined && fromFile === null) await writeAll([{ path: f.mapping, content: `${JSON.stringify(mapping, null, 2)}\n` }]);
  return columnsOf(table, mapping, fromFile !== null ? "file" : "recognised", f.group ?? null, command);
}

/**
 * recogniseColumns' advice names its options (`orderType`, `columns: { MILESTONE: "Order" }`):
 * here, the flags that set them.
 */
export function recogniseToFlags(message: string): string {
  return message
    .replace(/\(given as columns\.([^)]+)\)/g, "(given as --column $1=…)")
    .replace(/\(given as (child|episode|milestone|date|orderType)\)/g, (_, o: string) => `(given as ${flagOf(o)})`)
    .replace(/with the child option/g, "with --child")
    .replace(/with the milestone and date options/g, "with --milestone and --date")
    .replace(/with format: "long" or "wide"/g, "with --format long|wide")
    .replace(/with the columns option \(milestone id → column\)/g, "--column MILESTONE=COLUMN (or --mapping map.json)")
    .replace(/; long, with --milestone and --date/g, ", long --milestone COL --date COL")
    .replace(/Name the columns: wide, --column/g, "Name the columns: wide --column")
    .replace(/with the columns option/g, "with --column")
    .replace(/with orderType,/g, 'with --order-type (e.g. --order-type "Order Type"),')
    .replace(/columns: \{ ("[^"]*"|MILESTONE): ("(?:[^"\\]|\\.)*"|COLUMN) \}/g, (_, id: string, col: string) => `--column ${id.replace(/^"|"$/g, "")}=${col.startsWith('"') ? (JSON.parse(col) as string) : col}`);
}

function flagOf(option: string): string {
  return ({ child: "--child", episode: "--episode", milestone: "--milestone", date: "--date", orderType: "--order-type", columns: "--column" } as Record<string, string>)[option] ?? `--${option}`;
}

/**
 * .xlsx: numbers in the date columns are Excel date serials (a column not formatted as dates in
 * the workbook shows 45747 for 2025-03-31): read in the workbook's date system. Cells formatted
 * as dates are ISO dates already (src/cli/xlsx.ts).
 */
function serialsToDates(table: Table, mapping: ColumnMapping): void {
  const toIso = table.excelDate;
  if (toIso === undefined) return;
  const dateColumns = [mapping.date, mapping.dateOfBirth, mapping.orderColumn, ...Object.values(mapping.columns), ...Object.values(mapping.repeats).flat()];
  for (const c of dateColumns) {
    const values = c === null ? undefined : table.columns.get(c);
    if (values === undefined) continue;
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v === "number") values[i] = toIso(v) ?? String(v);
    }
  }
}

function columnsOf(table: Table, mapping: ColumnMapping, source: "recognised" | "file", group: string | null, command: string): CaseColumns {
  serialsToDates(table, mapping);
  const get = (c: string | null): unknown[] | null => (c === null ? null : (table.columns.get(c) ?? null));
  const wide = new Map<string, { column: string; values: unknown[] }>();
  for (const [id, c] of Object.entries(mapping.columns)) wide.set(id, { column: c, values: get(c)! });
  const repeats = new Map<string, { column: string; values: unknown[] }[]>();
  for (const [id, list] of Object.entries(mapping.repeats)) repeats.set(id, list.map((c) => ({ column: c, values: get(c)! })));
  const orderIssues: CheckIssue[] = [];
  const child = textColumn(get(mapping.child)!);
  let untypedOrders: CaseColumns["untypedOrders"] = null;
  if (mapping.format === "wide" && mapping.orderColumn !== null && mapping.orderType !== null) {
    const values = splitOrders(table, mapping.orderColumn, mapping.orderType, child, wide, orderIssues);
    if (values !== null) untypedOrders = { column: mapping.orderColumn, typeColumn: mapping.orderType, values, types: table.columns.get(mapping.orderType)! };
  }
  const fieldToColumn: Record<string, string> = { child: mapping.child };
  if (mapping.milestone !== null) fieldToColumn.milestone = mapping.milestone;
  if (mapping.date !== null) fieldToColumn.date = mapping.date;
  if (mapping.episode !== null) fieldToColumn.episode = mapping.episode;
  if (group !== null) fieldToColumn.group = group;
  return {
    table,
    mapping,
    source,
    group,
    child,
    episode: mapping.episode === null ? null : textColumn(get(mapping.episode)!),
    groupValues: group === null ? null : textColumn(get(group)!),
    dob: get(mapping.dateOfBirth),
    milestone: mapping.milestone === null ? null : textColumn(get(mapping.milestone)!),
    date: get(mapping.date),
    wide,
    repeats,
    orderIssues,
    untypedOrders,
    ctx: { command, file: table.file, row: (i, field) => table.where(i, field === undefined ? undefined : (fieldToColumn[field] ?? field)) },
  };
}

/**
 * An order column whose type is in another column: each row's date goes to the milestone its
 * type names (Adoption, PO, POA, KCO, s11). A date with a blank or unknown type is a problem,
 * never dropped in silence: left out of the milestones, and returned (its date on its row, null
 * elsewhere; null when there is none) for the stages to leave out the episodes it could change.
 * A row whose own order column for that milestone disagrees is a problem too.
 */
function splitOrders(table: Table, orderColumn: string, typeColumn: string, child: readonly string[], wide: Map<string, { column: string; values: unknown[] }>, issues: CheckIssue[]): unknown[] | null {
  let untyped: unknown[] | null = null;
  const dates = table.columns.get(orderColumn)!;
  const types = table.columns.get(typeColumn)!;
  const split = new Map<string, unknown[]>();
  const cache = new Map<string, string | null>();
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i];
    if (d === null || d === undefined || (typeof d === "string" && d.trim() === "")) continue;
    const t = typeof types[i] === "string" ? (types[i] as string) : types[i] === null || types[i] === undefined ? "" : String(types[i]);
    let id = cache.get(t);
    if (id === undefined) {
      const m = matchOrderType(t);
      id = m !== null && matchMilestone(m) === m ? m : null;
      cache.set(t, id);
    }
    const who = child[i] === "" ? null : child[i]!;
    if (id === null) {
      issues.push({
        code: "unknown-order-type" as CheckIssue["code"],
        path: ["events", i, typeColumn],
        child: who,
        row: i,
        column: typeColumn,
        value: t === "" ? null : t,
        message: `${who === null ? "" : `child ${JSON.stringify(who)}: `}the order on ${String(d)} has ${t.trim() === "" ? "no type" : `type ${quote(t)}, which is not one of Adoption, PO, POA, KCO, s11`}: it is left out`,
      });
      (untyped ??= new Array<unknown>(dates.length).fill(null))[i] = d;
      continue;
    }
    let list = split.get(id);
    if (list === undefined) split.set(id, (list = new Array<unknown>(dates.length).fill(null)));
    list[i] = d;
  }
  for (const [id, values] of split) {
    const own = wide.get(id);
    if (own === undefined) {
      wide.set(id, { column: orderColumn, values });
      continue;
    }
    // Both a column of its own and the order column: a row may use either, not both differently.
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v === null) continue;
      const o = own.values[i];
      if (o === null || o === undefined || o === "") own.values[i] = v;
      else if (o !== v) {
        issues.push({ code: "conflicting-rows", path: ["events", i, orderColumn], child: child[i] || null, row: i, column: orderColumn, value: String(v), message: `${id} is ${String(o)} in ${quote(own.column)} but ${String(v)} in ${quote(orderColumn)}` });
      }
    }
  }
  return untyped;
}

/** Printable text for a terminal: control characters shown as `\xNN`, long text cut. */
export function terminalText(value: string, max = 60): string {
  const cut = value.length > max ? `${value.slice(0, max)}…` : value;
  return cut.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/** The mapping in words, printed before any result. */
export function mappingText(c: CaseColumns): string {
  const m = c.mapping;
  const lines: string[] = [];
  const rows: [string, string][] = [];
  rows.push([m.child, "child id"]);
  if (m.episode !== null) rows.push([m.episode, "episode"]);
  if (m.dateOfBirth !== null) rows.push([m.dateOfBirth, "date of birth (checks)"]);
  if (c.group !== null) rows.push([c.group, "group (--group)"]);
  if (m.format === "long") {
    rows.push([m.milestone!, "milestone name"]);
    rows.push([m.date!, "milestone date"]);
  } else {
    for (const [id, col] of Object.entries(m.columns)) {
      rows.push([col, id]);
      (m.repeats[id] ?? []).forEach((c, j) => rows.push([c, `${id} (again: ${j + 2}${j === 0 ? "nd" : j === 1 ? "rd" : "th"} column)`]));
    }
    if (m.orderColumn !== null) rows.push([m.orderColumn, `the order its type in ${quote(m.orderType)} names (Adoption → adoption-order, PO, POA, KCO/s11)`]);
    if (m.orderType !== null) rows.push([m.orderType, "order type"]);
  }
  const width = Math.min(32, Math.max(...rows.map((r) => terminalText(r[0]).length), ...m.ignored.map((x) => terminalText(x.column).length)));
  lines.push(`Columns of ${terminalText(c.table.file)} (${m.format}: ${m.format === "wide" ? "one row per child" : "one row per event"}; ${c.source === "file" ? "from the mapping file" : "recognised from the headers"}):`);
  for (const [col, what] of rows) lines.push(`  ${terminalText(col).padEnd(width)}  → ${what}`);
  const ignored = m.ignored.filter((x) => x.column !== c.group);
  if (ignored.length > 0) {
    lines.push("Not read:");
    for (const x of ignored) lines.push(`  ${terminalText(x.column === "" ? "(blank)" : x.column).padEnd(width)}  (${recogniseToFlags(x.reason)})`);
  }
  return `${lines.join("\n")}\n`;
}
