import { valueof, type Accessor } from "../_lib/accessor.js";
import { QiError, describeValue } from "../_lib/error.js";
import { checkKeys, enumOption, objectOption } from "../_lib/options.js";

/** The {@link paretoChart} options. */
export interface ParetoChartOptions<T = unknown> {
  /** The category of each row (a field name or accessor); the rows themselves when they are strings. */
  category?: Accessor<T, unknown>;
  /** A weight per row to add up instead of counting rows (e.g. days of delay); default 1 per row. */
  weight?: Accessor<T, unknown>;
  /**
   * Rows without a category (null, undefined, ""): `"drop"` (default, as qicharts2's
   * `useNA = FALSE`; a warning says how many) or `"include"` as their own bar, `category: null`.
   */
  missing?: "drop" | "include";
}

/** One bar of a Pareto chart. */
export interface ParetoBar {
  /** The category; null for the rows without one (`missing: "include"`). */
  category: string | null;
  /** Rows (or the sum of their weights) in this category. */
  count: number;
  /** Counts of this and every earlier bar. */
  cumulative: number;
  /** count / total. */
  share: number;
  /** cumulative / total. */
  cumulativeShare: number;
}

/** The result of {@link paretoChart}. */
export interface ParetoChart {
  bars: ParetoBar[];
  total: number;
  warnings: { code: string; message: string }[];
}

const KEYS = ["category", "weight", "missing"] as const;

/**
 * A Pareto chart: categories by count, largest first, with shares and cumulative shares, as
 * qicharts2 0.8's `paretochart()` (Juran's Pareto principle; Provost & Murray, The Health Care
 * Data Guide, ch. 4). Ties keep the order of the labels (code-point order, which is R's `table()`
 * order for plain ASCII labels); the missing category sits after the labels with its count.
 * Categories are strings (numbers and booleans are turned into strings).
 *
 * @throws {QiError} `empty-data`, `all-missing`, `invalid-value` (a category that is not a string,
 *   number or boolean; a weight that is not a finite number ≥ 0), `invalid-option`, `unknown-option`.
 *
 * @example
 * const p = paretoChart(["Court", "Panel", "Court", "Report", "Court", "Panel"]);
 * p.bars.map((b) => `${b.category} ${b.count}`) //=> ["Court 3", "Panel 2", "Report 1"]
 * p.bars[1].cumulativeShare //=> 0.8333333333333334
 */
export function paretoChart<T>(data: readonly T[], options: ParetoChartOptions<T> = {}): ParetoChart {
  const o = objectOption(options, ["options"]);
  checkKeys(o, KEYS, ["options"], "option");
  if (!Array.isArray(data)) throw new QiError("invalid-value", ["data"], `data must be an array of categories or rows, not ${describeValue(data)}`);
  if (data.length === 0) throw new QiError("empty-data", ["data"], "paretoChart needs at least one row");
  const missing = options.missing === undefined ? "drop" : enumOption(options.missing, ["drop", "include"] as const, ["options", "missing"]);
  const cat = options.category === undefined ? (d: T) => d as unknown : valueof(options.category, "category");
  const weight = options.weight === undefined ? null : valueof(options.weight, "weight");
  const counts = new Map<string, number>();
  let none = 0;
  let noneRows = 0;
  for (let i = 0; i < data.length; i++) {
    const c = cat(data[i]!, i, data);
    const w = weight === null ? 1 : weight(data[i]!, i, data);
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
      throw new QiError("invalid-value", ["data", i, typeof options.weight === "string" ? options.weight : "weight"], `weights must be finite numbers ≥ 0; row ${i} has ${describeValue(w)}`);
    }
    if (c === null || c === undefined || c === "" || (typeof c === "number" && Number.isNaN(c))) {
      none += w;
      noneRows++;
      continue;
    }
    if (typeof c !== "string" && typeof c !== "number" && typeof c !== "boolean") {
      throw new QiError("invalid-value", ["data", i, typeof options.category === "string" ? options.category : "category"], `categories must be strings, not ${describeValue(c)} (row ${i})`);
    }
    const key = String(c);
    counts.set(key, (counts.get(key) ?? 0) + w);
  }
  const warnings: { code: string; message: string }[] = [];
  const entries: [string | null, number][] = [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  if (noneRows > 0 && missing === "include") entries.push([null, none]);
  else if (noneRows > 0) warnings.push({ code: "missing-category", message: `${noneRows} row${noneRows === 1 ? " has" : "s have"} no category and ${noneRows === 1 ? "is" : "are"} left out (missing: "include" shows them as a bar).` });
  if (entries.length === 0) throw new QiError("all-missing", ["data"], "no row has a category: there is nothing to chart");
  // A stable sort by count, largest first: ties keep label order, the missing category last among them.
  entries.sort((a, b) => b[1] - a[1]);
  let total = 0;
  for (const [, c] of entries) total += c;
  let cumulative = 0;
  const bars = entries.map(([category, count]) => {
    cumulative += count;
    return { category, count, cumulative, share: total === 0 ? 0 : count / total, cumulativeShare: total === 0 ? 0 : cumulative / total };
  });
  return { bars, total, warnings };
}
