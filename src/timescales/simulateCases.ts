import { formatIsoDay, isIsoDateString, toDayNumber } from "../_lib/calendar.js";
import { QiError, describeValue } from "../_lib/error.js";
import { logNormal, mulberry32, pick, type Random } from "./_random.js";

/** The {@link simulateCases} options. */
export interface SimulateCasesOptions {
  /** Seed of the generator: the same seed gives the same cases. Default 1. */
  seed?: number;
  /** Number of children to generate. Default: 3,600 a year between `start` and `end`. */
  children?: number;
  /** First date children start being looked after. ISO string or Date. */
  start: string | Date;
  /** The extract date: nothing after it is recorded, so later cases are still open. */
  end: string | Date;
  /** Children becoming looked after on or after this date move faster (an improvement). */
  improvementFrom?: string | Date;
  /** Multiplier on stage durations after `improvementFrom`. Default 0.7. */
  improvementFactor?: number;
  /** Number of authorities (the first n of Scotland's 32 councils) or a list of names. Default 32. */
  authorities?: number | readonly string[];
}

/** A simulated event row (long form). */
export interface SimulatedEvent {
  child: string;
  milestone: string;
  date: string;
  authority: string;
  /** The route the generator chose (in real data you infer it). */
  route: string;
}

/**
 * Scotland's 32 council areas with approximate population weights (thousands, National Records
 * of Scotland mid-2022 estimates, rounded): children are spread over authorities in proportion.
 */
const COUNCILS: readonly (readonly [string, number])[] = [
  ["Aberdeen City", 227], ["Aberdeenshire", 263], ["Angus", 116], ["Argyll and Bute", 86], ["City of Edinburgh", 527],
  ["Clackmannanshire", 52], ["Dumfries and Galloway", 148], ["Dundee City", 149], ["East Ayrshire", 122],
  ["East Dunbartonshire", 109], ["East Lothian", 112], ["East Renfrewshire", 97], ["Falkirk", 160], ["Fife", 374],
  ["Glasgow City", 635], ["Highland", 236], ["Inverclyde", 78], ["Midlothian", 95], ["Moray", 94],
  ["Na h-Eileanan Siar", 26], ["North Ayrshire", 134], ["North Lanarkshire", 341], ["Orkney Islands", 22],
  ["Perth and Kinross", 153], ["Renfrewshire", 184], ["Scottish Borders", 116], ["Shetland Islands", 23],
  ["South Ayrshire", 112], ["South Lanarkshire", 327], ["Stirling", 93], ["West Dunbartonshire", 88], ["West Lothian", 183],
];

/**
 * Route mix of children starting to be looked after (shares; see docs/timescales.md): most go
 * home; about 9 % are on an adoption path, which gives ~300 adoptions a year from 3,600 starts.
 */
const ROUTES: readonly (readonly [string, number])[] = [
  ["home", 0.63],
  ["kinship-care-order", 0.1],
  ["permanence-order", 0.09],
  ["permanence-order-authority-to-adopt", 0.07],
  ["adoption", 0.02],
  ["other", 0.09],
];

/** The most children one call simulates (bounded work and memory). */
const MAX_CHILDREN = 1_000_000;

function cumulative(weights: readonly number[]): number[] {
  let s = 0;
  return weights.map((w) => (s += w));
}

/**
 * A seeded, deterministic generator of realistic Scottish case histories as long-form events
 * (`{ child, milestone, date, authority, route }`), for examples, demos and tests. Magnitudes
 * (documented with sources in docs/timescales.md): ~3,600 children start being looked after a
 * year across 32 authorities; reunified children are away ~9 months (median); adoption comes
 * 2–3 years after becoming looked after; ~200–350 adoptions a year; PACE-era stage medians
 * (recommendation ~200 days after accommodation, panel ~3 months later, ADM ~9 days, order
 * ~7 months after the petition); 15 % of panels deferred, 5 % of petitions re-lodged. Events after
 * `end` are not recorded, so recent children are still open. With `improvementFrom`, children
 * entering on or after that date have every stage scaled by `improvementFactor`.
 *
 * Rows come child by child, each child's events in date order.
 *
 * @example
 * const events = simulateCases({ seed: 42, start: "2020-01-01", end: "2024-12-31" });
 * events[0] //=> { child: "C000001", milestone: "looked-after", date: "…", authority: "…", route: "…" }
 */
export function simulateCases(options: SimulateCasesOptions): SimulatedEvent[] {
  if (options === null || typeof options !== "object") throw new QiError("invalid-option", ["options"], "simulateCases needs options { start, end }");
  const start = toDayNumber(options.start);
  const end = toDayNumber(options.end);
  if (Number.isNaN(start)) throw new QiError("invalid-date", ["options", "start"], `invalid start ${describeValue(options.start)}`);
  if (Number.isNaN(end)) throw new QiError("invalid-date", ["options", "end"], `invalid end ${describeValue(options.end)}`);
  // Events are written as ISO YYYY-MM-DD: keep to the four-digit years, so they parse back.
  for (const [name, day] of [["start", start], ["end", end]] as const) {
    if (!isIsoDateString(formatIsoDay(day))) throw new QiError("invalid-date", ["options", name], `${name} must be between 0000-01-01 and 9999-12-31, not ${describeValue(options[name])}`);
  }
  if (end < start) throw new QiError("invalid-option", ["options", "end"], "end must not be before start");
  const seed = options.seed ?? 1;
  if (typeof seed !== "number" || !Number.isFinite(seed)) throw new QiError("invalid-option", ["options", "seed"], `seed must be a number, not ${describeValue(seed)}`);
  const years = (end - start + 1) / 365.25;
  const nChildren = options.children ?? Math.round(3600 * years);
  if (!Number.isInteger(nChildren) || nChildren < 0) throw new QiError("invalid-option", ["options", "children"], `children must be a whole number ≥ 0, not ${describeValue(nChildren)}`);
  // About ten events a child: a million children is ~10 million rows, already more than a demo needs.
  if (nChildren > MAX_CHILDREN) {
    throw new QiError("invalid-option", ["options", "children"], `at most ${MAX_CHILDREN} children can be simulated, not ${nChildren}${options.children === undefined ? " (the default, 3,600 a year, over this date range): give children or a shorter range" : ""}`);
  }
  let improvementFrom = Number.POSITIVE_INFINITY;
  if (options.improvementFrom !== undefined) {
    improvementFrom = toDayNumber(options.improvementFrom);
    if (Number.isNaN(improvementFrom)) throw new QiError("invalid-date", ["options", "improvementFrom"], `invalid improvementFrom ${describeValue(options.improvementFrom)}`);
  }
  const factor = options.improvementFactor ?? 0.7;
  if (!(typeof factor === "number" && factor > 0 && Number.isFinite(factor))) throw new QiError("invalid-option", ["options", "improvementFactor"], `improvementFactor must be a positive number, not ${describeValue(factor)}`);
  let names: string[];
  let weights: number[];
  const a = options.authorities ?? 32;
  if (typeof a === "number") {
    if (!Number.isInteger(a) || a < 1 || a > COUNCILS.length) throw new QiError("invalid-option", ["options", "authorities"], `authorities must be 1–32 or a list of names, not ${describeValue(a)}`);
    names = COUNCILS.slice(0, a).map((c) => c[0]);
    weights = COUNCILS.slice(0, a).map((c) => c[1]);
  } else if (Array.isArray(a) && a.length > 0 && a.every((x) => typeof x === "string")) {
    names = a.slice();
    weights = names.map(() => 1);
  } else {
    throw new QiError("invalid-option", ["options", "authorities"], "authorities must be 1–32 or a non-empty list of names");
  }
  const authCum = cumulative(weights);
  const routeCum = cumulative(ROUTES.map((r) => r[1]));
  const rand = mulberry32(seed);
  const out: SimulatedEvent[] = [];
  const width = String(Math.max(nChildren, 1)).length;
  const pad = Math.max(6, width);
  // Each day is formatted once (a simulation repeats a few thousand dates across its events).
  const dayText = new Map<number, string>();
  const iso = (day: number): string => {
    let t = dayText.get(day);
    if (t === undefined) dayText.set(day, (t = formatIsoDay(day)));
    return t;
  };
  for (let c = 0; c < nChildren; c++) {
    const child = `C${String(c + 1).padStart(pad, "0")}`;
    const authority = names[pick(rand, authCum)]!;
    const route = ROUTES[pick(rand, routeCum)]![0];
    const entry = start + Math.floor(rand() * (end - start + 1));
    const f = entry >= improvementFrom ? factor : 1;
    simulateChild(rand, route, entry, f, (milestone, day) => {
      if (day <= end) out.push({ child, milestone, date: iso(day), authority, route });
    });
  }
  return out;
}

/** Return home: half are accommodated first; the rest are looked after at home on a supervision order. Returns the exit day. */
function homeJourney(rand: Random, ln: Delay, entry: number, f: number, events: Journey): number {
  let exit: number;
  if (rand() < 0.55) {
    events.push(["accommodated", entry]);
    events.push(["permanence-recommendation", entry + ln(120 * f, 0.5)]);
    // Reunified children are away about nine months (median 270 days).
    const home = entry + ln(270 * f, 0.5);
    events.push(["returned-home", home]);
    exit = home + ln(90, 0.5);
  } else {
    events.push(["permanence-recommendation", entry + ln(150 * f, 0.5)]);
    exit = entry + ln(365, 0.5);
  }
  events.push(["ceased-looked-after", exit]);
  return exit;
}

/** Older children leaving care by other routes (continuing care, moving on at 16+). Returns the exit day. */
function otherJourney(rand: Random, ln: Delay, entry: number, f: number, events: Journey): number {
  const exit = entry + ln(400, 0.7);
  if (rand() < 0.7) {
    events.push(["accommodated", entry]);
    events.push(["permanence-recommendation", Math.min(exit, entry + ln(200 * f, 0.5))]);
  }
  events.push(["ceased-looked-after", exit]);
  return exit;
}

/** The routes through a court order (kinship care order, permanence order, adoption, POA). Returns the exit day (Infinity while still looked after). */
function orderJourney(rand: Random, ln: Delay, route: string, entry: number, f: number, events: Journey): number {
  const acc = rand() < 0.85 ? entry : entry + ln(60, 0.6);
  events.push(["accommodated", acc]);
  const rec = acc + ln(200 * f, 0.45);
  events.push(["permanence-recommendation", rec]);
  if (route === "kinship-care-order") {
    const pet = rec + ln(120 * f, 0.5);
    events.push(["petition-lodged", pet]);
    const order = pet + ln(150 * f, 0.5);
    events.push(["kinship-care-order", order]);
    events.push(["ceased-looked-after", order]);
    return order;
  }
  const order = panelToOrder(rand, ln, rec, f, events);
  if (route === "permanence-order") {
    events.push(["permanence-order", order]);
    return Number.POSITIVE_INFINITY;
  }
  if (route === "adoption") {
    events.push(["adoption-order", order]);
    events.push(["ceased-looked-after", order]);
    return order;
  }
  events.push(["permanence-order-authority-to-adopt", order]);
  // Adopters petition after the POA; adoption ~2.5 years after becoming looked after.
  const apet = order + ln(180 * f, 0.5);
  events.push(["petition-lodged", apet]);
  const exit = apet + ln(120 * f, 0.4);
  events.push(["adoption-order", exit]);
  events.push(["ceased-looked-after", exit]);
  return exit;
}

/** Panel (sometimes deferred), ADM, the Reporter's advice hearing (70 %), the petition (sometimes re-lodged): returns the order's day. */
function panelToOrder(rand: Random, ln: Delay, rec: number, f: number, events: Journey): number {
  let panel = rec + ln(90 * f, 0.5);
  events.push(["permanence-panel", panel]);
  if (rand() < 0.15) {
    panel += ln(42, 0.3) + 1; // deferred, heard again
    events.push(["permanence-panel", panel]);
  }
  const adm = panel + ln(9, 0.5);
  events.push(["adm-decision", adm]);
  let before = adm;
  if (rand() < 0.7) {
    const ref = adm + ln(14, 0.5);
    events.push(["referral-to-reporter", ref]);
    before = ref + ln(35, 0.4);
    events.push(["advice-hearing", before]);
  }
  let pet = before + ln(60 * f, 0.5);
  events.push(["petition-lodged", pet]);
  if (rand() < 0.05) {
    pet += ln(60, 0.5) + 1; // re-lodged
    events.push(["petition-lodged", pet]);
  }
  return pet + ln(200 * f, 0.45);
}

/** A log-normal delay in whole days (never negative). */
type Delay = (median: number, sigma: number) => number;
/** A child's milestones as they are drawn: [milestone, day]. */
type Journey = [string, number][];

function simulateChild(rand: Random, route: string, entry: number, f: number, emit: (milestone: string, day: number) => void): void {
  const ln: Delay = (median, sigma) => Math.max(0, Math.round(logNormal(rand, median, sigma)));
  const events: Journey = [["looked-after", entry]];
  // Each route draws its delays in a fixed order, so a seed always gives the same records.
  const exit = route === "home" ? homeJourney(rand, ln, entry, f, events) : route === "other" ? otherJourney(rand, ln, entry, f, events) : orderJourney(rand, ln, route, entry, f, events);
  // LAC reviews: 6 weeks, 3 months later, then six-monthly while looked after.
  let review = entry + 42;
  let gap = 91;
  while (review < exit && review < entry + 3650) {
    events.push(["lac-review", review]);
    review += gap;
    gap = 182;
  }
  events.sort((x, y) => x[1] - y[1]);
  for (const [m, d] of events) emit(m, d);
}
