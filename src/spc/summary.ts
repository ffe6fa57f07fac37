import { formatNumber } from "../engine/messages.js";
import { limitsVaryBy } from "./limitsVaryBy.js";
import { assertControlChartOrColumns } from "./guards.js";
import { mdcIconWords } from "./mdcText.js";
import { centreNameOf } from "./centreName.js";
import { TRIAL_LIMIT_POINTS, shortPhases } from "./tooFew.js";
import type { ControlChart, ControlChartColumnar, ControlChartType } from "./types.js";

/** @internal Names of the control chart types for people. */
export const CONTROL_CHART_NAMES: Record<ControlChartType, string> = {
  i: "I chart (individuals)",
  mr: "MR chart (moving ranges)",
  xbar: "X-bar chart (subgroup means)",
  s: "S chart (subgroup standard deviations)",
  p: "P chart (proportions)",
  pp: "P′ chart (Laney)",
  u: "U chart (rates)",
  up: "U′ chart (Laney)",
  c: "C chart (counts)",
  g: "G chart (cases between events)",
  t: "T chart (time between events)",
  r: "R chart (subgroup ranges)",
  np: "NP chart (number of cases)",
  ip: "I′ chart (Laney)",
  "i-median": "I chart around the median",
  "i-median-mr": "I chart around the median (median moving range)",
  cusum: "CUSUM chart",
  ewma: "EWMA chart",
};

/**
 * A plain-text summary of a control chart for a screen reader, a terminal or an email, in the
 * manner of {@link summariseRunChart}: the chart type, each phase's centre and control limits
 * (their range over the phase when denominators vary) and the points beyond them, then every
 * signal's message, then the warnings.
 *
 * Takes a result in point form or in columns (`output: "columns"`: the limits are read from their
 * columns, so a chart of millions of points needs no point objects). Throws `invalid-value` (path
 * `["chart", …]`) for anything that is not a controlChart() result.
 *
 * @example
 * summariseControlChart(controlChart([5, 6, 5, 7, 6, 5, 6, 5, 6, 30]))
 * //=> "I chart (individuals).\nPhase 1 (points 1–10): mean 8.1, control limits …"
 */
export function summariseControlChart(chart: ControlChart | ControlChartColumnar): string {
  assertControlChartOrColumns(chart);
  return controlChartText(chart);
}

/** @internal {@link summariseControlChart} of a chart already checked (the renderer checks once). */
export function controlChartText(chart: ControlChart | ControlChartColumnar): string {
  const lines: string[] = [`${CONTROL_CHART_NAMES[chart.type] ?? `${chart.type} chart`}.`];
  const centreName = centreNameOf(chart.type);
  // NHS Making Data Count calls the limits process limits (UPL, LPL).
  const mdc = chart.settings.rules?.preset === "mdc";
  const limitsName = mdc ? "process limits" : "control limits";
  chart.phases.forEach((p, k) => {
    const head = `Phase ${k + 1} (points ${p.start + 1}–${p.end + 1})`;
    if (p.centre === null) {
      lines.push(`${head}: no values.`);
      return;
    }
    const parts = [`${centreName} ${formatNumber(p.centre)}`];
    const lo = range(chart, p.start, p.end, "lcl");
    const hi = range(chart, p.start, p.end, "ucl");
    if (lo !== null || hi !== null) parts.push(limitsText(limitsName, lo, hi, chart.type, range(chart, p.start, p.end, "n")?.varies === true));
    const h = chart.type === "cusum" ? chart.settings.parameters?.decisionInterval : undefined;
    if (h !== undefined && h !== null) parts.push(`σ ${formatNumber(p.sigma ?? Number.NaN)}, decision interval ±${formatNumber(h)} standard errors`);
    const beyond = h !== undefined ? "beyond the decision interval" : "beyond the limits";
    parts.push(p.sigmaSignals === 0 ? `no points ${beyond}` : `${p.sigmaSignals} point${p.sigmaSignals === 1 ? "" : "s"} ${beyond}`);
    lines.push(`${head}: ${parts.join(", ")}.`);
  });
  if (mdc) {
    const words = mdcIconWords(chart);
    lines.push(words.variationText, words.assuranceText);
  }
  if (chart.signals.length === 0) lines.push(noSignalText(chart));
  else for (const s of chart.signals) lines.push(`- ${s.message}`);
  for (const w of chart.warnings) lines.push(`Note: ${w.message}`);
  return lines.join("\n");
}

/** "No signals: common-cause variation only.", unless a phase is too short to say so. */
function noSignalText(chart: ControlChart | ControlChartColumnar): string {
  // A phase without a centre analysed no point (every one excluded or without a value): no signal
  // there is no evidence of anything (a user trial's two partial years read "common-cause variation only").
  const empty = chart.phases.map((p, k) => ({ phase: k, points: 0, centre: p.centre })).filter((p) => p.centre === null);
  if (empty.length === chart.phases.length) return `No signals were looked for: no point was analysed (${chart.phases.length === 1 ? "every point is excluded or has no value" : "no phase has a point that is not excluded and has a value"}), so there are too few data to call the variation common cause only (insufficient data).`;
  const short = [...shortPhases(chart), ...empty].sort((a, b) => a.phase - b.phase);
  if (short.length === 0) return "No signals: common-cause variation only.";
  const which = chart.phases.length === 1 ? `the chart has only ${short[0]!.points} point${short[0]!.points === 1 ? "" : "s"}` : short.map((p) => `phase ${p.phase + 1} has ${p.points} point${p.points === 1 ? "" : "s"}`).join(", ");
  return `No signals, but ${which}: too few to call the variation common cause only (limits need at least ${TRIAL_LIMIT_POINTS} points, and are trial limits until about 20; Provost & Murray 2011).`;
}

/** The lower and upper limit (or the n) of a phase: "12.3" when constant, "10.1–14.2" when it varies, null when absent. */
function range(chart: ControlChart | ControlChartColumnar, start: number, end: number, field: "lcl" | "ucl" | "n"): Limit | null {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  const column = "columns" in chart ? chart.columns[field] : null;
  const points = "points" in chart ? chart.points : null;
  // A columnar chart without denominators or subgroups has no n column.
  if (column === null && points === null) return null;
  for (let i = start; i <= end; i++) {
    const v = column !== null ? column[i] : points![i]?.[field];
    if (v === null || v === undefined || !Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo > hi) return null;
  const a = formatNumber(lo);
  const b = formatNumber(hi);
  return a === b ? { text: a, varies: false } : { text: `${a}–${b}`, varies: true };
}

interface Limit {
  text: string;
  varies: boolean;
}

/**
 * "control limits 40.1 to 60.3"; when a limit varies over the phase, "control limits varying
 * with the denominators: lower 2.27–10.3, upper 52.2–60.3" (a user read "2.27–10.3 to
 * 52.2–60.3" as one garbled range), with what they vary with (limitsVaryWith).
 */
function limitsText(name: string, lo: Limit | null, hi: Limit | null, type: ControlChartType, sizesVary: boolean): string {
  const low = lo?.text ?? "none";
  const high = hi?.text ?? "none";
  if (lo?.varies !== true && hi?.varies !== true) return `${name} ${low} to ${high}`;
  return `${name} varying ${limitsVaryWith(type, sizesVary)}: lower ${low}, upper ${high}`;
}

/**
 * What a chart type's limits vary with inside a phase ({@link limitsVaryBy}): the denominators or
 * the subgroup sizes; time for an EWMA chart, and its subgroup sizes when they vary (σ/√nᵢ, qcc
 * 3.0). The others' limits are constant within a phase, so a varying limit there is a result
 * edited by hand: said neutrally.
 */
function limitsVaryWith(type: ControlChartType, sizesVary: boolean): string {
  const by = limitsVaryBy(type);
  if (by !== null) return `with the ${by}s`;
  if (type === "ewma") return `over time (the EWMA's limits widen from its start)${sizesVary ? " and with the subgroup sizes" : ""}`;
  return "over the phase";
}
