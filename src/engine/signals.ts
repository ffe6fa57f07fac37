import type { RuleMask } from "../_lib/ruleMask.js";
import type { AnhoejVerdict } from "./anhoejVerdict.js";
import { assess, crossingsMessage, longRunMessage, shiftMessage, trendMessage, type PointLabeller } from "./messages.js";
import type { RunsStats } from "./runs.js";
import type { ShiftFound } from "./shift.js";
import type { TrendFound } from "./trend.js";
import type { Direction, Signal } from "./types.js";

/**
 * Where one analysis collects its signals: the list the result returns, the rule bits of each
 * point (`points[i].signals`, `columns.signals`), and what the messages need — how points are
 * named, what the centre line is called, and which way is better.
 */
export interface SignalSink<R extends string> {
  readonly signals: Signal<R>[];
  readonly bits: Uint8Array | Uint16Array;
  readonly mask: RuleMask<R>;
  readonly label: PointLabeller;
  readonly centreName: string;
  readonly direction: Direction;
}

/** Set `rule`'s bit on each of `points`. */
export function markRule<R extends string>(sink: SignalSink<R>, rule: R, points: readonly number[]): void {
  const bit = sink.mask.bit(rule);
  const bits = sink.bits;
  for (const i of points) bits[i]! |= bit;
}

/** The shifts found in phase `phase` as signals (IHI rule 1; Perla, Provost & Murray 2011). */
export function pushShifts<R extends string>(sink: SignalSink<R | "shift">, phase: number, found: readonly ShiftFound[]): void {
  for (const s of found) {
    const a = assess(s.side, sink.direction);
    sink.signals.push({
      rule: "shift", phase, start: s.start, end: s.end, points: s.points, side: s.side === 1 ? "above" : "below", assessment: a,
      message: shiftMessage(sink.label, s.points.length, s.side, s.start, s.end, sink.centreName, a),
    });
    markRule(sink, "shift", s.points);
  }
}

/**
 * The trends found in phase `phase` as signals (IHI rule 2). `counted` (the points that count
 * toward the length) is part of a run chart's trend signals only.
 */
export function pushTrends<R extends string>(sink: SignalSink<R | "trend">, phase: number, found: readonly TrendFound[], counted: boolean): void {
  for (const t of found) {
    const a = assess(t.direction, sink.direction);
    const direction = t.direction === 1 ? "up" : "down";
    const message = trendMessage(sink.label, t.counted.length, t.direction, t.start, t.end, a);
    sink.signals.push(
      counted
        ? { rule: "trend", phase, start: t.start, end: t.end, points: t.points, counted: t.counted, direction, assessment: a, message }
        : { rule: "trend", phase, start: t.start, end: t.end, points: t.points, direction, assessment: a, message },
    );
    markRule(sink, "trend", t.points);
  }
}

/** Which of Anhøj's two rules give a verdict in a phase, and the limits they use. */
export interface AnhoejCheck {
  longRun: boolean;
  crossings: boolean;
  verdict: AnhoejVerdict;
  /** Words naming the limits in the long-run message: "Anhøj", or "Anhøj's best box". */
  source: string;
  /** The crossings message, when the crossings rule signals (run charts word the box variants their own way). */
  crossingsText?: string;
}

/**
 * Anhøj's longest-run and crossings rules over phase `start..end` (Anhøj & Olesen 2014; Anhøj
 * 2015; as qicharts2's runs analysis). Returns true when either signals. The long run's points
 * are its active points off the centre line.
 */
export function pushAnhoej<R extends string>(
  sink: SignalSink<R | "long-run" | "few-crossings">,
  phase: number,
  range: { start: number; end: number; centre: number },
  y: Float64Array,
  active: Uint8Array,
  stats: RunsStats,
  check: AnhoejCheck,
): boolean {
  let signal = false;
  const v = check.verdict;
  if (check.longRun && v.longRun) {
    signal = true;
    const side = stats.longestRunSide === -1 ? -1 : 1;
    const a = assess(side, sink.direction);
    const points = runPoints(y, active, stats.longestRunStart, stats.longestRunEnd, range.centre);
    sink.signals.push({
      rule: "long-run", phase, start: stats.longestRunStart, end: stats.longestRunEnd, points, side: side === 1 ? "above" : "below", assessment: a,
      message: longRunMessage(sink.label, stats.longestRun, v.box?.longestRunMax ?? v.longestRunMax, side, stats.longestRunStart, stats.longestRunEnd, sink.centreName, a, check.source),
    });
    markRule(sink, "long-run", points);
  }
  if (check.crossings && v.fewCrossings) {
    signal = true;
    sink.signals.push({
      rule: "few-crossings", phase, start: range.start, end: range.end, points: [], assessment: "neutral",
      message: check.crossingsText ?? crossingsMessage(stats.crossings, v.crossingsMin, stats.nUseful, sink.centreName),
    });
  }
  return signal;
}

/** The active points of `from..to` off the centre line. */
function runPoints(y: Float64Array, active: Uint8Array, from: number, to: number, centre: number): number[] {
  const points: number[] = [];
  for (let i = from; i <= to; i++) if (active[i] === 1 && y[i] !== centre) points.push(i);
  return points;
}

/** Signals in the order of the result: by phase, then first point, then last point. */
export function sortSignals(signals: Signal[]): void {
  signals.sort((a, b) => a.phase - b.phase || a.start - b.start || a.end - b.end);
}
