import { formatNumber, rephaseMove, verdict } from "../engine/messages.js";
import { ASTRONOMICAL_WORDS } from "./messages.js";
import { assertRunChartOrColumns } from "./guards.js";
import type { Signal } from "../engine/types.js";
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
  const rephases = rephaseLines(chart);
  const none = rephases.length === 0 ? "No signals" : "No signals within the phases";
  if (chart.signals.length === 0) {
    if (verdicts === 0) lines.push(`${none} found, but there are too few data to tell a change from chance.`);
    else if (verdicts < withValues) lines.push(`${none}: where there are enough data, the variation is consistent with chance.`);
    else lines.push(`${none}: the variation${rephases.length === 0 ? "" : " around each median"} is consistent with chance.`);
  }
  else for (const text of signalLines(chart.signals)) lines.push(`- ${text}`);
  for (const text of rephases) lines.push(`- ${text}`);
  for (const w of chart.warnings) lines.push(`Note: ${w.message}`);
  return lines.join("\n");
}


/**
 * A line for each phase `rephase` started: the sustained run that moved the median, which the new
 * phase's own rules no longer see (its points sit around their own median). Said beside the
 * signals so "consistent with chance" is never the whole story of a re-phased chart (session 13
 * user trial); summariseVerdict gives the same move as the verdict.
 */
function rephaseLines(chart: Omit<RunChart, "points">): string[] {
  const lines: string[] = [];
  chart.phases.forEach((p, k) => {
    const before = chart.phases[k - 1];
    if (p.origin !== "rephase" || before === undefined || p.centre === null || before.centre === null || p.centre === before.centre) return;
    const move = rephaseMove(before.centre, p.centre, chart.settings.direction);
    lines.push(`Re-phased from point ${p.start + 1}: ${move.text}${verdict(move.assessment)}.`);
  });
  return lines;
}

/**
 * Each signal's message, with the astronomical points of a phase that share a side and a limit
 * written as one line ("15 astronomical points, below 118.6, Tukey's far-out fence …: Sep 2023
 * (113.5), …"), at the first one's place. After a change of level every later point can lie past
 * a fence set on the baseline: one line each (the README's example had 15) buried the shift they
 * belong to, which the line then names. An astronomical point is a single value unlike the rest
 * (Perla, Provost & Murray 2011, rule 4); the signals themselves are unchanged.
 */
function signalLines(signals: readonly Signal[]): string[] {
  const groups = new Map<string, Signal[]>();
  for (const s of signals) {
    const at = s.rule === "astronomical" ? s.message.indexOf(ASTRONOMICAL_WORDS) : -1;
    if (at < 0) continue;
    const key = `${s.phase} ${s.message.slice(at)}`;
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [s]);
    else group.push(s);
  }
  // Each group of two or more is one line, written after the shift that holds most of its points
  // (else at its first point's place).
  const grouped = new Set<Signal>();
  const after = new Map<Signal, string[]>();
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    for (const g of group) grouped.add(g);
    const shift = holdingShift(group, signals);
    const anchor = shift ?? group[0]!;
    after.set(anchor, [...(after.get(anchor) ?? []), astronomicalLine(group, shift)]);
  }
  const lines: string[] = [];
  for (const s of signals) {
    if (!grouped.has(s)) lines.push(s.message);
    lines.push(...(after.get(s) ?? []));
  }
  return lines;
}

/** The shift of the group's phase and side that holds at least half of its points (the most), if any. */
function holdingShift(group: readonly Signal[], signals: readonly Signal[]): Signal | undefined {
  const held = (shift: Signal) => group.filter((g) => g.start >= shift.start && g.end <= shift.end).length;
  let best: Signal | undefined;
  for (const t of signals) if (t.rule === "shift" && t.phase === group[0]!.phase && t.side === group[0]!.side && held(t) > (best === undefined ? 0 : held(best))) best = t;
  return best !== undefined && held(best) * 2 >= group.length ? best : undefined;
}

/** One line for astronomical points sharing a phase, side and limit; names the shift that holds most of them. */
function astronomicalLine(group: readonly Signal[], shift: Signal | undefined): string {
  const first = group[0]!.message;
  const tail = first.slice(first.indexOf(ASTRONOMICAL_WORDS) + ASTRONOMICAL_WORDS.length).replace(/\.$/, "");
  const points = group.map((g) => g.message.slice(0, g.message.indexOf(ASTRONOMICAL_WORDS))).join(", ");
  const line = `${group.length} astronomical points, ${tail}: ${points}.`;
  if (shift === undefined) return line;
  const held = group.filter((g) => g.start >= shift.start && g.end <= shift.end).length;
  const which = held === group.length ? (held === 2 ? "Both are" : "All are") : `${held} of them are`;
  // "in the shift of 16 points below the median …": not "in the shift above (…)", which a board
  // read as a shift above the median when the shift was below it (user trial 16).
  return `${line} ${which} in the shift of ${shift.message.replace(/: .*$/, "").replace(/\.$/, "")}: a new level rather than single unusual values.`;
}
