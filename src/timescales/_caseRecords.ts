/**
 * Private: read case records (long event rows or wide rows) into compact per-child event lists,
 * validating every row. One pass over the rows, a Map keyed by child: linear time.
 */
import { valueof, type Accessor } from "../_lib/accessor.js";
import { formatIsoDay } from "../_lib/calendar.js";
import { QiError, describeValue, type QiIssue, type QiPath } from "../_lib/error.js";
import { objectOption } from "../_lib/options.js";
import { SCOTLAND_MILESTONES, type MilestoneCatalogue } from "./catalogue.js";
import { dayReader, expectedDateForm, type ReadDateOptions } from "./dates.js";
import { matchOrderType, milestoneMatcher } from "./headers.js";

/** Options shared by everything that reads case records. */
export interface CaseRecordOptions<T = any> extends ReadDateOptions {
  /** `"long"`: one row per event (default); `"wide"`: one row per child with a column per milestone. */
  format?: "long" | "wide";
  /** Child id accessor. Default `"child"`. */
  child?: Accessor<T> | string;
  /** Milestone name accessor (long format). Default `"milestone"`. */
  milestone?: Accessor<T> | string;
  /** Event date accessor (long format): a date string in the `dates` order, or a Date. Default `"date"`. */
  date?: Accessor<T> | string;
  /** Episode accessor; rows without a value belong to episode 1. Default `"episode"`. */
  episode?: Accessor<T> | string;
  /**
   * Without episode values, start a new episode at each repeat of this milestone (e.g.
   * `"looked-after"`). Default: none (all of a child's events form one episode).
   */
  splitEpisodesAt?: string;
  /**
   * Wide format: milestone id → column name or accessor, or a list of them for a milestone that
   * recurs in one row (`"lac-review": ["LAC Review", "LAC Review 2", "LAC Review 3"]`). Default:
   * every catalogue milestone id read from the column of the same name.
   */
  columns?: Readonly<Record<string, Accessor<T> | string | readonly (Accessor<T> | string)[]>>;
  /**
   * Wide format: an order column whose milestone is named per row by another column, as
   * trackers keep it ("Order Granted" with "Order Type": Adoption, PO, POA, KCO, s11; see
   * {@link matchOrderType}). Each dated row becomes the milestone its type names; a date with a
   * blank or unknown type is an `unknown-order-type` problem, and a date that differs from the
   * milestone's own column on the same row a `conflicting-rows` one. Default: none.
   */
  orderType?: { column: Accessor<T> | string; type: Accessor<T> | string };
  /** Milestone catalogue (or a plain list of milestone ids). Default {@link SCOTLAND_MILESTONES}. */
  catalogue?: MilestoneCatalogue | readonly string[];
  /** `"error"` (default) rejects unknown milestone names; `"ignore"` skips them with a warning. */
  unknownMilestones?: "error" | "ignore";
  /** A per-child value carried to the output (first non-empty value seen), e.g. `"authority"`. */
  group?: Accessor<T> | string;
  /**
   * The child's date of birth (field or accessor; a date in the `dates` order, or a Date): gives
   * each duration row its age at the stage's start. The first non-empty value of a child is
   * used; a different one on another row is a QiError `conflicting-date-of-birth`.
   */
  dateOfBirth?: Accessor<T> | string;
}

/** Compact, validated case records. */
export interface CaseRecords {
  names: readonly string[];
  index: ReadonlyMap<string, number>;
  routeOf: ReadonlyArray<string | null>;
  /** Per milestone: 1 when it ends the episode (`endsEpisode` in the catalogue). */
  endsEpisode: Uint8Array;
  /** Route ids of the catalogue (empty for a plain list of names). */
  routeIds: readonly string[];
  /** Number of events. */
  n: number;
  /** Per event (parallel arrays, length ≥ n). */
  day: Int32Array;
  milestone: Int32Array;
  row: Int32Array;
  episode: unknown[];
  /** Path field names for error messages. */
  dateField: string;
  /** The date-of-birth field name (for paths). */
  dobField: string;
  /** Wide format: the column name of each milestone (by milestone index); null for long rows. */
  columnOf: ReadonlyArray<string> | null;
  /**
   * Wide format: per milestone, 1 when some column is read as its date (a `columns` entry, or the
   * order column of `orderType` for an order); null for long rows, where any milestone may come.
   * A milestone without a column has no dates because the records cannot hold any, not because
   * nothing happened (the stages do not estimate a stage that needs it).
   */
  hasColumn: Uint8Array | null;
  /** Wide format: the column an event was read from (repeated milestones have several); null for long rows. */
  eventColumn?: ((e: number) => string) | null;
  /** Wide format: per event, the index of its column in the `columns` read (−1: the order column); unset for long rows. */
  col: Int32Array;
  children: Bucket[];
  unknownIgnored: number;
  /** Wide rows merged into an identical earlier row of the same child and episode. */
  duplicateRows: number;
  /** The first few of them (up to 20): child, the row merged and the row it repeats. */
  duplicates: { child: string | number; row: number; of: number }[];
  /** Child ids read without the white space around them (see {@link childIdOf}), and the first one. */
  paddedIds: PaddedIds | null;
  /**
   * Wide `orderType`: orders whose type is blank or unknown — left out (as the data check leaves
   * them), each child's earliest on its bucket (`untypedOrder`) for the stages to leave out the
   * episodes it could change; how many, and the first few by child and row.
   */
  untypedOrders: { count: number; first: { child: string | number; row: number }[] };
  maxDay: number;
  /** Private caches shared by every stage computed from these records (never user input). */
  cache: {
    episodes: Map<number, ChildEpisodes[]>;
    dayText: Map<number, string>;
    /** `YYYY-MM-DD` of the days from dayBase (the earliest event day) on, by offset, filled when first asked; null when the span is too wide. */
    dayList: (string | undefined)[] | null;
    dayBase: number;
    exitsChecked?: Set<number>;
    birthChecked?: boolean;
    tables?: Map<string, EpisodeTable>;
    /** Packed calendar parts of a day (_stageEpisode.ts ageAt): by slot (0: not yet), else in the map. */
    dayParts?: Int32Array;
    parts?: Map<number, number>;
  };
}

export interface Bucket {
  child: string | number;
  group: unknown;
  events: number[];
  /** Date of birth as a day number (NaN when not given), and the row it was read from. */
  dob?: number | undefined;
  dobRow?: number | undefined;
  /** Wide `orderType`: the day of the child's earliest order whose type is blank or unknown (the order is left out). */
  untypedOrder?: number | undefined;
}

/** A child's episodes (see {@link episodesOf}). */
export interface ChildEpisodes {
  bucket: Bucket;
  episodes: Episode[];
}

function fieldName(channel: unknown, fallback: string): string {
  return typeof channel === "string" ? channel : fallback;
}

function isMissing(v: unknown): boolean {
  return v === null || v === undefined || v === "" || (typeof v === "number" && Number.isNaN(v));
}

/** A child's date of birth from one row: the first non-empty value; a different later one is an issue. */
function readBirth(b: Bucket, v: unknown, i: number, field: string, dayOf: (v: unknown) => number, hint: string, issue: (code: QiIssue["code"], path: QiPath, message: string) => void): void {
  if (isMissing(v)) return;
  const dn = dayOf(v);
  if (Number.isNaN(dn)) {
    issue("invalid-date", ["events", i, field], `child ${describeValue(b.child)}: invalid date of birth ${describeValue(v)}${hint}`);
    return;
  }
  if (b.dob === undefined || Number.isNaN(b.dob)) {
    b.dob = dn;
    b.dobRow = i;
  } else if (b.dob !== dn) {
    issue("conflicting-date-of-birth", ["events", i, field], `child ${describeValue(b.child)}: date of birth ${formatIsoDay(dn)} differs from ${formatIsoDay(b.dob)} on row ${b.dobRow}`);
  }
}

/** Milestone ids of a catalogue argument. */
export function catalogueNames(catalogue: MilestoneCatalogue | readonly string[] | undefined): { names: string[]; routeOf: (string | null)[]; endsEpisode: Uint8Array; routeIds: string[] } {
  const cat = catalogue ?? SCOTLAND_MILESTONES;
  if (Array.isArray(cat)) {
    const names = (cat as readonly unknown[]).map((n, i) => {
      if (typeof n !== "string" || n === "") throw new QiError("invalid-option", ["options", "catalogue", i], `milestone names must be non-empty strings, not ${describeValue(n)}`);
      return n;
    });
    // A plain list has no flags: "ceased-looked-after", the name both catalogues use, ends the episode.
    return { names, routeOf: names.map(() => null), endsEpisode: Uint8Array.from(names, (n) => (n === CEASED ? 1 : 0)), routeIds: [] };
  }
  const c = cat as MilestoneCatalogue;
  if (c === null || typeof c !== "object" || !Array.isArray(c.milestones)) {
    throw new QiError("invalid-option", ["options", "catalogue"], "catalogue must be a milestone catalogue or an array of milestone names");
  }
  const names = (c.milestones as readonly unknown[]).map((m, i) => {
    const id = m !== null && typeof m === "object" ? (m as { id?: unknown }).id : undefined;
    if (typeof id !== "string" || id === "") throw new QiError("invalid-option", ["options", "catalogue", "milestones", i, "id"], `milestone ids must be non-empty strings, not ${describeValue(id)}`);
    return id;
  });
  const endsEpisode = Uint8Array.from(c.milestones as readonly unknown[], (m) => ((m as { endsEpisode?: unknown }).endsEpisode === true ? 1 : 0));
  const routeIds: string[] = [];
  const routeOf: (string | null)[] = names.map(() => null);
  const routes: unknown = c.routes ?? [];
  if (!Array.isArray(routes)) throw new QiError("invalid-option", ["options", "catalogue", "routes"], `routes must be an array, not ${describeValue(routes)}`);
  for (const [i, r] of (routes as readonly unknown[]).entries()) {
    const ends = r !== null && typeof r === "object" ? (r as { ends?: unknown }).ends : undefined;
    if (!Array.isArray(ends)) throw new QiError("invalid-option", ["options", "catalogue", "routes", i, "ends"], `a route's ends must be an array of milestone ids, not ${describeValue(ends)}`);
    const id = (r as { id?: unknown }).id;
    if (typeof id !== "string") throw new QiError("invalid-option", ["options", "catalogue", "routes", i, "id"], `route ids must be strings, not ${describeValue(id)}`);
    routeIds.push(id);
    for (const end of ends as readonly unknown[]) {
      const k = typeof end === "string" ? names.indexOf(end) : -1;
      if (k >= 0 && routeOf[k] === null) routeOf[k] = id;
    }
  }
  return { names, routeOf, endsEpisode, routeIds };
}

const CEASED = "ceased-looked-after";

/** "unknown milestone x; known milestones: a, b, c" */
export function unknownMessage(name: unknown, names: readonly string[]): string {
  return `unknown milestone ${describeValue(name)}; known milestones: ${names.join(", ")}`;
}

const MAX_ISSUES = 1000;

/** Throw one QiError listing every issue (the first is the error's code and path). */
export function throwIssues(issues: QiIssue[], what: string): never {
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (${issues.length}${issues.length >= MAX_ISSUES ? "+" : ""} problems in ${what}; see issues)` : "";
  throw new QiError(first.code, first.path, `${first.message}${more}`, issues);
}

type Get<T> = (d: T, i: number, data: readonly T[]) => unknown;

/** A wide column read as a milestone's date. */
export interface WideColumn<T> {
  m: number;
  get: Get<T>;
  name: string;
}

/** Wide: an order column whose milestone each row's type column names (see `orderType`). */
export interface OrderSplit<T> {
  date: Get<T>;
  type: Get<T>;
  dateName: string;
  typeName: string;
  /** Type text → milestone index (undefined: not an order type of the catalogue). */
  cache: Map<string, number | undefined>;
}

/** What to read from each row: the options resolved once. */
interface ReadPlan<T> {
  format: "long" | "wide";
  names: readonly string[];
  lookup: (name: unknown) => number | undefined;
  unknownPolicy: "error" | "ignore";
  childOf: Get<T>;
  episodeOf: Get<T>;
  groupOf: Get<T> | undefined;
  dobOf: Get<T> | undefined;
  msOf: Get<T> | undefined;
  dateOf: Get<T> | undefined;
  childField: string;
  dateField: string;
  msField: string;
  epField: string;
  dobField: string;
  wide: WideColumn<T>[];
  order: OrderSplit<T> | null;
}

function readPlan<T>(options: CaseRecordOptions<T>, names: readonly string[]): ReadPlan<T> {
  // Milestone names are matched forgivingly ("Permanence Recommendation", "perm rec"): headers.ts.
  const lookup = milestoneMatcher(names);
  const format = options.format ?? (options.columns !== undefined || options.orderType !== undefined ? "wide" : "long");
  if (format !== "long" && format !== "wide") throw new QiError("invalid-option", ["options", "format"], `format must be "long" or "wide", not ${describeValue(format)}`);
  const unknownPolicy = options.unknownMilestones ?? "error";
  if (unknownPolicy !== "error" && unknownPolicy !== "ignore") {
    throw new QiError("invalid-option", ["options", "unknownMilestones"], `unknownMilestones must be "error" or "ignore", not ${describeValue(unknownPolicy)}`);
  }
  const childCh = options.child ?? "child";
  const dateCh = options.date ?? "date";
  const msCh = options.milestone ?? "milestone";
  const epCh = options.episode ?? "episode";
  return {
    format,
    names,
    lookup,
    unknownPolicy,
    childOf: valueof<T>(childCh, "child"),
    episodeOf: valueof<T>(epCh, "episode"),
    groupOf: options.group === undefined ? undefined : valueof<T>(options.group, "group"),
    dobOf: options.dateOfBirth === undefined ? undefined : valueof<T>(options.dateOfBirth, "dateOfBirth"),
    msOf: format === "long" ? valueof<T>(msCh, "milestone") : undefined,
    dateOf: format === "long" ? valueof<T>(dateCh, "date") : undefined,
    childField: fieldName(childCh, "child"),
    dateField: fieldName(dateCh, "date"),
    msField: fieldName(msCh, "milestone"),
    epField: fieldName(epCh, "episode"),
    dobField: fieldName(options.dateOfBirth, "dateOfBirth"),
    wide: format === "wide" ? wideColumnsOf(options, names, lookup) : [],
    order: format === "wide" ? orderSplitOf(options) : null,
  };
}

/**
 * Wide columns: milestone → a column (or, for a milestone that repeats, a list of columns such
 * as "LAC Review", "LAC Review 2"). Default: each catalogue id read from the column of its name.
 */
export function wideColumnsOf<T>(options: CaseRecordOptions<T>, names: readonly string[], lookup: (name: unknown) => number | undefined): WideColumn<T>[] {
  const given: unknown = options.columns ?? (options.orderType !== undefined ? {} : Object.fromEntries(names.map((n) => [n, n])));
  if (given === null || typeof given !== "object" || Array.isArray(given)) throw new QiError("invalid-option", ["options", "columns"], `columns must map milestone ids to columns, not ${describeValue(given)}`);
  const wide: WideColumn<T>[] = [];
  for (const [m, ch] of Object.entries(given as Record<string, unknown>)) {
    const k = lookup(m);
    if (k === undefined) throw new QiError("unknown-milestone", ["options", "columns", m], unknownMessage(m, names));
    const list = Array.isArray(ch) ? (ch as unknown[]) : [ch];
    if (list.length === 0) throw new QiError("invalid-option", ["options", "columns", m], `columns.${m} is an empty list: give at least one column`);
    list.forEach((c, j) => {
      const path = Array.isArray(ch) ? `columns.${m}[${j}]` : `columns.${m}`;
      // An accessor's events are named by the milestone ("lac-review", then "lac-review 2"…).
      wide.push({ m: k, get: valueof<T>(c as Accessor<T> | string, path), name: fieldName(c, j === 0 ? m : `${m} ${j + 1}`) });
    });
  }
  return wide;
}

export function orderSplitOf<T>(options: CaseRecordOptions<T>): OrderSplit<T> | null {
  const o: unknown = options.orderType;
  if (o === undefined) return null;
  if (o === null || typeof o !== "object" || Array.isArray(o)) {
    throw new QiError("invalid-option", ["options", "orderType"], `orderType must be { column, type } (the order-date column and the column naming its type), not ${describeValue(o)}`);
  }
  const { column, type } = o as { column?: unknown; type?: unknown };
  for (const [key, v] of [["column", column], ["type", type]] as const) {
    if (typeof v !== "string" && typeof v !== "function") throw new QiError("invalid-option", ["options", "orderType", key], `orderType.${key} must be a column name or an accessor, not ${describeValue(v)}`);
  }
  for (const key of Object.keys(o)) if (key !== "column" && key !== "type") throw new QiError("invalid-option", ["options", "orderType", key], `unknown key ${describeValue(key)} in orderType (keys: column, type)`);
  return {
    date: valueof<T>(column as Accessor<T> | string, "orderType.column"),
    type: valueof<T>(type as Accessor<T> | string, "orderType.type"),
    dateName: fieldName(column, "order"),
    typeName: fieldName(type, "orderType"),
    cache: new Map(),
  };
}

/** The milestone index an order type names ("Adoption", "PO", "POA", "KCO", "s11"), or undefined. */
export function orderMilestone<T>(o: OrderSplit<T>, t: unknown, lookup: (name: unknown) => number | undefined): number | undefined {
  const text = typeof t === "string" ? t : typeof t === "number" ? String(t) : "";
  if (o.cache.has(text)) return o.cache.get(text);
  const id = matchOrderType(text);
  const k = id === null ? undefined : lookup(id);
  if (o.cache.size < 1000) o.cache.set(text, k);
  return k;
}

/** Events read so far (parallel arrays) and the problems found. */
interface ReadState {
  day: Int32Array;
  milestone: Int32Array;
  row: Int32Array;
  /** Wide: the index in plan.wide of each event's column (-1 for the order column). */
  col: Int32Array;
  episode: unknown[];
  anyEpisode: boolean;
  n: number;
  maxDay: number;
  minDay: number;
  issues: QiIssue[];
  dayOf: (v: unknown) => number;
  dateHint: string;
  unknownIgnored: number;
  duplicateRows: number;
  duplicates: { child: string | number; row: number; of: number }[];
  paddedIds: PaddedIds | null;
  /** The current row's order whose type is blank or unknown: its day (NaN: none). */
  untypedDay: number;
  untyped: { count: number; first: { child: string | number; row: number }[] };
}

/** Child ids read without the white space around them: how many, and the first (its row and value as given). */
export interface PaddedIds {
  count: number;
  row: number;
  value: string;
}

/**
 * A child id as both readers (the stages' and the check's) take it: a string with white space
 * around it is read without it, as the CLI trims every cell — a user trial found `"C05 "` and
 * `"C05"` counted as two children by the library and one by the CLI — and counted in
 * `into.paddedIds` for the warning. The common case, a printable ASCII character at each end,
 * costs two charCodeAt.
 */
export function childIdOf(c: unknown, row: number, into: { paddedIds: PaddedIds | null }): unknown {
  if (typeof c !== "string" || c.length === 0) return c;
  const a = c.charCodeAt(0);
  const b = c.charCodeAt(c.length - 1);
  if (a > 32 && a < 127 && b > 32 && b < 127) return c;
  const t = c.trim();
  if (t === c) return c;
  if (into.paddedIds === null) into.paddedIds = { count: 1, row, value: c };
  else into.paddedIds.count++;
  return t;
}

function issue(st: ReadState, code: QiIssue["code"], path: QiPath, message: string): void {
  if (st.issues.length < MAX_ISSUES) st.issues.push({ code, path, message });
}

function pushEvent(st: ReadState, m: number, dn: number, i: number, col: number): void {
  const n = st.n++;
  st.day[n] = dn;
  st.milestone[n] = m;
  st.row[n] = i;
  st.col[n] = col;
  if (dn > st.maxDay) st.maxDay = dn;
  if (dn < st.minDay) st.minDay = dn;
}

/** Long: one event from the row (or its problems). */
function readLongRow<T>(plan: ReadPlan<T>, st: ReadState, d: T, i: number, data: readonly T[], childOk: boolean, who: () => string): void {
  const m = plan.msOf!(d, i, data);
  const k = plan.lookup(m);
  if (k === undefined) {
    if (plan.unknownPolicy === "ignore" && typeof m === "string" && m !== "") st.unknownIgnored++;
    else issue(st, "unknown-milestone", ["events", i, plan.msField], `${unknownMessage(m, plan.names)}${who()}`);
  }
  const dv = plan.dateOf!(d, i, data);
  const dn = st.dayOf(dv);
  if (Number.isNaN(dn)) issue(st, "invalid-date", ["events", i, plan.dateField], `invalid date ${describeValue(dv)}${who()}${st.dateHint}`);
  else if (k !== undefined && childOk) pushEvent(st, k, dn, i, -1);
}

/** Wide: an event per dated column (written at st.n…; the caller may roll them back). */
function readWideRow<T>(plan: ReadPlan<T>, st: ReadState, d: T, i: number, data: readonly T[], childOk: boolean, who: () => string): void {
  const wide = plan.wide;
  const start = st.n;
  for (let j = 0; j < wide.length; j++) {
    const col = wide[j]!;
    const dv = col.get(d, i, data);
    if (isMissing(dv)) continue;
    const dn = st.dayOf(dv);
    if (Number.isNaN(dn)) issue(st, "invalid-date", ["events", i, col.name], `invalid date ${describeValue(dv)}${who()}${st.dateHint}`);
    else if (childOk) pushEvent(st, col.m, dn, i, j);
  }
  const o = plan.order;
  if (o === null) return;
  const dv = o.date(d, i, data);
  if (isMissing(dv)) return;
  const dn = st.dayOf(dv);
  if (Number.isNaN(dn)) {
    issue(st, "invalid-date", ["events", i, o.dateName], `invalid date ${describeValue(dv)}${who()}${st.dateHint}`);
    return;
  }
  const t = o.type(d, i, data);
  const k = orderMilestone(o, t, plan.lookup);
  if (k === undefined) {
    // Left out, as the data check leaves it out ("it is left out"), and kept on the child's
    // bucket: the stages leave out the episodes it could change (stageDurations.ts stageRows;
    // docs/timescales.md, "An order column with its type in another column").
    if (childOk) st.untypedDay = dn;
    return;
  }
  if (!childOk) return;
  // The order's milestone may have a column of its own too: the same date is one event.
  for (let e = start; e < st.n; e++) {
    if (st.milestone[e] !== k) continue;
    if (st.day[e] !== dn) issue(st, "conflicting-rows", ["events", i, o.dateName], `${plan.names[k]} is ${formatIsoDay(st.day[e]!)} in ${describeValue(wide[st.col[e]!]!.name)} but ${formatIsoDay(dn)} in ${describeValue(o.dateName)}${who()}`);
    return;
  }
  pushEvent(st, k, dn, i, -1);
}

/** The first wide row of a child and episode: its events, to compare a repeated row against. */
interface FirstRow {
  i: number;
  start: number;
  end: number;
}

/** The columns in which two wide rows' events differ (by column; the order column as its name). */
function wideDifference<T>(plan: ReadPlan<T>, st: ReadState, a: FirstRow, b: FirstRow): string[] {
  const key = (e: number): string => `${st.col[e]}:${st.milestone[e]}:${st.day[e]}`;
  const left = new Set<string>();
  for (let e = a.start; e < a.end; e++) left.add(key(e));
  const right = new Set<string>();
  for (let e = b.start; e < b.end; e++) right.add(key(e));
  const differ = new Set<string>();
  const name = (e: number): string => (st.col[e]! < 0 ? plan.order!.dateName : plan.wide[st.col[e]!]!.name);
  for (let e = a.start; e < a.end; e++) if (!right.has(key(e))) differ.add(name(e));
  for (let e = b.start; e < b.end; e++) if (!left.has(key(e))) differ.add(name(e));
  return [...differ];
}

/**
 * A bucket while reading: wide rows also keep their child's first row without an episode value
 * (row index, or −1, and its events st.n positions firstStart … firstEnd − 1: numbers, not an
 * object per row) and the first row of each episode value.
 */
type ReadBucket = Bucket & { firstRow: number; firstStart: number; firstEnd: number; firstByEpisode?: Map<string, FirstRow> };

/** Per-child buckets, by id (numbers and strings apart: child 1 is not child "1"). */
interface Buckets {
  byString: Map<string, ReadBucket>;
  byNumber: Map<number, ReadBucket>;
  list: Bucket[];
  /** The last child looked up and its bucket (a long export lists a child's rows together). */
  lastChild: string | number | undefined;
  last: ReadBucket | undefined;
}

function bucketOf(b: Buckets, c: string | number): ReadBucket {
  if (c === b.lastChild) return b.last!;
  let bucket = typeof c === "number" ? b.byNumber.get(c) : b.byString.get(c);
  if (bucket === undefined) {
    // Every field from the start: one shape for every bucket.
    bucket = { child: c, group: undefined, events: [], dob: undefined, dobRow: undefined, untypedOrder: undefined, firstRow: -1, firstStart: 0, firstEnd: 0 };
    if (typeof c === "number") b.byNumber.set(c, bucket);
    else b.byString.set(c, bucket);
    b.list.push(bucket);
  }
  b.lastChild = c;
  b.last = bucket;
  return bucket;
}

/**
 * Wide: one row per child (and episode). A repeat must say the same thing (then it is merged
 * into the first, and its events rolled back), or it is a conflict. True when the row is dropped.
 */
function repeatedWideRow<T>(plan: ReadPlan<T>, st: ReadState, bucket: ReadBucket, i: number, start: number, epValue: unknown, c: unknown): boolean {
  let first: FirstRow | undefined;
  if (epValue === undefined) {
    if (bucket.firstRow < 0) {
      bucket.firstRow = i;
      bucket.firstStart = start;
      bucket.firstEnd = st.n;
      return false;
    }
    first = { i: bucket.firstRow, start: bucket.firstStart, end: bucket.firstEnd };
  } else {
    const key = `${typeof epValue}:${String(epValue)}`;
    bucket.firstByEpisode ??= new Map();
    first = bucket.firstByEpisode.get(key);
    if (first === undefined) bucket.firstByEpisode.set(key, { i, start, end: st.n });
  }
  if (first === undefined) return false;
  const row: FirstRow = { i, start, end: st.n };
  const differ = wideDifference(plan, st, first, row);
  if (differ.length > 0) {
    issue(
      st,
      "duplicate-child",
      ["events", row.i, plan.childField],
      `child ${describeValue(c)} has another row (row ${first.i}) with different dates in ${differ.length === 1 ? "column" : "columns"} ${differ.join(", ")}: one row per child${epValue === undefined ? "" : " and episode"} in wide format`,
    );
  } else if (st.duplicateRows++ < 20) st.duplicates.push({ child: c as string | number, row: row.i, of: first.i });
  st.n = row.start; // identical duplicates are merged into the first row
  return true;
}

/** The row's episode value (undefined when blank; an issue when not a string or number). */
function episodeValue<T>(plan: ReadPlan<T>, st: ReadState, d: T, i: number, data: readonly T[], who: () => string): unknown {
  const ep = plan.episodeOf(d, i, data);
  if (isMissing(ep)) return undefined;
  // An episode is an id like a child's: a string or a finite number (String() of an object or a
  // symbol-holding array would throw, and a bigint would not survive JSON).
  if (typeof ep !== "string" && !(typeof ep === "number" && Number.isFinite(ep))) {
    issue(st, "invalid-value", ["events", i, plan.epField], `invalid episode ${describeValue(ep)}${who()}: use a string or a number`);
    return undefined;
  }
  return ep;
}

/** Read and validate case records. Never mutates `data`. */
export function readCaseRecords<T>(data: readonly T[], options: CaseRecordOptions<T>): CaseRecords {
  if (!Array.isArray(data)) throw new QiError("invalid-value", ["events"], `case records must be an array of rows, not ${describeValue(data)}`);
  objectOption(options, ["options"]);
  const { names, routeOf, endsEpisode, routeIds } = catalogueNames(options.catalogue);
  const index = new Map<string, number>();
  names.forEach((n, i) => index.set(n, i));
  const plan = readPlan(options, names);
  const wideFormat = plan.format === "wide";
  // Per-event parallel typed arrays, sized for the most events the rows can hold.
  const cap = wideFormat ? data.length * (plan.wide.length + (plan.order === null ? 0 : 1)) : data.length;
  const st: ReadState = {
    day: new Int32Array(cap), milestone: new Int32Array(cap), row: new Int32Array(cap), col: new Int32Array(cap), episode: [], anyEpisode: false, n: 0,
    maxDay: Number.NEGATIVE_INFINITY, minDay: Number.POSITIVE_INFINITY, issues: [], unknownIgnored: 0, duplicateRows: 0, duplicates: [], paddedIds: null,
    untypedDay: Number.NaN, untyped: { count: 0, first: [] },
    // Each distinct date string is parsed once: an export repeats the same few thousand dates.
    dayOf: dayReader(options), dateHint: `: use ${expectedDateForm(options)}`,
  };
  const buckets: Buckets = { byString: new Map(), byNumber: new Map(), list: [], lastChild: undefined, last: undefined };
  const birthIssue = (code: QiIssue["code"], path: QiPath, message: string): void => issue(st, code, path, message);
  // " (child X)" for the current row's error messages: one function for every row, built only
  // when a message is (describeValue per row would cost more than the read).
  let rowChild: unknown;
  let rowChildOk = false;
  const who = (): string => (rowChildOk ? ` (child ${describeValue(rowChild)})` : "");
  for (let i = 0; i < data.length; i++) {
    const d = data[i] as T;
    const raw = plan.childOf(d, i, data);
    const c = childIdOf(raw, i, st);
    const childOk = !(isMissing(c) || (typeof c !== "string" && typeof c !== "number") || (typeof c === "number" && !Number.isFinite(c)));
    if (!childOk) issue(st, "missing-child", ["events", i, plan.childField], `missing or invalid child id ${describeValue(raw)}`);
    rowChild = c;
    rowChildOk = childOk;
    const epValue = episodeValue(plan, st, d, i, data, who);
    const before = st.n;
    st.untypedDay = Number.NaN;
    if (wideFormat) readWideRow(plan, st, d, i, data, childOk, who);
    else readLongRow(plan, st, d, i, data, childOk, who);
    if (!childOk) continue;
    const b = bucketOf(buckets, c as string | number);
    if (wideFormat && repeatedWideRow(plan, st, b, i, before, epValue, c)) continue;
    if (!Number.isNaN(st.untypedDay)) untypedOrder(st, b, i);
    for (let e = before; e < st.n; e++) {
      b.events.push(e);
      if (epValue !== undefined) {
        st.episode[e] = epValue;
        st.anyEpisode = true;
      }
    }
    if (plan.groupOf !== undefined && b.group === undefined) {
      const g = plan.groupOf(d, i, data);
      if (!isMissing(g)) b.group = g;
    }
    if (plan.dobOf !== undefined) readBirth(b, plan.dobOf(d, i, data), i, plan.dobField, st.dayOf, st.dateHint, birthIssue);
  }
  if (st.issues.length > 0) throwIssues(st.issues, "case records");
  return recordsOf(plan, st, buckets, { names, index, routeOf, endsEpisode, routeIds });
}

/** The row's order whose type is blank or unknown (st.untypedDay): on the child's bucket (the earliest) and counted. */
function untypedOrder(st: ReadState, b: Bucket, i: number): void {
  const day = st.untypedDay;
  st.untypedDay = Number.NaN;
  if (b.untypedOrder === undefined || day < b.untypedOrder) b.untypedOrder = day;
  if (st.untyped.count++ < 20) st.untyped.first.push({ child: b.child, row: i });
}

function recordsOf<T>(plan: ReadPlan<T>, st: ReadState, buckets: Buckets, cat: Pick<CaseRecords, "names" | "index" | "routeOf" | "endsEpisode" | "routeIds">): CaseRecords {
  if (st.anyEpisode) st.episode.length = st.n;
  else st.episode.length = 0;
  let columnOf: string[] | null = null;
  if (plan.format === "wide") {
    columnOf = cat.names.slice();
    // Each milestone's first column (an order milestone without one: the order column).
    if (plan.order !== null) for (let k = 0; k < columnOf.length; k++) columnOf[k] = plan.order.dateName;
    for (let j = plan.wide.length - 1; j >= 0; j--) columnOf[plan.wide[j]!.m] = plan.wide[j]!.name;
  }
  const wideNames = plan.wide.map((w) => w.name);
  let hasColumn: Uint8Array | null = null;
  if (plan.format === "wide") {
    // As the check's noColumn (_checkRead.ts wideColumnOf): a column read, or the order column for each order.
    hasColumn = new Uint8Array(cat.names.length);
    for (const w of plan.wide) hasColumn[w.m] = 1;
    if (plan.order !== null) cat.names.forEach((name, k) => { if (matchOrderType(name) === name) hasColumn![k] = 1; });
  }
  return {
    ...cat,
    n: st.n,
    day: st.day,
    milestone: st.milestone,
    row: st.row,
    col: st.col,
    episode: st.episode,
    dateField: plan.dateField,
    dobField: plan.dobField,
    columnOf,
    hasColumn,
    eventColumn: plan.format === "wide" ? (e) => (st.col[e]! < 0 ? plan.order!.dateName : wideNames[st.col[e]!]!) : null,
    children: buckets.list,
    unknownIgnored: st.unknownIgnored,
    duplicateRows: st.duplicateRows,
    duplicates: st.duplicates,
    paddedIds: st.paddedIds,
    untypedOrders: st.untyped,
    maxDay: st.maxDay,
    cache: { episodes: new Map(), dayText: new Map(), dayList: st.n > 0 && st.maxDay - st.minDay < 1 << 20 ? new Array<string | undefined>(st.maxDay - st.minDay + 1) : null, dayBase: st.minDay },
  };
}

/** The field (long) or column (wide) of an event's date, for error paths. */
export function dateFieldOf(rec: CaseRecords, e: number): string {
  if (rec.eventColumn !== null && rec.eventColumn !== undefined) return rec.eventColumn(e);
  return rec.columnOf === null ? rec.dateField : rec.columnOf[rec.milestone[e]!]!;
}

/**
 * The slot of a day in the records' per-day lists (its offset from the earliest event day, a
 * small integer), or −1 for a day outside them (a fraction, asOf beyond the events, no list).
 */
export function daySlot(rec: CaseRecords, d: number): number {
  const list = rec.cache.dayList;
  const o = d - rec.cache.dayBase;
  return list !== null && o >= 0 && o < list.length && (o | 0) === o ? o | 0 : -1;
}

/** `YYYY-MM-DD` of a day number, formatted once per distinct day for these records. */
export function dayText(rec: CaseRecords, d: number): string {
  // An event day: by its slot in a list, else in the map.
  const o = daySlot(rec, d);
  if (o >= 0) {
    const list = rec.cache.dayList!;
    let t = list[o];
    if (t === undefined) list[o] = t = formatIsoDay(d);
    return t;
  }
  let s = rec.cache.dayText.get(d);
  if (s === undefined) {
    s = formatIsoDay(d);
    rec.cache.dayText.set(d, s);
  }
  return s;
}

/** Every child's episodes (computed once per `splitAt` for these records). */
export function allEpisodes(rec: CaseRecords, splitAt: number | undefined): ChildEpisodes[] {
  const key = splitAt ?? -1;
  let list = rec.cache.episodes.get(key);
  if (list === undefined) {
    list = rec.children.map((bucket) => ({ bucket, episodes: episodesOf(rec, bucket, splitAt) }));
    rec.cache.episodes.set(key, list);
  }
  return list;
}

/** One episode of a child: event ids in date order. */
export interface Episode {
  episode: string | number;
  events: number[];
}

/**
 * Split a child's events into episodes, each sorted by day (ties keep row order). Events are
 * ordered by day first, so episodes come out in order of their first event.
 */
export function episodesOf(rec: CaseRecords, bucket: Bucket, splitAt: number | undefined): Episode[] {
  // A child with no dated events (a wide row of blanks) is still one episode, not in any stage.
  if (bucket.events.length === 0) return [{ episode: 1, events: [] }];
  const day = rec.day;
  // Most exports list each child's events in date order: sort only when they are not.
  const src = bucket.events;
  let sorted = true;
  for (let j = 1; j < src.length; j++) {
    if (day[src[j]!]! < day[src[j - 1]!]!) {
      sorted = false;
      break;
    }
  }
  // In date order already: the bucket's own list (nothing changes either once read).
  const ev = sorted ? src : src.slice().sort((a, b) => day[a]! - day[b]! || a - b);
  if (splitAt === undefined) {
    // Without any episode value (rec.episode is then empty) every child is one episode.
    let plain = true;
    if (rec.episode.length > 0) for (const e of ev) if (rec.episode[e] !== undefined) { plain = false; break; }
    if (plain) return [{ episode: 1, events: ev }];
  }
  const byKey = new Map<string, Episode>();
  const out: Episode[] = [];
  let counter = 1;
  let seenSplit = false;
  for (const e of ev) {
    let ep = rec.episode[e];
    if (ep === undefined) {
      if (splitAt !== undefined && rec.milestone[e] === splitAt) {
        if (seenSplit) counter++;
        seenSplit = true;
      }
      ep = counter;
    }
    const key = typeof ep === "number" ? `n${ep}` : `s${String(ep)}`;
    let bucket2 = byKey.get(key);
    if (bucket2 === undefined) {
      bucket2 = { episode: ep as string | number, events: [] };
      byKey.set(key, bucket2);
      out.push(bucket2);
    }
    bucket2.events.push(e);
  }
  return out;
}

/**
 * Every episode's events up to asOf, flattened into typed arrays that every stage walks (built
 * once per `splitAt` and asOf for these records, by {@link episodeTable}).
 */
export interface EpisodeTable {
  /** Per episode, in the order of {@link allEpisodes}: the child's bucket and the episode. */
  bucket: Bucket[];
  episode: Episode[];
  /** Episode k's events up to asOf, in date order, are the positions off[k] … off[k + 1] − 1 of ev, day and ms. */
  off: Int32Array;
  /** Per position: event id, day, milestone. */
  ev: Int32Array;
  day: Int32Array;
  ms: Int32Array;
  /** Per episode: the route of its first route-ending milestone up to asOf, or null. */
  route: (string | null)[];
  /** Events dated after asOf, left out (all episodes). */
  afterAsOf: number;
  /** The "looked-after" milestone index, or −1. */
  la: number;
  /** Per milestone: the episodes with an event of it (built when first needed, _stageEpisode.ts). */
  byMilestone?: Int32Array[];
}

/** The {@link EpisodeTable} of these records for `splitAt` and asOf (a day number, or ±Infinity: every event). */
export function episodeTable(rec: CaseRecords, splitAt: number | undefined, asOf: number): EpisodeTable {
  const key = `${splitAt ?? -1}|${asOf}`;
  const tables = (rec.cache.tables ??= new Map());
  const cached = tables.get(key);
  if (cached !== undefined) return cached;
  const list = allEpisodes(rec, splitAt);
  let episodes = 0;
  let events = 0;
  for (const c of list) {
    episodes += c.episodes.length;
    for (const ep of c.episodes) events += ep.events.length;
  }
  const t: EpisodeTable = {
    bucket: new Array<Bucket>(episodes), episode: new Array<Episode>(episodes), off: new Int32Array(episodes + 1),
    ev: new Int32Array(events), day: new Int32Array(events), ms: new Int32Array(events), route: new Array<string | null>(episodes),
    afterAsOf: 0, la: rec.index.get("looked-after") ?? -1,
  };
  const all = !Number.isFinite(asOf);
  const { day, milestone, routeOf } = rec;
  let k = 0;
  let pos = 0;
  for (const c of list) {
    for (const ep of c.episodes) {
      t.bucket[k] = c.bucket;
      t.episode[k] = ep;
      t.off[k] = pos;
      let route: string | null = null;
      for (const e of ep.events) {
        const d = day[e]!;
        // Events after asOf have not happened yet, as far as this analysis knows.
        if (!all && d > asOf) {
          t.afterAsOf++;
          continue;
        }
        const m = milestone[e]!;
        t.ev[pos] = e;
        t.day[pos] = d;
        t.ms[pos] = m;
        pos++;
        if (route === null) route = routeOf[m] ?? null;
      }
      t.route[k++] = route;
    }
  }
  t.off[episodes] = pos;
  tables.set(key, t);
  return t;
}
