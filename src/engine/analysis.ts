import type { Accessor } from "../_lib/accessor.js";
import { createArena, type Arena } from "../_lib/arena.js";
import { QiError, describeValue } from "../_lib/error.js";
import { analyseByGroup } from "../_lib/groups.js";
import { checkKeys, enumOption, numberOption, objectOption } from "../_lib/options.js";
import { checkColumns, checkFields } from "./fields.js";
import type { ChartWarning, Direction, SeriesData, SeriesOptions } from "./types.js";

// The steps every chart analysis shares, in the order it takes them: check the call (`chartCall`),
// run one analysis in one scratch buffer (`inArena`), read the settings every chart has
// (`columnarOption`, `directionOption`, `scaleOptions`), mark the points the rules see (`markActive`), and say what was skipped
// (`missingWarning`, `noCentreWarning`).

/**
 * The entry of a chart function: options an object with known keys only ("did you mean"), data
 * an array (or a Float64Array of y values), every field name a field of the rows, every column
 * one value per row; with `by`, one analysis per group.
 */
export function chartCall<T, O extends SeriesOptions<T>, R>(
  data: SeriesData<T>,
  options: O,
  keys: readonly string[],
  maker: "runChart" | "controlChart",
  analyse: (rows: readonly T[], options: O) => R,
): R | { key: unknown; chart: R }[] {
  const o = objectOption(options, ["options"]);
  checkKeys(o, keys, ["options"], "option");
  if (!Array.isArray(data) && !(data instanceof Float64Array)) throw new QiError("invalid-value", ["data"], `data must be an array of numbers or rows, not ${describeValue(data)}`);
  const rows = data as readonly T[];
  checkFields(rows, { x: o.x, y: o.y, n: o.n, notes: o.notes, by: o.by });
  checkColumns(rows, { x: o.x, y: o.y, n: o.n }, o.by);
  if (options.by !== undefined) return analyseByGroup(rows, options as O & { by: Accessor<T, unknown> }, maker, analyse as unknown as (rows: T[], options: Omit<O, "by">) => R);
  return analyse(rows, options);
}

/**
 * Run one analysis with one scratch buffer of `bytesPerRow` bytes a row (see _lib/arena.ts),
 * released afterwards: none of its arrays may reach the result.
 */
export function inArena<R>(data: readonly unknown[], bytesPerRow: number, extra: number, run: (arena: Arena) => R): R {
  const arena = createArena(Math.max(0, Array.isArray(data) || data instanceof Float64Array ? data.length : 0) * bytesPerRow + extra);
  try {
    return run(arena);
  } finally {
    arena.release();
  }
}

/** The settings every chart reads the same way. */
export interface ChartSettings {
  /** `output: "columns"`. */
  columnar: boolean;
  direction: Direction;
  multiply: number;
  target: number | null;
}

/** `output: "columns"` (true) or `"points"`, the default (false). */
export function columnarOption(output: unknown): boolean {
  return output === undefined ? false : enumOption(output, ["points", "columns"] as const, ["options", "output"]) === "columns";
}

/** Which way is better; `"neutral"` by default. */
export function directionOption(direction: unknown): Direction {
  return direction === undefined ? "neutral" : enumOption(direction, ["increase", "decrease", "neutral"] as const, ["options", "direction"]);
}

/** `multiply` (a positive number, 1 by default) and `target` (a finite number or null). */
export function scaleOptions(options: { multiply?: unknown; target?: unknown }): { multiply: number; target: number | null } {
  return {
    multiply: options.multiply === undefined ? 1 : numberOption(options.multiply, ["options", "multiply"], (v) => v > 0, "a positive number"),
    target: options.target === undefined || options.target === null ? null : numberOption(options.target, ["options", "target"], () => true, "a finite number"),
  };
}

/**
 * A target the values can never reach because it is on another scale: a proportion times
 * `multiply` lies in [0, multiply], so a p or p′ chart's target of 80 without `multiply: 100` (the
 * team's "80 %") is read as 80 times the whole, "consistently failing" and a squashed chart (a
 * user trial). `proportions`: the chart plots proportions (p, p′; or a run or i chart with `n`
 * whose every value lies in [0, multiply], each count within its denominator); `what` names them.
 * The warning's advice: the target as a proportion, or `multiply: 100`.
 */
export function targetScaleWarning(target: number | null, multiply: number, proportions: boolean, what: string): ChartWarning | null {
  if (target === null || !proportions || (target >= 0 && target <= multiply)) return null;
  const range = `0–${formatPlain(multiply)}`;
  const advice =
    target > multiply && multiply === 1 && target <= 100
      ? ` Did you mean target: ${formatPlain(target / 100)}, or multiply: 100 to plot per cent?`
      : ` Give the target on the plotted scale (${range}).`;
  return { code: "target-off-scale", message: `The target ${formatPlain(target)} is outside ${range}, the range of ${what}: no value can reach it.${advice}` };
}

/** A number as written, without float noise (0.8, not 0.8000000000000002). */
function formatPlain(v: number): string {
  return String(Number(v.toPrecision(12)));
}

/** Whether every value of `y[0..n-1]` with one lies in [0, top] (NaN, a gap, is skipped). */
export function allWithin(y: Float64Array, n: number, top: number): boolean {
  for (let i = 0; i < n; i++) {
    const v = y[i]!;
    if (v < 0 || v > top) return false;
  }
  return true;
}

// Loops over every point live in small functions of their own: V8 optimises each as a whole,
// where a loop inside a closure that runs once per analysis is compiled on the fly (OSR) and runs
// far slower on a long series.

/**
 * Flag the points of `0..n-1` with a value that are not excluded (`active`), and list the points
 * without a value in `missing`. On an mr chart (`rawValues` given) the first point of a phase has
 * no moving range but is no gap. Returns how many points are active.
 */
export function markActive(y: Float64Array, n: number, excluded: Uint8Array, active: Uint8Array, missing: number[], rawValues: Float64Array | null = null): number {
  let nActive = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(y[i]!)) {
      if (rawValues === null || Number.isNaN(rawValues[i]!)) missing.push(i);
    } else if (excluded[i] === 0) {
      active[i] = 1;
      nActive++;
    }
  }
  return nActive;
}

/** As qicharts2's n.obs: the points of a phase that are not excluded, gaps included. */
export function countNotExcluded(excluded: Uint8Array, start: number, end: number): number {
  let n = 0;
  for (let i = start; i <= end; i++) n += 1 - excluded[i]!;
  return n;
}

/** Every y missing is an error; some missing, a `missing-values` warning listing them. */
export function missingWarning(missing: number[], n: number): ChartWarning | null {
  if (missing.length === n) throw new QiError("all-missing", ["data"], "every y value is missing: there is nothing to chart");
  if (missing.length === 0) return null;
  return {
    code: "missing-values",
    message: `${missing.length} point${missing.length === 1 ? " has" : "s have"} no value; ${missing.length === 1 ? "it is" : "they are"} drawn as a gap and skipped by the rules.`,
    points: missing,
  };
}

/** The warning of a phase without a centre (no values to set it): its rules are not applied. */
export function noCentreWarning(phase: number): ChartWarning {
  return { code: "no-centre", phase, message: `Phase ${phase + 1} has no values to set its centre; its rules are not applied.` };
}
