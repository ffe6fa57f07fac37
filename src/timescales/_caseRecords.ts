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
import { milestoneMatcher } from "./headers.js";

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
  children: Bucket[];
  unknownIgnored: number;
  /** Wide rows merged into an identical earlier row of the same child and episode. */
  duplicateRows: number;
  maxDay: number;
  /** Private caches shared by every stage computed from these records (never user input). */
  cache: { episodes: Map<number, ChildEpisodes[]>; dayText: Map<number, string>; exitsChecked?: Set<number>; birthChecked?: boolean };
}

export interface Bucket {
  child: string | number;
  group: unknown;
  events: number[];
  /** Date of birth as a day number (NaN when not given), and the row it was read from. */
  dob?: number;
  dobRow?: number;
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

/** Read and validate case records. Never mutates `data`. */
export function readCaseRecords<T>(data: readonly T[], options: CaseRecordOptions<T>): CaseRecords {
  if (!Array.isArray(data)) throw new QiError("invalid-value", ["events"], `case records must be an array of rows, not ${describeValue(data)}`);
  objectOption(options, ["options"]);
  const { names, routeOf, endsEpisode, routeIds } = catalogueNames(options.catalogue);
  const index = new Map<string, number>();
  names.forEach((n, i) => index.set(n, i));
  // Milestone names are matched forgivingly ("Permanence Recommendation", "perm rec"): headers.ts.
  const lookup = milestoneMatcher(names);
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
  const dobOf = options.dateOfBirth === undefined ? undefined : valueof<T>(options.dateOfBirth, "dateOfBirth");
  const dobField = fieldName(options.dateOfBirth, "dateOfBirth");
  const childField = fieldName(childCh, "child");
  const dateField = fieldName(dateCh, "date");
  const msField = fieldName(msCh, "milestone");
  const epField = fieldName(epCh, "episode");

  // Wide columns: milestone index → accessor and path name.
  const wide: { m: number; get: (d: T, i: number, data: readonly T[]) => unknown; name: string }[] = [];
  let columnOf: string[] | null = null;
  if (format === "wide") {
    const cols = options.columns ?? Object.fromEntries(names.map((n) => [n, n]));
    columnOf = names.slice();
    for (const [m, ch] of Object.entries(cols)) {
      const k = lookup(m);
      if (k === undefined) throw new QiError("unknown-milestone", ["options", "columns", m], unknownMessage(m, names));
      const name = fieldName(ch, m);
      wide.push({ m: k, get: valueof<T>(ch, `columns.${m}`), name });
      columnOf[k] = name;
    }
  }
  const msOf = format === "long" ? valueof<T>(msCh, "milestone") : undefined;
  const dateOf = format === "long" ? valueof<T>(dateCh, "date") : undefined;

  // Per-event parallel typed arrays, sized for the most events the rows can hold.
  const cap = format === "long" ? data.length : data.length * wide.length;
  const day = new Int32Array(cap);
  const milestone = new Int32Array(cap);
  const row = new Int32Array(cap);
  const episode: unknown[] = [];
  let anyEpisode = false;
  let n = 0;

  // Each distinct date string is parsed once: an export repeats the same few thousand dates.
  const dayOf = dayReader(options);
  const dateHint = `: use ${expectedDateForm(options)}`;

  const issues: QiIssue[] = [];
  const issue = (code: QiIssue["code"], path: QiPath, message: string): void => {
    if (issues.length < MAX_ISSUES) issues.push({ code, path, message });
  };
  const byString = new Map<string, Bucket>();
  const byNumber = new Map<number, Bucket>();
  const bucketList: Bucket[] = [];
  let unknownIgnored = 0;
  let duplicateRows = 0;
  let maxDay = Number.NEGATIVE_INFINITY;
  // Wide format: the first row of each child and episode, to compare duplicates against.
  const wideSeen = format === "wide" ? new Map<string, { i: number; dates: Map<number, number> }>() : undefined;

  for (let i = 0; i < data.length; i++) {
    const d = data[i] as T;
    const c = childOf(d, i, data);
    let childOk = true;
    if (isMissing(c) || (typeof c !== "string" && typeof c !== "number") || (typeof c === "number" && !Number.isFinite(c))) {
      issue("missing-child", ["events", i, childField], `missing or invalid child id ${describeValue(c)}`);
      childOk = false;
    }
    // Only built for error messages (describeValue per row would cost more than the read).
    const who = (): string => (childOk ? ` (child ${describeValue(c)})` : "");
    const ep = episodeOf(d, i, data);
    let epValue = isMissing(ep) ? undefined : ep;
    // An episode is an id like a child's: a string or a finite number (String() of an object or a
    // symbol-holding array would throw, and a bigint would not survive JSON).
    if (epValue !== undefined && typeof epValue !== "string" && !(typeof epValue === "number" && Number.isFinite(epValue))) {
      issue("invalid-value", ["events", i, epField], `invalid episode ${describeValue(epValue)}${who()}: use a string or a number`);
      epValue = undefined;
    }
    const before = n;
    if (format === "long") {
      const m = msOf!(d, i, data);
      const k = lookup(m);
      if (k === undefined) {
        if (unknownPolicy === "ignore" && typeof m === "string" && m !== "") unknownIgnored++;
        else issue("unknown-milestone", ["events", i, msField], `${unknownMessage(m, names)}${who()}`);
      }
      const dv = dateOf!(d, i, data);
      const dn = dayOf(dv);
      if (Number.isNaN(dn)) {
        issue("invalid-date", ["events", i, dateField], `invalid date ${describeValue(dv)}${who()}${dateHint}`);
      } else if (k !== undefined && childOk) {
        day[n] = dn;
        milestone[n] = k;
        row[n] = i;
        if (epValue !== undefined) {
          episode[n] = epValue;
          anyEpisode = true;
        }
        n++;
        if (dn > maxDay) maxDay = dn;
      }
    } else {
      const dates = new Map<number, number>();
      for (const col of wide) {
        const dv = col.get(d, i, data);
        if (isMissing(dv)) continue;
        const dn = dayOf(dv);
        if (Number.isNaN(dn)) {
          issue("invalid-date", ["events", i, col.name], `invalid date ${describeValue(dv)}${who()}${dateHint}`);
        } else if (childOk) {
          dates.set(col.m, dn);
        }
      }
      if (childOk) {
        // One row per child (and episode): a repeat must say the same thing, or it is a conflict.
        const key = `${typeof c === "number" ? "n" : "s"}${String(c)}\u0000${epValue === undefined ? "" : `${typeof epValue}:${String(epValue)}`}`;
        const first = wideSeen!.get(key);
        if (first !== undefined) {
          const differ: string[] = [];
          for (const col of wide) {
            const a = first.dates.get(col.m);
            const b = dates.get(col.m);
            if (a !== b) differ.push(col.name);
          }
          if (differ.length > 0) {
            issue(
              "duplicate-child",
              ["events", i, childField],
              `child ${describeValue(c)} has another row (row ${first.i}) with different dates in ${differ.length === 1 ? "column" : "columns"} ${differ.join(", ")}: one row per child${epValue === undefined ? "" : " and episode"} in wide format`,
            );
          } else duplicateRows++;
          continue; // identical duplicates are merged into the first row
        }
        wideSeen!.set(key, { i, dates });
        for (const [m, dn] of dates) {
          day[n] = dn;
          milestone[n] = m;
          row[n] = i;
          if (epValue !== undefined) {
            episode[n] = epValue;
            anyEpisode = true;
          }
          n++;
          if (dn > maxDay) maxDay = dn;
        }
      }
    }
    if (!childOk) continue;
    let b = typeof c === "number" ? byNumber.get(c) : byString.get(c as string);
    if (b === undefined) {
      b = { child: c as string | number, group: undefined, events: [] };
      if (typeof c === "number") byNumber.set(c, b);
      else byString.set(c as string, b);
      bucketList.push(b);
    }
    for (let e = before; e < n; e++) b.events.push(e);
    if (groupOf !== undefined && b.group === undefined) {
      const g = groupOf(d, i, data);
      if (!isMissing(g)) b.group = g;
    }
    if (dobOf !== undefined) readBirth(b, dobOf(d, i, data), i, dobField, dayOf, dateHint, issue);
  }
  if (issues.length > 0) throwIssues(issues, "case records");
  if (anyEpisode) episode.length = n;
  return {
    names,
    index,
    routeOf,
    endsEpisode,
    routeIds,
    n,
    day,
    milestone,
    row,
    episode,
    dateField,
    dobField,
    columnOf,
    children: bucketList,
    unknownIgnored,
    duplicateRows,
    maxDay,
    cache: { episodes: new Map(), dayText: new Map() },
  };
}

/** The field (long) or column (wide) of an event's date, for error paths. */
export function dateFieldOf(rec: CaseRecords, e: number): string {
  return rec.columnOf === null ? rec.dateField : rec.columnOf[rec.milestone[e]!]!;
}

/** `YYYY-MM-DD` of a day number, formatted once per distinct day for these records. */
export function dayText(rec: CaseRecords, d: number): string {
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
  const ev = src.slice();
  if (!sorted) ev.sort((a, b) => day[a]! - day[b]! || a - b);
  if (splitAt === undefined) {
    let plain = true;
    for (const e of ev) if (rec.episode[e] !== undefined) { plain = false; break; }
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
