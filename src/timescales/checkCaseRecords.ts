/**
 * Data-quality checks of case records, before any timescale is trusted: every problem named with
 * the child, row, column and value, grouped by kind; completeness of each milestone; a stale
 * extract. Problems are reported, never thrown: only bad options throw.
 */
import { valueof, type Accessor } from "../_lib/accessor.js";
import { formatIsoDay } from "../_lib/calendar.js";
import { QiError, describeValue, type QiPath } from "../_lib/error.js";
import { catalogueNames, type CaseRecordOptions } from "./_caseRecords.js";
import type { MilestoneCatalogue, Route } from "./catalogue.js";
import { SCOTLAND_MILESTONES } from "./catalogue.js";
import { dayReader, expectedDateForm } from "./dates.js";
import { matchOrderType, milestoneMatcher } from "./headers.js";

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
  "missing-earlier": "later milestones with an earlier one missing",
  "conflicting-rows": "one child with conflicting rows",
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

interface Ev {
  m: number;
  day: number;
  row: number;
  column: string;
  raw: string;
  ep: string;
}

interface Child {
  id: string | number;
  events: Ev[];
  dob: number;
  dobRow: number;
  group: unknown;
  groupRow: number;
  rows: number[];
  /** The episode of each row (parallel to `rows`). */
  eps: string[];
}

function isMissing(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "") || (typeof v === "number" && Number.isNaN(v));
}

function text(v: unknown): string | null {
  if (isMissing(v)) return null;
  if (typeof v === "string") return v.length > 200 ? `${v.slice(0, 200)}…` : v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "Invalid Date" : v.toISOString();
  return describeValue(v);
}

const FIRST_YEAR_DAY = -25_567; // 1900-01-01: earlier dates in a case record are typos

/** Milestones every route passes in this order before its end (see `missing-earlier`). */
const CHAIN = ["permanence-recommendation", "permanence-panel", "adm-decision", "petition-lodged"];
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
 * - non-repeatable milestones recorded twice in an episode; one child with conflicting rows
 *   (wide rows that disagree; a date of birth that differs between rows);
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
  const ctx = setUp(options);
  const issues: CheckIssue[] = [];
  const children = readRows(events, options, ctx, issues);
  let latest = Number.NEGATIVE_INFINITY;
  for (const c of children.values()) {
    for (const e of c.events) if (e.day > latest) latest = e.day;
    checkChild(c, ctx, issues);
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
  const order = Object.keys(CHECK_KINDS) as CheckCode[];
  issues.sort((a, b) => order.indexOf(a.code) - order.indexOf(b.code) || (a.row ?? -1) - (b.row ?? -1));
  const counts = Object.fromEntries(order.map((k) => [k, 0])) as Record<CheckCode, number>;
  for (const i of issues) counts[i.code]++;
  return {
    asOf: ctx.asOf === null ? null : formatIsoDay(ctx.asOf),
    latestDate: Number.isFinite(latest) ? formatIsoDay(latest) : null,
    rows: events.length,
    children: children.size,
    issues,
    counts,
    completeness: completeness(children, ctx),
    warnings,
  };
}

interface Ctx {
  names: readonly string[];
  repeatable: boolean[];
  routes: readonly Route[];
  /** Each route's end milestones as indices (routeOf runs per child and episode). */
  routeEnds: { id: string; ends: number[] }[];
  /** One Map reused for each episode's first event per milestone (checkChild). */
  firstOf: Map<number, Ev>;
  /** `YYYY-MM` of a day, formatted once per distinct day (completeness by month). */
  monthOf: Map<number, string>;
  rank: Map<string, Map<number, number>>;
  defaultRoute: Map<number, number>;
  chains: Map<string, number[]>;
  defaultChain: number[];
  accommodated: number;
  day: (v: unknown) => number;
  dateHint: string;
  asOf: number | null;
  staleAfter: number;
  dob: ((d: unknown, i: number, data: readonly unknown[]) => unknown) | undefined;
  dobField: string;
  /** Wide: the column of each milestone read (milestones without one are never "missing"); null for long rows. */
  columnOf: Map<number, string> | null;
  msField: string;
}

function setUp(options: CheckCaseRecordsOptions): Ctx {
  const { names } = catalogueNames(options.catalogue);
  const cat: MilestoneCatalogue | null = options.catalogue === undefined ? SCOTLAND_MILESTONES : Array.isArray(options.catalogue) ? null : (options.catalogue as MilestoneCatalogue);
  const repeatable = names.map((_, k) => {
    const m: unknown = cat === null ? undefined : cat.milestones[k];
    return m === null || typeof m !== "object" || (m as { repeatable?: unknown }).repeatable !== false;
  });
  // Routes were checked by catalogueNames (ids and ends); anything else about them is optional.
  const routes = cat === null || !Array.isArray(cat.routes) ? [] : (cat.routes as readonly Route[]).filter((r) => r !== null && typeof r === "object" && typeof r.id === "string");
  const idx = (id: string): number => names.indexOf(id);
  const rank = new Map<string, Map<number, number>>();
  const chains = new Map<string, number[]>();
  for (const r of routes) {
    const list = (Array.isArray(r.milestones) ? r.milestones : []).map(idx).filter((k) => k >= 0 && !ONGOING.has(names[k]!));
    const ends = (Array.isArray(r.ends) ? r.ends : []).map(idx).filter((k) => k >= 0);
    rank.set(r.id, new Map(list.map((k, j) => [k, j])));
    const chain = CHAIN.map(idx).filter((k) => k >= 0 && list.includes(k));
    // An order is the end of the chain; a return home needs no recommendation first.
    chains.set(r.id, [...chain, ...ends.filter((k) => names[k] !== "returned-home")]);
  }
  // Without a route end, the permanence-order route's order stands in (every route shares its start).
  const base = routes.find((r) => r.id === "permanence-order") ?? routes[0];
  const defaultRoute = base === undefined ? new Map<number, number>() : rank.get(base.id)!;
  const defaultChain = CHAIN.slice(0, 3).map(idx).filter((k) => k >= 0);
  const reader = dayReader(options);
  let asOf: number | null = null;
  if (options.asOf !== undefined) {
    asOf = reader(options.asOf);
    if (Number.isNaN(asOf)) throw new QiError("invalid-date", ["options", "asOf"], `invalid asOf date ${describeValue(options.asOf)}`);
  }
  const staleAfter = options.staleAfter ?? 60;
  if (typeof staleAfter !== "number" || !Number.isFinite(staleAfter) || staleAfter < 0) throw new QiError("invalid-option", ["options", "staleAfter"], `staleAfter must be a number of days ≥ 0, not ${describeValue(staleAfter)}`);
  const dob = options.dateOfBirth === undefined ? undefined : valueof(options.dateOfBirth as Accessor<unknown> | string, "dateOfBirth");
  return {
    names, repeatable, routes, rank, defaultRoute, chains, defaultChain, accommodated: idx("accommodated"), day: reader,
    routeEnds: routes.map((r) => ({ id: r.id, ends: [...r.ends].map(idx).filter((k) => k >= 0) })), firstOf: new Map(), monthOf: new Map(),
    dateHint: expectedDateForm(options), asOf, staleAfter, dob,
    dobField: typeof options.dateOfBirth === "string" ? options.dateOfBirth : "dateOfBirth",
    columnOf: null,
    msField: typeof options.milestone === "string" ? options.milestone : "milestone",
  };
}

type Get = (d: unknown, i: number, data: readonly unknown[]) => unknown;

/** Wide: the milestone columns (a list for a recurring milestone) and an order column split by its type. */
interface WidePlan {
  cols: { m: number; get: Get; name: string }[];
  order: { date: Get; type: Get; dateName: string; typeName: string; cache: Map<string, number | undefined> } | null;
}

function widePlan<T>(options: CheckCaseRecordsOptions<T>, names: readonly string[], lookup: (n: unknown) => number | undefined, field: (ch: unknown, fallback: string) => string): WidePlan {
  const cols: WidePlan["cols"] = [];
  const given: unknown = options.columns ?? (options.orderType !== undefined ? {} : Object.fromEntries(names.map((n) => [n, n])));
  if (given === null || typeof given !== "object" || Array.isArray(given)) throw new QiError("invalid-option", ["options", "columns"], `columns must be an object, not ${describeValue(given)}`);
  for (const [id, ch] of Object.entries(given as Record<string, unknown>)) {
    const k = lookup(id);
    if (k === undefined) throw new QiError("unknown-milestone", ["options", "columns", id], `unknown milestone ${describeValue(id)}; known milestones: ${names.join(", ")}`);
    const list = Array.isArray(ch) ? (ch as unknown[]) : [ch];
    if (list.length === 0) throw new QiError("invalid-option", ["options", "columns", id], `columns.${id} is an empty list: give at least one column`);
    list.forEach((c, j) => cols.push({ m: k, get: valueof(c as Accessor<unknown> | string, `columns.${id}`) as Get, name: field(c, j === 0 ? id : `${id} ${j + 1}`) }));
  }
  const o: unknown = options.orderType;
  if (o === undefined) return { cols, order: null };
  if (o === null || typeof o !== "object" || Array.isArray(o)) throw new QiError("invalid-option", ["options", "orderType"], `orderType must be { column, type }, not ${describeValue(o)}`);
  const { column, type } = o as { column?: unknown; type?: unknown };
  for (const key of Object.keys(o)) if (key !== "column" && key !== "type") throw new QiError("invalid-option", ["options", "orderType", key], `unknown key ${describeValue(key)} in orderType (keys: column, type)`);
  return {
    cols,
    order: {
      date: valueof(column as Accessor<unknown> | string, "orderType.column") as Get,
      type: valueof(type as Accessor<unknown> | string, "orderType.type") as Get,
      dateName: field(column, "order"),
      typeName: field(type, "orderType"),
      cache: new Map(),
    },
  };
}

/** Wide: the order column's event, as its type column names it (problems reported). */
function readOrder(plan: WidePlan, d: unknown, i: number, data: readonly unknown[], evs: Ev[], ep: string, lookup: (n: unknown) => number | undefined, id: string | number | null, ctx: Ctx, issue: IssueFn): void {
  const o = plan.order!;
  const raw = o.date(d, i, data);
  if (isMissing(raw)) return;
  const day = ctx.day(raw);
  if (Number.isNaN(day)) {
    issue("invalid-date", id, i, o.dateName, raw, `${describeValue(text(raw))} is not a date (expected ${ctx.dateHint})`);
    return;
  }
  const t = o.type(d, i, data);
  const tText = typeof t === "string" ? t : typeof t === "number" ? String(t) : "";
  let m = o.cache.get(tText);
  if (m === undefined && !o.cache.has(tText)) {
    const found = matchOrderType(tText);
    m = found === null ? undefined : lookup(found);
    if (o.cache.size < 1000) o.cache.set(tText, m);
  }
  if (m === undefined) {
    issue("unknown-order-type", id, i, o.typeName, t, `the order on ${text(raw)} has ${tText.trim() === "" ? "no type" : `type ${describeValue(tText)}, which is not one of Adoption, PO, POA, KCO, s11`}: it is left out`);
    return;
  }
  const own = evs.find((e) => e.m === m);
  if (own !== undefined) {
    if (own.day !== day) issue("conflicting-rows", id, i, o.dateName, raw, `${ctx.names[m]} is ${own.raw} in ${describeValue(own.column)} but ${text(raw)} in ${describeValue(o.dateName)}`);
    return;
  }
  evs.push({ m, day, row: i, column: o.dateName, raw: text(raw) ?? "", ep });
}

/** One pass over the rows: per child, its dated events; row-level problems reported. */
function readRows<T>(events: readonly T[], options: CheckCaseRecordsOptions<T>, ctx: Ctx, issues: CheckIssue[]): Map<string | number, Child> {
  const names = ctx.names;
  const lookup = milestoneMatcher(names);
  const wide = (options.format ?? (options.columns !== undefined || options.orderType !== undefined ? "wide" : "long")) === "wide";
  if (options.format !== undefined && options.format !== "long" && options.format !== "wide") throw new QiError("invalid-option", ["options", "format"], `format must be "long" or "wide", not ${describeValue(options.format)}`);
  const field = (ch: unknown, fallback: string): string => (typeof ch === "string" ? ch : fallback);
  const childOf = valueof(options.child ?? "child", "child") as Get;
  const childField = field(options.child, "child");
  const episodeOf = valueof(options.episode ?? "episode", "episode") as Get;
  const groupOf = options.group === undefined ? undefined : (valueof(options.group, "group") as Get);
  const msOf = wide ? undefined : (valueof(options.milestone ?? "milestone", "milestone") as Get);
  const dateOf = wide ? undefined : (valueof(options.date ?? "date", "date") as Get);
  const dateField = field(options.date, "date");
  const plan: WidePlan = wide ? widePlan(options, names, lookup, field) : { cols: [], order: null };
  const cols = plan.cols;
  if (wide) ctx.columnOf = wideColumnOf(plan, names);
  // Keyed by the id itself: a Map tells child 1 from child "1" (SameValueZero), no key string per row.
  const byKey = new Map<string | number, Child>();
  const data = events as readonly unknown[];
  const issue: IssueFn = (code, child, row, column, raw, message) => {
    issues.push({ code, path: ["events", row, column], child, row, column, value: text(raw), message: child === null ? message : `child ${describeValue(child)}: ${message}` });
  };
  for (let i = 0; i < data.length; i++) {
    const d = data[i];
    const c = childOf(d, i, data);
    const okChild = (typeof c === "string" && c.trim() !== "") || (typeof c === "number" && Number.isFinite(c));
    const id = okChild ? (c as string | number) : null;
    const epRaw = episodeOf(d, i, data);
    const ep = typeof epRaw === "string" || typeof epRaw === "number" ? String(epRaw) : "";
    const evs: Ev[] = [];
    if (wide) {
      for (const col of cols) readDate(col.m, col.get(d, i, data), col.name, undefined, true, id, i, ep, evs, ctx, issue);
      if (plan.order !== null) readOrder(plan, d, i, data, evs, ep, lookup, id, ctx, issue);
    } else {
      const ms = msOf!(d, i, data);
      readDate(lookup(ms), dateOf!(d, i, data), dateField, ms, false, id, i, ep, evs, ctx, issue);
    }
    if (id === null) {
      if (evs.length > 0 || !wide) issue("missing-child", null, i, childField, c, "no child id: its dates belong to nobody");
      continue;
    }
    let child = byKey.get(id);
    if (child === undefined) {
      // A child's first row: its events are the row's (no copy); one-element lists (a wide
      // export's 100,000 children each keep theirs to the end, so every byte counts for the GC).
      child = { id, events: evs, dob: Number.NaN, dobRow: -1, group: undefined, groupRow: -1, rows: [i], eps: [ep] };
      byKey.set(id, child);
    } else {
      // Wide: a child's second row (same episode) must repeat its first (only then is it compared).
      const dup = wide && conflictingWideRow(child, ep, i, evs, cols, id, issue);
      child.rows.push(i);
      child.eps.push(ep);
      if (dup) continue;
      for (const e of evs) child.events.push(e);
    }
    if (ctx.dob !== undefined) readDob(child, ctx, d, i, data, issue);
    if (groupOf !== undefined && child.group === undefined) {
      const g = groupOf(d, i, data);
      if (!isMissing(g)) child.group = g;
    }
  }
  return byKey;
}

/** Wide: the column each milestone is read from (its first; an order milestone without one: the order column). */
function wideColumnOf(plan: WidePlan, names: readonly string[]): Map<number, string> {
  const out = new Map<number, string>();
  for (const c of plan.cols) if (!out.has(c.m)) out.set(c.m, c.name);
  if (plan.order !== null) {
    for (let k = 0; k < names.length; k++) {
      const id = matchOrderType(names[k]!);
      if (id === names[k] && !out.has(k)) out.set(k, plan.order.dateName);
    }
  }
  return out;
}

/** One date cell: an event, or the problem with it. */
function readDate(m: number | undefined, raw: unknown, column: string, msRaw: unknown, wide: boolean, id: string | number | null, i: number, ep: string, evs: Ev[], ctx: Ctx, issue: IssueFn): void {
  if (isMissing(raw)) {
    if (!wide) issue("invalid-date", id, i, column, raw, "the date is blank");
    return;
  }
  const day = ctx.day(raw);
  if (Number.isNaN(day)) issue("invalid-date", id, i, column, raw, `${describeValue(text(raw))} is not a date (expected ${ctx.dateHint})`);
  else if (day < FIRST_YEAR_DAY) issue("invalid-date", id, i, column, raw, `${formatIsoDay(day)} is before 1900: a typo?`);
  else if (m === undefined) issue("unknown-milestone", id, i, ctx.msField, msRaw, `unknown milestone ${describeValue(text(msRaw))}`);
  else evs.push({ m, day, row: i, column, raw: typeof raw === "string" && raw.length <= 200 ? raw : (text(raw) ?? ""), ep });
}

type IssueFn = (code: CheckCode, child: string | number | null, row: number, column: string, raw: unknown, message: string) => void;

/** Wide: a second row of a child (and episode) must repeat the first; true when it is skipped. */
function conflictingWideRow(child: Child, ep: string, i: number, evs: readonly Ev[], cols: readonly { m: number; name: string }[], id: string | number, issue: IssueFn): boolean {
  const j = child.eps.indexOf(ep);
  if (j < 0) return false; // another episode
  const firstRow = child.rows[j]!;
  const earlier = child.events.filter((e) => e.row === firstRow);
  const a = new Map(earlier.map((e) => [e.m, e.day]));
  const b = new Map(evs.map((e) => [e.m, e.day]));
  const differ = cols.filter((c) => a.get(c.m) !== b.get(c.m));
  if (differ.length > 0) {
    const col = differ[0]!;
    const e = evs.find((x) => x.m === col.m);
    issue("conflicting-rows", id, i, col.name, e?.raw ?? null, `this row and row ${firstRow} disagree in ${differ.map((c) => c.name).join(", ")} (one row per child and episode); this row is left out`);
  }
  return true;
}

function readDob(child: Child, ctx: Ctx, d: unknown, i: number, data: readonly unknown[], issue: IssueFn): void {
  const raw = ctx.dob!(d, i, data);
  if (isMissing(raw)) return;
  const day = ctx.day(raw);
  if (Number.isNaN(day)) {
    issue("invalid-date", child.id, i, ctx.dobField, raw, `date of birth ${describeValue(text(raw))} is not a date (expected ${ctx.dateHint})`);
    return;
  }
  if (Number.isNaN(child.dob)) {
    child.dob = day;
    child.dobRow = i;
  } else if (child.dob !== day) {
    issue("conflicting-rows", child.id, i, ctx.dobField, raw, `date of birth ${formatIsoDay(day)} here but ${formatIsoDay(child.dob)} in row ${child.dobRow}`);
  }
}

function describeEv(ctx: Ctx, e: Ev): string {
  return `${ctx.names[e.m]} on ${formatIsoDay(e.day)}`;
}

const byDayThenRow = (a: Ev, b: Ev): number => a.day - b.day || a.row - b.row;

/** A child's events by episode, in order of each episode's first event. */
function byEpisode(events: readonly Ev[]): Ev[][] {
  const episodes = new Map<string, Ev[]>();
  for (const e of events) {
    let list = episodes.get(e.ep);
    if (list === undefined) episodes.set(e.ep, (list = []));
    list.push(e);
  }
  return [...episodes.values()];
}

/** Per child and episode: dates against birth and extract, repeats, order and gaps. */
function checkChild(c: Child, ctx: Ctx, issues: CheckIssue[]): void {
  const push = (code: CheckCode, e: Ev, message: string): void => {
    issues.push({ code, path: ["events", e.row, e.column], child: c.id, row: e.row, column: e.column, value: e.raw, message: `child ${describeValue(c.id)}: ${message}` });
  };
  let oneEpisode = true;
  for (const e of c.events) {
    if (!Number.isNaN(c.dob) && e.day < c.dob) push("before-birth", e, `${describeEv(ctx, e)} is before the date of birth ${formatIsoDay(c.dob)}`);
    if (ctx.asOf !== null && e.day > ctx.asOf) push("after-extract", e, `${describeEv(ctx, e)} is after the extract date ${formatIsoDay(ctx.asOf)}`);
    if (e.ep !== c.events[0]!.ep) oneEpisode = false;
  }
  // Most children have one episode: their events are its list (sorted in place: every later use
  // of c.events is order-free), without a Map of episodes.
  const episodes = oneEpisode ? [c.events] : byEpisode(c.events);
  const firstOf = ctx.firstOf;
  for (const evs of episodes) {
    evs.sort(byDayThenRow);
    firstOf.clear();
    for (const e of evs) {
      const prev = firstOf.get(e.m);
      if (prev === undefined) firstOf.set(e.m, e);
      else if (!ctx.repeatable[e.m] && !(prev.day === e.day)) push("repeated-milestone", e, `${describeEv(ctx, e)} repeats ${ctx.names[e.m]} on ${formatIsoDay(prev.day)} (row ${prev.row}), which happens once an episode`);
      else if (!ctx.repeatable[e.m]) push("repeated-milestone", e, `${ctx.names[e.m]} is recorded twice on ${formatIsoDay(e.day)} (rows ${prev.row} and ${e.row})`);
    }
    const route = routeOf(firstOf, ctx);
    const rank = route === null ? ctx.defaultRoute : ctx.rank.get(route)!;
    outOfOrder(firstOf, rank, ctx, push);
    afterEnd(evs, rank, ctx, push);
    missingEarlier(firstOf, route === null ? ctx.defaultChain : ctx.chains.get(route)!, ctx, c, issues);
  }
}

function routeOf(firstOf: ReadonlyMap<number, Ev>, ctx: Ctx): string | null {
  let route: string | null = null;
  let day = 0;
  for (const r of ctx.routeEnds) {
    for (const end of r.ends) {
      const e = firstOf.get(end);
      if (e !== undefined && (route === null || e.day < day)) {
        route = r.id;
        day = e.day;
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
function outOfOrder(firstOf: ReadonlyMap<number, Ev>, rank: ReadonlyMap<number, number>, ctx: Ctx, push: (code: CheckCode, e: Ev, message: string) => void): void {
  const list = [...firstOf.values()].filter((e) => rank.has(e.m)).sort((a, b) => rank.get(a.m)! - rank.get(b.m)!);
  const n = list.length;
  if (n < 2) return;
  let sorted = true;
  for (let j = 1; j < n; j++) if (list[j]!.day < list[j - 1]!.day) sorted = false;
  if (sorted) return;
  const len = new Array<number>(n).fill(1);
  const prev = new Array<number>(n).fill(-1);
  for (let j = 0; j < n; j++) {
    for (let k = 0; k < j; k++) {
      if (list[k]!.day <= list[j]!.day && len[k]! + 1 > len[j]!) {
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
    let other: Ev | undefined;
    for (let k = j - 1; k >= 0 && other === undefined; k--) if (kept.has(k) && list[k]!.day > e.day) other = list[k];
    if (other !== undefined) {
      push("out-of-order", e, `${describeEv(ctx, e)} is before ${describeEv(ctx, other)}, which comes first on the route`);
      continue;
    }
    for (let k = j + 1; k < n && other === undefined; k++) if (kept.has(k) && list[k]!.day < e.day) other = list[k];
    push("out-of-order", e, `${describeEv(ctx, e)} is after ${other === undefined ? "a later milestone" : describeEv(ctx, other)}, which comes later on the route`);
  }
}

/** A milestone off the route (so not in its order) dated after the episode ended. */
function afterEnd(evs: readonly Ev[], rank: ReadonlyMap<number, number>, ctx: Ctx, push: (code: CheckCode, e: Ev, message: string) => void): void {
  const end = evs.find((e) => ctx.names[e.m] === "ceased-looked-after");
  if (end === undefined) return;
  for (const e of evs) {
    if (e.day > end.day && !rank.has(e.m) && !ONGOING.has(ctx.names[e.m]!)) push("out-of-order", e, `${describeEv(ctx, e)} is after the episode ended (${describeEv(ctx, end)})`);
  }
}

/** A milestone of the route's chain missing while a later one is dated: one problem per gap. */
function missingEarlier(firstOf: ReadonlyMap<number, Ev>, chain: readonly number[], ctx: Ctx, c: Child, issues: CheckIssue[]): void {
  let later: Ev | undefined;
  for (let j = chain.length - 1; j >= 0; j--) {
    const m = chain[j]!;
    if (ctx.columnOf !== null && !ctx.columnOf.has(m)) continue; // no column for it at all
    const e = firstOf.get(m);
    if (e !== undefined) {
      later ??= e;
      continue;
    }
    if (later === undefined) continue;
    const column = ctx.columnOf === null ? ctx.msField : ctx.columnOf.get(m)!;
    issues.push({
      code: "missing-earlier",
      path: ["events", later.row, column],
      child: c.id,
      row: later.row,
      column,
      value: null,
      message: `child ${describeValue(c.id)}: ${ctx.names[m]} has no date, but ${describeEv(ctx, later)} is recorded`,
    });
  }
}

/** {@link routeOf} over a child's earliest days by milestone (`seen[m] === k`: the child has m). */
function firstRoute(first: Float64Array, seen: Int32Array, k: number, ctx: Ctx): string | null {
  let route: string | null = null;
  let day = 0;
  for (const r of ctx.routeEnds) {
    for (const end of r.ends) {
      if (seen[end] === k && (route === null || first[end]! < day)) {
        route = r.id;
        day = first[end]!;
      }
    }
  }
  return route;
}

/** `YYYY-MM` of a day number (each distinct day formatted once). */
function monthText(ctx: Ctx, day: number): string {
  let m = ctx.monthOf.get(day);
  if (m === undefined) ctx.monthOf.set(day, (m = formatIsoDay(day).slice(0, 7)));
  return m;
}

/** Completeness per milestone: all, by group, by month of first accommodation. */
function completeness(children: ReadonlyMap<string | number, Child>, ctx: Ctx): CompletenessRow[] {
  const n = ctx.names.length;
  // Per key (all / a group / a month): expected and recorded counts by milestone index.
  const all = { expected: new Int32Array(n), recorded: new Int32Array(n) };
  const byGroup = new Map<string, typeof all>();
  const byMonth = new Map<string, typeof all>();
  const counts = (map: Map<string, typeof all>, key: string): typeof all => {
    let c = map.get(key);
    if (c === undefined) map.set(key, (c = { expected: new Int32Array(n), recorded: new Int32Array(n) }));
    return c;
  };
  // Each child's earliest day per milestone, in arrays by milestone index: `seen[m] === child`
  // marks the milestones this child has (no Map per child, nothing to clear).
  const first = new Float64Array(n);
  const seen = new Int32Array(n).fill(-1);
  const noColumn = Uint8Array.from(ctx.names, (_, m) => (ctx.columnOf !== null && !ctx.columnOf.has(m) ? 1 : 0));
  let k = -1;
  for (const c of children.values()) {
    k++;
    for (const e of c.events) {
      if (seen[e.m] !== k || e.day < first[e.m]!) {
        seen[e.m] = k;
        first[e.m] = e.day;
      }
    }
    const route = firstRoute(first, seen, k, ctx);
    const chain = route === null ? ctx.defaultChain : ctx.chains.get(route)!;
    const acc = ctx.accommodated >= 0 && seen[ctx.accommodated] === k ? first[ctx.accommodated]! : null;
    const month = counts(byMonth, acc === null ? "none" : monthText(ctx, acc));
    const group = c.group === undefined ? null : counts(byGroup, String(text(c.group)));
    let passed = false;
    for (let j = chain.length - 1; j >= 0; j--) {
      const m = chain[j]!;
      if (noColumn[m] === 1) continue;
      const has = seen[m] === k;
      if (passed) {
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
  const rows: CompletenessRow[] = [];
  const emit = (t: typeof all, group: string | null, month: string | null): void => {
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
