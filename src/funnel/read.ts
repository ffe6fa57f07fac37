import { valueof, type Accessor } from "../_lib/accessor.js";
import { QiError, describeValue, type QiIssue } from "../_lib/error.js";
import { readNumbers } from "../_lib/series.js";
import { isGroupKey, type ResolvedFunnelOptions } from "./options.js";
import { findTotalRows } from "./totals.js";
import type { FunnelLeftOut, FunnelOptions, FunnelWarning } from "./types.js";

/** One organisation's totals, in first-seen order (or the order of `groups`). */
export interface GroupTotals {
  group: string | number;
  rows: number;
  numerator: number;
  denominator: number;
}

/** The groups plotted and those left out (a value suppressed). */
export interface ReadGroups {
  totals: GroupTotals[];
  leftOut: FunnelLeftOut[];
}

function pathKey(channel: Accessor<unknown>, name: string): string {
  return typeof channel === "string" ? channel : name;
}

type Names = { group: string; numerator: string; denominator: string };

/** How many organisations a warning names before "…". */
const MAX_NAMED = 10;

/**
 * Read group, numerator and denominator of each row and sum the rows of each group (as
 * FunnelPlotR aggregates by group). Numerators and denominators are read as runChart and
 * controlChart read y and n (readNumbers: numbers written as text as a CSV reader gives them,
 * docs/reliability.md "Numbers written as text"); a blank is missing, which a funnel plot cannot
 * leave out, so it is an error, as any bad value is: a QiError naming the row and field. A group
 * with a value marked as suppressed (`options.suppressed`) is left out, said in `leftOut` and a
 * warning. A row that is the total of the others (findTotalRows: by its name, before its values
 * are read, then by its sums) is a `total-row` error. A group summed from several rows is
 * reported in `warnings`.
 */
export function readGroups<T>(data: readonly T[], options: FunnelOptions<T>, r: ResolvedFunnelOptions, warnings: FunnelWarning[]): ReadGroups {
  if (!Array.isArray(data)) throw new QiError("invalid-value", ["data"], `data must be an array of rows, not ${describeValue(data)}`);
  if (data.length === 0) throw new QiError("empty-data", ["data"], "a funnel plot needs at least one row");
  const names: Names = { group: pathKey(options.group as Accessor<unknown>, "group"), numerator: pathKey(options.numerator as Accessor<unknown>, "numerator"), denominator: pathKey(options.denominator as Accessor<unknown>, "denominator") };
  const keys = groupKeys(data, options, names);
  const named = findTotalRows(keys);
  if (named !== null) throw totalError(named.rows, named.reason, keys, names, options);
  const marks = suppressedCells(data, options, r);
  const { nums, dens } = readCounts(data, options, marks);
  const totals = new Map<string | number, GroupTotals>();
  if (r.groups) for (const g of r.groups) totals.set(g, { group: g, rows: 0, numerator: 0, denominator: 0 });
  const leftOut = new Map<string | number, FunnelLeftOut>();
  for (let i = 0; i < data.length; i++) {
    const g = keys[i]!;
    const cells = marks.get(i);
    if (cells !== undefined) {
      if (r.groups && !totals.has(g)) throw notListed(g, i, names);
      const out = leftOut.get(g);
      if (out === undefined) leftOut.set(g, { group: g, reason: "suppressed", cells: [...cells] });
      else out.cells.push(...cells);
      continue;
    }
    const o = count(nums[i]!, ["data", i, names.numerator], "numerator", i);
    const e = count(dens[i]!, ["data", i, names.denominator], "denominator", i);
    if (e === 0) throw new QiError("invalid-value", ["data", i, names.denominator], `the denominator of group ${describeValue(g)} is 0: a rate needs cases`);
    if (r.type === "proportion" && o > e) throw new QiError("invalid-value", ["data", i, names.numerator], `the numerator ${o} is greater than the denominator ${e}: a proportion cannot exceed 1`);
    let t = totals.get(g);
    if (t === undefined) {
      if (r.groups) throw notListed(g, i, names);
      totals.set(g, (t = { group: g, rows: 0, numerator: 0, denominator: 0 }));
    }
    t.rows++;
    t.numerator += o;
    t.denominator += e;
  }
  // A group with a suppressed value is left out whole: its other rows' sum would be of some rows only.
  for (const g of leftOut.keys()) totals.delete(g);
  const out = [...totals.values()];
  out.forEach((t) => {
    if (t.rows === 0) throw new QiError("empty-group", ["options", "groups", r.groups!.indexOf(t.group)], `group ${describeValue(t.group)} has no rows`);
  });
  if (out.length === 0) throw new QiError("empty-data", ["data"], `every group has a suppressed value (options.suppressed): nothing to plot`);
  const left = [...leftOut.values()];
  totalBySums(keys, out, left, names, options);
  groupWarnings(out, left, names, warnings);
  return { totals: out, leftOut: left };
}

function notListed(g: string | number, i: number, names: Names): QiError {
  return new QiError("invalid-value", ["data", i, names.group], `group ${describeValue(g)} is not in options.groups`);
}

/** Each row's group key, checked. */
function groupKeys<T>(data: readonly T[], options: FunnelOptions<T>, names: Names): (string | number)[] {
  const group = valueof<T>(options.group, "group");
  return data.map((d, i) => {
    const g = group(d, i, data);
    if (!isGroupKey(g)) throw new QiError("invalid-value", ["data", i, names.group], `the group must be a non-empty string or a finite number, not ${describeValue(g)}`);
    return g;
  });
}

/** The rows with a numerator or denominator that is a mark of `options.suppressed` → the marked cells. */
function suppressedCells<T>(data: readonly T[], options: FunnelOptions<T>, r: ResolvedFunnelOptions): Map<number, FunnelLeftOut["cells"]> {
  const marked = new Map<number, FunnelLeftOut["cells"]>();
  if (r.suppressed.size === 0) return marked;
  const num = valueof<T>(options.numerator, "numerator");
  const den = valueof<T>(options.denominator, "denominator");
  for (let i = 0; i < data.length; i++) {
    const cells: FunnelLeftOut["cells"] = [];
    for (const [field, get] of [["numerator", num], ["denominator", den]] as const) {
      const v = get(data[i]!, i, data);
      if (typeof v === "string" && r.suppressed.has(v.trim())) cells.push({ row: i, field, text: v });
    }
    if (cells.length > 0) marked.set(i, cells);
  }
  return marked;
}

/** The numerators and denominators, read by readNumbers; rows with a suppressed value are read as gaps (never used). */
function readCounts<T>(data: readonly T[], options: FunnelOptions<T>, marks: ReadonlyMap<number, unknown>): { nums: Float64Array; dens: Float64Array } {
  if (marks.size === 0) return { nums: readNumbers(data, options.numerator, "numerator"), dens: readNumbers(data, options.denominator, "denominator") };
  // A field name reads a row without it ({}) as missing, keeping the field's name in error paths;
  // an accessor is not called for such a row.
  const view = data.map((d, i) => (marks.has(i) ? ({} as T) : d));
  const channel = (c: Accessor<T>) => (typeof c === "function" ? (_d: T, i: number) => (marks.has(i) ? null : c(data[i]!, i, data)) : c);
  return { nums: readNumbers(view, channel(options.numerator), "numerator"), dens: readNumbers(view, channel(options.denominator), "denominator") };
}

/** A total by its sums (findTotalRows): over the groups, those left out counted as suppressed (null). */
function totalBySums<T>(keys: readonly (string | number)[], totals: readonly GroupTotals[], leftOut: readonly FunnelLeftOut[], names: Names, options: FunnelOptions<T>): void {
  const groups = [...totals.map((t) => t.group), ...leftOut.map((l) => l.group)];
  const counts = {
    numerators: [...totals.map((t) => t.numerator), ...leftOut.map(() => null)],
    denominators: [...totals.map((t) => t.denominator), ...leftOut.map(() => null)],
  };
  const found = findTotalRows(groups, counts);
  if (found === null) return;
  const rows = found.rows.map((k) => keys.indexOf(groups[k]!));
  throw totalError(rows, found.reason.replace(/ rows'/, " groups'"), keys, names, options);
}

/**
 * The `total-row` error: the row(s) of data that are the total of the others, why, and to drop
 * them (each also in `issues`).
 */
function totalError<T>(rows: readonly number[], reason: string, keys: readonly (string | number)[], names: Names, options: FunnelOptions<T>): QiError {
  const at = (i: number) => `data[${i}] (${describeValue(keys[i])})`;
  const first = rows[0]!;
  const more = rows.length > 1 ? ` (and ${rows.length - 1} more: ${rows.slice(1, 6).map(at).join(", ")}${rows.length > 6 ? ", …" : ""})` : "";
  const drop =
    typeof options.group === "string"
      ? `, e.g. data.filter((d) => d[${JSON.stringify(options.group)}] !== ${JSON.stringify(keys[first])})`
      : "";
  const message =
    `${at(first)} is a total of the others, not an organisation (${reason})${more}: ` +
    `a funnel plot compares each organisation with the overall rate, and a total among them would be compared with itself and shift the target and the limits. Drop the row before plotting${drop}`;
  const issues: QiIssue[] = rows.map((i) => ({ code: "total-row", path: ["data", i, names.group], message: `${at(i)} is a total of the others (${reason})` }));
  return new QiError("total-row", ["data", first, names.group], message, issues);
}

/** The warnings of groups summed from several rows and groups left out. */
function groupWarnings(out: readonly GroupTotals[], leftOut: readonly FunnelLeftOut[], names: Names, warnings: FunnelWarning[]): void {
  const merged = out.filter((t) => t.rows > 1);
  if (merged.length > 0) {
    warnings.push({ code: "groups-summed", message: `${merged.length} group${merged.length === 1 ? " has" : "s have"} several rows, summed: ${merged.slice(0, 5).map((t) => `${String(t.group)} (${t.rows} rows)`).join(", ")}${merged.length > 5 ? ", …" : ""}` });
  }
  if (leftOut.length === 0) return;
  const what = (l: FunnelLeftOut) => `${String(l.group)} (${l.cells.map((c) => `data[${c.row}].${names[c.field]} ${JSON.stringify(c.text)}`).join(", ")})`;
  const list = `${leftOut.slice(0, MAX_NAMED).map(what).join(", ")}${leftOut.length > MAX_NAMED ? `, … (${leftOut.length} in all)` : ""}`;
  warnings.push({ code: "rows-suppressed", message: `left out ${leftOut.length} organisation${leftOut.length === 1 ? "" : "s"} whose numerator or denominator is suppressed (options.suppressed): ${list}` });
}

/** A numerator or denominator read by readNumbers (finite, or NaN for a blank): present and ≥ 0. */
function count(v: number, path: (string | number)[], what: string, row: number): number {
  if (Number.isNaN(v)) throw new QiError("invalid-value", path, `the ${what} of row ${row} is missing: every organisation needs a numerator and a denominator; leave the row out, or give its count`);
  if (v < 0) throw new QiError("invalid-value", path, `the ${what} must not be negative (${v})`);
  return v === 0 ? 0 : v; // -0 → 0
}
