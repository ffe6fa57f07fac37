import { QiError, describeValue } from "../_lib/error.js";
import { isGroupKey } from "./options.js";

// Published tables of organisations (the Scottish Government's Children's Social Work Statistics
// by local authority, NHS boards, ONS tables by region) end with the total: "Scotland", "All
// local authorities", "Total". On a funnel plot such a row is not an organisation: it would be
// compared with itself and its weight (half of all the cases) would pull the target towards it
// and narrow the overdispersion estimate (φ, τ²: Spiegelhalter 2005, Stat Med 24:1185-1202), so
// every organisation's limits would be wrong (the sixteenth user trial's "Scotland" row turned
// φ 1.03 into 0.993 and the adjusted limits into unadjusted ones). One rule for the library
// (funnelPlot refuses the row) and the CLI (`funnel` names the row and the --filter leaving it out).

/** What a total is of, after "Total" or before "total". */
const PLACES = "scotland|england|wales|northern ireland|uk|united kingdom|great britain|england (?:and|&) wales|las?|local authorit(?:y|ies)|councils?|all(?: [\\p{L}& ]+)?";

/** The collective nouns of "All … local authorities" (with any words between). */
const COLLECTIVE = "local authorities|authorities|councils|areas|health boards|boards|partnerships|las|hscps|regions";
/** Countries a collective total may end with: "All councils in Scotland". */
const COUNTRIES = "scotland|england|wales|northern ireland|the uk|uk|great britain";

/** Words that name a total row, after footnote marks are taken off (case ignored). */
const TOTAL_NAME = new RegExp(
  [
    "totals?",
    "(?:grand|sub|overall)[ -]?totals?",
    `total(?: for| of)? (?:${PLACES})`, // "Total Scotland", "Total for all local authorities"
    `(?:${PLACES}) totals?`, // "Scotland total", "All LAs total"
    "all",
    "overall",
    "national",
    "all (?:local authorities|las|councils|authorities|areas|health boards|boards|hscps|partnerships|regions|organisations|providers|trusts|services|teams|scotland|england|wales|uk)",
    // "total" or "totals" as a word at the end ("Scotland - total", "All areas: totals"), or at the
    // start before a separator or for/of/in/across ("Total - Scotland", "Total for Scotland"); not
    // "Total Care Ltd", an organisation whose name starts with the word.
    ".*[^\\p{L}\\p{N}]totals?",
    "totals?(?: ?[-–—:,/] ?| (?:for|of|in|across) ).+",
    // "All" + any words + a collective noun: "All Scottish local authorities", "All NHS boards in Scotland".
    `all(?: [\\p{L}\\p{N}&'’.-]+)*? (?:${COLLECTIVE})(?: (?:in|across) (?:${COUNTRIES}))?`,
  ]
    .map((p) => `^(?:${p})$`)
    .join("|"),
  "iu",
);

/** Names of a country or the UK: the total of a table of its local authorities or boards. */
const COUNTRY = /^(?:scotland|england|wales|northern ireland|uk|u\.k\.|united kingdom|great britain|gb|england (?:and|&) wales)$/iu;
/** The nations of the UK: a table with two or more of them compares nations, and they are its organisations. */
const NATION = /^(?:scotland|england|wales|northern ireland)$/iu;

/** A group name without footnote marks at its end: "Scotland¹", "Scotland (1)", "Scotland [note 3]", "Scotland *". */
function bare(name: string): string {
  return name
    .trim()
    .replace(/\s*(?:\([^)]*\)|\[[^\]]*\])$/u, "")
    .replace(/[\s*†‡¹²³⁴⁵⁶⁷⁸⁹⁰]+$/u, "")
    .trim();
}

/**
 * Whether a group name names a total: "Total", "Grand total", "All", "All local authorities",
 * "Scotland total"; or a country (Scotland, England, Wales, Northern Ireland, UK…) unless the
 * groups include two or more UK nations (`nations`: then they are the organisations compared).
 */
export function isTotalName(name: string, nations: boolean): boolean {
  const b = bare(name);
  if (b === "") return false;
  if (TOTAL_NAME.test(b)) return true;
  return COUNTRY.test(b) && !(nations && NATION.test(b));
}

/** How many rows' sums a total is checked against, at least (with one other row a "total" is a copy of it). */
const MIN_OTHERS = 2;

/** The rows {@link findTotalRows} found to be totals of the others, and why, in words. */
export interface TotalRows {
  /** 0-based indices of the rows, in order. */
  rows: number[];
  /** Why: "its name says so", or how its numerator and denominator are the sums of the other rows'. */
  reason: string;
}

/** The numerators and denominators {@link findTotalRows} checks sums of: null for a value suppressed (not published). */
export interface TotalRowCounts {
  numerators: readonly (number | null)[];
  denominators: readonly (number | null)[];
}

/**
 * The rows of a table of organisations that are the total of the others, or null: the rule
 * {@link funnelPlot} (a `total-row` error) and the CLI's `funnel` refuse a total by. A row is a
 * total when its group **names** one — `Total`, `Grand total`, `All`, `Overall`, `National`,
 * `Scotland total`, `Total for Scotland`, `Scotland - total`, `All local authorities`, `All
 * Scottish councils`, or a country (`Scotland`, `England`, `UK`, …) unless two or more UK nations
 * are among the groups (then they are what is compared); footnote marks (`¹`, `(1)`, `[note 3]`)
 * are taken off, case is ignored, and `Total Care Ltd` is an organisation — or, under any name,
 * when `counts` are given, by its **sums**: with every value shown, its numerator and denominator
 * are each the sum of the other rows' (give or take the rounding of adding decimals), with 2 or
 * more other rows. With values suppressed (null) no sum can be checked, so only names count: a row
 * at least as large as all the others shown may be an organisation (a city among its health
 * board's partnerships). Names are checked first; numbers are never totals by name.
 *
 * @example
 * findTotalRows(["Angus", "Fife", "Scotland"])
 * //=> { rows: [2], reason: "its name says so" }
 * findTotalRows(["Angus", "Fife", "Highland", "Region X"], { numerators: [3, 5, 2, 10], denominators: [10, 20, 10, 40] })
 * //=> { rows: [3], reason: "its numerator 10 and denominator 40 are the sums of the other 3 rows'" }
 * findTotalRows(["Angus", "Total Care Ltd"]) //=> null
 */
export function findTotalRows(groups: readonly (string | number)[], counts?: TotalRowCounts): TotalRows | null {
  if (!Array.isArray(groups)) throw new QiError("invalid-value", ["groups"], `groups must be an array of group names, not ${describeValue(groups)}`);
  const names = groups.map((g: unknown, i) => {
    if (!isGroupKey(g)) throw new QiError("invalid-value", ["groups", i], `a group must be a non-empty string or a finite number, not ${describeValue(g)}`);
    return typeof g === "string" ? g : null;
  });
  const sums = counts === undefined ? null : checkedCounts(counts, groups.length);
  const nations = new Set(names.filter((g): g is string => g !== null).map(bare).filter((g) => NATION.test(g)).map((g) => g.toLowerCase())).size >= 2;
  const byName: number[] = [];
  for (let i = 0; i < names.length; i++) if (names[i] !== null && isTotalName(names[i]!, nations)) byName.push(i);
  if (byName.length > 0) return { rows: byName, reason: "its name says so" };
  if (sums === null) return null;
  const { nums, dens } = sums;
  // With values suppressed no sum can be checked: a row at least as large as all the others shown
  // may be an organisation (Glasgow City among NHS Greater Glasgow and Clyde's partnerships, 396 of
  // 700 beside the rest's 345: the seventeenth user trial's table was refused). Names only, then.
  if (nums.some((v) => v === null) || dens.some((v) => v === null)) return null;
  const i = exactSum(nums as readonly number[], dens as readonly number[]);
  if (i < 0) return null;
  return { rows: [i], reason: `its numerator ${nums[i]} and denominator ${dens[i]} are the sums of the other ${groups.length - 1} rows'` };
}

/** `counts` checked: two arrays as long as the groups, of finite numbers ≥ 0 or null. */
function checkedCounts(counts: unknown, length: number): { nums: readonly (number | null)[]; dens: readonly (number | null)[] } {
  if (counts === null || typeof counts !== "object" || Array.isArray(counts)) throw new QiError("invalid-value", ["counts"], `counts must be { numerators, denominators }, not ${describeValue(counts)}`);
  const c = counts as Record<string, unknown>;
  const column = (key: "numerators" | "denominators"): readonly (number | null)[] => {
    const v = c[key];
    if (!Array.isArray(v) || v.length !== length) throw new QiError("invalid-value", ["counts", key], `counts.${key} must be an array of ${length} numbers (null for a suppressed value), one per group, not ${describeValue(v)}`);
    v.forEach((x: unknown, i) => {
      if (!(x === null || (typeof x === "number" && Number.isFinite(x) && x >= 0))) throw new QiError("invalid-value", ["counts", key, i], `counts.${key}[${i}] must be a finite number ≥ 0 or null (suppressed), not ${describeValue(x)}`);
    });
    return v as readonly (number | null)[];
  };
  return { nums: column("numerators"), dens: column("denominators") };
}

/** The row whose numerator and denominator are each the sum of the other rows' (all shown), or -1. */
function exactSum(nums: readonly number[], dens: readonly number[]): number {
  if (nums.length < MIN_OTHERS + 1) return -1;
  const sn = nums.reduce((a, b) => a + b, 0);
  const sd = dens.reduce((a, b) => a + b, 0);
  const same = (twice: number, all: number) => Math.abs(twice - all) <= 1e-9 * Math.max(1, Math.abs(all));
  for (let i = 0; i < nums.length; i++) if (same(2 * nums[i]!, sn) && same(2 * dens[i]!, sd)) return i;
  return -1;
}
