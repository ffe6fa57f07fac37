import { jsonChunks } from "./jsonChunks.js";
import {
  controlRulesOf,
  runRulesOf,
  type ControlChart,
  type ControlChartColumnar,
  type ControlChartPoint,
  type RunChart,
  type RunChartColumnar,
  type RunChartPoint,
  type XValue,
} from "./lib.js";

// `analyse` computes its charts with `output: "columns"` (a few typed arrays, not an object per
// point: issue #18). What a user gets is still the point form: the JSON writes it point by point
// from the columns, and the SVG renderer (at most 1,000,000 points) gets the points it needs.
// Each point here is the object the library's point form holds, field for field and in the same
// order (src/runchart/output.ts, src/spc/output.ts, src/spc/sequentialChart.ts).

export type ColumnarChart = RunChartColumnar | ControlChartColumnar;

const orNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

/** Point i of a columnar run chart, as `runChart` (point form) makes it. */
function runPoint(c: RunChartColumnar["columns"], i: number): RunChartPoint {
  const y = c.y[i]!;
  const centre = c.centre[i]!;
  const point: RunChartPoint = {
    index: i,
    x: c.x[i] as XValue,
    y: Number.isNaN(y) ? null : y,
    centre: Number.isNaN(centre) ? null : centre,
    phase: c.phase[i]!,
    baseline: c.baseline[i] === 1,
    excluded: c.excluded[i] === 1,
    useful: c.useful[i] === 1,
    signals: runRulesOf(c.signals[i]!),
  };
  if (c.note !== undefined) point.note = c.note[i];
  return point;
}

/** Point i of a columnar control chart, as `controlChart` (point form) makes it. */
function controlPoint(c: ControlChartColumnar["columns"], i: number): ControlChartPoint {
  const point: ControlChartPoint = {
    index: i,
    x: c.x[i] as XValue,
    y: orNull(c.y[i]!),
    value: c.value === null ? null : orNull(c.value[i]!),
    n: c.n === null ? null : orNull(c.n[i]!),
    centre: orNull(c.centre[i]!),
    ucl: orNull(c.ucl[i]!),
    lcl: orNull(c.lcl[i]!),
    ucl2: orNull(c.ucl2[i]!),
    lcl2: orNull(c.lcl2[i]!),
    phase: c.phase[i]!,
    baseline: c.baseline[i] === 1,
    excluded: c.excluded[i] === 1,
    useful: c.useful[i] === 1,
    signals: controlRulesOf(c.signals[i]!),
    variation: c.variation === null ? null : c.variation[i]!,
    label: c.label === null ? null : c.label[i]!,
  };
  if (c.upper !== undefined) {
    point.upper = orNull(c.upper[i]!);
    point.lower = orNull(c.lower![i]!);
  }
  if (c.note !== undefined) point.note = c.note[i];
  return point;
}

/** Point i of a columnar chart. */
export function pointAt(chart: ColumnarChart, i: number): RunChartPoint | ControlChartPoint {
  return "type" in chart ? controlPoint(chart.columns, i) : runPoint(chart.columns, i);
}

/** The chart in point form (for the SVG renderer), its keys in the library's order. */
export function pointForm(chart: RunChartColumnar): RunChart;
export function pointForm(chart: ControlChartColumnar): ControlChart;
export function pointForm(chart: ColumnarChart): RunChart | ControlChart {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(chart)) {
    if (k !== "columns") out[k] = v;
    else out.points = Array.from({ length: chart.columns.length }, (_, i) => pointAt(chart, i));
  }
  return out as unknown as RunChart | ControlChart;
}

/** Points are stringified this many at a time. */
const BATCH = 2000;

/** `"points": [...]` of a columnar chart as jsonChunks writes a points array: point by point. */
function* pointsJson(chart: ColumnarChart, indent: string): Generator<string> {
  const inner = `${indent}  `;
  const n = chart.columns.length;
  let buf = "[\n";
  for (let i = 0; i < n; i++) {
    buf += `${inner}${JSON.stringify(pointAt(chart, i), null, 2).replace(/\n/g, `\n${inner}`)}${i < n - 1 ? ",\n" : "\n"}`;
    if (i % BATCH === BATCH - 1) {
      yield buf;
      buf = "";
    }
  }
  yield `${buf}${indent}]`;
}

/**
 * `JSON.stringify(pointForm(chart), null, 2)` in chunks, character for character, without the
 * points all in memory at once (a chart of 10⁷ points would take gigabytes as objects).
 */
export function* chartJson(chart: ColumnarChart, indent = ""): Generator<string> {
  const inner = `${indent}  `;
  const keys = Object.keys(chart).filter((k) => (chart as unknown as Record<string, unknown>)[k] !== undefined);
  yield "{\n";
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    yield `${inner}${JSON.stringify(k === "columns" ? "points" : k)}: `;
    if (k === "columns") yield* pointsJson(chart, inner);
    else yield* jsonChunks((chart as unknown as Record<string, unknown>)[k], inner);
    yield i < keys.length - 1 ? ",\n" : "\n";
  }
  yield `${indent}}`;
}

/** The JSON of `analyse`: one chart, or with `--by` an array of `{ key, chart }`. */
export function* analysisJson(results: readonly { key: string; chart: ColumnarChart }[], grouped: boolean): Generator<string> {
  if (!grouped) {
    yield* chartJson(results[0]!.chart);
    return;
  }
  yield "[\n";
  for (let i = 0; i < results.length; i++) {
    yield `  {\n    "key": ${JSON.stringify(results[i]!.key)},\n    "chart": `;
    yield* chartJson(results[i]!.chart, "    ");
    yield `\n  }${i < results.length - 1 ? "," : ""}\n`;
  }
  yield "]";
}
