import { QiError, describeValue } from "../_lib/error.js";
import { checkKeys, enumOption, objectOption } from "../_lib/options.js";
import { CATEGORY_ORDER } from "./category.js";
import { normalise } from "./normalise.js";
import { rowOf } from "./row.js";
import type { Item } from "./normalise.js";
import type { MeasuresSummary, SummariseMeasuresOptions, SummaryCategory, SummaryInput, SummaryWarning } from "./types.js";

const KEYS = ["name", "sort", "filter", "unit"];

/**
 * The board's one page: one row per measure (and group) with the latest value and date, the
 * target, the current centre line, the Making Data Count variation and assurance icons (control
 * charts) or the run-chart verdict, where the special cause starts, and a one-line reading
 * ("special cause improvement since Jun 2024; the target of 80 % is consistently met"). Rows are
 * sorted concern → improvement → neutral → common cause → too little data (input order within
 * each), and can be filtered by category. Takes `[{ name, chart, group? }]`, a `by` result
 * (`[{ key, chart }]`, named by `options.name`) or `[{ measure, chart }]`.
 *
 * @example
 * const ys = [60, 62, 58, 61, 63, 59, 60, 62, 61, 60, 59, 61, 70, 72, 74, 73, 75, 76, 77, 78, 79, 80];
 * const rows = ys.map((y, i) => ({ month: `${2023 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`, within: y, children: 100 }));
 * const chart = controlChart(rows, { type: "p", x: "month", y: "within", n: "children", multiply: 100, rules: "mdc", direction: "increase", target: 80 });
 * summariseMeasures([{ name: "Recommendations within 26 weeks", chart, unit: "%" }]).rows[0].reading
 * //=> "special cause improvement since Jan 2024; the target of 80 % will be met and missed at random"
 */
export function summariseMeasures(results: readonly SummaryInput[], options: SummariseMeasuresOptions = {}): MeasuresSummary {
  const o = objectOption(options, ["options"]);
  checkKeys(o, KEYS, ["options"], "option");
  const name = o.name === undefined ? "measure" : textOption(o.name, "name");
  const unit = o.unit === undefined ? "" : textOption(o.unit, "unit");
  const sort = o.sort === undefined ? "category" : enumOption(o.sort, ["category", "none"] as const, ["options", "sort"]);
  const filter = o.filter === undefined ? null : filterOption(o.filter);
  if (!Array.isArray(results)) throw new QiError("invalid-value", ["results"], `results must be an array of { name, chart } (or a by result), not ${describeValue(results)}`);
  const items = results.map((r: unknown, i) => normalise(r, i, name, unit));
  const rows = items.map(rowOf);
  const counts = Object.fromEntries(CATEGORY_ORDER.map((c) => [c, 0])) as Record<SummaryCategory, number>;
  for (const r of rows) counts[r.category]++;
  let out = rows;
  if (sort === "category") {
    const rank = (c: SummaryCategory) => CATEGORY_ORDER.indexOf(c);
    out = rows.map((r, i) => [r, i] as const).sort((a, b) => rank(a[0].category) - rank(b[0].category) || a[1] - b[1]).map(([r]) => r);
  }
  if (filter !== null) out = out.filter((r) => filter.includes(r.category));
  const warnings = rows.length === 0 ? [{ code: "no-measures", message: "no charts to summarise" }] : items.flatMap(chartWarnings);
  return { rows: out, counts, warnings };
}

/**
 * A chart's warnings (rows combined, values missing, …) as the summary's, in input order and
 * whatever the filter keeps: each keeps its code and names its measure and group, so nothing the
 * chart did to the data is dropped from the board's view.
 */
function chartWarnings(item: Item): SummaryWarning[] {
  const list: unknown = (item.chart as { warnings?: unknown }).warnings;
  if (!Array.isArray(list)) return [];
  const who = `${item.name}${item.group === null ? "" : ` (${item.group})`}`;
  return list
    .filter((w): w is { code: string; message: string } => w !== null && typeof w === "object" && typeof w.code === "string" && typeof w.message === "string")
    .map((w) => ({ code: w.code, measure: item.name, group: item.group, message: `${who}: ${w.message}` }));
}

function textOption(v: unknown, key: string): string {
  if (typeof v !== "string") throw new QiError("invalid-option", ["options", key], `${key} must be a string, not ${describeValue(v)}`);
  return v;
}

function filterOption(v: unknown): SummaryCategory[] {
  if (!Array.isArray(v)) throw new QiError("invalid-option", ["options", "filter"], `filter must be an array of categories (${CATEGORY_ORDER.join(", ")}), not ${describeValue(v)}`);
  return v.map((c: unknown, i) => enumOption(c, CATEGORY_ORDER, ["options", "filter", i]));
}
