import { CHECK_KINDS, type CaseRecordsCheck } from "../timescales/checkCaseRecords.js";
import { QiError, describeValue } from "../_lib/error.js";
import { booleanOption, checkKeys, functionOption, integerOption, objectOption } from "../_lib/options.js";
import { escapeXml } from "./escape.js";
import { REPORT_CSS } from "./reportStyle.js";

/** The {@link renderCaseRecordsCheck} options. */
export interface RenderCaseRecordsCheckOptions {
  /** The section heading. Default "Data checks". */
  title?: string;
  /** Problems listed per kind (the count is always complete). Default 50. */
  maxPerKind?: number;
  /** How a row index is shown (e.g. the spreadsheet row). Default: the 0-based index. */
  rowLabel?: (row: number) => string;
  /** A whole HTML page (with the report's style) instead of a section. Default false. */
  page?: boolean;
}

function pct(v: unknown): string {
  return typeof v === "number" && Number.isFinite(v) ? `${Math.round(v * 10) / 10}%` : "–";
}

/**
 * The data-quality check as an HTML section (or page): problems grouped by kind with child, row,
 * column and value, the completeness table, and the extract dates. Every value from the data is
 * escaped, so a hostile cell (`=HYPERLINK(…)`, `<script>`, control characters) shows as text.
 *
 * @example
 * const check = checkCaseRecords([{ child: "A", milestone: "accommodated", date: "2024-02-30" }]);
 * renderCaseRecordsCheck(check).startsWith('<section class="data-check">') //=> true
 */
export function renderCaseRecordsCheck(check: CaseRecordsCheck, options: RenderCaseRecordsCheckOptions = {}): string {
  if (check === null || typeof check !== "object" || !Array.isArray(check.issues) || !Array.isArray(check.completeness)) {
    throw new QiError("invalid-value", ["check"], `check must be a checkCaseRecords result, not ${describeValue(check)}`);
  }
  checkKeys(objectOption(options, ["options"]), ["title", "maxPerKind", "rowLabel", "page"], ["options"], "renderCaseRecordsCheck option");
  const max = options.maxPerKind === undefined ? 50 : integerOption(options.maxPerKind, ["options", "maxPerKind"], 0);
  const label = options.rowLabel === undefined ? (r: number) => String(r) : functionOption<(row: number) => string>(options.rowLabel, ["options", "rowLabel"], "(row) => string");
  const title = options.title ?? "Data checks";
  if (typeof title !== "string") throw new QiError("invalid-option", ["options", "title"], `title must be a string, not ${describeValue(title)}`);
  if (options.page !== undefined) booleanOption(options.page, ["options", "page"]);
  const out: string[] = [`<section class="data-check"><h2>${e(title)}</h2>`];
  out.push(`<p>${e(check.rows)} rows, ${e(check.children)} children; latest date ${e(check.latestDate ?? "–")}; extract date ${e(check.asOf ?? "not given")}.</p>`);
  const total = check.issues.length;
  out.push(`<p><strong>${total === 0 ? "No problems found." : `${total} problem${total === 1 ? "" : "s"}`}</strong></p>`);
  const byKind = new Map<unknown, Record<string, unknown>[]>();
  check.issues.forEach((i: unknown, k) => {
    if (i === null || typeof i !== "object") throw new QiError("invalid-value", ["check", "issues", k], `issues must be objects, not ${describeValue(i)}`);
    const r = i as Record<string, unknown>;
    const list = byKind.get(r.code) ?? [];
    list.push(r);
    byKind.set(r.code, list);
  });
  for (const [code, list] of byKind) {
    const kind = typeof code === "string" && Object.prototype.hasOwnProperty.call(CHECK_KINDS, code) ? (CHECK_KINDS as Record<string, string>)[code]! : code;
    out.push(`<h3>${e(kind)} (${list.length})</h3><table><thead><tr><th>child</th><th>row</th><th>column</th><th>value</th><th>problem</th></tr></thead><tbody>`);
    for (const i of list.slice(0, max)) {
      let row = "";
      if (typeof i.row === "number") {
        const l: unknown = label(i.row);
        row = typeof l === "string" ? l : String(i.row);
      }
      out.push(`<tr><td>${e(i.child)}</td><td>${e(row)}</td><td>${e(i.column)}</td><td>${e(i.value)}</td><td>${e(i.message)}</td></tr>`);
    }
    out.push("</tbody></table>");
    if (list.length > max) out.push(`<p class="muted">… and ${list.length - max} more (all are in the CSV).</p>`);
  }
  const all = (check.completeness as unknown[]).filter((r): r is Record<string, unknown> => r !== null && typeof r === "object" && (r as Record<string, unknown>).group === null && (r as Record<string, unknown>).month === null);
  if (all.length > 0) {
    out.push(`<h3>Completeness</h3><p class="muted">Of the children whose records show they passed a milestone (a later one is dated), the share with its date.</p><table><thead><tr><th>milestone</th><th>expected</th><th>recorded</th><th>%</th></tr></thead><tbody>`);
    for (const r of all) out.push(`<tr><td>${e(r.milestone)}</td><td>${e(r.expected)}</td><td>${e(r.recorded)}</td><td>${pct(r.pct)}</td></tr>`);
    out.push("</tbody></table>");
  }
  for (const w of Array.isArray(check.warnings) ? (check.warnings as unknown[]) : []) out.push(`<p class="muted">Note: ${e(w)}</p>`);
  out.push("</section>");
  const section = out.join("");
  if (options.page !== true) return section;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title><style>${REPORT_CSS}</style></head><body><main>${section}</main></body></html>\n`;
}

/** Escaped text of any value from a result (never its own toString: hostile values show as what they are). */
function e(v: unknown): string {
  if (typeof v === "string") return escapeXml(v.length > 300 ? `${v.slice(0, 300)}…` : v);
  if (v === null || v === undefined) return "";
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return escapeXml(describeValue(v));
}
