import type { NumberChunks } from "./cells.js";
import { writePeriodLabel } from "./lib.js";
import { nextPeriodStart, type Period } from "./period.js";
import type { XColumn } from "./seriesColumns.js";

// A sum over a period is comparable with its neighbours only when it sums the whole period: a last
// quarter of two months (the data end in February) or a quarter with a suppressed month looks like
// a fall, and was read as an astronomical improvement (a user trial). Such periods stay on the
// chart but are left out of the centre line and the rules (the library's `exclude`), with a note.

/** The points (0-based, in x order) whose period the rows cover only in part, and the note saying which. */
export interface PartialPeriods {
  exclude: number[];
  note: { code: string; message: string } | null;
}

/**
 * The periods of one group's rows (`row(k)`, k < length) that a `--period` sum covers in part: the
 * first when the rows start after it starts, the last when they end before it ends (the rows'
 * own period — a month for months, else a day — decides where they end), and any with a row
 * whose value is blank. A period whose rows are all blank is a gap already and is not listed.
 */
export function partialPeriods(length: number, row: (k: number) => number, x: XColumn, ys: NumberChunks, period: Period): PartialPeriods {
  const written = x.written!;
  let first = "";
  let last = "";
  let monthly = x.labels !== null;
  const starts = new Map<string, { blank: number; rows: number }>();
  for (let k = 0; k < length; k++) {
    const i = row(k);
    const w = written(i);
    if (first === "" || w < first) first = w;
    if (last === "" || w > last) last = w;
    if (x.labels === null && !w.endsWith("-01")) monthly = false;
    const s = starts.get(x.value(i) as string) ?? { blank: 0, rows: 0 };
    s.rows++;
    if (Number.isNaN(ys.get(i))) s.blank++;
    starts.set(x.value(i) as string, s);
  }
  const keys = [...starts.keys()].sort();
  const partial = new Map<string, string>();
  const own = x.labels ?? (monthly ? "month" : "day");
  if (first > keys[0]!) partial.set(keys[0]!, `rows from ${writePeriodLabel(first, own)} only`);
  const lastKey = keys[keys.length - 1]!;
  if (nextPeriodStart(last, own) < nextPeriodStart(lastKey, period)) partial.set(lastKey, `rows up to ${writePeriodLabel(last, own)} only`);
  for (const [key, s] of starts) if (s.blank > 0 && s.blank < s.rows) partial.set(key, `${s.blank} row${s.blank === 1 ? "" : "s"} with no value`);
  const listed = keys.filter((k) => partial.has(k) && starts.get(k)!.blank < starts.get(k)!.rows);
  if (listed.length === 0) return { exclude: [], note: null };
  const said = listed.map((k) => `${writePeriodLabel(k, period)} (${partial.get(k)})`).join(", ");
  return {
    exclude: listed.map((k) => keys.indexOf(k)),
    note: { code: "partial-period", message: `${said} ${listed.length === 1 ? "sums" : "sum"} only part of ${listed.length === 1 ? "its" : "their"} ${period}: drawn, but left out of the centre line and the rules` },
  };
}
