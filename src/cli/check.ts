// `pace-qi check FILE`: the data-quality checks of case records, as a summary, CSV and HTML.
// Problems found are the result, not a failure: exit 0 (1 only when the file cannot be read).
import { join } from "node:path";
import { parseCommandArgs, stringFlag, numberFlag } from "./args.js";
import { CASE_SPEC, caseFlags, mappingText, readCases, terminalText, type CaseColumns } from "./caseInput.js";
import { flagDate, expectedForm, type DateFormat } from "./dates.js";
import { UsageError, quote } from "./errors.js";
import type { Io } from "./io.js";
import { CHECK_KINDS, checkCaseRecords, renderCaseRecordsCheck, type CaseRecordsCheck, type CheckCaseRecordsOptions, type CheckCode } from "./lib.js";
import { toCsv, writeAll } from "./output.js";
import { nameColumns, rewriteRows, withQi } from "./qiMap.js";
import { textTable } from "./summary.js";
import { rowName } from "./table.js";

const C = "check";

const SPEC = { ...CASE_SPEC, out: { type: "string" }, "as-of": { type: "string" }, "stale-after": { type: "string" } } as const;

/** The library's check of the records read from a file, with columns named as in the file. */
export function checkCases(c: CaseColumns, dates: DateFormat, asOf: string | undefined, staleAfter?: number): CaseRecordsCheck {
  const { options, fieldToColumn } = checkOptions(c, dates, asOf, staleAfter);
  return checkReport(c, withQi(c.ctx, () => checkCaseRecords(rowsOf(c), options)), fieldToColumn);
}

/** The library's check options over the columns read, and the file's column for each field the check names. */
export function checkOptions(c: CaseColumns, dates: DateFormat, asOf: string | undefined, staleAfter?: number): { options: CheckCaseRecordsOptions<number>; fieldToColumn: Record<string, string> } {
  const m = c.mapping;
  const options: CheckCaseRecordsOptions<number> = { format: m.format, dates, child: (i) => c.child[i] };
  const fieldToColumn: Record<string, string> = { child: m.child };
  if (c.episode !== null) options.episode = (i) => c.episode![i];
  if (c.groupValues !== null) options.group = (i) => c.groupValues![i];
  if (c.dob !== null) {
    options.dateOfBirth = (i) => c.dob![i];
    fieldToColumn.dateOfBirth = m.dateOfBirth!;
  }
  if (asOf !== undefined) options.asOf = asOf;
  if (staleAfter !== undefined) options.staleAfter = staleAfter;
  if (m.format === "long") {
    options.milestone = (i) => c.milestone![i];
    options.date = (i) => c.date![i];
    fieldToColumn.milestone = m.milestone!;
    fieldToColumn.date = m.date!;
  } else {
    const columns: Record<string, ((i: number) => unknown) | ((i: number) => unknown)[]> = {};
    for (const [id, col] of c.wide) {
      const again = c.repeats.get(id) ?? [];
      const first = (i: number): unknown => col.values[i];
      // A recurring milestone's further columns: its events are named "lac-review 2"… (below).
      columns[id] = again.length === 0 ? first : [first, ...again.map((r) => (i: number) => r.values[i])];
      fieldToColumn[id] = col.column;
      again.forEach((r, j) => (fieldToColumn[`${id} ${j + 2}`] = r.column));
    }
    options.columns = columns;
  }
  return { options, fieldToColumn };
}

/**
 * A check of these columns as the CLI reports it (from checkCaseRecords, or from paceTimescales'
 * `check`): rows and columns named as in the file, the CLI's own order-type problems added.
 */
export function checkReport(c: CaseColumns, result: CaseRecordsCheck, fieldToColumn: Readonly<Record<string, string>>): CaseRecordsCheck {
  const rowOnly = (r: number): string => where(c, r);
  for (const i of result.issues) {
    // The library's advice names its option (`use dates: "uk"`): here, the flag.
    i.message = nameColumns(rewriteRows(i.message, rowOnly), fieldToColumn).replace(/\buse dates: "(\w+)"/g, "use --dates $1");
    if (i.column !== null && fieldToColumn[i.column] !== undefined) {
      i.column = fieldToColumn[i.column]!;
      if (i.path[0] === "events") i.path = ["events", i.path[1]!, i.column];
    }
  }
  if (c.orderIssues.length > 0) {
    const order = Object.keys(CHECK_KINDS);
    // The library's check (from the timescales' read, told of these orders) says the same: keep the CLI's words, once.
    const own = new Set(c.orderIssues.map((i) => `${i.code}:${i.row}`));
    result.issues = result.issues.filter((i) => {
      if (!own.has(`${i.code}:${i.row}`)) return true;
      result.counts[i.code]--;
      return false;
    });
    result.issues.push(...c.orderIssues);
    result.issues.sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code) || (a.row ?? -1) - (b.row ?? -1));
    for (const i of c.orderIssues) result.counts[i.code]++;
  }
  return result;
}

function rowsOf(c: CaseColumns): number[] {
  const rows: number[] = new Array(c.table.length);
  for (let i = 0; i < rows.length; i++) rows[i] = i;
  return rows;
}

function where(c: CaseColumns, row: number | null): string {
  if (row === null) return "";
  return rowName(c.table, row);
}

/** The check in a few lines for the terminal: counts by kind, the first few of each, completeness. */
export function checkSummary(check: CaseRecordsCheck, c: CaseColumns, perKind = 3): string {
  const lines: string[] = [];
  const total = check.issues.length;
  lines.push(`Data check of ${terminalText(c.table.file)}: ${check.rows} ${check.rows === 1 ? "row" : "rows"}, ${check.children} ${check.children === 1 ? "child" : "children"}; latest date ${check.latestDate ?? "–"}${check.asOf === null ? "" : `, extract date ${check.asOf}`}`);
  if (total === 0) lines.push("No problems found.");
  else {
    lines.push(`${total} problem${total === 1 ? "" : "s"}:`);
    const rows: string[][] = [];
    for (const [code, label] of Object.entries(CHECK_KINDS)) {
      const n = check.counts[code as CheckCode] ?? 0;
      if (n > 0) rows.push([label, String(n)]);
    }
    lines.push(textTable(["kind", "problems"], rows).replace(/^/gm, "  "));
    for (const [code, label] of Object.entries(CHECK_KINDS)) {
      const list = check.issues.filter((i) => i.code === code);
      if (list.length === 0) continue;
      lines.push(`  ${label}:`);
      for (const i of list.slice(0, perKind)) {
        const at = [where(c, i.row), i.column === null ? "" : `column ${terminalText(i.column, 40)}`].filter((x) => x !== "").join(", ");
        lines.push(`    ${at === "" ? "" : `${at}: `}${terminalText(i.message, 200)}`);
      }
      if (list.length > perKind) lines.push(`    … and ${list.length - perKind} more`);
    }
  }
  const all = check.completeness.filter((r) => r.group === null && r.month === null);
  if (all.length > 0) {
    lines.push("Completeness (children known to have passed the milestone: share with its date):");
    lines.push(textTable(["milestone", "expected", "recorded", "%"], all.map((r) => [r.milestone, String(r.expected), String(r.recorded), r.pct === null ? "–" : `${Math.round(r.pct * 10) / 10}%`])).replace(/^/gm, "  "));
  }
  for (const w of check.warnings) lines.push(`Note: ${w}`);
  return `${lines.join("\n")}\n`;
}

/** The number a person finds data row `row` by (the spreadsheet row; a JSON file's index), or null. */
function sheetRow(c: CaseColumns, row: number | null): number | null {
  if (row === null) return null;
  const n = c.table.rowNumber(row);
  return Number.isFinite(n) ? n : null;
}

/** check-issues.csv rows: the spreadsheet row as a number (sortable), the sheet in its own column for .xlsx. */
function issueRows(check: CaseRecordsCheck, c: CaseColumns): object[] {
  return check.issues.map((i) => ({
    kind: (CHECK_KINDS as Record<string, string>)[i.code] ?? i.code,
    code: i.code,
    child: i.child,
    ...(c.table.sheet !== undefined ? { sheet: c.table.sheet } : {}),
    row: sheetRow(c, i.row),
    column: i.column,
    value: i.value,
    message: i.message,
  }));
}

/**
 * check.json: the library result, whose `row` is the 0-based index of the row read (as
 * documented), with each issue's `sheetRow` — the row number the CSV and HTML show — and, for
 * .xlsx, its `sheet`.
 */
function checkJson(check: CaseRecordsCheck, c: CaseColumns): object {
  const sheet = c.table.sheet;
  return { ...check, issues: check.issues.map((i) => ({ ...i, sheetRow: sheetRow(c, i.row), ...(sheet !== undefined ? { sheet } : {}) })) };
}

/** `pace-qi check FILE …` */
export async function checkCommand(argv: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(C, argv, SPEC, { min: 1, max: 1, what: "FILE argument (case records, CSV or JSON)" });
  const file = positionals[0]!;
  const flags = caseFlags(C, values);
  const asOfText = stringFlag(values, "as-of");
  let asOf: string | undefined;
  if (asOfText !== undefined) {
    asOf = flagDate(asOfText, flags.dates) ?? undefined;
    if (asOf === undefined) throw new UsageError(`--as-of ${quote(asOfText)} is not a date (${expectedForm(flags.dates)})`, C);
  }
  const staleAfter = numberFlag(C, "stale-after", stringFlag(values, "stale-after"));
  if (staleAfter !== undefined && staleAfter < 0) throw new UsageError(`--stale-after ${quote(stringFlag(values, "stale-after"))} must be a number of days ≥ 0`, C);
  const outDir = stringFlag(values, "out") ?? "check";
  const cases = await readCases(C, file, flags, io);
  io.stdout.write(mappingText(cases));
  const check = checkCases(cases, flags.dates, asOf, staleAfter);
  const files = [
    { name: "check-issues.csv", content: toCsv(issueRows(check, cases), ["kind", "code", "child", ...(cases.table.sheet !== undefined ? ["sheet"] : []), "row", "column", "value", "message"]) },
    { name: "completeness.csv", content: toCsv(check.completeness, ["milestone", "group", "month", "expected", "recorded", "pct"]) },
    { name: "check.html", content: renderCaseRecordsCheck(check, { page: true, title: `Data checks: ${file}`, rowLabel: (r) => where(cases, r) }) },
    { name: "check.json", content: `${JSON.stringify(checkJson(check, cases))}\n` },
  ];
  await writeAll(files.map((f) => ({ path: join(outDir, f.name), content: f.content })));
  io.stdout.write(`\n${checkSummary(check, cases)}`);
  io.stdout.write(`\nWrote ${files.length} ${files.length === 1 ? "file" : "files"} to ${outDir}/: ${files.map((f) => f.name).join(", ")}\n`);
  return 0;
}
