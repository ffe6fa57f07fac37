/**
 * Private: read case records (long event rows or wide rows) into compact per-child event lists,
 * validating every row. One pass over the rows, a Map keyed by child: linear time.
 */
import { valueof, type Accessor } from "../_lib/accessor.js";
import { toDayNumber } from "../_lib/calendar.js";
import { QiError, describeValue, type QiIssue, type QiPath } from "../_lib/error.js";
import { objectOption } from "../_lib/options.js";
import { SCOTLAND_MILESTONES, type MilestoneCatalogue } from "./catalogue.js";

/** Options shared by everything that reads case records. */
export interface CaseRecordOptions<T = any> {
  /** `"long"`: one row per event (default); `"wide"`: one row per child with a column per milestone. */
  format?: "long" | "wide";
  /** Child id accessor. Default `"child"`. */
  child?: Accessor<T> | string;
  /** Milestone name accessor (long format). Default `"milestone"`. */
  milestone?: Accessor<T> | string;
  /** Event date accessor (long format): ISO `YYYY-MM-DD` string or Date. Default `"date"`. */
  date?: Accessor<T> | string;
  /** Episode accessor; rows without a value belong to episode 1. Default `"episode"`. */
  episode?: Accessor<T> | string;
  /**
   * Without episode values, start a new episode at each repeat of this milestone (e.g.
   * `"looked-after"`). Default: none (all of a child's events form one episode).
   */
  splitEpisodesAt?: string;
  /**
   * Wide format: milestone id → column name or accessor. Default: every catalogue milestone id
   * read from the column of the same name.
   */
  columns?: Readonly<Record<string, Accessor<T> | string>>;
  /** Milestone catalogue (or a plain list of milestone ids). Default {@link SCOTLAND_MILESTONES}. */
  catalogue?: MilestoneCatalogue | readonly string[];
  /** `"error"` (default) rejects unknown milestone names; `"ignore"` skips them with a warning. */
  unknownMilestones?: "error" | "ignore";
  /** A per-child value carried to the output (first non-empty value seen), e.g. `"authority"`. */
  group?: Accessor<T> | string;
}

/** Compact, validated case records. */
export interface CaseRecords {
  names: readonly string[];
  index: ReadonlyMap<string, number>;
  routeOf: ReadonlyArray<string | null>;
  /** Per event (parallel arrays). */
  day: readonly number[];
  milestone: readonly number[];
  row: readonly number[];
  episode: unknown[];
  /** Path field names for error messages. */
  dateField: string;
  children: Bucket[];
  unknownIgnored: number;
  maxDay: number;
}

export interface Bucket {
  child: string | number;
  group: unknown;
  events: number[];
}

function fieldName(channel: unknown, fallback: string): string {
  return typeof channel === "string" ? channel : fallback;
}

function isMissing(v: unknown): boolean {
  return v === null || v === undefined || v === "" || (typeof v === "number" && Number.isNaN(v));
}

/** Milestone ids of a catalogue argument. */
export function catalogueNames(catalogue: MilestoneCatalogue | readonly string[] | undefined): { names: string[]; routeOf: (string | null)[] } {
  const cat = catalogue ?? SCOTLAND_MILESTONES;
  if (Array.isArray(cat)) {
    const names = (cat as readonly unknown[]).map((n, i) => {
      if (typeof n !== "string" || n === "") throw new QiError("invalid-option", ["options", "catalogue", i], `milestone names must be non-empty strings, not ${describeValue(n)}`);
      return n;
    });
    return { names, routeOf: names.map(() => null) };
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
  const routeOf: (string | null)[] = names.map(() => null);
  const routes: unknown = c.routes ?? [];
  if (!Array.isArray(routes)) throw new QiError("invalid-option", ["options", "catalogue", "routes"], `routes must be an array, not ${describeValue(routes)}`);
  for (const [i, r] of (routes as readonly unknown[]).entries()) {
    const ends = r !== null && typeof r === "object" ? (r as { ends?: unknown }).ends : undefined;
    if (!Array.isArray(ends)) throw new QiError("invalid-option", ["options", "catalogue", "routes", i, "ends"], `a route's ends must be an array of milestone ids, not ${describeValue(ends)}`);
    const id = (r as { id?: unknown }).id;
    if (typeof id !== "string") throw new QiError("invalid-option", ["options", "catalogue", "routes", i, "id"], `route ids must be strings, not ${describeValue(id)}`);
    for (const end of ends as readonly unknown[]) {
      const k = typeof end === "string" ? names.indexOf(end) : -1;
      if (k >= 0 && routeOf[k] === null) routeOf[k] = id;
    }
  }
  return { names, routeOf };
}

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

/** Read and validate case records. Never mutates `data`. */
export function readCaseRecords<T>(data: readonly T[], options: CaseRecordOptions<T>): CaseRecords {
  if (!Array.isArray(data)) throw new QiError("invalid-value", ["events"], `case records must be an array of rows, not ${describeValue(data)}`);
  objectOption(options, ["options"]);
  const { names, routeOf } = catalogueNames(options.catalogue);
  const index = new Map<string, number>();
  names.forEach((n, i) => index.set(n, i));
  const format = options.format ?? (options.columns !== undefined ? "wide" : "long");
  if (format !== "long" && format !== "wide") throw new QiError("invalid-option", ["options", "format"], `format must be "long" or "wide", not ${describeValue(format)}`);
  const unknownPolicy = options.unknownMilestones ?? "error";
  if (unknownPolicy !== "error" && unknownPolicy !== "ignore") {
    throw new QiError("invalid-option", ["options", "unknownMilestones"], `unknownMilestones must be "error" or "ignore", not ${describeValue(unknownPolicy)}`);
  }
  const childCh = options.child ?? "child";
  const dateCh = options.date ?? "date";
  const msCh = options.milestone ?? "milestone";
  const epCh = options.episode ?? "episode";
  const childOf = valueof<T>(childCh, "child");
  const episodeOf = valueof<T>(epCh, "episode");
  const groupOf = options.group === undefined ? undefined : valueof<T>(options.group, "group");
  const childField = fieldName(childCh, "child");
  const dateField = fieldName(dateCh, "date");
  const msField = fieldName(msCh, "milestone");

  // Wide columns: milestone index → accessor and path name.
  let wide: { m: number; get: (d: T, i: number, data: readonly T[]) => unknown; name: string }[] = [];
  if (format === "wide") {
    const cols = options.columns ?? Object.fromEntries(names.map((n) => [n, n]));
    for (const [m, ch] of Object.entries(cols)) {
      const k = index.get(m);
      if (k === undefined) throw new QiError("unknown-milestone", ["options", "columns", m], unknownMessage(m, names));
      wide.push({ m: k, get: valueof<T>(ch, `columns.${m}`), name: fieldName(ch, m) });
    }
  }
  const msOf = format === "long" ? valueof<T>(msCh, "milestone") : undefined;
  const dateOf = format === "long" ? valueof<T>(dateCh, "date") : undefined;

  const day: number[] = [];
  const milestone: number[] = [];
  const row: number[] = [];
  const episode: unknown[] = [];
  let n = 0;
  const push = (d: number, m: number, r: number, ep: unknown): void => {
    day.push(d);
    milestone.push(m);
    row.push(r);
    episode.push(ep);
    n++;
  };

  const issues: QiIssue[] = [];
  const issue = (code: string, path: QiPath, message: string): void => {
    if (issues.length < MAX_ISSUES) issues.push({ code, path, message });
  };
  const buckets = new Map<string, Bucket>();
  const bucketList: Bucket[] = [];
  let unknownIgnored = 0;
  let maxDay = Number.NEGATIVE_INFINITY;

  for (let i = 0; i < data.length; i++) {
    const d = data[i] as T;
    const c = childOf(d, i, data);
    let childOk = true;
    if (isMissing(c) || (typeof c !== "string" && typeof c !== "number") || (typeof c === "number" && !Number.isFinite(c))) {
      issue("missing-child", ["events", i, childField], `missing or invalid child id ${describeValue(c)}`);
      childOk = false;
    }
    const ep = episodeOf(d, i, data);
    const epValue = isMissing(ep) ? undefined : ep;
    const before = n;
    if (format === "long") {
      const m = msOf!(d, i, data);
      let k = typeof m === "string" ? index.get(m) : undefined;
      if (k === undefined) {
        if (unknownPolicy === "ignore" && typeof m === "string" && m !== "") unknownIgnored++;
        else issue("unknown-milestone", ["events", i, msField], unknownMessage(m, names));
      }
      const dv = dateOf!(d, i, data);
      const dn = toDayNumber(dv);
      if (Number.isNaN(dn)) {
        issue("invalid-date", ["events", i, dateField], `invalid date ${describeValue(dv)}: use an ISO YYYY-MM-DD string or a valid Date`);
      } else if (k !== undefined && childOk) {
        push(dn, k, i, epValue);
        if (dn > maxDay) maxDay = dn;
      }
    } else {
      for (const col of wide) {
        const dv = col.get(d, i, data);
        if (isMissing(dv)) continue;
        const dn = toDayNumber(dv);
        if (Number.isNaN(dn)) {
          issue("invalid-date", ["events", i, col.name], `invalid date ${describeValue(dv)}: use an ISO YYYY-MM-DD string or a valid Date`);
        } else if (childOk) {
          push(dn, col.m, i, epValue);
          if (dn > maxDay) maxDay = dn;
        }
      }
    }
    if (!childOk) continue;
    const key = typeof c === "number" ? `n${c}` : `s${c as string}`;
    let b = buckets.get(key);
    if (b === undefined) {
      b = { child: c as string | number, group: undefined, events: [] };
      buckets.set(key, b);
      bucketList.push(b);
    }
    for (let e = before; e < n; e++) b.events.push(e);
    if (groupOf !== undefined && b.group === undefined) {
      const g = groupOf(d, i, data);
      if (!isMissing(g)) b.group = g;
    }
  }
  if (issues.length > 0) throwIssues(issues, "case records");
  wide = [];
  return {
    names,
    index,
    routeOf,
    day,
    milestone,
    row,
    episode,
    dateField,
    children: bucketList,
    unknownIgnored,
    maxDay,
  };
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
  const ev = bucket.events.slice();
  const day = rec.day;
  ev.sort((a, b) => day[a]! - day[b]! || a - b);
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
