import { QiError, describeValue, type QiPath } from "../_lib/error.js";
import { checkKeys } from "../_lib/options.js";
import { readPartialPeriods } from "../_lib/partialPeriods.js";
import { assertRunChart } from "../runchart/guards.js";
import { assertControlChart } from "../spc/guards.js";
import type { RunChart } from "../runchart/types.js";
import type { ControlChart } from "../spc/types.js";
import type { MeasureChart } from "./types.js";

/** One input item in the common shape, with where it came from (for error paths). */
export interface Item {
  name: string;
  group: string | number | null;
  chart: RunChart | ControlChart;
  control: boolean;
  target: number | null;
  unit: string;
  /** Points (0-based) that are partial periods (`partialPeriods`): excluded points a board reads as such. */
  partial: ReadonlySet<number>;
}

function text(v: unknown, path: QiPath, what: string): string {
  if (typeof v !== "string" || v === "") throw new QiError("invalid-value", path, `${what} must be a non-empty string, not ${describeValue(v)}`);
  return v;
}

function groupKey(v: unknown, path: QiPath): string | number | null {
  if (v === undefined || v === null) return null;
  if ((typeof v === "string" && v !== "") || (typeof v === "number" && Number.isFinite(v))) return v;
  throw new QiError("invalid-value", path, `a group must be a non-empty string or a finite number, not ${describeValue(v)}`);
}

function targetOf(v: unknown, path: QiPath): number | null {
  if (v === undefined || v === null) return null;
  if (typeof v === "number" && Number.isFinite(v)) return v;
  if (typeof v === "object" && !Array.isArray(v)) return targetOf((v as { value?: unknown }).value, [...path, "value"]);
  throw new QiError("invalid-value", path, `a target must be a finite number, not ${describeValue(v)}`);
}

/** Check a chart (run or control, point form) and re-path its errors under `path`. */
function checkChart(chart: unknown, path: QiPath): { chart: RunChart | ControlChart; control: boolean } {
  const control = chart !== null && typeof chart === "object" && "type" in chart;
  try {
    if (control) assertControlChart(chart);
    else assertRunChart(chart);
  } catch (e) {
    if (e instanceof QiError) throw new QiError(e.code, [...path, ...e.path.slice(1)], e.message, e.issues);
    throw e;
  }
  return { chart: chart as RunChart | ControlChart, control };
}

/** The keys each form of a result may have: any other is an `unknown-option` error with "did you mean", as for options. */
const ITEM_KEYS = {
  plain: ["name", "chart", "group", "target", "unit", "partialPeriods"],
  by: ["key", "chart", "target", "unit", "partialPeriods"],
  measure: ["measure", "chart", "group"],
} as const;

/**
 * Read one item of {@link summariseMeasures}' input: `{ name, chart, group?, target?, unit? }`,
 * a `by` result's `{ key, chart }` (named `defaultName`), or `{ measure, chart }` with a
 * project's measure (its `name`, `target.value` and `definition.unit`). A key the form does not
 * have ({@link ITEM_KEYS}) is an `unknown-option` error naming it, with the nearest key.
 */
export function normalise(r: unknown, i: number, defaultName: string, defaultUnit: string): Item {
  const path: QiPath = ["results", i];
  if (r === null || typeof r !== "object" || Array.isArray(r)) throw new QiError("invalid-value", path, `each result must be { name, chart } or a by result's { key, chart }, not ${describeValue(r)}`);
  const o = r as Record<string, unknown> & Partial<MeasureChart>;
  const isBy = o.measure === undefined && o.name === undefined && "key" in o;
  checkKeys(o, ITEM_KEYS[o.measure !== undefined ? "measure" : isBy ? "by" : "plain"], path, "result key");
  const { chart, control } = checkChart(o.chart, [...path, "chart"]);
  const own = control ? (chart as ControlChart).settings.target : null;
  if (o.measure !== undefined) {
    const m = o.measure as Record<string, unknown> | null;
    if (m === null || typeof m !== "object") throw new QiError("invalid-value", [...path, "measure"], `measure must be a measure object, not ${describeValue(m)}`);
    const def = m.definition as Record<string, unknown> | undefined;
    const unit = def !== null && typeof def === "object" && typeof def.unit === "string" ? def.unit : defaultUnit;
    const target = targetOf(m.target, [...path, "measure", "target"]);
    return { name: text(m.name, [...path, "measure", "name"], "a measure's name"), group: groupKey(o.group, [...path, "group"]), chart, control, target: target ?? own, unit, partial: new Set() };
  }
  const name = isBy ? defaultName : text(o.name, [...path, "name"], "name");
  const group = groupKey(isBy ? o.key : o.group, [...path, isBy ? "key" : "group"]);
  const target = targetOf(o.target, [...path, "target"]);
  if (o.unit !== undefined && typeof o.unit !== "string") throw new QiError("invalid-value", [...path, "unit"], `unit must be a string, not ${describeValue(o.unit)}`);
  const unit = o.unit ?? defaultUnit;
  const points = chart.points as readonly { excluded?: boolean }[];
  const partial = readPartialPeriods(o.partialPeriods, (k) => points[k]?.excluded === true, points.length, [...path, "partialPeriods"]);
  return { name, group, chart, control, target: target ?? own, unit, partial };
}
