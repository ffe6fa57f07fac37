/**
 * Data-quality checks of case records, before any timescale is trusted: every problem named with
 * the child, row, column and value, grouped by kind; completeness of each milestone; a stale
 * extract. Problems are reported, never thrown: only bad options throw.
 */
import { valueof, type Accessor } from "../_lib/accessor.js";
import { formatIsoDay } from "../_lib/calendar.js";
import { QiError, describeValue, type QiPath } from "../_lib/error.js";
import { checkKeys } from "../_lib/options.js";
import { CASE_RECORD_KEYS } from "./_optionKeys.js";
import { catalogueNames, type CaseRecordOptions, type CaseRecords } from "./_caseRecords.js";
import type { MilestoneCatalogue, Route } from "./catalogue.js";
import { SCOTLAND_MILESTONES } from "./catalogue.js";
import { dateAdviser, dayReader, expectedDateForm } from "./dates.js";
import { readFromRecords, readRows, rawOf, text, type Ctx, type Get, type Read, type RouteInfo } from "./_checkRead.js";
import { milestonesText, paddedIdsMessage } from "./_stageWarnings.js";
import { defaultChains, routeChain } from "./_routeChain.js";
import { definingEnds, leavingWithoutColumn } from "./_stageEnds.js";
import { PACE_STAGES } from "./stages.js";

/** The {@link checkCaseRecords} options: those of the case records, plus what to check against. */
export interface CheckCaseRecordsOptions<T = any> extends CaseRecordOptions<T> {
  /** The extract date: milestones after it are flagged, and the extract is stale when its latest date is far behind. */
  asOf?: string | Date;
  /** Date-of-birth field or accessor: milestones before it are flagged. */
  dateOfBirth?: Accessor<T> | string;
  /** Days between the latest date in the data and `asOf` beyond which the extract is stale. Default 60. */
  staleAfter?: number;
}

/** The kinds of problem, in the order they are reported. */
export const CHECK_KINDS = {
  "missing-child": "rows without a child id",
  "invalid-date": "impossible dates",
  "unknown-milestone": "unknown milestones",
  // Found where an order column is split by its type column (the CLI's --order-type).
  "unknown-order-type": "orders whose type is blank or unknown",
  "before-birth": "milestones before the date of birth",
  "after-extract": "milestones after the extract date",
  "out-of-order": "milestones out of order for the route",
  "repeated-milestone": "repeated milestones that cannot repeat",
  "accommodated-twice": "accommodated again with no return home or episode end between",
  "missing-earlier": "later milestones with an earlier one missing",
  "conflicting-rows": "one child with conflicting rows",
  // A warning: the repeat says nothing new and is merged into the first row, as the stages merge it
  // (a wide row repeated; a long row with the child, milestone and date of an earlier one).
  "duplicate-row": "rows repeating an earlier row of the same child (merged)",
  "stale-extract": "a stale extract",
} as const;

/** A problem's kind. */
export type CheckCode = keyof typeof CHECK_KINDS;

/** One problem, named with the child, row, column and value. */
export interface CheckIssue {
  code: CheckCode;
  /** `["events", row, column]` (or `["options", "asOf"]` for a stale extract). */
  path: QiPath;
  child: string | number | null;
  /** 0-based index of the row in `events`, or null. */
  row: number | null;
  /** The field or column, or null. */
  column: string | null;
  /** The value as written (a string, or null when blank). */
  value: string | null;
  message: string;
}

/** Completeness of one milestone: of the children known to have passed it, how many have its date. */
export interface CompletenessRow {
  milestone: string;
  /** The group value (`group` option), or null for all children. */
  group: string | null;
  /** `YYYY-MM` of the child's first accommodation, `"none"` without one, or null for all months. */
  month: string | null;
  /** Children with a later milestone of their route recorded (so they passed this one). */
  expected: number;
  /** Of those, children with a date for this milestone. */
  recorded: number;
  /** 100 × recorded / expected, or null when nothing is expected. */
  pct: number | null;
}

/** The result of {@link checkCaseRecords}. */
export interface CaseRecordsCheck {
  asOf: string | null;
  /** The latest milestone date in the data. */
  latestDate: string | null;
  rows: number;
  children: number;
  /** Every problem, by kind (in {@link CHECK_KINDS} order), then row. */
  issues: CheckIssue[];
  /** Problem counts per kind (every kind, 0 included). */
  counts: Record<CheckCode, number>;
  /** Per milestone: all children, then by group, then by month of accommodation. */
  completeness: CompletenessRow[];
  warnings: string[];
}

/** Repeated throughout an episode, so never out of order. */
// Reviews recur through an episode, and a return home can come before or after a recommendation
// (the home route lists it after, as guidance): neither is order-checked.
const ONGOING = new Set(["lac-review", "returned-home"]);

/**
 * Check case records for the problems that make timescales wrong, and report every one with the
 * child, row, column and value, grouped by kind (see {@link CHECK_KINDS}):
 *
 * - impossible dates (not in the calendar, not in the `dates` form, before 1900), unknown
 *   milestones, rows without a child;
 * - milestones before the date of birth (`dateOfBirth`) or after the extract date (`asOf`);
 * - out of order for the child's route (a panel before the recommendation, an order before the
 *   petition, a milestone after the episode ended): the fewest dates that explain the disorder
 *   are blamed (those off the longest run of milestones in route order);
 * - non-repeatable milestones recorded twice in an episode; rows that repeat an earlier row of
 *   the child's episode exactly (`duplicate-row`: a wide row, or a long row's milestone and
 *   date), counted once; one child with conflicting rows (wide rows that disagree; a date of
 *   birth that differs between rows);
 * - later milestones with an earlier one missing (an ADM decision without a panel);
 * - a stale extract: the latest date more than `staleAfter` days before `asOf`.
 *
 * Completeness: for each milestone, of the children whose records show they passed it (a later
 * milestone of their route is dated), the share with its date — for all children, by `group`,
 * and by month of first accommodation. Never throws on data; only on bad options.
 *
 * @example
 * const events = [
 *   { child: "A", milestone: "accommodated", date: "2024-01-31" },
 *   { child: "A", milestone: "permanence-panel", date: "2024-02-20" },
 *   { child: "A", milestone: "permanence-recommendation", date: "2024-03-01" },
 *   { child: "B", milestone: "accommodated", date: "31/02/2024" },
 * ];
 * const c = checkCaseRecords(events, { asOf: "2024-03-31" });
 * c.issues.map((i) => [i.code, i.child, i.row, i.column])
 * //=> [["invalid-date", "B", 3, "date"], ["out-of-order", "A", 1, "date"]]
 */
export function checkCaseRecords<T>(events: readonly T[], options: CheckCaseRecordsOptions<T> = {}): CaseRecordsCheck {
  if (!Array.isArray(events)) throw new QiError("invalid-value", ["events"], `case records must be an array of rows, not ${describeValue(events)}`);
  if (options === null || typeof options !== "object" || Array.isArray(options)) throw new QiError("invalid-option", ["options"], `options must be an object, not ${describeValue(options)}`);
  checkKeys(options, CHECK_KEYS, ["options"], "checkCaseRecords option");
  return checkRows(events, options);
}

/** The option keys of {@link checkCaseRecords}: the case records', and what to check against. */
const CHECK_KEYS: readonly string[] = [...CASE_RECORD_KEYS, "asOf", "staleAfter"];

/** The check, reading every row (options already known to be the check's, or paceTimescales' own). */
function checkRows<T>(events: readonly T[], options: CheckCaseRecordsOptions<T>): CaseRecordsCheck {
  const ctx = setUp(options);
  const issues: CheckIssue[] = [];
  return checkRead(events, readRows(events, options, ctx, issues), ctx, issues);
}

/**
 * @internal `checkCaseRecords(events, options)` from the records `paceTimescales` read with the
 * same options (its `check` option): the same result, without reading every cell again where
 * the two readers agree (see `readFromRecords`), else by reading the rows as the check does.
 */
export function checkFromRecords<T>(events: readonly T[], options: CheckCaseRecordsOptions<T>, rec: CaseRecords): CaseRecordsCheck {
  const ctx = setUp(options);
  const R = readFromRecords(events, options, ctx, rec);
  return R === null ? checkRows(events, options) : checkRead(events, R, ctx, []);
}

/** The checks and completeness tallies over the events read, the stale extract, the result. */
function checkRead(events: readonly unknown[], R: Read, ctx: Ctx, issues: CheckIssue[]): CaseRecordsCheck {
  const { start, perm } = byChild(R);
  const latest = R.latest;
  const S = scratch(ctx.names.length);
  // One pass over the children: the checks, and each child's share of completeness.
  const T = tallies(ctx);
  for (let k = 0; k < R.ids.length; k++) {
    checkChild(R, k, start[k]!, start[k + 1]!, perm, ctx, S, issues);
    addChild(T, R, k, start[k]!, start[k + 1]!, perm, ctx);
  }
  const warnings: string[] = [];
  if (ctx.asOf !== null && Number.isFinite(latest) && ctx.asOf - latest > ctx.staleAfter) {
    issues.push({
      code: "stale-extract",
      path: ["options", "asOf"],
      child: null,
      row: null,
      column: null,
      value: formatIsoDay(latest),
      message: `the latest date in the data, ${formatIsoDay(latest)}, is ${ctx.asOf - latest} days before the extract date ${formatIsoDay(ctx.asOf)} (more than ${ctx.staleAfter}): is this an old extract?`,
    });
  }
  if (ctx.asOf === null) warnings.push("asOf not given: milestones after the extract date and a stale extract are not checked");
  if (ctx.dob === undefined) warnings.push("no date of birth: milestones before birth are not checked");
  // The stages split a child's events at that milestone; the check reads episodes from the
  // episode field only, so say so rather than take the option in silence (a user trial's review).
  if (R.paddedIds !== null) warnings.push(paddedIdsMessage(R.paddedIds));
  warnings.push(...stagesWithoutColumns(ctx));
  if (ctx.splitIgnored) warnings.push("splitEpisodesAt is not applied by the check: a child's episodes come from the episode field only, so events on both sides of a split are checked as one episode");
  const order = Object.keys(CHECK_KINDS) as CheckCode[];
  const rankOf = Object.fromEntries(order.map((k, j) => [k, j])) as Record<CheckCode, number>;
  issues.sort((a, b) => rankOf[a.code] - rankOf[b.code] || (a.row ?? -1) - (b.row ?? -1));
  const counts = Object.fromEntries(order.map((k) => [k, 0])) as Record<CheckCode, number>;
  for (const i of issues) counts[i.code]++;
  return {
    asOf: ctx.asOf === null ? null : formatIsoDay(ctx.asOf),
    latestDate: Number.isFinite(latest) ? formatIsoDay(latest) : null,
    rows: events.length,
    children: R.ids.length,
    issues,
    counts,
    completeness: completenessRows(ctx, T.all, T.byGroup, T.byMonth),
    warnings,
  };
}

/**
 * Wide records with no column for a milestone a PACE stage starts or ends at (every `from`, or
 * every defining `to` — _stageEnds.ts: a return home is the recommendation's alternative end,
 * not its step — of the stage without one): the stages cannot be estimated from them (the stages
 * leave them out, `stage-not-estimated`), and "No problems found" alone would hide it (user
 * trials' trackers had no recommendation column, one with a "Returned Home" column). Then the
 * stages estimated without a column for a leaving milestone they end at (returned home: the
 * stages' `leaving-end-no-column`). Stages whose milestones the catalogue lacks are not named.
 * Empty when there is nothing to say (always, for long records).
 */
function stagesWithoutColumns(ctx: Ctx): string[] {
  const parts: string[] = [];
  const hasColumn = Uint8Array.from(ctx.noColumn, (v) => (v === 1 ? 0 : 1));
  const leaving = new Map<string, string[]>();
  for (const stage of Object.values(PACE_STAGES)) {
    const side = (v: string | readonly string[] | undefined): number[] => (v === undefined ? [] : typeof v === "string" ? [v] : [...v]).map((id) => ctx.names.indexOf(id));
    const from = side(stage.from);
    const to = side(stage.to);
    if (from.some((k) => k < 0) || to.some((k) => k < 0)) continue;
    const none = (list: number[]): boolean => list.every((k) => ctx.noColumn[k] === 1);
    const defining = definingEnds(ctx.names, to);
    const missing = [...(none(from) ? [from] : []), ...(none(defining) ? [defining] : [])].map((list) => milestonesText(list.map((k) => ctx.names[k]!)));
    if (missing.length > 0) {
      parts.push(`${stage.id} needs ${missing.join(" and ")}`);
      continue;
    }
    const exits = side(stage.exits);
    for (const k of leavingWithoutColumn(ctx.names, hasColumn, (k) => to.includes(k) || exits.includes(k))) {
      const list = leaving.get(ctx.names[k]!) ?? [];
      list.push(stage.id);
      leaving.set(ctx.names[k]!, list);
    }
  }
  const out: string[] = [];
  if (parts.length > 0) out.push(`no column for a milestone that these PACE stages start or end at, so they cannot be estimated from these records (and a milestone without a column is not checked for missing-earlier or completeness): ${parts.join("; ")}`);
  for (const [m, ids] of leaving) out.push(`no column for ${m}, which ends ${ids.length === 1 ? "the PACE stage" : "these PACE stages"} ${ids.join(", ")} too: a child who left that way cannot be told from one still waiting, so their open cases and drift lists may include such children`);
  return out;
}

/**
 * The events grouped by child, in reading order within a child: child k's are `perm[start[k]..start[k+1])`
 * (a counting sort, linear time), or `start[k]..start[k+1]` themselves (perm null) when the rows
 * already come child by child, as a wide export's or a sorted long file's do.
 */
function byChild(R: Read): { start: Int32Array; perm: Int32Array | null } {
  const nc = R.ids.length;
  const start = R.counts.subarray(0, nc + 1); // counts per child at k + 1, summed in place
  for (let k = 0; k < nc; k++) start[k + 1]! += start[k]!;
  if (R.grouped) return { start, perm: null };
  const at = start.slice(0, nc);
  const perm = new Int32Array(R.n);
  for (let e = 0; e < R.n; e++) perm[at[R.child[e]!]!++] = e;
  return { start, perm };
}

/** One route's order as arrays by milestone index. */
function routeInfo(id: string, rank: ReadonlyMap<number, number>, chain: readonly number[], n: number): RouteInfo {
  const inRoute = new Uint8Array(n);
  for (const k of rank.keys()) inRoute[k] = 1;
  const byRank = Int32Array.from([...rank].sort((a, b) => a[1] - b[1]).map(([k]) => k));
  return { id, inRoute, byRank, chains: [chain] };
}

function setUp(options: CheckCaseRecordsOptions): Ctx {
  const { names, endsEpisode } = catalogueNames(options.catalogue);
  const n = names.length;
  const cat: MilestoneCatalogue | null = options.catalogue === undefined ? SCOTLAND_MILESTONES : Array.isArray(options.catalogue) ? null : (options.catalogue as MilestoneCatalogue);
  const repeatable = names.map((_, k) => {
    const m: unknown = cat === null ? undefined : cat.milestones[k];
    return m === null || typeof m !== "object" || (m as { repeatable?: unknown }).repeatable !== false;
  });
  // Routes were checked by catalogueNames (ids and ends); anything else about them is optional.
  const routes = cat === null || !Array.isArray(cat.routes) ? [] : (cat.routes as readonly Route[]).filter((r) => r !== null && typeof r === "object" && typeof r.id === "string");
  const idx = (id: string): number => names.indexOf(id);
  // By route id: a later route of the same id replaces an earlier one.
  const infoOf = new Map<string, RouteInfo>();
  for (const r of routes) {
    const list = (Array.isArray(r.milestones) ? r.milestones : []).map(idx).filter((k) => k >= 0 && !ONGOING.has(names[k]!));
    // The chain `missing-earlier` walks: shared with the stages' missing-end rule (_routeChain.ts).
    infoOf.set(r.id, routeInfo(r.id, new Map(list.map((k, j) => [k, j])), routeChain(names, r), n));
  }
  const infos = [...infoOf.values()];
  // Without a route end, the permanence-order route's order stands in (every route shares its start).
  const base = routes.find((r) => r.id === "permanence-order") ?? routes[0];
  const baseInfo = base === undefined ? undefined : infoOf.get(base.id)!;
  const defaultInfo: RouteInfo = { id: "", inRoute: baseInfo?.inRoute ?? new Uint8Array(n), byRank: baseInfo?.byRank ?? new Int32Array(0), chains: defaultChains(names) };
  const reader = dayReader(options);
  let asOf: number | null = null;
  if (options.asOf !== undefined) {
    asOf = reader(options.asOf);
    if (Number.isNaN(asOf)) throw new QiError("invalid-date", ["options", "asOf"], `invalid asOf ${describeValue(options.asOf)}`);
  }
  const staleAfter = options.staleAfter ?? 60;
  if (typeof staleAfter !== "number" || !Number.isFinite(staleAfter) || staleAfter < 0) throw new QiError("invalid-option", ["options", "staleAfter"], `staleAfter must be a number of days ≥ 0, not ${describeValue(staleAfter)}`);
  const dob = options.dateOfBirth === undefined ? undefined : (valueof(options.dateOfBirth as Accessor<unknown> | string, "dateOfBirth") as Get);
  const msField = typeof options.milestone === "string" ? options.milestone : "milestone";
  return {
    names, repeatable, infos, defaultInfo, accommodated: idx("accommodated"), day: reader, splitIgnored: options.splitEpisodesAt !== undefined,
    routeEnds: routes.map((r) => ({ info: infos.indexOf(infoOf.get(r.id)!), ends: [...r.ends].map(idx).filter((k) => k >= 0) })), monthOf: new Map(),
    isCeased: Uint8Array.from(names, (s) => (s === "ceased-looked-after" ? 1 : 0)), isOngoing: Uint8Array.from(names, (s) => (ONGOING.has(s) ? 1 : 0)),
    isBreak: Uint8Array.from(names, (s, k) => (endsEpisode[k] === 1 || s === "returned-home" ? 1 : 0)),
    dateHint: expectedDateForm(options), advice: dateAdviser(options), asOf, staleAfter, dob,
    dobField: typeof options.dateOfBirth === "string" ? options.dateOfBirth : "dateOfBirth",
    noColumn: new Uint8Array(n), missingColumn: names.map(() => msField), msField,
  };
}

/** Reused across children: the first event per milestone of an episode (`seen[m] === stamp`), lists. */
interface Scratch {
  first: Int32Array;
  /** Per milestone, its first event on the latest day it has in the episode so far (exact repeats). */
  sameDay: Int32Array;
  seen: Int32Array;
  stamp: number;
  /** The ranked milestones' first events of an episode (outOfOrder). */
  list: Int32Array;
  /** A child's events regrouped by episode (children with more than one). */
  tmp: Int32Array;
  eps: number[];
}

function scratch(n: number): Scratch {
  return { first: new Int32Array(n), sameDay: new Int32Array(n), seen: new Int32Array(n), stamp: 0, list: new Int32Array(n), tmp: new Int32Array(16), eps: [] };
}

function describeEv(ctx: Ctx, R: Read, e: number): string {
  return `${ctx.names[R.m[e]!]} on ${formatIsoDay(R.day[e]!)}`;
}

/** A problem with event `e` of child `id`. */
function pushEv(issues: CheckIssue[], R: Read, id: string | number, code: CheckCode, e: number, message: string): void {
  const row = R.row[e]!;
  const column = R.colNames[R.col[e]!]!;
  issues.push({ code, path: ["events", row, column], child: id, row, column, value: rawOf(R, e), message: `child ${describeValue(id)}: ${message}` });
}

/** Order by (day, row), then reading order (a stable sort by day and row), of `a[lo..hi)`. */
function sortEvents(a: Int32Array, lo: number, hi: number, R: Read): void {
  const day = R.day;
  const row = R.row;
  if (hi - lo > 32) {
    const sorted = Array.from(a.subarray(lo, hi)).sort((x, y) => day[x]! - day[y]! || row[x]! - row[y]! || x - y);
    a.set(sorted, lo);
    return;
  }
  for (let j = lo + 1; j < hi; j++) {
    const e = a[j]!;
    const d = day[e]!;
    const r = row[e]!;
    let k = j - 1;
    for (; k >= lo; k--) {
      const f = a[k]!;
      if (day[f]! < d || (day[f] === d && (row[f]! < r || (row[f] === r && f < e)))) break;
      a[k + 1] = f;
    }
    a[k + 1] = e;
  }
}

/** Per child and episode: dates against birth and extract, repeats, order and gaps. Events `perm[lo..hi)`. */
function checkChild(R: Read, k: number, lo: number, hi: number, perm: Int32Array | null, ctx: Ctx, S: Scratch, issues: CheckIssue[]): void {
  if (lo === hi) return;
  const id = R.ids[k]!;
  const dob = R.dob === null ? Number.NaN : R.dob[k]!;
  const ep0 = R.rowEp[R.row[perm === null ? lo : perm[lo]!]!];
  let oneEpisode = true;
  for (let j = lo; j < hi; j++) {
    const e = perm === null ? j : perm[j]!;
    const day = R.day[e]!;
    if (!Number.isNaN(dob) && day < dob) pushEv(issues, R, id, "before-birth", e, `${describeEv(ctx, R, e)} is before the date of birth ${formatIsoDay(dob)}`);
    if (ctx.asOf !== null && day > ctx.asOf) pushEv(issues, R, id, "after-extract", e, `${describeEv(ctx, R, e)} is after the extract date ${formatIsoDay(ctx.asOf)}`);
    if (R.rowEp[R.row[e]!] !== ep0) oneEpisode = false;
  }
  if (S.tmp.length < hi - lo) S.tmp = new Int32Array(2 * (hi - lo));
  const tmp = S.tmp;
  // Most children have one episode: their events, copied out and sorted.
  if (oneEpisode) {
    for (let j = lo; j < hi; j++) tmp[j - lo] = perm === null ? j : perm[j]!;
    sortEvents(tmp, 0, hi - lo, R);
    checkEpisode(R, id, tmp, 0, hi - lo, ctx, S, issues);
    return;
  }
  // Episodes in order of their first event, each copied out and sorted.
  const eps = S.eps;
  eps.length = 0;
  for (let j = lo; j < hi; j++) {
    const ep = R.rowEp[R.row[perm === null ? j : perm[j]!]!]!;
    if (!eps.includes(ep)) eps.push(ep);
  }
  for (const ep of eps) {
    let b = 0;
    for (let j = lo; j < hi; j++) {
      const e = perm === null ? j : perm[j]!;
      if (R.rowEp[R.row[e]!] === ep) tmp[b++] = e;
    }
    sortEvents(tmp, 0, b, R);
    checkEpisode(R, id, tmp, 0, b, ctx, S, issues);
  }
}

/**
 * One episode's events `a[lo..hi)`, sorted by day and row: exact repeats, repeats, route order,
 * after the end, gaps. A row with the milestone and date of an earlier row of the child's episode
 * (long rows: one event a row) is a `duplicate-row` naming that row, for every milestone — the
 * stages count it once, as they merge a repeated wide row — not a `repeated-milestone`.
 */
function checkEpisode(R: Read, id: string | number, a: Int32Array, lo: number, hi: number, ctx: Ctx, S: Scratch, issues: CheckIssue[]): void {
  const stamp = ++S.stamp;
  const { first, seen, sameDay } = S;
  for (let j = lo; j < hi; j++) {
    const e = a[j]!;
    const m = R.m[e]!;
    if (seen[m] !== stamp) {
      seen[m] = stamp;
      first[m] = e;
      sameDay[m] = e;
      continue;
    }
    const same = sameDay[m]!;
    if (R.day[same] === R.day[e] && R.row[same] !== R.row[e]) {
      pushEv(issues, R, id, "duplicate-row", e, `this row repeats row ${R.row[same]}: the same milestone on the same date (${describeEv(ctx, R, e)}), counted once, as the stages count it`);
      continue;
    }
    if (R.day[same] !== R.day[e]) sameDay[m] = e;
    if (ctx.repeatable[m]) continue;
    const prev = first[m]!;
    pushEv(issues, R, id, "repeated-milestone", e, `${describeEv(ctx, R, e)} repeats ${ctx.names[m]} on ${formatIsoDay(R.day[prev]!)} (row ${R.row[prev]}), which happens once an episode`);
  }
  if (ctx.accommodated >= 0) accommodatedTwice(R, id, a, lo, hi, ctx, issues);
  const route = routeOf(first, seen, stamp, R.day, ctx);
  const info = route < 0 ? ctx.defaultInfo : ctx.infos[route]!;
  outOfOrder(R, id, S, stamp, info, ctx, issues);
  afterEnd(R, id, a, lo, hi, info, ctx, S, issues);
  missingEarlier(R, id, S, stamp, info.chains, ctx, issues);
}

/**
 * A second accommodation on another day with no return home or end of the episode between: a
 * re-accommodation is a new episode (a return home, or "Ceased", comes first), so this is two
 * conflicting dates for one start. The stages start from the first (by date); each later one is
 * reported, naming the first.
 */
function accommodatedTwice(R: Read, id: string | number, a: Int32Array, lo: number, hi: number, ctx: Ctx, issues: CheckIssue[]): void {
  let acc = -1;
  for (let j = lo; j < hi; j++) {
    const e = a[j]!;
    const m = R.m[e]!;
    if (ctx.isBreak[m] === 1) acc = -1;
    else if (m !== ctx.accommodated) continue;
    else if (acc < 0) acc = e;
    else if (R.day[e] !== R.day[acc]) {
      pushEv(issues, R, id, "accommodated-twice", e, `${describeEv(ctx, R, e)} (row ${R.row[e]}) but already accommodated on ${formatIsoDay(R.day[acc]!)} (row ${R.row[acc]}), with no return home or end of the episode between: the stages start from ${formatIsoDay(R.day[acc]!)}`);
    }
  }
}

/** The route (index into ctx.infos, -1 for none) whose end milestone comes first; `first[m]`: an event or a day. */
function routeOf(first: Int32Array | Float64Array, seen: Int32Array, stamp: number, day: Float64Array | null, ctx: Ctx): number {
  let route = -1;
  let best = 0;
  for (const r of ctx.routeEnds) {
    for (const end of r.ends) {
      if (seen[end] !== stamp) continue;
      const d = day === null ? first[end]! : day[first[end]!]!;
      if (route < 0 || d < best) {
        route = r.info;
        best = d;
      }
    }
  }
  return route;
}

/**
 * The fewest dates to blame for a disorder: the longest run of milestones whose dates rise in
 * route order is kept (ties keep the run ending earliest on the route), and each milestone off
 * it is reported against a kept neighbour it contradicts.
 */
function outOfOrder(R: Read, id: string | number, S: Scratch, stamp: number, info: RouteInfo, ctx: Ctx, issues: CheckIssue[]): void {
  const list = S.list;
  const day = R.day;
  let n = 0;
  let sorted = true;
  for (let r = 0; r < info.byRank.length; r++) {
    const m = info.byRank[r]!;
    if (S.seen[m] !== stamp) continue;
    const e = S.first[m]!;
    if (n > 0 && day[e]! < day[list[n - 1]!]!) sorted = false;
    list[n++] = e;
  }
  if (n < 2 || sorted) return;
  const len = new Array<number>(n).fill(1);
  const prev = new Array<number>(n).fill(-1);
  for (let j = 0; j < n; j++) {
    for (let k = 0; k < j; k++) {
      if (day[list[k]!]! <= day[list[j]!]! && len[k]! + 1 > len[j]!) {
        len[j] = len[k]! + 1;
        prev[j] = k;
      }
    }
  }
  let end = 0;
  for (let j = 1; j < n; j++) if (len[j]! > len[end]!) end = j;
  const kept = new Set<number>();
  for (let j = end; j >= 0; j = prev[j]!) kept.add(j);
  for (let j = 0; j < n; j++) {
    if (kept.has(j)) continue;
    const e = list[j]!;
    let other = -1;
    for (let k = j - 1; k >= 0 && other < 0; k--) if (kept.has(k) && day[list[k]!]! > day[e]!) other = list[k]!;
    if (other >= 0) {
      pushEv(issues, R, id, "out-of-order", e, `${describeEv(ctx, R, e)} is before ${describeEv(ctx, R, other)}, which comes first on the route`);
      continue;
    }
    for (let k = j + 1; k < n && other < 0; k++) if (kept.has(k) && day[list[k]!]! < day[e]!) other = list[k]!;
    pushEv(issues, R, id, "out-of-order", e, `${describeEv(ctx, R, e)} is after ${other < 0 ? "a later milestone" : describeEv(ctx, R, other)}, which comes later on the route`);
  }
}

/**
 * A milestone dated after the episode ended ("ceased-looked-after"), unless the route orders both
 * (then {@link outOfOrder} has compared them). The permanence-order routes do not list the end
 * (the child stays looked after), so a petition after "Ceased" is found here. Reviews and returns
 * home, never order-checked (they come anywhere on a route), are named here too: a review or a
 * return home dated after the child ceased to be looked after is a data error (a user trial).
 */
function afterEnd(R: Read, id: string | number, a: Int32Array, lo: number, hi: number, info: RouteInfo, ctx: Ctx, S: Scratch, issues: CheckIssue[]): void {
  let end = -1;
  for (let j = lo; j < hi && end < 0; j++) if (ctx.isCeased[R.m[a[j]!]!] === 1) end = a[j]!;
  if (end < 0) return;
  const endRanked = info.inRoute[R.m[end]!] === 1;
  for (let j = lo; j < hi; j++) {
    const e = a[j]!;
    const m = R.m[e]!;
    // A ranked milestone's first event was compared with a ranked end; a repeat of it was not.
    if (R.day[e]! <= R.day[end]! || ctx.isCeased[m] === 1) continue;
    if (endRanked && info.inRoute[m] === 1 && S.first[m] === e) continue;
    pushEv(issues, R, id, "out-of-order", e, `${describeEv(ctx, R, e)} is after the episode ended (${describeEv(ctx, R, end)})`);
  }
}

/**
 * A milestone of the route's chains missing while a later one is dated: one problem per missing
 * milestone (the later one named is the first chain's that shows it: the default's two chains
 * both reach the recommendation).
 */
function missingEarlier(R: Read, id: string | number, S: Scratch, stamp: number, chains: readonly (readonly number[])[], ctx: Ctx, issues: CheckIssue[]): void {
  // One chain reports each milestone once by itself; several share what they said (no array made per child for one).
  const said = chains.length === 1 ? null : [];
  for (const chain of chains) missingIn(R, id, S, stamp, chain, ctx, issues, said);
}

/** One chain's gaps; `said`: the milestones already reported for this child (several chains), else null. */
function missingIn(R: Read, id: string | number, S: Scratch, stamp: number, chain: readonly number[], ctx: Ctx, issues: CheckIssue[], said: number[] | null): void {
  let later = -1;
  for (let j = chain.length - 1; j >= 0; j--) {
    const m = chain[j]!;
    if (ctx.noColumn[m] === 1) continue; // no column for it at all
    if (S.seen[m] === stamp) {
      if (later < 0) later = S.first[m]!;
      continue;
    }
    if (later < 0) continue;
    const column = ctx.missingColumn[m]!;
    if (said !== null) {
      if (said.includes(m)) continue;
      said.push(m);
    }
    const row = R.row[later]!;
    issues.push({
      code: "missing-earlier",
      path: ["events", row, column],
      child: id,
      row,
      column,
      value: null,
      message: `child ${describeValue(id)}: ${ctx.names[m]} has no date, but ${describeEv(ctx, R, later)} is recorded`,
    });
  }
}

/** `YYYY-MM` of a day number (each distinct day formatted once). */
function monthText(ctx: Ctx, day: number): string {
  let m = ctx.monthOf.get(day);
  if (m === undefined) ctx.monthOf.set(day, (m = formatIsoDay(day).slice(0, 7)));
  return m;
}

type Tally = { expected: Int32Array; recorded: Int32Array };

/**
 * Completeness per milestone, child by child: all, by group, by month of first accommodation.
 * Each child's earliest day per milestone is kept in arrays by milestone index: `seen[m] === k`
 * marks the milestones child k has (no Map per child, nothing to clear).
 */
interface Tallies {
  all: Tally;
  byGroup: Map<string, Tally>;
  byMonth: Map<string, Tally>;
  /** Tallies by day of accommodation and by raw group value, each looked up (formatted) once. */
  monthOfDay: Map<number, Tally>;
  groupOfValue: Map<unknown, Tally>;
  none: Tally | undefined;
  first: Float64Array;
  seen: Int32Array;
  /** `counted[m] === k`: milestone m is in child k's completeness already. */
  counted: Int32Array;
}

function tallies(ctx: Ctx): Tallies {
  const n = ctx.names.length;
  const all: Tally = { expected: new Int32Array(n), recorded: new Int32Array(n) };
  return { all, byGroup: new Map(), byMonth: new Map(), monthOfDay: new Map(), groupOfValue: new Map(), none: undefined, first: new Float64Array(n), seen: new Int32Array(n).fill(-1), counted: new Int32Array(n).fill(-1) };
}

function tally(T: Tallies, map: Map<string, Tally>, key: string): Tally {
  let c = map.get(key);
  if (c === undefined) map.set(key, (c = { expected: new Int32Array(T.first.length), recorded: new Int32Array(T.first.length) }));
  return c;
}

/** Child k (events `lo..hi`, through perm, in any order) in the completeness tallies. */
function addChild(T: Tallies, R: Read, k: number, lo: number, hi: number, perm: Int32Array | null, ctx: Ctx): void {
  const { first, seen, all } = T;
  for (let j = lo; j < hi; j++) {
    const e = perm === null ? j : perm[j]!;
    const m = R.m[e]!;
    if (seen[m] !== k || R.day[e]! < first[m]!) {
      seen[m] = k;
      first[m] = R.day[e]!;
    }
  }
  const route = routeOf(first, seen, k, null, ctx);
  const chains = route < 0 ? ctx.defaultInfo.chains : ctx.infos[route]!.chains;
  const acc = ctx.accommodated >= 0 && seen[ctx.accommodated] === k ? first[ctx.accommodated]! : null;
  let month: Tally | undefined;
  if (acc === null) month = T.none ??= tally(T, T.byMonth, "none");
  else if ((month = T.monthOfDay.get(acc)) === undefined) T.monthOfDay.set(acc, (month = tally(T, T.byMonth, monthText(ctx, acc))));
  const g = R.groups[k];
  let group = g === undefined ? null : T.groupOfValue.get(g);
  if (group === undefined) T.groupOfValue.set(g, (group = tally(T, T.byGroup, String(text(g)))));
  // A milestone passed on two chains (the default's both reach the recommendation) counts once.
  for (const chain of chains) {
    let passed = false;
    for (let j = chain.length - 1; j >= 0; j--) {
      const m = chain[j]!;
      if (ctx.noColumn[m] === 1) continue;
      const has = seen[m] === k;
      if (passed && T.counted[m] !== k) {
        T.counted[m] = k;
        all.expected[m]!++;
        month.expected[m]!++;
        if (group !== null) group.expected[m]!++;
        if (has) {
          all.recorded[m]!++;
          month.recorded[m]!++;
          if (group !== null) group.recorded[m]!++;
        }
      }
      if (has) passed = true;
    }
  }
}

function completenessRows(ctx: Ctx, all: Tally, byGroup: ReadonlyMap<string, Tally>, byMonth: ReadonlyMap<string, Tally>): CompletenessRow[] {
  const n = ctx.names.length;
  const rows: CompletenessRow[] = [];
  const emit = (t: Tally, group: string | null, month: string | null): void => {
    for (let m = 0; m < n; m++) {
      const expected = t.expected[m]!;
      if (expected > 0) rows.push({ milestone: ctx.names[m]!, group, month, expected, recorded: t.recorded[m]!, pct: (100 * t.recorded[m]!) / expected });
    }
  };
  emit(all, null, null);
  for (const g of [...byGroup.keys()].sort()) emit(byGroup.get(g)!, g, null);
  for (const mo of [...byMonth.keys()].sort()) emit(byMonth.get(mo)!, null, mo);
  const order = (r: CompletenessRow): number => (r.group === null && r.month === null ? 0 : r.group !== null ? 1 : 2);
  // Stable: milestone in catalogue order, then all / groups / months (each already sorted).
  return rows.map((r, k) => ({ r, k })).sort((a, b) => ctx.names.indexOf(a.r.milestone) - ctx.names.indexOf(b.r.milestone) || order(a.r) - order(b.r) || a.k - b.k).map((x) => x.r);
}
