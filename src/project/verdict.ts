import { rephaseMove } from "../engine/messages.js";
import { toDayNumber } from "../_lib/calendar.js";
import { QiError, describeValue } from "../_lib/error.js";
import { currentPhaseTooShort, tooFewPointsText } from "../spc/tooFew.js";

/**
 * The least of a chart analysis the roll-up needs: its signals (each with the rule, the
 * assessment against the measure's direction, a plain-English message and where it ends) and,
 * optionally, its phases (`signal: null` when a phase had too little data for the rules).
 * `runChart()` and `controlChart()` results fit this shape.
 */
export interface ChartLike {
  signals: readonly SignalLike[];
  /** `signal`: a run chart's runs verdict; `nObs` and `centre`: a control chart's points and centre line. */
  phases?: readonly { signal?: boolean | null; nObs?: number; centre?: number | null; origin?: string }[];
  /** A control chart's type (`controlChart()` results have it): its phases' `nObs` are then read. */
  type?: string;
  /** The direction of improvement (`runChart()` results have it): says which way a re-phase (`origin: "rephase"`) went. */
  settings?: { direction?: string };
}

/** One signal of a {@link ChartLike}. `end` is the x (date or number) or index where it ends. */
export interface SignalLike {
  rule: string;
  assessment: "improvement" | "deterioration" | "neutral";
  message: string;
  end: unknown;
  /** Where it starts (x or index), when known: on the same end, the longer pattern is the verdict. */
  start?: unknown;
  phase?: number;
}

/** What a measure's chart says now. */
export type VerdictKind = "improvement" | "deterioration" | "signal" | "no-signal" | "insufficient-data" | "not-analysed" | "error";

/** A chart verdict in words, with the rule of the signal it rests on. */
export interface Verdict {
  kind: VerdictKind;
  /** e.g. "improvement signal: 7 points above the median", "no signal", "insufficient data". */
  text: string;
  /** Rule of the latest signal in the current phase, or null. */
  rule: string | null;
  /** Number of signals in the current phase. */
  signals: number;
}

/**
 * Summarise a chart analysis as a verdict. Only the current (last) phase counts: when `phases`
 * is given, signals whose `phase` is not the last index are ignored (a signal that led to a new
 * phase has already been acted on). Among the current signals the latest (largest `end`; dates
 * compared as calendar days) that says which way things moved (assessment improvement or
 * deterioration) decides the kind (on the same end, the one that started earlier: a sustained
 * pattern rather than its last point) — a whole-phase verdict such as too few runs only says that
 * something changed, so it decides only when no signal has a direction; others are mentioned. With no current signal the
 * verdict is "insufficient data" when the last phase has `signal: null`, or when the chart is a
 * control chart (`type` given) whose last phase has a centre and fewer than 12 points (`nObs`:
 * "no signal, but the chart has only 9 points: too few to call the variation common cause (limits
 * need at least 12; Provost & Murray 2011)"), else "no signal".
 *
 * @example
 * summariseVerdict({ signals: [{ rule: "shift", assessment: "improvement", message: "7 points above the median", end: "2025-06-01" }] })
 * //=> { kind: "improvement", text: "improvement signal: 7 points above the median", rule: "shift", signals: 1 }
 */
export function summariseVerdict(chart: ChartLike): Verdict {
  checkChart(chart);
  const phases = chart.phases;
  const current = phases !== undefined && phases.length > 0 ? phases.length - 1 : undefined;
  const signals = chart.signals.filter((s) => current === undefined || s.phase === undefined || s.phase === current);
  if (signals.length === 0) {
    const rephased = rephaseVerdict(chart);
    if (rephased !== null) return rephased;
    const last: unknown = phases?.[phases.length - 1];
    if (last !== null && typeof last === "object" && (last as { signal?: unknown }).signal === null) return { kind: "insufficient-data", text: "insufficient data", rule: null, signals: 0 };
    // A control chart's current phase with fewer points than trial limits need (spc/tooFew.ts
    // currentPhaseTooShort: Provost & Murray 2011): no signal there is not evidence of common
    // cause. The chart's drawn variation icon asks the same function.
    const short = typeof chart.type === "string" && phases !== undefined && phases.length > 0 ? currentPhaseTooShort({ signals: chart.signals, phases: (phases as readonly unknown[]).map((p) => (p !== null && typeof p === "object" ? (p as { nObs?: unknown; centre?: unknown }) : {})) }) : null;
    if (short !== null) return { kind: "insufficient-data", text: tooFewPointsText(short.points, phases!.length > 1), rule: null, signals: 0 };
    return { kind: "no-signal", text: "no signal", rule: null, signals: 0 };
  }
  const directed = signals.filter((s) => s.assessment !== "neutral");
  const candidates = directed.length > 0 ? directed : signals;
  let latest = candidates[0]!;
  let latestKey = endKey(latest.end);
  for (let i = 1; i < candidates.length; i++) {
    const c = candidates[i]!;
    const k = endKey(c.end);
    // Later wins; incomparable ends fall back to array order. On the same end the longer pattern
    // (earlier start) wins — a shift over a single astronomical point at its last month — and
    // then array order.
    const later = Number.isNaN(k) || Number.isNaN(latestKey) || k > latestKey;
    const sameEnd = k === latestKey;
    const cs = startKey(c);
    const ls = startKey(latest);
    if (later || (sameEnd && (Number.isNaN(cs) || Number.isNaN(ls) || cs <= ls))) {
      latest = c;
      latestKey = k;
    }
  }
  const kind: VerdictKind = latest.assessment === "neutral" ? "signal" : latest.assessment;
  const lead = kind === "signal" ? "signal" : `${kind} signal`;
  const others = signals.length - 1;
  const tail = others > 0 ? ` (and ${others} other signal${others === 1 ? "" : "s"} in this phase: ${otherKinds(signals, latest)})` : "";
  const text = typeof latest.message === "string" ? latest.message : describeValue(latest.message);
  const message = tail === "" ? text : text.replace(/\.$/, "");
  return { kind, text: `${lead}: ${message}${tail}`, rule: latest.rule, signals: signals.length };
}

/**
 * The verdict of a run chart whose current phase `rephase` started (`origin: "rephase"`): a
 * sustained run on one side of the previous median moved the centre (the runcharter method:
 * Provost & Murray 2011 re-phase after a shift), so its new points sit around their own median
 * and signal nothing. The move is the signal: an improvement or deterioration by the measure's
 * direction (`settings.direction`), rule "rephase" (session 13 user trial: a re-phased
 * improvement read "no signal: common cause"). Null for any other chart.
 */
function rephaseVerdict(chart: ChartLike): Verdict | null {
  const phases = chart.phases;
  if (phases === undefined || phases.length < 2) return null;
  const last = phases[phases.length - 1] as { origin?: unknown; centre?: unknown };
  const before = phases[phases.length - 2] as { centre?: unknown };
  if (last?.origin !== "rephase" || typeof last.centre !== "number" || typeof before?.centre !== "number" || last.centre === before.centre) return null;
  const move = rephaseMove(before.centre, last.centre, chart.settings?.direction);
  const kind: VerdictKind = move.assessment === "neutral" ? "signal" : move.assessment;
  const lead = kind === "signal" ? "signal" : `${kind} signal`;
  return { kind, text: `${lead}: re-phased after ${move.text}`, rule: "rephase", signals: 0 };
}

/** Any JSON-like object will do, but `signals` must be an array of objects (each with a known `assessment` and a string `rule`) and `phases`, if given, an array. */
function checkChart(chart: unknown): asserts chart is ChartLike {
  if (chart === null || typeof chart !== "object") throw new QiError("invalid-value", ["chart"], `chart must be a runChart() or controlChart() result (or { signals, phases }), not ${describeValue(chart)}`);
  const { signals, phases } = chart as { signals?: unknown; phases?: unknown };
  if (!Array.isArray(signals)) throw new QiError("invalid-value", ["chart", "signals"], `chart.signals must be an array, not ${describeValue(signals)}`);
  signals.forEach((s: unknown, i) => {
    if (s === null || typeof s !== "object") throw new QiError("invalid-value", ["chart", "signals", i], `a signal must be an object, not ${describeValue(s)}`);
    const { assessment, rule } = s as { assessment?: unknown; rule?: unknown };
    if (assessment !== "improvement" && assessment !== "deterioration" && assessment !== "neutral") {
      throw new QiError("invalid-value", ["chart", "signals", i, "assessment"], `a signal's assessment must be "improvement", "deterioration" or "neutral", not ${describeValue(assessment)}`);
    }
    if (typeof rule !== "string") throw new QiError("invalid-value", ["chart", "signals", i, "rule"], `a signal's rule must be a string, not ${describeValue(rule)}`);
  });
  if (phases !== undefined && !Array.isArray(phases)) throw new QiError("invalid-value", ["chart", "phases"], `chart.phases must be an array, not ${describeValue(phases)}`);
}

/** Where a signal starts (index or date), NaN when it does not say. */
function startKey(s: SignalLike): number {
  const start = (s as { start?: unknown }).start;
  return start === undefined ? Number.NaN : endKey(start);
}

function endKey(end: unknown): number {
  if (typeof end === "number") return end;
  return toDayNumber(end);
}

/** A rule as words, with its plural (null: no count is shown, e.g. "too few runs"). */
const RULE_WORDS: Record<string, [string, string] | [string, null]> = {
  shift: ["shift", "shifts"],
  trend: ["trend", "trends"],
  astronomical: ["astronomical point", "astronomical points"],
  "long-run": ["long run", "long runs"],
  "beyond-limits": ["point beyond the limits", "points beyond the limits"],
  "two-of-three": ["2 of 3 beyond 2 sigma", null],
  "four-of-five": ["4 of 5 beyond 1 sigma", null],
  "inner-third": ["run in the inner third", "runs in the inner third"],
  alternating: ["alternating run", "alternating runs"],
  mixture: ["mixture", "mixtures"],
  "too-few-runs": ["too few runs", null],
  "too-many-runs": ["too many runs", null],
  "few-crossings": ["too few crossings", null],
};

/** "13 astronomical points, 1 trend": the other signals of the phase by rule, in rule order of first appearance. */
function otherKinds(signals: readonly SignalLike[], latest: SignalLike): string {
  const counts = new Map<string, number>();
  for (const s of signals) if (s !== latest) counts.set(s.rule, (counts.get(s.rule) ?? 0) + 1);
  return [...counts]
    .map(([rule, n]) => {
      const w = Object.prototype.hasOwnProperty.call(RULE_WORDS, rule) ? RULE_WORDS[rule]! : ([rule.replace(/-/g, " "), null] as [string, null]);
      if (w[1] === null) return n === 1 ? w[0] : `${w[0]} (${n})`;
      return `${n} ${n === 1 ? w[0] : w[1]}`;
    })
    .join(", ");
}
