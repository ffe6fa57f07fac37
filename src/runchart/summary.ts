import { formatNumber } from "../engine/messages.js";
import { assertRunChartOrColumns } from "./guards.js";
import type { RunChart, RunChartColumnar } from "./types.js";

/**
 * A plain-text summary of a run chart for a terminal, an email or a screen reader: each phase's
 * centre and runs verdict, then every signal's message, then the warnings.
 *
 * Takes a result in point form or in columns (`output: "columns"`: the summary reads no point, so
 * a chart of millions of points needs no point objects). Throws `invalid-value` (path
 * `["chart", …]`) for anything that is not a runChart() result.
 *
 * @example
 * console.log(summariseRunChart(runChart([5, 6, 5, 7, 6, 5, 6, 2, 1, 2, 1, 2, 1])));
 * // Phase 1 (points 1–13): median 5, 10 useful observations, 2 runs (limits 3–9); non-random variation.
 * // - Too few runs: 2 runs in 10 useful observations, where chance alone gives at least 3: …
 * // - 6 points below the median from point 8 to point 13: a shift.
 */
export function summariseRunChart(chart: RunChart | RunChartColumnar): string {
  assertRunChartOrColumns(chart);
  return runChartText(chart);
}

/** @internal {@link summariseRunChart} of a chart already checked (the renderer checks once). */
export function runChartText(chart: Omit<RunChart, "points">): string {
  const lines: string[] = [];
  const centreName = chart.phases.length > 0 && chart.phases.every((p) => p.baselineStart !== null) ? "median" : "centre";
  chart.phases.forEach((p, k) => {
    const head = `Phase ${k + 1} (points ${p.start + 1}–${p.end + 1}${p.origin === "rephase" ? ", re-phased after a sustained run" : ""})`;
    if (p.centre === null) {
      lines.push(`${head}: no values.`);
      return;
    }
    const parts = [`${centreName} ${formatNumber(p.centre)}`, `${p.nUseful} useful observation${p.nUseful === 1 ? "" : "s"}`];
    if (chart.settings.rules.runs !== false) parts.push(`${p.runs} run${p.runs === 1 ? "" : "s"}${p.runsLimits ? ` (limits ${p.runsLimits.lower}–${p.runsLimits.upper})` : ""}`);
    if (chart.settings.rules.longRun !== false || chart.settings.rules.crossings !== false) {
      parts.push(`longest run ${p.longestRun}${p.longestRunMax !== null ? ` (max ${p.longestRunMax})` : ""}`, `${p.crossings} crossings${p.crossingsMin !== null ? ` (min ${p.crossingsMin})` : ""}`);
    }
    const runsSignal = p.runsSignal ?? p.signal; // a chart saved before 0.2 has only `signal`
    const verdict = runsSignal === null ? "too few data for a runs verdict" : runsSignal ? "non-random variation" : "no runs signal";
    lines.push(`${head}: ${parts.join(", ")}; ${verdict}.`);
  });
  // "Consistent with chance" is a verdict: only phases with enough data give one.
  const verdicts = chart.phases.filter((p) => p.centre !== null && (p.runsSignal ?? p.signal) !== null).length;
  const withValues = chart.phases.filter((p) => p.centre !== null).length;
  if (chart.signals.length === 0) {
    if (verdicts === 0) lines.push("No signals found, but there are too few data to tell a change from chance.");
    else if (verdicts < withValues) lines.push("No signals: where there are enough data, the variation is consistent with chance.");
    else lines.push("No signals: the variation is consistent with chance.");
  }
  else for (const s of chart.signals) lines.push(`- ${s.message}`);
  for (const w of chart.warnings) lines.push(`Note: ${w.message}`);
  return lines.join("\n");
}
