import { field, valueof, type Accessor } from "../_lib/accessor.js";
import { QiError, describeValue } from "../_lib/error.js";
import { checkKeys, objectOption } from "../_lib/options.js";
import { KAPLAN_MEIER_KEYS } from "./_optionKeys.js";

/** The {@link kaplanMeier} options. */
export interface KaplanMeierOptions<T = any> {
  /** Time to the milestone or to censoring (a number ≥ 0 or any finite number). Default `"days"`. */
  time?: Accessor<T> | string;
  /**
   * True/1 when the milestone was reached, false/0 when the row is censored (still open).
   * Default `d => !d.censored` (the rows of {@link stageDurations}).
   */
  event?: Accessor<T> | string;
  /** Normal quantile for the interval. Default 1.959963984540054 = qnorm(0.975), a 95 % interval. */
  z?: number;
}

/** The estimate at one event time. */
export interface KaplanMeierStep {
  time: number;
  /** Number still waiting (time ≥ this time). */
  nRisk: number;
  /** Number reaching the milestone at this time. */
  nEvent: number;
  /** Number censored at this time (still at risk here). */
  nCensor: number;
  /** Proportion still waiting just after this time (the product-limit estimate). */
  survival: number;
  /** Greenwood standard error of log(survival); Infinity once survival is 0. */
  stdErr: number;
  /** Lower and upper limits of the interval (log scale); null where survival is 0. */
  lower: number | null;
  upper: number | null;
}

/** The result of {@link kaplanMeier}. */
export interface KaplanMeier {
  n: number;
  events: number;
  steps: KaplanMeierStep[];
  /** Median time to the milestone, or null when the curve does not fall to 0.5. */
  median: number | null;
  /** Where the lower limit falls to 0.5, or null. */
  medianLower: number | null;
  /** Where the upper limit falls to 0.5, or null (often: too few events). */
  medianUpper: number | null;
}

/** R's `sqrt(.Machine$double.eps)`, the tolerance survival uses for "exactly 0.5". */
const TOL = Math.sqrt(Number.EPSILON);

function isEvent(v: unknown, path: (string | number)[]): boolean {
  if (v === true || v === 1) return true;
  if (v === false || v === 0) return false;
  throw new QiError("invalid-value", path, `event must be true/false or 1/0, not ${describeValue(v)}`);
}

/**
 * Kaplan–Meier product-limit estimate of the time to a milestone when some cases are still
 * open (right-censored), with Greenwood's variance and a 95 % interval on the log scale, as R's
 * `survival::survfit(Surv(time, event) ~ 1)` with its default `conf.type = "log"` (Kaplan &
 * Meier 1958, JASA 53:457–481; Greenwood 1926; Therneau, survival 3.5-3):
 *   S(t) = ∏_{tᵢ ≤ t} (1 − dᵢ/nᵢ),  se(log S) = √Σ dᵢ/(nᵢ(nᵢ − dᵢ)),
 *   lower/upper = exp(log S ∓ z·se), upper capped at 1; no limits where S = 0.
 * Steps are reported at event times (as `summary(fit)`); censored rows only shrink the risk set.
 *
 * The median follows survival's `print.survfit` (survmean): the first time the curve falls below
 * 0.5 + √ε; if the curve sits at 0.5 (within √ε) there and falls later, the midpoint of that time
 * and the time it falls; if it stays at 0.5 to the end, that time. The median's limits are the
 * same rule applied to the lower and upper curves. Null where a curve never reaches 0.5.
 *
 * @example
 * kaplanMeier([{ days: 10, censored: false }, { days: 20, censored: true }, { days: 30, censored: false }]).median
 * //=> 30
 */
export function kaplanMeier<T>(rows: readonly T[], options: KaplanMeierOptions<T> = {}): KaplanMeier {
  if (!Array.isArray(rows)) throw new QiError("invalid-value", ["rows"], `rows must be an array, not ${describeValue(rows)}`);
  checkKeys(objectOption(options, ["options"]), KAPLAN_MEIER_KEYS, ["options"], "kaplanMeier option");
  const timeCh = options.time ?? "days";
  const timeOf = valueof<T>(timeCh, "time");
  const eventOf =
    options.event === undefined
      ? (d: T) => !field(d, "censored")
      : valueof<T>(options.event, "event");
  const eventName = typeof options.event === "string" ? options.event : "censored";
  const timeName = typeof timeCh === "string" ? timeCh : "time";
  const z = options.z ?? 1.959963984540054;
  if (!(typeof z === "number" && Number.isFinite(z) && z > 0)) throw new QiError("invalid-option", ["options", "z"], `z must be a positive number, not ${describeValue(z)}`);

  const n = rows.length;
  // Event times and censoring times, each sorted as a typed array (numeric sort, no comparator),
  // then walked together: at each distinct time, d events and c censorings.
  const eventTimes = new Float64Array(n);
  const censorTimes = new Float64Array(n);
  let events = 0;
  let censored = 0;
  const defaultRows = options.time === undefined && options.event === undefined;
  for (let i = 0; i < n; i++) {
    const d = rows[i] as T;
    const t = defaultRows ? field(d, "days") : timeOf(d, i, rows);
    if (typeof t !== "number" || !Number.isFinite(t)) throw new QiError("invalid-value", ["rows", i, timeName], `time must be a finite number, not ${describeValue(t)}`);
    const e = defaultRows ? !field(d, "censored") : isEvent(eventOf(d, i, rows), ["rows", i, eventName]);
    if (e) eventTimes[events++] = t;
    else censorTimes[censored++] = t;
  }
  return kaplanMeierOfTimes(eventTimes.subarray(0, events), censorTimes.subarray(0, censored), z);
}

/**
 * Internal: {@link kaplanMeier} from the event times and the censoring times, each a scratch
 * array it may sort in place (paceTimescales has them from the durations, without reading rows;
 * `whole`: every time is a whole number, not −0, from min to max).
 */
export function kaplanMeierOfTimes(eventTimes: Float64Array, censorTimes: Float64Array, z = 1.959963984540054, whole?: { min: number; max: number }): KaplanMeier {
  const events = eventTimes.length;
  const censored = censorTimes.length;
  const n = events + censored;
  const { time, nEvent, nCensor } = distinctTimes(eventTimes, censorTimes, whole);

  const steps: KaplanMeierStep[] = [];
  let atRisk = n;
  let surv = 1;
  let varSum = 0;
  for (let i = 0; i < time.length; i++) {
    const t = time[i]!;
    const d = nEvent[i]!;
    const c = nCensor[i]!;
    if (d > 0) {
      surv *= 1 - d / atRisk;
      // Greenwood (1926): Var(log S) accumulates d/(n(n − d)); undefined once everyone is done.
      varSum = atRisk > d ? varSum + d / (atRisk * (atRisk - d)) : Number.POSITIVE_INFINITY;
      const se = Math.sqrt(varSum);
      let lower: number | null = null;
      let upper: number | null = null;
      if (surv > 0) {
        // R survfit_confint, conf.type = "log"
        lower = Math.exp(Math.log(surv) - z * se);
        upper = Math.min(1, Math.exp(Math.log(surv) + z * se));
      }
      steps.push({ time: t, nRisk: atRisk, nEvent: d, nCensor: c, survival: surv, stdErr: se, lower, upper });
    }
    atRisk -= d + c;
  }
  return {
    n,
    events,
    steps,
    median: halfTime(steps, (s) => s.survival),
    medianLower: halfTime(steps, (s) => s.lower),
    medianUpper: halfTime(steps, (s) => s.upper),
  };
}

/**
 * The distinct times in increasing order, with the events and censorings at each. Whole-number
 * times over a span of at most 4n + 1024 (days: every duration of a stage) are counted per time,
 * without sorting; other times (fractions, −0, a wide span) are sorted as typed arrays and walked
 * together. Kept on a benchmark (`paceTimescales` stage sizes, 69,000 + 6,900 random whole days
 * under 2,000, one cold process, the whole kaplanMeierOfTimes): 7.5–20 ms counted against
 * 18–27 ms sorted.
 */
function distinctTimes(et: Float64Array, ct: Float64Array, known?: { min: number; max: number }): { time: Float64Array; nEvent: Int32Array; nCensor: Int32Array } {
  const n = et.length + ct.length;
  let min = known?.min ?? Number.POSITIVE_INFINITY;
  let max = known?.max ?? Number.NEGATIVE_INFINITY;
  let whole = true;
  // `known`: the caller's times are whole numbers (never −0) from min to max: no pass to find out.
  if (known === undefined) for (const a of [et, ct]) {
    for (let i = 0; i < a.length; i++) {
      const v = a[i]!;
      if (v < min) min = v;
      if (v > max) max = v;
      if (!Number.isInteger(v) || Object.is(v, -0)) whole = false;
    }
  }
  const span = max - min + 1;
  if (n > 0 && whole && span <= 4 * n + 1024) return countedTimes(et, ct, min, span);
  et.sort();
  ct.sort();
  const time = new Float64Array(n);
  const nEvent = new Int32Array(n);
  const nCensor = new Int32Array(n);
  let m = 0;
  let a = 0;
  let b = 0;
  while (a < et.length || b < ct.length) {
    const t = a < et.length && (b >= ct.length || et[a]! <= ct[b]!) ? et[a]! : ct[b]!;
    time[m] = t;
    for (; a < et.length && et[a] === t; a++) nEvent[m]!++;
    for (; b < ct.length && ct[b] === t; b++) nCensor[m]!++;
    m++;
  }
  return { time: time.subarray(0, m), nEvent: nEvent.subarray(0, m), nCensor: nCensor.subarray(0, m) };
}

/** {@link distinctTimes} of whole numbers from `min` over `span` values: a count per value. */
function countedTimes(et: Float64Array, ct: Float64Array, min: number, span: number): { time: Float64Array; nEvent: Int32Array; nCensor: Int32Array } {
  const dAt = new Int32Array(span);
  const cAt = new Int32Array(span);
  // `| 0`: a small-integer index (a double one takes the slow keyed path in unoptimised code).
  for (let i = 0; i < et.length; i++) dAt[(et[i]! - min) | 0]!++;
  for (let i = 0; i < ct.length; i++) cAt[(ct[i]! - min) | 0]!++;
  let m = 0;
  for (let o = 0; o < span; o++) if (dAt[o]! + cAt[o]! > 0) m++;
  const time = new Float64Array(m);
  const nEvent = new Int32Array(m);
  const nCensor = new Int32Array(m);
  for (let o = 0, j = 0; o < span; o++) {
    if (dAt[o]! + cAt[o]! === 0) continue;
    time[j] = min + o;
    nEvent[j] = dAt[o]!;
    nCensor[j++] = cAt[o]!;
  }
  return { time, nEvent, nCensor };
}

/**
 * The first time a curve falls below 0.5 (R survival's survmean rule, described on
 * {@link kaplanMeier}); null when it never does.
 */
function halfTime(steps: readonly KaplanMeierStep[], curve: (s: KaplanMeierStep) => number | null): number | null {
  let k = -1;
  for (let i = 0; i < steps.length; i++) {
    const y = curve(steps[i]!);
    if (y !== null && y < 0.5 + TOL) {
      k = i;
      break;
    }
  }
  if (k < 0) return null;
  const yk = curve(steps[k]!)!;
  if (Math.abs(yk - 0.5) < TOL) {
    for (let j = k + 1; j < steps.length; j++) {
      const y = curve(steps[j]!);
      // Halves first: the sum of two times near Number.MAX_VALUE would overflow to Infinity.
      if (y !== null && y < yk) return steps[k]!.time / 2 + steps[j]!.time / 2;
    }
  }
  return steps[k]!.time;
}
