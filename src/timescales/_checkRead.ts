/**
 * Private: the reading half of {@link checkCaseRecords} (see checkCaseRecords.ts). One pass over
 * the rows; every dated event goes into parallel typed arrays (struct of arrays: milestone, day,
 * row, column, child), with no object per event or per child. The raw cell text is not kept: an
 * issue re-reads it from its row with the same accessor ({@link rawOf}), and issues are rare.
 *
 * The CLI's check step, median CPU: wide export (100,000 children) 904 → 413 ms, long file (862,124
 * rows) ~1,550 → ~450 ms; scavenges in the step 15 → 1 (docs/performance.md, session 8).
 */
import { valueof } from "../_lib/accessor.js";
import { formatIsoDay } from "../_lib/calendar.js";
import { QiError, describeValue } from "../_lib/error.js";
import { childIdOf, orderMilestone, orderSplitOf, wideColumnsOf, type PaddedIds, type CaseRecordOptions, type CaseRecords, type OrderSplit, type WideColumn } from "./_caseRecords.js";
import type { CheckCode, CheckIssue } from "./checkCaseRecords.js";
import { matchOrderType, milestoneMatcher } from "./headers.js";

export type Get = (d: unknown, i: number, data: readonly unknown[]) => unknown;

/** One route's order, by milestone index (the last route of an id wins, as a Map keyed by id would). */
export interface RouteInfo {
  id: string;
  /** 1 for a milestone with a rank on the route (order-checked). */
  inRoute: Uint8Array;
  /** The ranked milestones in rank order. */
  byRank: Int32Array;
  /** The chains checked for `missing-earlier` (_routeChain.ts): a route's one, or the default's. */
  chains: readonly (readonly number[])[];
}

/** What the check needs of the options and catalogue, set up once. */
export interface Ctx {
  names: readonly string[];
  repeatable: boolean[];
  infos: RouteInfo[];
  /** Each route's end milestones as indices, with the index of its route's info. */
  routeEnds: { info: number; ends: number[] }[];
  /** Without a route end: the permanence-order route's order and the default chains. */
  defaultInfo: RouteInfo;
  /** 1 for "ceased-looked-after"; 1 for the ongoing milestones (never order-checked). */
  isCeased: Uint8Array;
  isOngoing: Uint8Array;
  /** 1 for a milestone after which a new accommodation is a new start: an episode end or "returned-home". */
  isBreak: Uint8Array;
  /** `YYYY-MM` of a day, formatted once per distinct day (completeness by month). */
  monthOf: Map<number, string>;
  accommodated: number;
  day: (v: unknown) => number;
  dateHint: string;
  /** More to say about a value that is not a date (another `dates` order, a two-digit year): see dateAdvice. */
  advice: (raw: unknown) => string;
  asOf: number | null;
  staleAfter: number;
  /** True when `splitEpisodesAt` was given: the check does not split episodes by it (a warning says so). */
  splitIgnored: boolean;
  dob: Get | undefined;
  dobField: string;
  /** Wide: 1 for a milestone without a column (never "missing"); all 0 for long rows. */
  noColumn: Uint8Array;
  /** The column a missing milestone is reported in (wide: its column; long: the milestone field). */
  missingColumn: string[];
  msField: string;
}

/** The events read, in reading order (row by row, column by column), and the children. */
export interface Read {
  n: number;
  m: Int32Array;
  day: Float64Array;
  row: Int32Array;
  /** Index into `getters` / `colNames`: wide columns, then the order column; long: the date field. */
  col: Int32Array;
  child: Int32Array;
  /** Each row's episode, an index into the interned episode texts. */
  rowEp: Int32Array;
  /** Per child (in order of first row): id, date of birth (NaN: none), group (undefined: none). */
  ids: (string | number)[];
  dob: Float64Array | null;
  dobRow: Int32Array | null;
  groups: unknown[];
  /** Events per child (index k + 1, for prefix sums), the latest day, and whether the events already come child by child. */
  counts: Int32Array;
  latest: number;
  grouped: boolean;
  getters: Get[];
  colNames: string[];
  data: readonly unknown[];
  /** Child ids read without the white space around them, and the first (as the stages count them: childIdOf). */
  paddedIds: PaddedIds | null;
}

export type IssueFn = (code: CheckCode, child: string | number | null, row: number, column: string, raw: unknown, message: string) => void;

export function isMissing(v: unknown): boolean {
  if (typeof v === "string") {
    // A printable ASCII first character is never white space (no trim: the common case, a date).
    const c = v.length === 0 ? 0 : v.charCodeAt(0);
    return !(c > 32 && c < 127) && v.trim() === "";
  }
  return v === null || v === undefined || (typeof v === "number" && Number.isNaN(v));
}

export function text(v: unknown): string | null {
  if (isMissing(v)) return null;
  if (typeof v === "string") return v.length > 200 ? `${v.slice(0, 200)}…` : v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "Invalid Date" : v.toISOString();
  return describeValue(v);
}

/** The value an event reports: its cell as written (re-read from its row), at most 200 characters. */
export function rawOf(R: Read, e: number): string {
  const row = R.row[e]!;
  return text(R.getters[R.col[e]!]!(R.data[row], row, R.data)) ?? "";
}

const FIRST_YEAR_DAY = -25_567; // 1900-01-01: earlier dates in a case record are typos

function growEvents(R: Read): void {
  const cap = R.m.length * 2;
  const m = new Int32Array(cap);
  m.set(R.m);
  const day = new Float64Array(cap);
  day.set(R.day);
  const row = new Int32Array(cap);
  row.set(R.row);
  const col = new Int32Array(cap);
  col.set(R.col);
  const child = new Int32Array(cap);
  child.set(R.child);
  R.m = m;
  R.day = day;
  R.row = row;
  R.col = col;
  R.child = child;
}

function addEvent(R: Read, m: number, day: number, row: number, col: number): void {
  if (R.n === R.m.length) growEvents(R);
  const k = R.n++;
  R.m[k] = m;
  R.day[k] = day;
  R.row[k] = row;
  R.col[k] = col;
}

/** Wide: the milestone columns (a list for a recurring milestone) and an order column split by its type (as readCaseRecords reads them). */
interface WidePlan {
  cols: WideColumn<unknown>[];
  order: OrderSplit<unknown> | null;
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

/** One date cell (column `col`): an event, or the problem with it. */
function readDate(R: Read, ctx: Ctx, issue: IssueFn, m: number | undefined, raw: unknown, col: number, msRaw: unknown, wide: boolean, id: string | number | null, i: number): void {
  if (isMissing(raw)) {
    if (!wide) issue("invalid-date", id, i, R.colNames[col]!, raw, "the date is blank");
    return;
  }
  const day = ctx.day(raw);
  if (Number.isNaN(day)) issue("invalid-date", id, i, R.colNames[col]!, raw, `${describeValue(text(raw))} is not a date (expected ${ctx.dateHint}${ctx.advice(raw)})`);
  else if (day < FIRST_YEAR_DAY) issue("invalid-date", id, i, R.colNames[col]!, raw, `${formatIsoDay(day)} is before 1900: a typo?`);
  else if (m === undefined) issue("unknown-milestone", id, i, ctx.msField, msRaw, `unknown milestone ${describeValue(text(msRaw))}`);
  else addEvent(R, m, day, i, col);
}

/** Wide: the order column's event (column `col`), as its type column names it (problems reported); `start`: the row's first event. */
function readOrder(R: Read, ctx: Ctx, issue: IssueFn, plan: WidePlan, col: number, d: unknown, i: number, start: number, lookup: (n: unknown) => number | undefined, id: string | number | null): void {
  const o = plan.order!;
  const data = R.data;
  const raw = o.date(d, i, data);
  if (isMissing(raw)) return;
  const day = ctx.day(raw);
  if (Number.isNaN(day)) {
    issue("invalid-date", id, i, o.dateName, raw, `${describeValue(text(raw))} is not a date (expected ${ctx.dateHint}${ctx.advice(raw)})`);
    return;
  }
  const t = o.type(d, i, data);
  const m = orderMilestone(o, t, lookup);
  if (m === undefined) {
    const tText = typeof t === "string" ? t : typeof t === "number" ? String(t) : "";
    issue("unknown-order-type", id, i, o.typeName, t, `the order on ${text(raw)} has ${tText.trim() === "" ? "no type" : `type ${describeValue(tText)}, which is not one of Adoption, PO, POA, KCO, s11`}: it is left out`);
    return;
  }
  let own = -1;
  for (let e = start; e < R.n && own < 0; e++) if (R.m[e] === m) own = e;
  if (own >= 0) {
    if (R.day[own] !== day) issue("conflicting-rows", id, i, o.dateName, raw, `${ctx.names[m]} is ${rawOf(R, own)} in ${describeValue(R.colNames[R.col[own]!])} but ${text(raw)} in ${describeValue(o.dateName)}`);
    return;
  }
  addEvent(R, m, day, i, col);
}

/** Wide: each child's rows as a linked list (for a second row of a child and episode), and each row's events. */
interface WideRows {
  firstRow: Int32Array;
  lastRow: Int32Array;
  next: Int32Array;
  evStart: Int32Array;
  evEnd: Int32Array;
  /** Scratch for a comparison of two rows: day and mark per milestone. */
  aDay: Float64Array;
  aSeen: Int32Array;
  bDay: Float64Array;
  bSeen: Int32Array;
  stamp: number;
}

function wideRows(rows: number, milestones: number): WideRows {
  return {
    firstRow: new Int32Array(rows), lastRow: new Int32Array(rows), next: new Int32Array(rows), evStart: new Int32Array(rows), evEnd: new Int32Array(rows),
    aDay: new Float64Array(milestones), aSeen: new Int32Array(milestones), bDay: new Float64Array(milestones), bSeen: new Int32Array(milestones), stamp: 0,
  };
}

/** Wide: a second row of a child (and episode) must repeat the first; true when it is skipped. Events of row `i`: from `start`. */
function conflictingWideRow(R: Read, W: WideRows, k: number, i: number, start: number, cols: readonly { m: number; name: string }[], id: string | number, childField: string, issue: IssueFn): boolean {
  const ep = R.rowEp[i]!;
  let firstRow = W.firstRow[k]!;
  while (firstRow >= 0 && R.rowEp[firstRow] !== ep) firstRow = W.next[firstRow]!;
  if (firstRow < 0) return false; // another episode
  const stamp = ++W.stamp;
  // As Maps from milestone to day (the last event of a milestone wins), of the first row and this one.
  for (let e = W.evStart[firstRow]!; e < W.evEnd[firstRow]!; e++) {
    W.aSeen[R.m[e]!] = stamp;
    W.aDay[R.m[e]!] = R.day[e]!;
  }
  for (let e = start; e < R.n; e++) {
    W.bSeen[R.m[e]!] = stamp;
    W.bDay[R.m[e]!] = R.day[e]!;
  }
  const differ = cols.filter((c) => {
    const a = W.aSeen[c.m] === stamp;
    const b = W.bSeen[c.m] === stamp;
    return a !== b || (a && W.aDay[c.m] !== W.bDay[c.m]);
  });
  if (differ.length > 0) {
    const col = differ[0]!;
    let e = -1;
    for (let x = start; x < R.n && e < 0; x++) if (R.m[x] === col.m) e = x;
    issue("conflicting-rows", id, i, col.name, e < 0 ? null : rawOf(R, e), `this row and row ${firstRow} disagree in ${differ.map((c) => describeValue(c.name)).join(", ")} (one row per child and episode); this row is left out`);
  } else {
    issue("duplicate-row", id, i, childField, id, `this row repeats row ${firstRow} exactly (one row per child and episode): merged into it`);
  }
  return true;
}

function readDob(R: Read, ctx: Ctx, k: number, d: unknown, i: number, issue: IssueFn): void {
  const raw = ctx.dob!(d, i, R.data);
  if (isMissing(raw)) return;
  const day = ctx.day(raw);
  const id = R.ids[k]!;
  if (Number.isNaN(day)) {
    issue("invalid-date", id, i, ctx.dobField, raw, `date of birth ${describeValue(text(raw))} is not a date (expected ${ctx.dateHint}${ctx.advice(raw)})`);
    return;
  }
  const dob = R.dob!;
  if (Number.isNaN(dob[k]!)) {
    dob[k] = day;
    R.dobRow![k] = i;
  } else if (dob[k] !== day) {
    issue("conflicting-rows", id, i, ctx.dobField, raw, `date of birth ${formatIsoDay(day)} here but ${formatIsoDay(dob[k]!)} in row ${R.dobRow![k]}`);
  }
}

/** How the rows are read: accessors, columns and the wide plan. */
interface Plan {
  wide: boolean;
  lookup: (n: unknown) => number | undefined;
  childOf: Get;
  childField: string;
  episodeOf: Get;
  groupOf: Get | undefined;
  msOf: Get | undefined;
  dateOf: Get | undefined;
  dateField: string;
  wp: WidePlan;
}

function readPlan<T>(options: CaseRecordOptions<T>, ctx: Ctx): Plan {
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
  const wp: WidePlan = wide ? { cols: wideColumnsOf(options, names, lookup) as WideColumn<unknown>[], order: orderSplitOf(options) as OrderSplit<unknown> | null } : { cols: [], order: null };
  ctx.missingColumn = names.map(() => ctx.msField);
  if (wide) {
    const columnOf = wideColumnOf(wp, names);
    ctx.noColumn = Uint8Array.from(names, (_, m) => (columnOf.has(m) ? 0 : 1));
    ctx.missingColumn = names.map((_, m) => columnOf.get(m) ?? ctx.msField);
  }
  return { wide, lookup, childOf, childField, episodeOf, groupOf, msOf, dateOf, dateField, wp };
}

function newRead(data: readonly unknown[], plan: Plan, ctx: Ctx, events?: number): Read {
  const rows = data.length;
  const cols = plan.wp.cols;
  const getters: Get[] = plan.wide ? cols.map((c) => c.get) : [plan.dateOf!];
  const colNames: string[] = plan.wide ? cols.map((c) => c.name) : [plan.dateField];
  if (plan.wp.order !== null) {
    getters.push(plan.wp.order.date);
    colNames.push(plan.wp.order.dateName);
  }
  // Wide: room for half the date cells (up to 6 a row) before the arrays grow; long: one a row.
  const cap = events ?? Math.max(16, plan.wide ? rows * Math.min(6, Math.ceil(getters.length / 2)) : rows);
  const withDob = ctx.dob !== undefined;
  return {
    n: 0, m: new Int32Array(cap), day: new Float64Array(cap), row: new Int32Array(cap), col: new Int32Array(cap), child: new Int32Array(cap),
    rowEp: new Int32Array(rows), ids: [], dob: withDob ? new Float64Array(rows).fill(Number.NaN) : null, dobRow: withDob ? new Int32Array(rows) : null,
    groups: [], counts: new Int32Array(rows + 1), latest: Number.NEGATIVE_INFINITY, grouped: true, getters, colNames, data, paddedIds: null,
  };
}

/** One pass over the rows: the dated events and the children; row-level problems reported. */
export function readRows<T>(events: readonly T[], options: CaseRecordOptions<T>, ctx: Ctx, issues: CheckIssue[]): Read {
  const plan = readPlan(options, ctx);
  const data = events as readonly unknown[];
  const R = newRead(data, plan, ctx);
  const { wide, childOf, episodeOf, groupOf, msOf, dateOf, lookup } = plan;
  const cols = plan.wp.cols;
  const orderCol = cols.length;
  const W = wide ? wideRows(data.length, ctx.names.length) : null;
  const byKey: Children = new Map();
  const eps = episodeTexts();
  const lastChild: { id: string | number | null; k: number } = { id: null, k: -1 };
  const issue: IssueFn = (code, child, row, column, raw, message) => {
    issues.push({ code, path: ["events", row, column], child, row, column, value: text(raw), message: child === null ? message : `child ${describeValue(child)}: ${message}` });
  };
  for (let i = 0; i < data.length; i++) {
    const d = data[i];
    const c = childIdOf(childOf(d, i, data), i, R);
    const okChild = typeof c === "string" ? !isMissing(c) : typeof c === "number" && Number.isFinite(c);
    const id = okChild ? (c as string | number) : null;
    R.rowEp[i] = episodeText(eps, episodeOf(d, i, data));
    const start = R.n;
    if (wide) {
      for (let j = 0; j < cols.length; j++) readDate(R, ctx, issue, cols[j]!.m, cols[j]!.get(d, i, data), j, undefined, true, id, i);
      if (plan.wp.order !== null) readOrder(R, ctx, issue, plan.wp, orderCol, d, i, start, lookup, id);
    } else {
      const ms = msOf!(d, i, data);
      readDate(R, ctx, issue, lookup(ms), dateOf!(d, i, data), 0, ms, false, id, i);
    }
    if (id === null) {
      if (R.n > start || !wide) issue("missing-child", null, i, plan.childField, c, "no child id: its dates belong to nobody");
      R.n = start;
      continue;
    }
    // Long rows come child by child: the previous row's child needs no lookup.
    const k = W !== null ? wideChild(R, W, byKey, id, i, start, cols, plan.childField, issue) : id === lastChild.id ? lastChild.k : childIndex(R, byKey, id);
    lastChild.id = id;
    lastChild.k = k;
    if (k < 0) {
      R.n = start; // a second row of the child and episode: left out
      continue;
    }
    if (R.n > start) tagEvents(R, k, start);
    if (ctx.dob !== undefined) readDob(R, ctx, k, d, i, issue);
    if (groupOf !== undefined && R.groups[k] === undefined) {
      const g = groupOf(d, i, data);
      if (!isMissing(g)) R.groups[k] = g;
    }
  }
  return R;
}

/** The events of a row from `start` belong to child k (their latest day, their count). */
function tagEvents(R: Read, k: number, start: number): void {
  if (start > 0 && R.child[start - 1]! > k) R.grouped = false;
  for (let e = start; e < R.n; e++) {
    R.child[e] = k;
    if (R.day[e]! > R.latest) R.latest = R.day[e]!;
  }
  R.counts[k + 1]! += R.n - start;
}

/**
 * Children by id: a Map to the child's index. Keyed by the id itself (SameValueZero): child 1 is
 * not child "1", and no key string is made per row.
 */
type Children = Map<string | number, number>;

/** The index of a child, a new one at its first row. */
function childIndex(R: Read, T: Children, id: string | number): number {
  let k = T.get(id);
  if (k === undefined) {
    k = R.ids.length;
    R.ids.push(id);
    R.groups.push(undefined);
    T.set(id, k);
  }
  return k;
}

/** Wide: the index of a child, its rows linked; -1 for a second row of a child and episode (compared, and left out). */
function wideChild(R: Read, W: WideRows, T: Children, id: string | number, i: number, start: number, cols: readonly { m: number; name: string }[], childField: string, issue: IssueFn): number {
  const before = R.ids.length;
  const k = childIndex(R, T, id);
  const known = k < before ? k : undefined;
  const dup = known !== undefined && conflictingWideRow(R, W, k, i, start, cols, id, childField, issue);
  W.next[i] = -1;
  if (known === undefined) W.firstRow[k] = i;
  else W.next[W.lastRow[k]!] = i;
  W.lastRow[k] = i;
  W.evStart[i] = start;
  W.evEnd[i] = R.n;
  return dup ? -1 : k;
}

/**
 * The check's reading from records the stages have already read and validated (`readCaseRecords`
 * with the same options), so that `paceTimescales(events, { check: true })` reads each cell once
 * (issues #12/#16: the CLI's check and stages each walked every cell). The same {@link Read} as
 * {@link readRows} gives — or null where the two readers' rules differ and the rows must be read
 * again: a date before 1900 (a check problem, a valid day to the stages), unknown milestones the
 * stages skipped (`unknownMilestones: "ignore"`), a child id or group of white space only
 * (missing to the check), or a wide export with a child on two rows (the check compares such rows
 * by episode text, the stages by episode value). The stages refuse every other row-level problem
 * the check reports, so records that were read have none of them. Rows' episodes are read again
 * the check's way (one accessor call a row; wide rows need none: one row per child).
 */
export function readFromRecords<T>(events: readonly T[], options: CaseRecordOptions<T>, ctx: Ctx, rec: CaseRecords): Read | null {
  const data = events as readonly unknown[];
  if (rec.unknownIgnored > 0 || (rec.n > 0 && rec.cache.dayBase < FIRST_YEAR_DAY)) return null;
  const plan = readPlan(options, ctx);
  if (plan.wide && rec.children.length !== data.length) return null;
  const kids = rec.children;
  for (const b of kids) if ((typeof b.child === "string" && isMissing(b.child)) || (typeof b.group === "string" && isMissing(b.group))) return null;
  const n = rec.n;
  const R = newRead(data, plan, ctx, n);
  R.paddedIds = rec.paddedIds === null ? null : { ...rec.paddedIds };
  if (!plan.wide) readEpisodes(R, plan.episodeOf);
  R.m.set(rec.milestone.subarray(0, n));
  R.row.set(rec.row.subarray(0, n));
  R.n = n;
  // Wide: the order column (−1 in the records) comes after the milestone columns; long: the date field.
  const orderCol = plan.wp.cols.length;
  const { day, col } = R;
  for (let e = 0; e < n; e++) {
    day[e] = rec.day[e]!;
    if (plan.wide) col[e] = rec.col[e]! < 0 ? orderCol : rec.col[e]!;
  }
  for (let k = 0; k < kids.length; k++) {
    const b = kids[k]!;
    R.ids.push(b.child);
    R.groups.push(b.group);
    for (const e of b.events) R.child[e] = k;
    R.counts[k + 1] = b.events.length;
    if (R.dob !== null && b.dob !== undefined && !Number.isNaN(b.dob)) {
      R.dob[k] = b.dob;
      R.dobRow![k] = b.dobRow!;
    }
  }
  for (let e = 1; e < n && R.grouped; e++) if (R.child[e - 1]! > R.child[e]!) R.grouped = false;
  if (n > 0) R.latest = rec.maxDay;
  return R;
}

/** Each row's episode, as {@link readRows} reads it. */
function readEpisodes(R: Read, episodeOf: Get): void {
  const eps = episodeTexts();
  for (let i = 0; i < R.data.length; i++) R.rowEp[i] = episodeText(eps, episodeOf(R.data[i], i, R.data));
}

/** Episode texts interned (the text of a string or number; "" for anything else), and the last row's. */
interface EpisodeTexts {
  index: Map<string, number>;
  lastRaw: unknown;
  lastK: number;
}

function episodeTexts(): EpisodeTexts {
  const index = new Map<string, number>();
  return { index, lastRaw: index, lastK: 0 }; // (no row's episode is the map itself)
}

/** The index of a row's episode text. */
function episodeText(E: EpisodeTexts, raw: unknown): number {
  // Equal raw values (===) have the same episode text: most rows repeat the previous row's.
  if (raw !== E.lastRaw) {
    const ep = typeof raw === "string" || typeof raw === "number" ? String(raw) : "";
    let k = E.index.get(ep);
    if (k === undefined) E.index.set(ep, (k = E.index.size));
    E.lastRaw = raw;
    E.lastK = k;
  }
  return E.lastK;
}
