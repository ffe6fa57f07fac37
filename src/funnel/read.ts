import { valueof, type Accessor } from "../_lib/accessor.js";
import { QiError, describeValue } from "../_lib/error.js";
import { readNumbers } from "../_lib/series.js";
import { isGroupKey, type ResolvedFunnelOptions } from "./options.js";
import type { FunnelOptions, FunnelWarning } from "./types.js";

/** One organisation's totals, in first-seen order (or the order of `groups`). */
export interface GroupTotals {
  group: string | number;
  rows: number;
  numerator: number;
  denominator: number;
}

function pathKey(channel: Accessor<unknown>, name: string): string {
  return typeof channel === "string" ? channel : name;
}

/**
 * Read group, numerator and denominator of each row and sum the rows of each group (as
 * FunnelPlotR aggregates by group). Numerators and denominators are read as runChart and
 * controlChart read y and n (readNumbers: numbers written as text as a CSV reader gives them,
 * docs/reliability.md "Numbers written as text"); a blank is missing, which a funnel plot cannot
 * leave out, so it is an error, as any bad value is: a QiError naming the row and field. A group
 * summed from several rows is reported in `warnings`.
 */
export function readGroups<T>(data: readonly T[], options: FunnelOptions<T>, r: ResolvedFunnelOptions, warnings: FunnelWarning[]): GroupTotals[] {
  if (!Array.isArray(data)) throw new QiError("invalid-value", ["data"], `data must be an array of rows, not ${describeValue(data)}`);
  if (data.length === 0) throw new QiError("empty-data", ["data"], "a funnel plot needs at least one row");
  const group = valueof<T>(options.group, "group");
  const nums = readNumbers(data, options.numerator, "numerator");
  const dens = readNumbers(data, options.denominator, "denominator");
  const names = { group: pathKey(options.group as Accessor<unknown>, "group"), numerator: pathKey(options.numerator as Accessor<unknown>, "numerator"), denominator: pathKey(options.denominator as Accessor<unknown>, "denominator") };
  const totals = new Map<string | number, GroupTotals>();
  if (r.groups) for (const g of r.groups) totals.set(g, { group: g, rows: 0, numerator: 0, denominator: 0 });
  for (let i = 0; i < data.length; i++) {
    const d = data[i]!;
    const g = group(d, i, data);
    if (!isGroupKey(g)) throw new QiError("invalid-value", ["data", i, names.group], `the group must be a non-empty string or a finite number, not ${describeValue(g)}`);
    const o = count(nums[i]!, ["data", i, names.numerator], "numerator", i);
    const e = count(dens[i]!, ["data", i, names.denominator], "denominator", i);
    if (e === 0) throw new QiError("invalid-value", ["data", i, names.denominator], `the denominator of group ${describeValue(g)} is 0: a rate needs cases`);
    if (r.type === "proportion" && o > e) throw new QiError("invalid-value", ["data", i, names.numerator], `the numerator ${o} is greater than the denominator ${e}: a proportion cannot exceed 1`);
    let t = totals.get(g);
    if (t === undefined) {
      if (r.groups) throw new QiError("invalid-value", ["data", i, names.group], `group ${describeValue(g)} is not in options.groups`);
      totals.set(g, (t = { group: g, rows: 0, numerator: 0, denominator: 0 }));
    }
    t.rows++;
    t.numerator += o;
    t.denominator += e;
  }
  const out = [...totals.values()];
  out.forEach((t, i) => {
    if (t.rows === 0) throw new QiError("empty-group", ["options", "groups", i], `group ${describeValue(t.group)} has no rows`);
  });
  const merged = out.filter((t) => t.rows > 1);
  if (merged.length > 0) {
    warnings.push({ code: "groups-summed", message: `${merged.length} group${merged.length === 1 ? " has" : "s have"} several rows, summed: ${merged.slice(0, 5).map((t) => `${String(t.group)} (${t.rows} rows)`).join(", ")}${merged.length > 5 ? ", …" : ""}` });
  }
  return out;
}

/** A numerator or denominator read by readNumbers (finite, or NaN for a blank): present and ≥ 0. */
function count(v: number, path: (string | number)[], what: string, row: number): number {
  if (Number.isNaN(v)) throw new QiError("invalid-value", path, `the ${what} of row ${row} is missing: every organisation needs a numerator and a denominator; leave the row out, or give its count`);
  if (v < 0) throw new QiError("invalid-value", path, `the ${what} must not be negative (${v})`);
  return v === 0 ? 0 : v; // -0 → 0
}
