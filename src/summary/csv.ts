import { dayNumberOfDate, formatIsoDay } from "../_lib/calendar.js";
import { QiError, describeValue } from "../_lib/error.js";
import type { MeasuresSummary, SummaryRow } from "./types.js";

const COLUMNS = ["measure", "group", "chart", "rules", "direction", "latest_date", "latest_value", "target", "centre", "variation", "assurance", "verdict", "category", "since", "reading"] as const;

/**
 * A cell for a spreadsheet: text beginning with `=`, `+`, `-`, `@`, a tab or a carriage return is
 * prefixed with `'` so Excel and LibreOffice show it as text instead of running it as a formula
 * (OWASP, "CSV Injection"); quoted when it holds a comma, quote or line break (RFC 4180). Numbers
 * are written as numbers.
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "";
  let s = typeof v === "string" ? v : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

function cells(r: SummaryRow): unknown[] {
  const x = r.latest?.x;
  return [
    r.measure, r.group, r.chart, r.rules, r.direction,
    x instanceof Date ? formatIsoDay(dayNumberOfDate(x)) : x, r.latest?.y, r.target, r.centre,
    r.variation, r.assurance, r.verdict.text, r.category, r.since?.label, r.reading,
  ];
}

/**
 * The summary as CSV (header row, `\n` line ends), safe to open in a spreadsheet: every text cell
 * that could be read as a formula is neutralised (see {@link csvCell}).
 *
 * @example
 * const chart = runChart([3, 4, 3, 5, 4, 3, 4, 8, 9, 8, 9, 10, 9].map((y, i) => ({ x: i + 1, y })), { x: "x", y: "y", direction: "increase" });
 * summaryToCsv(summariseMeasures([{ name: "=HYPERLINK(1)", chart }])).split("\n")[1].startsWith("'=HYPERLINK") //=> true
 */
export function summaryToCsv(summary: MeasuresSummary): string {
  if (summary === null || typeof summary !== "object" || !Array.isArray(summary.rows)) {
    throw new QiError("invalid-value", ["summary"], `summary must be a summariseMeasures() result, not ${describeValue(summary)}`);
  }
  const lines = [COLUMNS.join(",")];
  summary.rows.forEach((r: unknown, i) => {
    if (r === null || typeof r !== "object" || typeof (r as SummaryRow).verdict !== "object" || (r as SummaryRow).verdict === null) {
      throw new QiError("invalid-value", ["summary", "rows", i], `a summary row must be an object, not ${describeValue(r)}`);
    }
    lines.push(cells(r as SummaryRow).map(safeCell).join(","));
  });
  return `${lines.join("\n")}\n`;
}

function safeCell(v: unknown): string {
  if (v !== null && typeof v === "object" && !(v instanceof Date)) return csvCell(JSON.stringify(v));
  if (typeof v === "symbol" || typeof v === "function") return "";
  try {
    return csvCell(v);
  } catch {
    return "";
  }
}
