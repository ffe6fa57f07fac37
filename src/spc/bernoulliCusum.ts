import { valueof, type Accessor } from "../_lib/accessor.js";
import { QiError, describeValue, type QiIssue } from "../_lib/error.js";
import { checkKeys, numberOption, objectOption } from "../_lib/options.js";

/** The {@link bernoulliCusum} options. */
export interface BernoulliCusumOptions<T = unknown> {
  /** The outcome of each row, 0 or 1 (a field name or accessor); the rows themselves when they are numbers. */
  y?: Accessor<T, unknown>;
  /**
   * The baseline risk p₀, as qicharts2's `bchart(target)`: a number below 1 is the risk itself; a
   * whole number N ≥ 1 means the mean of the first N outcomes; omitted, the mean of all outcomes.
   */
  target?: number;
  /** The odds ratio to detect, > 1: p₁ has the odds of p₀ times it, p₂ divided by it. Default 2 (qicharts2). */
  oddsRatio?: number;
  /** The decision limit h of both sums (> 0). Default 3.5 (qicharts2). */
  limit?: number;
}

/** One case of a Bernoulli CUSUM. */
export interface BernoulliCusumPoint {
  index: number;
  outcome: 0 | 1;
  /** The upper sum (detecting a rise to p₁) after this case; 0 after a signal. */
  upper: number;
  /** The lower sum (detecting a fall to p₂, ≤ 0) after this case; 0 after a signal. */
  lower: number;
  /** This case took the upper sum to the limit or beyond. */
  upperSignal: boolean;
  /** This case took the lower sum to −limit or beyond. */
  lowerSignal: boolean;
}

/** A signal of a Bernoulli CUSUM. */
export interface BernoulliCusumSignal {
  index: number;
  side: "upper" | "lower";
  message: string;
}

/** The result of {@link bernoulliCusum}: plain, JSON-serialisable data. */
export interface BernoulliCusum {
  p0: number;
  p1: number;
  p2: number;
  /** Log-likelihood-ratio scores of the upper sum, [for an outcome 0, for an outcome 1]. */
  upperScores: [number, number];
  /** Log-likelihood-ratio scores of the lower sum, [for 0, for 1]. */
  lowerScores: [number, number];
  limit: number;
  points: BernoulliCusumPoint[];
  signals: BernoulliCusumSignal[];
  settings: { target: number | null; baseline: "risk" | "first" | "all"; oddsRatio: number };
}

const KEYS = ["y", "target", "oddsRatio", "limit"] as const;

/**
 * Bernoulli CUSUM of case-by-case outcomes (each child within target or not), as qicharts2 0.8's
 * `bchart()` (Neuburger et al. 2017, BMJ Qual Saf 26:e1–e9 on the Bernoulli CUSUM; Steiner et al.
 * 2000 on likelihood-ratio scores). With odds(p) = p/(1 − p), p₁ and p₂ have the odds of p₀ times
 * and divided by `oddsRatio`. Scores: upper W = log((1 − p₁)/(1 − p₀)) for a 0 and log(p₁/p₀)
 * for a 1; lower likewise with p₂. Upper sum u = Cᵢ₋₁ + W: a signal when u ≥ limit, and
 * Cᵢ = u while 0 < u ≤ limit, else 0 (so the sum restarts after a signal). Lower sum
 * l = Dᵢ₋₁ − W₂: a signal when l ≤ −limit, Dᵢ = l while −limit ≤ l < 0, else 0.
 *
 * @throws {QiError} `empty-data`, `invalid-value` (an outcome not 0 or 1, path `["data", i]`),
 *   `invalid-option` (target, oddsRatio, limit), `unknown-option`.
 *
 * @example
 * const r = bernoulliCusum([0, 1, 0, 0, 1, 1, 1, 1, 1, 1], { target: 0.2, limit: 2 });
 * r.signals.map((s) => s.index) //=> [7]
 */
export function bernoulliCusum<T>(data: readonly T[], options: BernoulliCusumOptions<T> = {}): BernoulliCusum {
  const o = objectOption(options, ["options"]);
  checkKeys(o, KEYS, ["options"], "option");
  if (!Array.isArray(data)) throw new QiError("invalid-value", ["data"], `data must be an array of outcomes (0 or 1), not ${describeValue(data)}`);
  if (data.length === 0) throw new QiError("empty-data", ["data"], "bernoulliCusum needs at least one outcome");
  const x = readOutcomes(data, options.y);
  const oddsRatio = options.oddsRatio === undefined ? 2 : numberOption(options.oddsRatio, ["options", "oddsRatio"], (v) => v > 1, "an odds ratio above 1");
  const limit = options.limit === undefined ? 3.5 : numberOption(options.limit, ["options", "limit"], (v) => v > 0, "a positive decision limit");
  const { p0, baseline } = baselineRisk(x, options.target);
  const odds = p0 / (1 - p0);
  const p1 = (odds * oddsRatio) / (1 + odds * oddsRatio);
  const p2 = odds / oddsRatio / (1 + odds / oddsRatio);
  const up: [number, number] = [Math.log((1 - p1) / (1 - p0)), Math.log(p1 / p0)];
  const down: [number, number] = [Math.log((1 - p2) / (1 - p0)), Math.log(p2 / p0)];
  const points: BernoulliCusumPoint[] = new Array(x.length);
  const signals: BernoulliCusumSignal[] = [];
  let c = 0;
  let d = 0;
  for (let i = 0; i < x.length; i++) {
    const y = x[i]!;
    const u = c + up[y];
    const l = d - down[y];
    const upperSignal = u >= limit;
    const lowerSignal = l <= -limit;
    c = u > 0 && u <= limit ? u : 0;
    d = l >= -limit && l < 0 ? l : 0;
    points[i] = { index: i, outcome: y, upper: c, lower: d, upperSignal, lowerSignal };
    if (upperSignal) signals.push({ index: i, side: "upper", message: `Case ${i + 1}: the upper CUSUM reached ${round(u)} ≥ ${round(limit)}: the rate of outcomes looks higher than ${round(p0)}, nearer ${round(p1)}.` });
    if (lowerSignal) signals.push({ index: i, side: "lower", message: `Case ${i + 1}: the lower CUSUM reached ${round(l)} ≤ ${round(-limit)}: the rate of outcomes looks lower than ${round(p0)}, nearer ${round(p2)}.` });
  }
  return { p0, p1, p2, upperScores: up, lowerScores: down, limit, points, signals, settings: { target: options.target ?? null, baseline, oddsRatio } };
}

function round(v: number): string {
  return String(Math.round(v * 1000) / 1000);
}

/** The outcomes as 0/1, every bad one reported (QiError issues with their paths). */
function readOutcomes<T>(data: readonly T[], y: Accessor<T, unknown> | undefined): (0 | 1)[] {
  const read = y === undefined ? (d: T) => d as unknown : valueof(y, "y");
  const out: (0 | 1)[] = new Array(data.length);
  const issues: QiIssue[] = [];
  for (let i = 0; i < data.length; i++) {
    const v = read(data[i]!, i, data);
    if (v === 0 || v === 1) out[i] = v;
    else if (v === true || v === false) out[i] = v ? 1 : 0;
    else if (issues.length < 100) issues.push({ code: "invalid-value", path: y === undefined || typeof y === "function" ? ["data", i] : ["data", i, y], message: `outcome ${i} must be 0 or 1, not ${describeValue(v)}` });
  }
  if (issues.length > 0) {
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
    throw new QiError("invalid-value", issues[0]!.path, `${issues[0]!.message}${more}`, issues);
  }
  return out;
}

/** p₀ from `target` as qicharts2: a risk below 1, a count of first cases, or all cases. */
function baselineRisk(x: readonly (0 | 1)[], target: unknown): { p0: number; baseline: "risk" | "first" | "all" } {
  let p0: number;
  let baseline: "risk" | "first" | "all";
  if (target === undefined) {
    p0 = mean(x, x.length);
    baseline = "all";
  } else {
    const t = numberOption(target, ["options", "target"], (v) => v > 0 && (v < 1 || Number.isInteger(v)), "a baseline risk between 0 and 1, or a whole number of first cases");
    if (t < 1) {
      p0 = t;
      baseline = "risk";
    } else {
      if (t > x.length) throw new QiError("out-of-range", ["options", "target"], `target asks for the first ${t} cases but there are ${x.length}`);
      p0 = mean(x, t);
      baseline = "first";
    }
  }
  if (!(p0 > 0 && p0 < 1)) {
    throw new QiError("invalid-value", baseline === "all" ? ["data"] : ["options", "target"], `the baseline risk is ${p0}: a Bernoulli CUSUM needs some outcomes of each kind in its baseline (0 < p₀ < 1)`);
  }
  return { p0, baseline };
}

function mean(x: readonly (0 | 1)[], n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += x[i]!;
  return s / n;
}
