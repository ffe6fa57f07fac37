import { HEAP, type Arena } from "../_lib/arena.js";
import { toDayNumber } from "../_lib/calendar.js";
import { QiError, describeValue } from "../_lib/error.js";
import type { XKind } from "../_lib/series.js";

/** The points of the chart as the phase options see them. */
export interface PointAxis {
  n: number;
  kind: XKind;
  /** Calendar day number of each point for date x, else null. */
  days: Float64Array | null;
}

/** A caller's phase: a range of points and the last point of its baseline. */
export interface PhaseLayout {
  start: number;
  end: number;
  /** Last point (inclusive) that sets the centre. */
  baselineEnd: number;
  /** True when the caller limited the baseline. */
  frozen: boolean;
  /** A fixed centre for this phase, or null. */
  centre: number | null;
}

/**
 * Index of the first point on or after an x value (Date or ISO date string) given as an option.
 * Compared by calendar day, so "2024-03-01" finds the point dated 1 March 2024 in every time zone.
 */
export function indexOfX(axis: PointAxis, value: unknown, path: ReadonlyArray<string | number>, last = false): number {
  if (axis.kind !== "date" || axis.days === null) {
    throw new QiError("invalid-option", path, `${describeValue(value)} is a date, but the chart's x values are not dates; give a point index instead`);
  }
  const day = toDayNumber(value);
  if (Number.isNaN(day)) throw new QiError("invalid-option", path, `${describeValue(value)} is not a valid date`);
  const days = axis.days;
  if (last) {
    for (let i = axis.n - 1; i >= 0; i--) if (days[i]! <= day) return i;
  } else {
    for (let i = 0; i < axis.n; i++) if (days[i]! >= day) return i;
  }
  throw new QiError("out-of-range", path, `${describeValue(value)} is outside the chart's dates`);
}

/** Points excluded by the caller, as a 0/1 mask. */
export function excludedMask(n: number, exclude: readonly number[] | undefined, arena: Arena = HEAP): Uint8Array {
  const mask = arena.u8(n);
  if (exclude === undefined) return mask;
  if (!Array.isArray(exclude)) throw new QiError("invalid-option", ["options", "exclude"], `exclude must be an array of point indices, not ${describeValue(exclude)}`);
  for (const i of indices(exclude, n, ["options", "exclude"])) mask[i] = 1;
  return mask;
}

/**
 * Lay out the caller's phases, baselines and fixed centres.
 * - `phases`: where new phases start — 0-based point indices, or x values (Dates / ISO date
 *   strings: the phase starts at the first point on or after that day).
 * - `baseline`: a count N (the first N points of every phase set its centre; a count longer than
 *   its phase uses the whole phase, with a `baseline-longer-than-phase` warning, as
 *   NHSRplotthedots 0.2.2 does with `fix_after_n_points`), one count per phase (`null` for the whole phase), or an x value (the baseline of
 *   the phase containing it ends at the last point on or before that day).
 * - `centre`: a fixed centre for every phase, or one per phase (`null` = computed).
 */
export function layoutPhases(
  axis: PointAxis,
  phases: readonly unknown[] | undefined,
  baseline: unknown,
  centre: unknown,
  warnings: { code: string; message: string; phase?: number }[] = [],
): PhaseLayout[] {
  const n = axis.n;
  const sorted = phaseStarts(axis, phases);
  const layout: PhaseLayout[] = sorted.map((start, k) => ({
    start,
    end: k + 1 < sorted.length ? sorted[k + 1]! - 1 : n - 1,
    baselineEnd: k + 1 < sorted.length ? sorted[k + 1]! - 1 : n - 1,
    frozen: false,
    centre: null,
  }));
  if (baseline !== undefined && baseline !== null) applyBaseline(axis, layout, baseline, warnings);
  if (centre !== undefined && centre !== null) applyCentre(layout, centre);
  return layout;
}

/** The first point of every phase, sorted (0 always). */
function phaseStarts(axis: PointAxis, phases: readonly unknown[] | undefined): number[] {
  const n = axis.n;
  const starts = new Set<number>([0]);
  if (phases !== undefined) {
    if (!Array.isArray(phases)) throw new QiError("invalid-option", ["options", "phases"], `phases must be an array of point indices or dates, not ${describeValue(phases)}`);
    phases.forEach((p, k) => {
      const path = ["options", "phases", k];
      if (typeof p === "number") {
        if (!Number.isInteger(p)) throw new QiError("invalid-option", path, `phase starts must be whole point indices, not ${p}`);
        if (p < 0 || p >= n) throw new QiError("out-of-range", path, `phase start ${p} is outside the data (0 to ${n - 1})`);
        starts.add(p);
      } else if (p instanceof Date || typeof p === "string") {
        starts.add(indexOfX(axis, p, path));
      } else {
        throw new QiError("invalid-option", path, `phase starts must be point indices or dates, not ${describeValue(p)}`);
      }
    });
  }
  return [...starts].sort((a, b) => a - b);
}

/** Freeze each phase's baseline: a count for all, one per phase, or an x value ending one phase's baseline. */
function applyBaseline(axis: PointAxis, layout: PhaseLayout[], baseline: unknown, warnings: { code: string; message: string; phase?: number }[]): void {
  const setCount = (phase: PhaseLayout, count: unknown, path: ReadonlyArray<string | number>): void => {
    if (count === null) return;
    if (typeof count !== "number" || !Number.isInteger(count) || count < 1) {
      throw new QiError("invalid-option", path, `baseline must be a whole number of points (at least 1), not ${describeValue(count)}`);
    }
    const length = phase.end - phase.start + 1;
    if (count > length) {
      const k = layout.indexOf(phase);
      warnings.push({
        code: "baseline-longer-than-phase",
        phase: k,
        message: `The baseline of ${count} points is longer than phase ${k + 1} (${length} point${length === 1 ? "" : "s"}, points ${phase.start + 1} to ${phase.end + 1}): the whole phase is its baseline.`,
      });
    }
    phase.baselineEnd = phase.start + Math.min(count, length) - 1;
    phase.frozen = true;
  };
  if (typeof baseline === "number") {
    for (const phase of layout) setCount(phase, baseline, ["options", "baseline"]);
  } else if (Array.isArray(baseline)) {
    if (baseline.length !== layout.length) {
      throw new QiError("invalid-option", ["options", "baseline"], `baseline has ${baseline.length} entries but the chart has ${layout.length} phases`);
    }
    layout.forEach((phase, k) => setCount(phase, baseline[k], ["options", "baseline", k]));
  } else if (baseline instanceof Date || typeof baseline === "string") {
    const last = indexOfX(axis, baseline, ["options", "baseline"], true);
    const phase = layout.find((p) => p.start <= last && last <= p.end)!;
    phase.baselineEnd = last;
    phase.frozen = true;
  } else {
    throw new QiError("invalid-option", ["options", "baseline"], `baseline must be a number of points, one per phase, or a date, not ${describeValue(baseline)}`);
  }
}

/** Fixed centres: one for every phase, or one per phase (`null` = computed). */
function applyCentre(layout: PhaseLayout[], centre: unknown): void {
  const setCentre = (phase: PhaseLayout, value: unknown, path: ReadonlyArray<string | number>): void => {
    if (value === null) return;
    if (typeof value !== "number" || !Number.isFinite(value)) throw new QiError("invalid-option", path, `centre must be a finite number, not ${describeValue(value)}`);
    phase.centre = value;
  };
  if (typeof centre === "number") for (const phase of layout) setCentre(phase, centre, ["options", "centre"]);
  else if (Array.isArray(centre)) {
    if (centre.length !== layout.length) throw new QiError("invalid-option", ["options", "centre"], `centre has ${centre.length} entries but the chart has ${layout.length} phases`);
    layout.forEach((phase, k) => setCentre(phase, centre[k], ["options", "centre", k]));
  } else throw new QiError("invalid-option", ["options", "centre"], `centre must be a number or one per phase, not ${describeValue(centre)}`);
}

/** The phase index of every point, as a column (`output: "columns"` of both chart functions). */
export function phaseColumn(phases: readonly { start: number; end: number }[], n: number): Uint32Array {
  const phase = new Uint32Array(n);
  // A new array is all 0 already: the first phase is not written (4 bytes a point not touched).
  for (let k = 1; k < phases.length; k++) phase.fill(k, phases[k]!.start, phases[k]!.end + 1);
  return phase;
}

/** Validate 0-based point indices; sorted, without duplicates. */
export function indices(values: readonly unknown[], n: number, path: ReadonlyArray<string | number>): number[] {
  const out = new Set<number>();
  values.forEach((v, k) => {
    if (typeof v !== "number" || !Number.isInteger(v)) throw new QiError("invalid-option", [...path, k], `point indices must be whole numbers, not ${describeValue(v)}`);
    if (v < 0 || v >= n) throw new QiError("out-of-range", [...path, k], `point index ${v} is outside the data (0 to ${n - 1})`);
    out.add(v);
  });
  return [...out].sort((a, b) => a - b);
}
