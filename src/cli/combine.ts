/** How `--aggregate` combines the values of rows that share an x. */
export const AGGREGATES = ["sum", "mean", "median", "count", "sd"] as const;
export type Aggregate = (typeof AGGREGATES)[number];
/** `pooled`: y and n each summed (a proportion or rate of the pooled counts). */
export type Combine = Aggregate | "pooled";

/** One point of a series as the CLI passes it to the library. */
export interface SeriesPoint {
  x?: number | string;
  y: number | null;
  n?: number | null;
}

/** The combined series of one group, and what combining did (for the warning). */
export interface Combined {
  points: SeriesPoint[];
  /** For each point, the indices of the rows it came from (first = where errors point). */
  rows: number[][];
  /** x values that had more than one row. */
  shared: number;
  /** Fewest and most rows behind one of those x values. */
  fewest: number;
  most: number;
}

function finite(v: number | null | undefined): v is number {
  return typeof v === "number" && Number.isFinite(v);
}

/**
 * Combine one value per x from the rows that share it. Blank values are left out; an x whose
 * values are all blank is a gap (null). `sum`, `mean`, `median`, `count` (non-blank values) and
 * `sd` (sample standard deviation, n − 1, as R's `sd()` and qicharts2's `agg.fun = "sd"`; one value
 * → a gap) apply to y; `pooled` sums y and n over the rows that have both (qicharts2 sums the
 * numerators and denominators of p, u and ratio charts).
 */
export function combineValues(ys: readonly (number | null)[], ns: readonly (number | null)[] | null, how: Combine): { y: number | null; n?: number | null } {
  if (how === "pooled") {
    let y = 0;
    let n = 0;
    let k = 0;
    ys.forEach((v, i) => {
      const d = ns?.[i];
      if (finite(v) && (ns === null || finite(d))) (y += v), (n += ns === null ? 0 : d!), k++;
    });
    return ns === null ? { y: k === 0 ? null : y } : { y: k === 0 ? null : y, n: k === 0 ? null : n };
  }
  const vs = ys.filter(finite);
  if (how === "count") return { y: vs.length };
  if (vs.length === 0) return { y: null };
  const sum = vs.reduce((a, v) => a + v, 0);
  if (how === "sum") return { y: sum };
  const mean = sum / vs.length;
  if (how === "mean") return { y: mean };
  if (how === "sd") return { y: vs.length < 2 ? null : Math.sqrt(vs.reduce((a, v) => a + (v - mean) ** 2, 0) / (vs.length - 1)) };
  const s = [...vs].sort((a, b) => a - b);
  const h = s.length >> 1;
  return { y: s.length % 2 === 1 ? s[h]! : (s[h - 1]! + s[h]!) / 2 };
}

/**
 * Group a series' rows by x (first-seen order) and combine each group with `how`. Rows with a
 * unique x pass through unchanged (but `count` turns each into 1 or 0).
 */
export function combineByX(rows: readonly number[], x: (i: number) => number | string, y: (i: number) => number | null, n: ((i: number) => number | null) | null, how: Combine): Combined {
  const at = new Map<number | string, number[]>();
  for (const i of rows) {
    const k = x(i);
    const list = at.get(k);
    if (list === undefined) at.set(k, [i]);
    else list.push(i);
  }
  const out: Combined = { points: [], rows: [], shared: 0, fewest: Number.POSITIVE_INFINITY, most: 0 };
  for (const [k, list] of at) {
    if (list.length > 1) {
      out.shared++;
      out.fewest = Math.min(out.fewest, list.length);
      out.most = Math.max(out.most, list.length);
    }
    const c = combineValues(list.map(y), n === null ? null : list.map(n), how);
    out.points.push({ x: k, ...c });
    out.rows.push(list);
  }
  return out;
}

/** "2–3 rows each" / "3 rows each" */
export function rowsEach(fewest: number, most: number): string {
  return `${fewest === most ? most : `${fewest}–${most}`} rows each`;
}
