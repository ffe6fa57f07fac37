import { basename } from "node:path";
import { delimiterFlag, enumFlag, listFlag, numberFlag, parseCommandArgs, stringFlag, type FlagValues } from "./args.js";
import { Problems, isBlank, isMissingNumber, numberColumn, textColumn } from "./convert.js";
import { DataError, UsageError, quote } from "./errors.js";
import { applyFilters, keptLine, parseFilters, type RowFilter } from "./filter.js";
import { NaTexts } from "./naTexts.js";
import { dataRows, paddedNote, valuesView, withoutSkipped } from "./noteRows.js";
import type { Io } from "./io.js";
import { funnelPlot, renderFunnelPlot, summariseFunnelPlot, type FunnelOptions, type FunnelPlot } from "./lib.js";
import { writeAll, type PlannedFile } from "./output.js";
import { withQi } from "./qiMap.js";
import { fmt, textTable } from "./summary.js";
import { readTable, requireColumn, rowName, type Table } from "./table.js";
import { totalRow } from "./totalRows.js";
import { terminalSafe } from "./terminal.js";

const C = "funnel";
const TYPES = ["proportion", "standardised-ratio", "ratio-of-counts"] as const;
const SR_METHODS = ["shmi", "cqc"] as const;
const ON_OFF = ["on", "off"] as const;
const DIRECTIONS = ["increase", "decrease", "neutral"] as const;

const SPEC = {
  group: { type: "string" },
  numerator: { type: "string" },
  denominator: { type: "string" },
  type: { type: "string" },
  "sr-method": { type: "string" },
  overdispersion: { type: "string" },
  unadjusted: { type: "boolean" },
  trim: { type: "string" },
  multiplier: { type: "string" },
  "shmi-rounding": { type: "string" },
  delimiter: { type: "string" },
  filter: { type: "string", multiple: true },
  na: { type: "string", multiple: true },
  thousands: { type: "boolean" },
  highlight: { type: "string" },
  direction: { type: "string" },
  json: { type: "boolean" },
  out: { type: "string" },
  svg: { type: "string" },
  title: { type: "string" },
} as const;

/** The library's option names → the flags that set them, for error messages. */
const FLAGS: Readonly<Record<string, string>> = {
  srMethod: "--sr-method",
  shmiRounding: "--shmi-rounding",
  overdispersion: "--overdispersion",
  unadjusted: "--unadjusted",
  trim: "--trim",
  multiplier: "--multiplier",
  type: "--type",
};

/** A row for the library: a value suppressed by --na is its mark as written (funnelPlot's `suppressed`). */
interface FunnelRow {
  group: string;
  numerator: number | string;
  denominator: number | string;
}

/** `pace-qi funnel FILE --group COL --numerator COL --denominator COL …` */
export async function funnelCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(C, argv, SPEC, { min: 1, max: 1, what: "FILE argument (a CSV or JSON table, one row per organisation)" });
  const file = positionals[0]!;
  const names = {
    group: stringFlag(values, "group") ?? "group",
    numerator: stringFlag(values, "numerator") ?? "numerator",
    denominator: stringFlag(values, "denominator") ?? "denominator",
  };
  const options = funnelOptions(values);
  const chartFlags = svgFlags(values);
  const delimiter = delimiterFlag(C, stringFlag(values, "delimiter"));
  const filters = parseFilters(C, listFlag(values, "filter"));
  const na = new NaTexts(C, listFlag(values, "na"), values.thousands === true);
  const wanted = [...Object.values(names), ...filters.map((f) => f.column)];
  const read = await readTable(file, { columns: wanted, progress: io.stderr, ...(delimiter ? { delimiter } : {}), padShortRows: true });
  if (read.length === 0) throw new DataError(`${file}: no data rows`);
  const { table, rows, at, notes, leftOut } = funnelRows(read, names, filters, na);
  const column: Record<string, string> = { group: names.group, numerator: names.numerator, denominator: names.denominator };
  const ctx = { command: C, file, flags: FLAGS, row: (k: number, field: string | undefined) => (k < at.length ? table.where(at[k]!, field === undefined ? undefined : column[field]) : undefined) };
  // Rows with a value suppressed (--na) go to the library as their marks, named in `suppressed`: it
  // leaves them out and says so in the summary and the drawing (its warning is the note above,
  // which names the file's rows and columns).
  const marks = [...new Set(rows.flatMap((r) => [r.numerator, r.denominator].filter((v): v is string => typeof v === "string").map((v) => v.trim())))];
  const plotted = withQi(ctx, () => funnelPlot(rows, { ...options, group: "group", numerator: "numerator", denominator: "denominator", ...(marks.length > 0 ? { suppressed: marks } : {}) }));
  const result = { ...plotted, warnings: plotted.warnings.filter((w) => w.code !== "rows-suppressed") };

  const planned: PlannedFile[] = [];
  // The CLI's notes (rows skipped, --na, --filter) go with the library's warnings, as analyse's do.
  const jsonText = `${JSON.stringify(notes.length === 0 ? result : { ...result, warnings: [...notes, ...result.warnings] }, null, 2)}\n`;
  const out = stringFlag(values, "out");
  const json = values.json === true;
  if (out !== undefined && !json) throw new UsageError("--out needs --json (write the funnel JSON to FILE)", C);
  if (json && out !== undefined) planned.push({ path: out, content: jsonText });
  const { svg, title, highlight, direction } = chartFlags;
  // A group the table has but the plot left out: say why, not only that it is not a group.
  const gone = highlight === undefined || result.groups.some((g) => g.group === highlight) ? undefined : leftOut.get(highlight);
  if (gone !== undefined) throw new UsageError(`--highlight ${quote(highlight)}: left out of the plot ${gone}`, C);
  if (svg !== undefined) {
    // withQi: a --highlight naming no group is a usage error naming the flag, with "did you mean".
    const content = withQi(ctx, () =>
      renderFunnelPlot(result, {
        title: title ?? `${names.numerator} / ${names.denominator} by ${names.group}`,
        subtitle: `${basename(file)}: ${result.type}, ${result.limitsUsed} limits`,
        xLabel: names.denominator,
        yLabel: result.multiplier === 100 ? "%" : names.numerator,
        ...(highlight !== undefined ? { highlight } : {}),
        ...(direction !== undefined ? { direction } : {}),
      }),
    );
    planned.push({ path: svg, content });
  }
  await writeAll(planned);
  if (json && out === undefined) io.stdout.write(jsonText);
  else {
    io.stdout.write(`${summariseFunnelPlot(result)}\n\n${groupTable(result)}\n`);
    for (const n of notes) io.stdout.write(`Note: ${terminalSafe(n.message)}\n`);
    for (const w of result.warnings) io.stdout.write(`warning: ${w.message}\n`);
    for (const p of planned) io.stdout.write(`Wrote ${p.path}\n`);
  }
  return 0;
}

/** The rows the funnel plot is drawn from, and where each is in the table the CLI read. */
interface FunnelRows {
  table: Table;
  rows: FunnelRow[];
  /** Row k of `rows` is row at[k] of `table`. */
  at: number[];
  notes: { code: string; message: string }[];
  /** Groups left out of the plot (by --filter, or a value suppressed by --na) → why, for --highlight's error. */
  leftOut: Map<string, string>;
}

/** How many organisations a note names before "… (N in all)". */
const MAX_NAMED = 10;

/**
 * The organisations of a table as published: empty rows and notes below the table skipped
 * (noteRows.ts), `--filter` applied, a total row refused (totalRows.ts), and rows whose numerator
 * or denominator is a `--na` mark (suppressed: `*`, `..`, `[c]`) left out — each said in a note.
 */
function funnelRows(read: Table, names: { group: string; numerator: string; denominator: string }, filters: readonly RowFilter[], na: NaTexts): FunnelRows {
  const notes: { code: string; message: string }[] = [];
  const skipped = skipNoteRows(read, names);
  if (skipped.note !== null) notes.push(skipped.note);
  const filtered = applyFilters(skipped.table, filters);
  if (filtered.rows !== null) notes.push({ code: "rows-filtered", message: keptLine(filtered, filters) });
  const leftOut = filteredOut(skipped.table, names.group, filters, filtered.rows);
  const table = filtered.table;
  const problems = new Problems();
  const groups = textColumn(requireColumn(table, names.group, "--group"));
  const numCells = requireColumn(table, names.numerator, "--numerator");
  const denCells = requireColumn(table, names.denominator, "--denominator");
  const total = totalRow(table, names, groups, null);
  if (total !== null) throw new DataError(total);
  const counts = "the count (--numerator) and its denominator (--denominator), not a percentage";
  const nums = numberColumn(table, names.numerator, numCells, problems, "a number", na, counts);
  const dens = numberColumn(table, names.denominator, denCells, problems, "a number", na, counts);
  // A cell that is not a number is already a problem of numberColumn's: only a missing one (blank, NA) is said to be missing.
  const missing = (v: unknown): string => (isBlank(v) ? "blank" : `missing (${quote(v)})`);
  for (let i = 0; i < table.length; i++) {
    if (groups[i] === "") problems.add(`${table.where(i, names.group)}: the group is blank`);
    if (isMissingNumber(numCells[i])) problems.add(`${table.where(i, names.numerator)}: the numerator is ${missing(numCells[i])}`);
    if (isMissingNumber(denCells[i])) problems.add(`${table.where(i, names.denominator)}: the denominator is ${missing(denCells[i])}`);
  }
  problems.throwIfAny();
  notes.push(...na.notes());
  // Suppressed cells (--na) are the only nulls left: their rows are left out (by the library), and named.
  const at: number[] = [];
  const out: number[] = [];
  for (let i = 0; i < table.length; i++) {
    at.push(i);
    if (nums[i] === null || dens[i] === null) out.push(i);
  }
  if (out.length > 0) notes.push(leftOutNote(table, names, groups, [numCells, nums], [denCells, dens], out));
  for (const i of out) leftOut.set(groups[i]!, `because its ${suppressedCells([numCells, nums], [denCells, dens], i)} (${rowName(table, i)}, ${cellsAt(names, [numCells, nums], [denCells, dens], i)}; --na)`);
  if (out.length === table.length) throw new DataError(`${table.file}: every organisation's numerator or denominator is suppressed (--na): nothing to plot`);
  // A total row told by its sums (totalRows.ts): exactly the sum of the others when nothing is
  // suppressed, at least their sum when cells are (the total covers the cells not shown).
  const bySum = totalRow(table, names, groups, { nums, dens });
  if (bySum !== null) throw new DataError(bySum);
  const mark = (cell: unknown, v: number | null): number | string => v ?? String(cell);
  return { table, at, notes, leftOut, rows: at.map((i) => ({ group: groups[i]!, numerator: mark(numCells[i], nums[i]!), denominator: mark(denCells[i], dens[i]!) })) };
}

/** The table without its empty rows and the notes below it (noteRows.ts), a note naming them. */
function skipNoteRows(table: Table, names: { group: string; numerator: string; denominator: string }): { table: Table; note: { code: string; message: string } | null } {
  const group = table.columns.get(names.group);
  const values = [names.numerator, names.denominator].filter((c) => table.columns.has(c)).map((c) => valuesView(table.columns.get(c)!));
  if (group === undefined || values.length < 2) return { table, note: paddedNote(table, null) };
  // Below the last row with a value, a row with no values whose group reads as a note ("Source: …",
  // "* Figures suppressed…") is one; any other row stays an organisation (a blank value is then an error).
  const found = dataRows(table, table.length, valuesView(group), values, (t) => !isNoteText(t));
  return withoutSkipped(table, found);
}

/**
 * A note under a published table, not an organisation's name: text that starts with a mark (`*`,
 * `..`, `[c]`, `†`, `(1)`), a label and a colon (`Source:`, `Note 2:`), or a sentence (9 words or more).
 */
function isNoteText(text: string): boolean {
  const t = text.trim();
  return /^[^\p{L}\p{N}]/u.test(t) || /^[\p{L}\p{N} ]{1,30}:/u.test(t) || t.split(/\s+/).length >= 9;
}

/** The groups of `table` that `--filter` left out (`kept`: the rows kept, null when no filter) → "--filter '…' left it out, at row N". */
function filteredOut(table: Table, group: string, filters: readonly RowFilter[], kept: readonly number[] | null): Map<string, string> {
  const leftOut = new Map<string, string>();
  const cells = table.columns.get(group);
  if (kept === null || cells === undefined) return leftOut;
  const names = textColumn(cells);
  const keep = new Set(kept);
  const flags = filters.map((f) => `--filter ${quote(f.text)}`).join(" ");
  for (let i = 0; i < table.length; i++) if (!keep.has(i) && !leftOut.has(names[i]!)) leftOut.set(names[i]!, `by ${flags} (${rowName(table, i)})`);
  return leftOut;
}

type Cells = [readonly unknown[], readonly (number | null)[]];

/** "numerator is suppressed", "numerator and denominator are suppressed": which of row i's values are. */
function suppressedCells(num: Cells, den: Cells, i: number): string {
  const which = [num[1][i] === null ? "numerator" : "", den[1][i] === null ? "denominator" : ""].filter((w) => w !== "");
  return `${which.join(" and ")} ${which.length === 1 ? "is" : "are"} suppressed`;
}

/** "Number with 3+ placements '*'": row i's suppressed cells, by column and as written. */
function cellsAt(names: { numerator: string; denominator: string }, num: Cells, den: Cells, i: number): string {
  const cells: string[] = [];
  if (num[1][i] === null) cells.push(`${names.numerator} ${quote(num[0][i])}`);
  if (den[1][i] === null) cells.push(`${names.denominator} ${quote(den[0][i])}`);
  return cells.join(", ");
}

/** The note naming the organisations left out because a value is suppressed (--na). */
function leftOutNote(table: Table, names: { numerator: string; denominator: string }, groups: readonly string[], num: [readonly unknown[], readonly (number | null)[]], den: [readonly unknown[], readonly (number | null)[]], out: readonly number[]): { code: string; message: string } {
  const what = (i: number) => {
    const cells: string[] = [];
    if (num[1][i] === null) cells.push(`${names.numerator} ${quote(num[0][i])}`);
    if (den[1][i] === null) cells.push(`${names.denominator} ${quote(den[0][i])}`);
    return `${cellText(groups[i]!)} (${rowName(table, i)}: ${cells.join(", ")})`;
  };
  const list = `${out.slice(0, MAX_NAMED).map(what).join(", ")}${out.length > MAX_NAMED ? `, … (${out.length} in all)` : ""}`;
  return { code: "rows-suppressed", message: `left out ${out.length} organisation${out.length === 1 ? "" : "s"} whose numerator or denominator is suppressed (--na): ${list}` };
}

/** The SVG's flags. */
interface SvgFlags {
  svg: string | undefined;
  title: string | undefined;
  highlight: string | undefined;
  direction: (typeof DIRECTIONS)[number] | undefined;
}

/**
 * `--svg` and the flags that only change the SVG, checked before the file is read: `--direction`'s
 * word always; without `--svg`, `--title`, `--highlight` and `--direction` are usage errors (as
 * `analyse`'s `--title`), since the table and the JSON say above or below whichever way is better.
 */
function svgFlags(values: FlagValues): SvgFlags {
  const svg = stringFlag(values, "svg");
  const title = stringFlag(values, "title");
  const highlight = stringFlag(values, "highlight");
  const direction = enumFlag(C, "direction", stringFlag(values, "direction"), DIRECTIONS);
  if (svg === undefined) {
    if (title !== undefined) throw new UsageError("--title is the title of the SVG chart: give --svg FILE as well", C);
    if (highlight !== undefined) throw new UsageError("--highlight rings a group on the SVG chart: give --svg FILE as well", C);
    if (direction !== undefined) throw new UsageError("--direction colours the SVG chart's outliers as better or worse (the table and the JSON say above or below): give --svg FILE as well", C);
  }
  return { svg, title, highlight, direction };
}

function funnelOptions(values: Record<string, unknown>): Omit<FunnelOptions<FunnelRow>, "group" | "numerator" | "denominator"> {
  const v = values as Parameters<typeof stringFlag>[0];
  const type = enumFlag(C, "type", stringFlag(v, "type"), TYPES);
  const srMethod = enumFlag(C, "sr-method", stringFlag(v, "sr-method"), SR_METHODS);
  const od = enumFlag(C, "overdispersion", stringFlag(v, "overdispersion"), ON_OFF);
  const rounding = enumFlag(C, "shmi-rounding", stringFlag(v, "shmi-rounding"), ON_OFF);
  const trim = numberFlag(C, "trim", stringFlag(v, "trim"));
  const multiplier = numberFlag(C, "multiplier", stringFlag(v, "multiplier"));
  return {
    ...(type !== undefined ? { type } : {}),
    ...(srMethod !== undefined ? { srMethod } : {}),
    ...(od !== undefined ? { overdispersion: od === "on" } : {}),
    ...(v.unadjusted === true ? { unadjusted: true } : {}),
    ...(rounding !== undefined ? { shmiRounding: rounding === "on" } : {}),
    ...(trim !== undefined ? { trim } : {}),
    ...(multiplier !== undefined ? { multiplier } : {}),
  };
}

/** A group name for a table cell: control characters as visible `\uXXXX` escapes (docs/cli.md), tab and line feed too so the row stays one line. */
function cellText(name: string): string {
  return terminalSafe(name).replace(/[\t\n]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

function groupTable(f: FunnelPlot): string {
  const rows = f.groups.map((g) => [
    cellText(String(g.group)),
    fmt(g.numerator),
    fmt(g.denominator),
    fmt(g.value),
    fmt(g.z),
    g.outlier998 ? `${g.side} (99.8 %)` : g.outlier95 ? `${g.side} (95 %)` : "",
  ]);
  return textTable(["group", "numerator", "denominator", "value", "z", "outside"], rows);
}
