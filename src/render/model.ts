import type { Assessment, XPeriod } from "../runchart/types.js";
import type { MdcIconWords } from "../spc/mdcText.js";
import type { ControlChartPoint } from "../spc/types.js";

/**
 * @internal How a point is marked: by the assessment of the signals it belongs to, or `"mixed"`
 * when it belongs to an improvement signal and a deterioration signal at once (both are drawn
 * and the legend says so, rather than one hiding the other).
 */
export type Mark = Assessment | "mixed";

/**
 * @internal One point as the chart drawer sees it (run and control charts alike): the plotted
 * value and lines of a control-chart point (null limits for a run chart), its mark and rules.
 */
export interface ModelPoint extends Pick<ControlChartPoint, "y" | "centre" | "ucl" | "lcl" | "ucl2" | "lcl2" | "phase" | "excluded"> {
  x: unknown;
  /** How the point is marked (null when it is in no signal). */
  mark: Mark | null;
  rules: readonly string[];
  /** The caller's note for the point (`notes` of the analysis), drawn on the chart. */
  note?: unknown;
  /** An excluded point that is a partial period (the `partialPeriods` render option), not one the user excluded. */
  partial?: boolean;
}

/** @internal One phase as the chart drawer sees it. */
export interface ModelPhase {
  start: number;
  end: number;
  baselineStart: number | null;
  baselineEnd: number | null;
  centre: number | null;
  origin: string;
}

/** @internal The fields of a run- or control-chart point the drawer reads (run charts have no limits). */
interface DrawnPoint {
  x: unknown;
  y: number | null;
  centre: number | null;
  ucl?: number | null;
  lcl?: number | null;
  ucl2?: number | null;
  lcl2?: number | null;
  phase: number;
  excluded: boolean;
  signals: readonly string[];
  note?: unknown;
}

/**
 * @internal A chart's points as the drawer sees them, each with its mark (`marks[i]`, null when
 * in no signal); a point without limits (a run chart's) gets null limits.
 */
export function modelPoints(points: readonly DrawnPoint[], marks: readonly (Mark | null | undefined)[]): ModelPoint[] {
  return points.map((p, i) => ({
    x: p.x,
    y: p.y,
    centre: p.centre,
    ucl: p.ucl ?? null,
    lcl: p.lcl ?? null,
    ucl2: p.ucl2 ?? null,
    lcl2: p.lcl2 ?? null,
    phase: p.phase,
    excluded: p.excluded,
    mark: marks[i] ?? null,
    rules: p.signals,
    ...(p.note !== undefined ? { note: p.note } : {}),
  }));
}

/** @internal A chart's phases as the drawer sees them (`centre: null` hides the centre line, as a CUSUM's). */
export function modelPhases(phases: readonly ModelPhase[], withCentre = true): ModelPhase[] {
  return phases.map((p) => ({ start: p.start, end: p.end, baselineStart: p.baselineStart, baselineEnd: p.baselineEnd, centre: withCentre ? p.centre : null, origin: p.origin }));
}

/** @internal What {@link drawChart} needs from a run or control chart. */
export interface ChartModel {
  kind: "run" | "control";
  /** CSS class of the root element: `qi-run-chart` or `qi-control-chart`. */
  className: string;
  defaultTitle: string;
  /** The y axis label when the caller gives none (a CUSUM's sums are in standard errors, not the y's units). */
  defaultYLabel?: string;
  /** "median", "mean" or "centre". */
  centreName: string;
  /** The period each dated point stands for (the chart's `settings.period`); null or absent: worked out from the dates. */
  period?: XPeriod | null;
  points: ModelPoint[];
  phases: ModelPhase[];
  limits: boolean;
  /** Text for `<desc>`. */
  summary: string;
  target: number | null;
  /** Names of the upper and lower limits: UCL/LCL, or UPL/LPL (process limits, Making Data Count). */
  limitNames: { upper: string; lower: string; legend: string };
  /** Making Data Count icons to draw (rules "mdc"), else null. */
  icons: MdcIconWords | null;
  /** Legend label of the data line (default "Data"). */
  dataLabel?: string;
  /** A second line drawn with the data (a CUSUM's lower sum); see secondSeries.ts. */
  series2?: SecondSeries;
}

/** @internal A second line: one value and assessment per point, and its legend label. */
export interface SecondSeries {
  label: string;
  points: { y: number | null; assessment: Assessment | null }[];
}

/**
 * @internal The mark of each point from the signals it belongs to: their assessment when they
 * agree; `"mixed"` when the point is in an improvement signal and a deterioration signal; a
 * signal with a direction wins over a neutral one (runs verdicts have no points).
 */
export function pointMarks(n: number, signals: ReadonlyArray<{ points: readonly number[]; assessment: Assessment }>): Array<Mark | null> {
  const bits = new Uint8Array(n);
  const BIT: Record<Assessment, number> = { neutral: 1, improvement: 2, deterioration: 4 };
  for (const s of signals) {
    for (const i of s.points) if (i >= 0 && i < n) bits[i]! |= BIT[s.assessment] ?? 0;
  }
  const out: Array<Mark | null> = new Array(n);
  for (let i = 0; i < n; i++) {
    const b = bits[i]!;
    out[i] = (b & 6) === 6 ? "mixed" : b & 4 ? "deterioration" : b & 2 ? "improvement" : b & 1 ? "neutral" : null;
  }
  return out;
}

/** @internal Making Data Count marks: each point's `variation` (NHSRplotthedots' precedence), so markers agree with the icons. */
export function variationMarks(variation: ReadonlyArray<string | null>): Array<Mark | null> {
  return variation.map((v) => (v === "improvement" ? "improvement" : v === "concern" ? "deterioration" : v === "neutral-high" || v === "neutral-low" ? "neutral" : null));
}

/** @internal Keep the marks `flags` asks for (PowerBI-SPC's process flag type): a mixed point keeps the kind asked for. */
export function flagMarks(marks: ReadonlyArray<Mark | null>, flags: "improvement" | "deterioration" | "both"): Array<Mark | null> {
  if (flags === "both") return [...marks];
  return marks.map((m) => (m === flags || m === "mixed" ? flags : null));
}
