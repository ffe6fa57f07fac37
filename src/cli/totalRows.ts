import { quote } from "./errors.js";
import { findTotalRows } from "./lib.js";
import type { Table } from "./table.js";

// A total row ("Scotland" under 32 councils) is refused by the library's rule (findTotalRows,
// src/funnel/totals.ts: by its name, or by its sums), one rule for funnelPlot and the CLI; here
// its message names the file's row and the --filter that leaves it out. analyse and summary
// refuse a "Total" row too (it is not a date).

/**
 * The error for a row of `table` that is the total of the others (findTotalRows), or null: by its
 * group's name; when `sums` are given (null: a value suppressed by --na), by its numerator and
 * denominator.
 */
export function totalRow(table: Table, names: { group: string; numerator: string; denominator: string }, groups: readonly string[], sums: { nums: readonly (number | null)[]; dens: readonly (number | null)[] } | null): string | null {
  // A blank group is an error of its own, said later: not a name to check.
  const named = groups.map((g, i) => [g, i] as const).filter(([g]) => g !== "");
  const found = findTotalRows(
    named.map(([g]) => g),
    sums === null ? undefined : { numerators: named.map(([, i]) => sums.nums[i]!), denominators: named.map(([, i]) => sums.dens[i]!) },
  );
  return found === null ? null : totalMessage(table, names, groups, found.rows.map((k) => named[k]![1]), found.reason);
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
