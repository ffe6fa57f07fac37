import { valueof, type Accessor } from "./accessor.js";
import { QiError, describeValue } from "./error.js";

/**
 * Split rows by a key (field name or accessor) and analyse each group independently, in
 * first-seen order — the `by` option of runChart and controlChart. Dates are grouped by their
 * time. A composite key — an array of primitives or dates, e.g. `(d) => [d.authority, d.stage]` —
 * is grouped by its contents (the group's key is the first such array, dates as times), so
 * renderSmallMultiples can lay the groups out in rows and columns. A QiError from one group is rethrown with the group's key in its path and message.
 */
export function analyseByGroup<T, O extends { by?: Accessor<T, unknown> }, R>(
  data: readonly T[],
  options: O,
  name: string,
  analyse: (rows: T[], options: Omit<O, "by">) => R,
): { key: unknown; chart: R }[] {
  if (data.length === 0) throw new QiError("empty-data", ["data"], `${name} needs at least one row`);
  const key = valueof(options.by!, "by");
  // A Map, not d3-array's `group`: its InternMap merges keys by `valueOf()` (a `new Number(3)`
  // key would join the 3s in silence, and a key whose valueOf throws would throw a TypeError),
  // while here only dates (by time) and composite arrays (by contents) are merged, as documented.
  const groups = new Map<unknown, T[]>();
  const composite = new Map<string, unknown[]>();
  data.forEach((d, i) => {
    let k = key(d, i, data);
    if (k instanceof Date) k = k.getTime();
    const tag = Array.isArray(k) ? compositeTag(k) : undefined;
    if (tag !== undefined) {
      const seen = composite.get(tag);
      if (seen === undefined) composite.set(tag, (k = (k as unknown[]).map((v) => (v instanceof Date ? v.getTime() : v))));
      else k = seen;
    }
    let rows = groups.get(k);
    if (rows === undefined) groups.set(k, (rows = []));
    rows.push(d);
  });
  const { by: _by, ...rest } = options;
  const out: { key: unknown; chart: R }[] = [];
  for (const [k, rows] of groups) {
    try {
      out.push({ key: k, chart: analyse(rows, rest) });
    } catch (e) {
      if (e instanceof QiError) throw new QiError(e.code, ["groups", groupName(k), ...e.path], `in group ${describeValue(k)}: ${e.message}`, e.issues);
      throw e;
    }
  }
  return out;
}

/** The contents of an array key of primitives and dates as one string (each typed), or undefined when it holds anything else. */
function compositeTag(k: readonly unknown[]): string | undefined {
  const parts: string[] = [];
  for (const v of k) {
    if (v instanceof Date) parts.push(`date:${v.getTime()}`);
    else if (v !== null && (typeof v === "object" || typeof v === "function")) return undefined;
    else parts.push(`${typeof v}:${String(v).replace(/[\\|]/g, "\\$&")}`);
  }
  return parts.join("|");
}

/** A group key for an error path: strings as they are, anything else described safely. */
function groupName(k: unknown): string {
  if (typeof k === "string") return k;
  try {
    return String(k);
  } catch {
    return describeValue(k);
  }
}
