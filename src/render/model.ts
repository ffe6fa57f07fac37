import type { Assessment } from "../runchart/types.js";

/** @internal One point as the chart drawer sees it (run and control charts alike). */
export interface ModelPoint {
  x: unknown;
  y: number | null;
  centre: number | null;
  ucl: number | null;
  lcl: number | null;
  ucl2: number | null;
  lcl2: number | null;
  phase: number;
  excluded: boolean;
  /** The assessment of the signals the point is part of (null when none). */
  assessment: Assessment | null;
  rules: readonly string[];
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

/** @internal What {@link drawChart} needs from a run or control chart. */
export interface ChartModel {
  kind: "run" | "control";
  /** CSS class of the root element: `qi-run-chart` or `qi-control-chart`. */
  className: string;
  defaultTitle: string;
  /** "median", "mean" or "centre". */
  centreName: string;
  points: ModelPoint[];
  phases: ModelPhase[];
  limits: boolean;
  /** Text for `<desc>`. */
  summary: string;
  target: number | null;
  /** Legend label of the data line (default "Data"). */
  dataLabel?: string;
  /** Legend label of the control limits (default "Control limits (3σ)"). */
  limitLabel?: string;
  /** A second line drawn with the data (a CUSUM's lower sum); see secondSeries.ts. */
  series2?: SecondSeries;
}

/** @internal A second line: one value and assessment per point, and its legend label. */
export interface SecondSeries {
  label: string;
  points: { y: number | null; assessment: Assessment | null }[];
}

const RANK: Record<Assessment, number> = { neutral: 1, improvement: 2, deterioration: 3 };

/**
 * @internal The assessment of each point from the signals it belongs to. A point in signals with
 * different assessments shows the most urgent: deterioration, then improvement, then neutral.
 */
export function pointAssessments(n: number, signals: ReadonlyArray<{ points: readonly number[]; assessment: Assessment }>): Array<Assessment | null> {
  const out: Array<Assessment | null> = new Array(n).fill(null);
  for (const s of signals) {
    for (const i of s.points) {
      if (i < 0 || i >= n) continue;
      const cur = out[i];
      if (cur === null || cur === undefined || RANK[s.assessment] > RANK[cur]) out[i] = s.assessment;
    }
  }
  return out;
}
