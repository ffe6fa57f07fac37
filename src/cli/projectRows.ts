/**
 * `report`'s one meaning of a series row: the project document's. `y` is the measure's value as
 * plotted (60 for 60 %), `n` the number of cases behind it (src/project/types.ts). Data files read
 * with `--n COL` hold a numerator and a denominator instead (as `analyse --n`) and are turned into
 * such rows here; a p, pp, u, up or ip chart, which needs counts, gets them back from the value
 * and n.
 */

/** How a measure's value is scaled from y / n: ×100 for a percentage, ×1 for a proportion, ×1,000 for a rate "per 1,000 days". */
export type ValueScale = { scale: number; what: string } | { problem: string };

/** The definition fields the scale is read from (the document is not validated yet when data files are read). */
interface Definition {
  aggregation?: unknown;
  unit?: unknown;
}

/**
 * The scale of a measure's value over y / n, from its definition: the aggregation says whether
 * the value is a ratio at all (percentage, proportion, rate), the unit how a proportion or rate is
 * scaled ("%" ×100; a rate's "per 1,000 days" ×1,000, "per child" ×1). Anything else — a count, a
 * mean, a rate whose unit names no scale — is a problem in words.
 */
export function valueScale(definition: Definition | undefined): ValueScale {
  const aggregation = definition?.aggregation;
  const unit = typeof definition?.unit === "string" ? definition.unit.trim() : "";
  if (aggregation === "percentage") return { scale: 100, what: "a percentage" };
  if (aggregation === "proportion") return unit === "%" ? { scale: 100, what: "a proportion in %" } : { scale: 1, what: "a proportion" };
  if (aggregation === "rate") {
    if (unit === "%") return { scale: 100, what: "a rate in %" };
    const per = /^per\s+(\d{1,3}(?:,\d{3})+|\d+)(?=\s|$)/i.exec(unit);
    if (per !== null) return { scale: Number(per[1]!.replace(/,/g, "")), what: `a rate ${unit}` };
    if (/^per\s+[^\d\s]/i.test(unit)) return { scale: 1, what: `a rate ${unit}` };
    return { problem: `it is a rate whose unit ${JSON.stringify(unit)} does not say its scale (write "per 1,000 days", "per child" or "%")` };
  }
  return { problem: `it is ${typeof aggregation === "string" ? `a ${aggregation}` : "not a ratio"} (its definition's aggregation), not a percentage, proportion or rate` };
}

/** Digits after the point of a number as JavaScript writes it (60 → 0, 66.7 → 1, 1e-7 → 7). */
function decimalsOf(v: number): number {
  const [mantissa, exponent] = String(Math.abs(v)).split("e");
  const dot = mantissa!.indexOf(".");
  const d = (dot < 0 ? 0 : mantissa!.length - dot - 1) - Number(exponent ?? 0);
  return Math.max(0, d);
}

/** The count behind a value, or why there is none. */
export type CountOf = { count: number } | { problem: string };

/**
 * The whole number of cases behind `value` over `n` (count = value × n / scale). The value was
 * rounded to the decimals it is written with, so the count may be off by half a unit of its last
 * digit times n / scale: exactly one whole number must lie that close. 66.7 % of 12 is 8.004 → 8;
 * 61.3 % of 15 is 9.195, no whole number; 60 % of 300 could be 178.5 to 181.5 cases.
 */
export function countOf(value: number, n: number, scale: number): CountOf {
  const raw = (value * n) / scale;
  const tol = ((0.5 * 10 ** -decimalsOf(value) * n) / scale) * (1 + 1e-9) + 1e-9 * Math.max(1, Math.abs(raw));
  const low = Math.ceil(raw - tol);
  const high = Math.floor(raw + tol);
  const formula = `y × n${scale === 1 ? "" : ` / ${scale.toLocaleString("en-GB")}`}`;
  if (high === low) return { count: low };
  const is = `y ${value} with n ${n} is ${Number(raw.toPrecision(10))} cases (${formula})`;
  // A project that stores the count itself as y (the value is count / n, scaled) is the likely slip.
  const slip = Number.isInteger(value) && value <= n ? ` (if ${value} is the number of cases, y is ${Number(((value / n) * scale).toFixed(2))}: y is the measure's value, n the cases behind it)` : "";
  if (high < low) return { problem: `${is}, not a whole number: a chart of counts needs the number of cases behind each value${slip}` };
  return { problem: `${is}, which could be any of ${low} to ${high} as y is rounded: write y with more decimals, or give the counts (--data with --n)` };
}
