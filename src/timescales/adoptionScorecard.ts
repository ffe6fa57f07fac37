/**
 * England's adoption scorecard timeliness indicators (A1, A2, A3, A10), as the Department for
 * Education publishes them for each local authority (and the Adoption and Special Guardianship
 * Leadership Board, ASGLB, reports them quarterly), with the censored estimate beside each.
 *
 * Sources (definitions and thresholds):
 * - DfE, "Adoption Scorecards: year ending March 2018 — Methodology and guidance document"
 *   (March 2019): A1 "average time (in days) between a child entering care and moving in with its
 *   adoptive family, for children who have been adopted"; A2 "average time (in days) between a
 *   local authority receiving court authority to place a child [the placement order] and the
 *   local authority deciding on a match to an adoptive family, for children who have been
 *   adopted" — a match before the placement order counts as 0 days; A3 "percentage of children
 *   who wait less than 14 months between entering care and moving in with their adoptive family";
 *   all three over the children adopted in the three years ending 31 March.
 * - A10 (introduced 2012–13; ASGLB from 2020–21): A1 "adjusted for foster carer adoptions" —
 *   for a child adopted by their foster carers the clock stops on the date the child moved in
 *   with those carers (milestone `foster-for-adoption`), not the later adoptive placement date.
 * - Thresholds: DfE, "Adoption scorecards and thresholds published" (14 January 2014): for the
 *   2013–2016 scorecard, A1 14 months (426 days) and A2 4 months (121 days), the thresholds used
 *   since; A3 has no threshold. A10 is read against A1's 426 days.
 */
import { dayNumberFromParts, dayParts, formatIsoDay } from "../_lib/calendar.js";
import { QiError, describeValue } from "../_lib/error.js";
import { checkKeys, numberOption, objectOption } from "../_lib/options.js";
import { allEpisodes, readCaseRecords, type CaseRecordOptions, type CaseRecords } from "./_caseRecords.js";
import { CASE_RECORD_KEYS } from "./_optionKeys.js";
import { checkAfterAsOf } from "./_stageChecks.js";
import { asOfWarning } from "./_stageWarnings.js";
import { ENGLAND_MILESTONES } from "./catalogue.js";
import { dayReader } from "./dates.js";
import { kaplanMeier, type KaplanMeier } from "./kaplanMeier.js";
import type { TimescaleWarning } from "./stageDurations.js";

/** The published thresholds, in days (DfE 2014; see the file comment). */
export const ADOPTION_SCORECARD_THRESHOLDS = { A1: 426, A2: 121, A10: 426, A3Wait: 426 } as const;

/** The {@link adoptionScorecard} options. Case records as {@link stageDurations}; the catalogue defaults to {@link ENGLAND_MILESTONES}. */
export interface AdoptionScorecardOptions<T = any> extends CaseRecordOptions<T> {
  /** The last day of the window (the census date). Default: the latest event date, with a warning. */
  asOf?: string | Date;
  /** Length of the window in years, ending on `asOf`. Default 3, as published. */
  years?: number;
  /**
   * Thresholds in days: `A1` (426), `A2` (121), `A10` (426), and `A3Wait`, the wait A3 counts
   * as under 14 months (less than 426 days: the scorecard's own days for 14 months).
   */
  thresholds?: Partial<Record<"A1" | "A2" | "A10" | "A3Wait", number>>;
  /** An event after `asOf`: `"error"` (default, as stageDurations) or `"ignore"` (left out, with a warning). */
  afterAsOf?: "error" | "ignore";
}

/** The censored estimate beside a published indicator: Kaplan–Meier over completed and open cases. */
export interface ScorecardEstimate {
  /** Episodes in the estimate: completed in the window, still waiting at `asOf`, or whose plan ended in the window. */
  n: number;
  reached: number;
  /** Still waiting at `asOf` (censored there): the cases the published mean leaves out. */
  open: number;
  /** Left the adoption route in the window before the milestone (censored at that date). */
  exited: number;
  /** Kaplan–Meier median days and its 95 % interval; null where not reached. */
  median: number | null;
  medianLower: number | null;
  medianUpper: number | null;
  /** Restricted mean: the area under the Kaplan–Meier curve to `horizon` (R survival's rmean). */
  restrictedMean: number | null;
  /** The horizon of the restricted mean: the longest time observed (completed or censored). */
  horizon: number | null;
  /** A3 only: 100 × (1 − S(wait − 1)), the estimated % moving in within the A3 wait; else null. */
  percentWithin: number | null;
}

/** One indicator of a scorecard. */
export interface ScorecardIndicator {
  id: "A1" | "A2" | "A3" | "A10";
  label: string;
  unit: "days" | "percent";
  /** The threshold in days (A1, A2, A10), or null (A3). */
  threshold: number | null;
  /** As published: mean days (A1, A2, A10) or % within the wait (A3), over completed cases only. */
  value: number | null;
  /** Completed cases in `value`. */
  n: number;
  /** `value` ≤ threshold; null without a value or a threshold. */
  meetsThreshold: boolean | null;
  /** The estimate that counts the children still waiting. */
  censored: ScorecardEstimate;
  /** `survivorship-bias` when children were still waiting at `asOf`; else null. */
  warning: TimescaleWarning | null;
}

/** The scorecard of one group (or of everyone). */
export interface ScorecardCard {
  /** The `group` value, or null for everyone. */
  group: unknown;
  /** Children adopted (adoption order) in the window: the published cohort. */
  adopted: number;
  A1: ScorecardIndicator;
  A2: ScorecardIndicator;
  A3: ScorecardIndicator;
  A10: ScorecardIndicator;
}

/** The result of {@link adoptionScorecard}. */
export interface AdoptionScorecard {
  asOf: string | null;
  /** The window: `start` and `end` (= asOf) inclusive, `YYYY-MM-DD`. */
  window: { start: string; end: string; years: number } | null;
  thresholds: { A1: number; A2: number; A10: number; A3Wait: number };
  /** Everyone. */
  overall: ScorecardCard;
  /** One card per `group` value (in order of first appearance); empty without `group`. */
  groups: ScorecardCard[];
  warnings: TimescaleWarning[];
}

/** Milestone day numbers of one episode (NaN when absent). */
interface Journey {
  group: unknown;
  child: string | number;
  entered: number;
  placementOrder: number;
  matched: number;
  movedIn: number;
  fosterCarer: number;
  adopted: number;
  /** The episode left the adoption route (ceased, SGO, …) without an adoption order. */
  exit: number;
  onRoute: boolean;
}

const NEEDED = ["looked-after", "placement-order", "matched", "placed-for-adoption", "adoption-order"] as const;

/** The last day on or before `limit`; without a limit (NaN), the first day; NaN if none. */
function lastUpTo(days: readonly number[], limit: number): number {
  if (Number.isNaN(limit)) return days.length > 0 ? days[0]! : Number.NaN;
  let out = Number.NaN;
  for (const d of days) if (d <= limit) out = d;
  return out;
}

/** Each episode's adoption milestones (events after asOf left out). */
function journeys(rec: CaseRecords, asOf: number, splitAt: number | undefined): Journey[] {
  const id = (name: string): number => rec.index.get(name) ?? -1;
  const [la, po, ma, pl, ao] = NEEDED.map(id) as [number, number, number, number, number];
  const ffa = id("foster-for-adoption");
  const adm = id("adm-decision");
  const out: Journey[] = [];
  for (const { bucket, episodes } of allEpisodes(rec, splitAt)) {
    for (const ep of episodes) {
      const j: Journey = { group: bucket.group, child: bucket.child, entered: NaN, placementOrder: NaN, matched: NaN, movedIn: NaN, fosterCarer: NaN, adopted: NaN, exit: NaN, onRoute: false };
      const matches: number[] = [];
      const moves: number[] = [];
      for (const e of ep.events) {
        const d = rec.day[e]!;
        if (d > asOf) break; // in date order
        const m = rec.milestone[e]!;
        if (m === la && Number.isNaN(j.entered)) j.entered = d;
        else if (m === po && Number.isNaN(j.placementOrder)) j.placementOrder = d;
        else if (m === ma) matches.push(d);
        else if (m === pl) moves.push(d);
        else if (m === ffa && Number.isNaN(j.fosterCarer)) j.fosterCarer = d;
        else if (m === ao && Number.isNaN(j.adopted)) j.adopted = d;
        else if (rec.endsEpisode[m] && Number.isNaN(j.exit)) j.exit = d;
        if (m === po || m === ma || m === pl || m === ffa || m === ao || m === adm) j.onRoute = true;
      }
      // The adoptive placement: the last move on or before the adoption order (earlier ones
      // disrupted), or the first move while not yet adopted; its match: the last on or before it.
      j.movedIn = lastUpTo(moves, j.adopted);
      j.matched = lastUpTo(matches, j.movedIn);
      if (!Number.isNaN(j.exit) && !Number.isNaN(j.adopted) && j.exit >= j.adopted) j.exit = NaN; // ceasing after the order is the adoption
      out.push(j);
    }
  }
  return out;
}

/** The area under a Kaplan–Meier curve from 0 to `tau` (survival's restricted mean). */
export function restrictedMean(km: KaplanMeier, tau: number): number {
  let area = 0;
  let prevTime = 0;
  let prevS = 1;
  for (const s of km.steps) {
    if (s.time > tau) break;
    area += prevS * (s.time - prevTime);
    prevTime = s.time;
    prevS = s.survival;
  }
  return area + prevS * (tau - prevTime);
}

/** Survival just after `t` (1 before the first event). */
function survivalAt(km: KaplanMeier, t: number): number {
  let s = 1;
  for (const step of km.steps) {
    if (step.time > t) break;
    s = step.survival;
  }
  return s;
}

/** One censored row: days to the milestone (reached), to asOf (open) or to the exit (exited). */
interface CensoredRow {
  days: number;
  censored: boolean;
  status: "reached" | "open" | "exited";
}

/**
 * The censored cohort of a clock from `start` to `stop` (day numbers per journey): the published
 * cohort (adopted in the window) and the children not yet adopted whose clock stopped in the
 * window (reached); those on the adoption route still waiting at asOf (open, censored there);
 * those who left the route in the window before the clock stopped (exited, censored at the
 * exit). `zeroFloor`: a stop before the start counts as 0 days (A2).
 */
function censoredRows(list: readonly Journey[], start: (j: Journey) => number, stop: (j: Journey) => number, from: number, asOf: number, zeroFloor: boolean): CensoredRow[] {
  const rows: CensoredRow[] = [];
  for (const j of list) {
    const s = start(j);
    if (!j.onRoute || Number.isNaN(s)) continue;
    const t = stop(j);
    if (!Number.isNaN(t)) {
      // The published cohort (adopted in the window), and those who have moved in (matched) in
      // the window and await their order: the milestone is reached.
      if (Number.isNaN(j.adopted) ? t >= from : j.adopted >= from) rows.push({ days: zeroFloor ? Math.max(0, t - s) : t - s, censored: false, status: "reached" });
    } else if (!Number.isNaN(j.exit) && j.exit >= s) {
      if (j.exit >= from) rows.push({ days: j.exit - s, censored: true, status: "exited" });
    } else if (Number.isNaN(j.adopted)) {
      rows.push({ days: asOf - s, censored: true, status: "open" });
    }
  }
  return rows.filter((r) => r.days >= 0);
}

function estimate(rows: readonly CensoredRow[], within: number | null): ScorecardEstimate {
  const km = kaplanMeier(rows);
  let horizon: number | null = null;
  for (const r of rows) if (horizon === null || r.days > horizon) horizon = r.days;
  const count = (s: CensoredRow["status"]): number => rows.filter((r) => r.status === s).length;
  return {
    n: rows.length,
    reached: count("reached"),
    open: count("open"),
    exited: count("exited"),
    median: km.median,
    medianLower: km.medianLower,
    medianUpper: km.medianUpper,
    restrictedMean: horizon === null ? null : restrictedMean(km, horizon),
    horizon,
    percentWithin: within === null || rows.length === 0 ? null : 100 * (1 - survivalAt(km, within - 1)),
  };
}

const LABELS = {
  A1: "Average days from entering care to moving in with the adoptive family",
  A2: "Average days from the placement order to the match with adopters",
  A3: "Children who waited less than 14 months from entering care to moving in with the adoptive family (%)",
  A10: "Average days from entering care to moving in with the adoptive family, adjusted for foster carer adoptions",
} as const;

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

function biasWarning(id: string, adopted: number, est: ScorecardEstimate, asOfText: string): TimescaleWarning | null {
  if (est.open === 0) return null;
  const rm = est.restrictedMean === null ? "–" : `${Math.round(est.restrictedMean)} days`;
  return {
    code: "survivorship-bias",
    message:
      `${id} is over the ${adopted} children adopted in the window only; ${est.open} ${est.open === 1 ? "child" : "children"} on the adoption route ${est.open === 1 ? "was" : "were"} still waiting on ${asOfText}, ` +
      `so the published figure leaves out the longest waits. Counting them (Kaplan–Meier): median ${est.median ?? "not reached"}${est.median === null ? "" : " days"}, restricted mean ${rm} (to ${est.horizon ?? "–"} days).`,
  };
}

/**
 * Journeys whose move-in date comes before the day the child entered care are bad data (a
 * negative wait): each is left out of every indicator, and a `negative-duration` warning names
 * the children, so nothing is dropped in silence (checkCaseRecords reports them in full).
 */
function outOfOrderLeftOut(list: readonly Journey[], warnings: TimescaleWarning[]): Journey[] {
  const bad = list.filter((j) => !Number.isNaN(j.entered) && !Number.isNaN(j.movedIn) && j.movedIn < j.entered);
  if (bad.length === 0) return list.slice();
  const names = bad.slice(0, 5).map((j) => describeValue(j.child)).join(", ");
  warnings.push({
    code: "negative-duration",
    message: `${bad.length} ${bad.length === 1 ? "child" : "children"} moved in with adopters before entering care (${names}${bad.length > 5 ? ", …" : ""}): left out of the scorecard; check the dates`,
  });
  const left = new Set(bad);
  return list.filter((j) => !left.has(j));
}

/** One card over a set of journeys. */
function card(group: unknown, list: readonly Journey[], from: number, asOf: number, th: AdoptionScorecard["thresholds"]): ScorecardCard {
  const adopted = list.filter((j) => !Number.isNaN(j.adopted) && j.adopted >= from);
  const a1: number[] = [];
  const a2: number[] = [];
  const a10: number[] = [];
  for (const j of adopted) {
    if (!Number.isNaN(j.entered) && !Number.isNaN(j.movedIn)) {
      a1.push(j.movedIn - j.entered);
      const stop = !Number.isNaN(j.fosterCarer) && j.fosterCarer <= j.movedIn && j.fosterCarer >= j.entered ? j.fosterCarer : j.movedIn;
      a10.push(stop - j.entered);
    }
    if (!Number.isNaN(j.placementOrder) && !Number.isNaN(j.matched)) a2.push(Math.max(0, j.matched - j.placementOrder));
  }
  const asOfText = formatIsoDay(asOf);
  const entered = (j: Journey): number => j.entered;
  const a10Stop = (j: Journey): number => (!Number.isNaN(j.fosterCarer) && (Number.isNaN(j.movedIn) || j.fosterCarer <= j.movedIn) ? j.fosterCarer : j.movedIn);
  const e1 = estimate(censoredRows(list, entered, (j) => j.movedIn, from, asOf, false), null);
  const e2 = estimate(censoredRows(list, (j) => j.placementOrder, (j) => j.matched, from, asOf, true), null);
  const e3 = estimate(censoredRows(list, entered, (j) => j.movedIn, from, asOf, false), th.A3Wait);
  const e10 = estimate(censoredRows(list, entered, a10Stop, from, asOf, false), null);
  const days = (id: "A1" | "A2" | "A10", values: number[], est: ScorecardEstimate): ScorecardIndicator => {
    const value = mean(values);
    return { id, label: LABELS[id], unit: "days", threshold: th[id], value, n: values.length, meetsThreshold: value === null ? null : value <= th[id], censored: est, warning: biasWarning(id, adopted.length, est, asOfText) };
  };
  const under = a1.filter((d) => d < th.A3Wait).length;
  const A3: ScorecardIndicator = {
    id: "A3", label: LABELS.A3, unit: "percent", threshold: null, value: a1.length === 0 ? null : (100 * under) / a1.length, n: a1.length, meetsThreshold: null, censored: e3, warning: biasWarning("A3", adopted.length, e3, asOfText),
  };
  return { group, adopted: adopted.length, A1: days("A1", a1, e1), A2: days("A2", a2, e2), A3, A10: days("A10", a10, e10) };
}

function thresholdsOption(v: unknown): AdoptionScorecard["thresholds"] {
  const th = { ...ADOPTION_SCORECARD_THRESHOLDS } as AdoptionScorecard["thresholds"];
  if (v === undefined) return th;
  const o = objectOption(v, ["options", "thresholds"]);
  checkKeys(o, ["A1", "A2", "A10", "A3Wait"], ["options", "thresholds"], "threshold");
  for (const k of Object.keys(o) as (keyof typeof th)[]) th[k] = numberOption(o[k], ["options", "thresholds", k], (x) => x >= 0, "a number of days ≥ 0");
  return th;
}

/** The window's first day: `years` calendar years before asOf, plus one day (29 Feb → 28 Feb). */
function windowStart(asOf: number, years: number): number {
  const p = dayParts(asOf);
  const y = p.year - years;
  const day = p.month === 2 && p.day === 29 ? 28 : p.day;
  return dayNumberFromParts(y, p.month, day) + 1;
}

/**
 * England's adoption scorecard from case records: A1 (mean days from entering care to moving in
 * with the adoptive family; threshold 426), A2 (mean days from the placement order to the match;
 * 121; a match before the order counts as 0), A3 (% moving in less than 14 months — 426 days —
 * after entering care) and A10 (A1 with the clock stopped when the child moved in with the
 * foster carers who adopted them), over the children adopted in the `years` (3) years ending on
 * `asOf`, as the DfE publishes them (means over completed cases only). Beside each, the censored
 * estimate that also counts the children on the adoption route still waiting (Kaplan–Meier
 * median and restricted mean, open cases censored at `asOf`), and a `survivorship-bias` warning
 * when there are any. With `group`, one card per group as well.
 *
 * Milestones (England catalogue): `looked-after`, `placement-order`, `matched`,
 * `placed-for-adoption` (the last before the adoption order), `adoption-order`, and for A10
 * `foster-for-adoption`. An episode is on the adoption route once it has an ADM decision, a
 * placement order, a match, a foster-for-adoption or adoptive placement, or an adoption order.
 *
 * @example
 * const events = [
 *   { child: "A", milestone: "looked-after", date: "2021-01-10" },
 *   { child: "A", milestone: "placement-order", date: "2021-09-01" },
 *   { child: "A", milestone: "matched", date: "2021-12-01" },
 *   { child: "A", milestone: "placed-for-adoption", date: "2022-01-10" },
 *   { child: "A", milestone: "adoption-order", date: "2022-07-01" },
 * ];
 * const s = adoptionScorecard(events, { asOf: "2024-03-31" });
 * [s.overall.A1.value, s.overall.A2.value, s.overall.A3.value] //=> [365, 91, 100]
 */
export function adoptionScorecard<T>(events: readonly T[], options: AdoptionScorecardOptions<T> = {}): AdoptionScorecard {
  checkKeys(objectOption(options, ["options"]), [...CASE_RECORD_KEYS, "asOf", "years", "thresholds", "afterAsOf"], ["options"], "adoptionScorecard option");
  const years = options.years === undefined ? 3 : numberOption(options.years, ["options", "years"], (x) => Number.isInteger(x) && x >= 1 && x <= 50, "a whole number of years from 1 to 50");
  const th = thresholdsOption(options.thresholds);
  const afterAsOf = options.afterAsOf ?? "error";
  if (afterAsOf !== "error" && afterAsOf !== "ignore") throw new QiError("invalid-option", ["options", "afterAsOf"], `afterAsOf must be "error" or "ignore", not ${describeValue(afterAsOf)}`);
  const rec = readCaseRecords(events, { ...options, catalogue: options.catalogue ?? ENGLAND_MILESTONES });
  for (const name of NEEDED) {
    if (!rec.index.has(name)) throw new QiError("unknown-milestone", ["options", "catalogue"], `the adoption scorecard needs the milestone "${name}" (England catalogue); the catalogue has: ${rec.names.join(", ")}`);
  }
  const splitAt = options.splitEpisodesAt === undefined ? undefined : rec.index.get(options.splitEpisodesAt);
  const warnings: TimescaleWarning[] = [];
  let asOf = rec.maxDay;
  if (options.asOf !== undefined) {
    asOf = dayReader(options)(options.asOf);
    if (Number.isNaN(asOf)) throw new QiError("invalid-date", ["options", "asOf"], `invalid asOf ${describeValue(options.asOf)}`);
    if (afterAsOf === "error") checkAfterAsOf(rec, asOf, splitAt);
    let later = 0;
    for (let e = 0; e < rec.n; e++) if (rec.day[e]! > asOf) later++;
    if (later > 0) warnings.push({ code: "events-after-as-of", message: `${later} ${later === 1 ? "event" : "events"} dated after asOf ${later === 1 ? "was" : "were"} ignored` });
  } else if (Number.isFinite(asOf)) warnings.push(asOfWarning(formatIsoDay(asOf)));
  const finite = Number.isFinite(asOf);
  const from = finite ? windowStart(asOf, years) : Number.NaN;
  const list = finite ? outOfOrderLeftOut(journeys(rec, asOf, splitAt), warnings) : [];
  const byGroup = new Map<unknown, Journey[]>();
  if (options.group !== undefined) {
    for (const j of list) {
      const g = byGroup.get(j.group);
      if (g === undefined) byGroup.set(j.group, [j]);
      else g.push(j);
    }
  }
  const asOfSafe = finite ? asOf : 0;
  return {
    asOf: finite ? formatIsoDay(asOf) : null,
    window: finite ? { start: formatIsoDay(from), end: formatIsoDay(asOf), years } : null,
    thresholds: th,
    overall: card(null, list, from, asOfSafe, th),
    groups: [...byGroup].map(([g, js]) => card(g ?? null, js, from, asOfSafe, th)),
    warnings,
  };
}
