import { quote } from "./errors.js";
import type { Table } from "./table.js";

// Published tables of organisations (the Scottish Government's Children's Social Work Statistics
// by local authority, NHS boards, ONS tables by region) end with the total: "Scotland", "All
// local authorities", "Total". On a funnel plot such a row is not an organisation: it would be
// compared with itself and its weight (half of all the cases) would pull the target towards it
// and narrow the overdispersion estimate (φ, τ²: Spiegelhalter 2005, Stat Med 24:1185-1202), so
// every organisation's limits would be wrong. analyse and summary refuse a "Total" row (it is not
// a date); funnel refuses one too, naming it and how to leave it out.

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
/** With suppressed cells, how many other rows with both values a total must be at least the sum of. */
const MIN_OTHERS_SUPPRESSED = 3;

/**
 * The error for a row of `table` that is the total of the others, or null: a row whose group names
 * a total (isTotalName); or, when `sums` are given (null: a value suppressed by --na), a row whose
 * numerator and denominator are each the sum of the other rows' — exactly, give or take the
 * rounding of adding decimals — when nothing is suppressed; with suppressed cells, a row whose
 * numerator and denominator are each at least the sum of the other rows' values shown (a total
 * covers the suppressed cells too, so the cells shown sum to less than it, never more), with at
 * least 3 other rows. A table comparing the UK's nations is left to the exact rule: England alone
 * outnumbers the other three.
 */
export function totalRow(table: Table, names: { group: string; numerator: string; denominator: string }, groups: readonly string[], sums: { nums: readonly (number | null)[]; dens: readonly (number | null)[] } | null): string | null {
  const nations = new Set(groups.map(bare).filter((g) => NATION.test(g)).map((g) => g.toLowerCase())).size >= 2;
  const byName: number[] = [];
  for (let i = 0; i < groups.length; i++) if (isTotalName(groups[i]!, nations)) byName.push(i);
  if (byName.length > 0) return totalMessage(table, names, groups, byName, "its name says so");
  if (sums === null) return null;
  const suppressed = sums.nums.some((v) => v === null) || sums.dens.some((v) => v === null);
  const i = suppressed ? (nations ? -1 : atLeastSum(sums.nums, sums.dens)) : exactSum(sums.nums as readonly number[], sums.dens as readonly number[]);
  if (i < 0) return null;
  const others = groups.length - 1;
  const why = suppressed
    ? `its numerator ${sums.nums[i]} and denominator ${sums.dens[i]} are at least the sums of the other ${others} rows' values shown, ${sumOf(sums.nums, i)} and ${sumOf(sums.dens, i)}: a total over suppressed cells`
    : `its numerator ${sums.nums[i]} and denominator ${sums.dens[i]} are the sums of the other ${others} rows'`;
  return totalMessage(table, names, groups, [i], why);
}

/** The sum of `values` but the i-th, leaving out nulls (suppressed cells). */
function sumOf(values: readonly (number | null)[], i: number): number {
  let s = 0;
  for (let k = 0; k < values.length; k++) if (k !== i && values[k] !== null) s += values[k]!;
  return s;
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

/** With suppressed cells: the row with both values shown, each at least the sum of the others' shown, with 3 or more other rows shown in full; or -1. */
function atLeastSum(nums: readonly (number | null)[], dens: readonly (number | null)[]): number {
  const full = nums.map((v, k) => v !== null && dens[k] !== null);
  if (full.filter(Boolean).length < MIN_OTHERS_SUPPRESSED + 1) return -1;
  // The adding of decimals may leave the total a hair under the sum of its parts.
  const atLeast = (v: number, sum: number) => v >= sum - 1e-9 * Math.max(1, Math.abs(sum));
  for (let i = 0; i < nums.length; i++) {
    if (full[i] && atLeast(nums[i]!, sumOf(nums, i)) && atLeast(dens[i]!, sumOf(dens, i))) return i;
  }
  return -1;
}

function totalMessage(table: Table, names: { group: string }, groups: readonly string[], rows: readonly number[], why: string): string {
  const first = rows[0]!;
  const g = groups[first]!;
  const more = rows.length > 1 ? ` (and ${rows.length - 1} more: ${rows.slice(1, 6).map((i) => `${quote(groups[i])} at ${table.where(i).replace(/^.*?: /, "")}`).join(", ")}${rows.length > 6 ? ", …" : ""})` : "";
  const filters = rows.map((i) => `--filter ${quote(`${names.group}!=${groups[i]!.trim()}`)}`).filter((f, k, all) => all.indexOf(f) === k);
  return (
    `${table.where(first, names.group)}: ${quote(g)} is a total, not an organisation (${why})${more}: ` +
    `a funnel plot compares each organisation with the overall rate, and a total among them would be compared with itself and shift the target and the limits. ` +
    `Remove the row, or leave it out with ${filters.slice(0, 3).join(" ")}`
  );
}
