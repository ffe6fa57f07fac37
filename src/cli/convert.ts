import { XForms, dateProblem, isoDateReader, xTextReader, type DateFormat, type LabelForm, type XText } from "./dates.js";
import { DataError, quote } from "./errors.js";
import { naHint, type NaTexts } from "./naTexts.js";
import { decimal, isMissingNumberText, numberTextAdvice } from "../_lib/numberText.js";
import type { Table } from "./table.js";
import type { SplitYear } from "./lib.js";

const MAX = 10;

/** Collects problems found in a column so the analyst sees several at once (up to 10). */
export class Problems {
  readonly list: string[] = [];
  count = 0;
  add(text: string): void {
    this.count++;
    if (this.list.length < MAX) this.list.push(text);
  }
  throwIfAny(): void {
    if (this.count === 0) return;
    const details = this.list.slice(1);
    if (this.count > MAX) details.push(`… and ${this.count - MAX} more problem${this.count - MAX === 1 ? "" : "s"}`);
    throw new DataError(this.list[0]!, details);
  }
}

// Numbers are plain decimals and blank, NA and NaN are missing values: the library's rule
// (src/_lib/numberText.ts), so a cell reads as the same value given to either.
export { decimal };

/** A blank cell: missing, null, or text of spaces only. */
export function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && v.trim() === "");
}

/** A missing number: blank, or a text that is a missing value (`NA`, `NaN`: see src/_lib/numberText.ts). */
export function isMissingNumber(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === "string" && isMissingNumberText(v));
}

/** What --y and --n are for, said to a cell written as a percentage (`47.4%`). */
export const PERCENT_ADVICE = "for a percentage, give its count as --y and its denominator as --n (a p chart)";

/**
 * After "'1,190' is not a number": what to do about a number written as a spreadsheet shows it
 * (`: remove the thousands separator (1190)`, `: remove the % sign (47.4); …` with `percent`, the
 * library's rule: src/_lib/numberText.ts), or the `--na` hint for a mark such as `*` (naHint).
 */
export function notNumberHint(text: unknown, na: NaTexts | undefined, percent = PERCENT_ADVICE): string {
  const advice = typeof text === "string" ? numberTextAdvice(text, percent) : null;
  // A command with --na has --thousands too (they share NaTexts): name it for "1,190".
  const flag = advice !== null && na !== undefined && advice.startsWith("remove the thousands") ? ", or give --thousands to read such cells as numbers" : "";
  return advice !== null ? `: ${advice}${flag}` : naHint(text, na);
}

/**
 * A number, a missing one (blank, `NA`, `NaN`) → null; anything else is a problem naming the row
 * and column (`percent`: what to say of a percentage, notNumberHint).
 */
export function numberColumn(table: Table, column: string, values: readonly unknown[], problems: Problems, what = "a number", na?: NaTexts, percent?: string): (number | null)[] {
  const out: (number | null)[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isMissingNumber(v)) out[i] = null;
    else if (typeof v === "number" && Number.isFinite(v)) out[i] = v;
    else {
      const n = typeof v === "string" ? decimal(v) : Number.NaN;
      if (Number.isFinite(n)) out[i] = n;
      else {
        out[i] = (na !== undefined && typeof v === "string" ? na.number(column, v) : null);
        if (out[i] !== null) continue;
        if (na !== undefined && typeof v === "string" && na.gap(column, v)) continue;
        problems.add(`${table.where(i, column)}: ${quote(v)} is not ${what}${notNumberHint(v, na, percent)}`);
      }
    }
  }
  return out;
}

// One reader per date order for the whole command: a wide export's ten date columns share their
// few thousand dates, each parsed once (not once per column).
const isoReaders = new Map<DateFormat, (text: unknown) => string | null>();
function sharedIsoReader(format: DateFormat): (text: unknown) => string | null {
  let r = isoReaders.get(format);
  if (r === undefined) isoReaders.set(format, (r = isoDateReader(format)));
  return r;
}

/** ISO dates from a date column; blank → null when `allowBlank`, else a problem. */
export function dateColumn(table: Table, column: string, values: readonly unknown[], format: DateFormat, problems: Problems, allowBlank: boolean): (string | null)[] {
  const out: (string | null)[] = new Array(values.length);
  // The same date text recurs on many rows: convert each distinct text once.
  const cache = new Map<string, string | null>();
  const toIso = sharedIsoReader(format);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isBlank(v)) {
      out[i] = null;
      if (!allowBlank) problems.add(`${table.where(i, column)}: the date is blank`);
      continue;
    }
    const s = typeof v === "string" ? v : String(v);
    let d = cache.get(s);
    if (d === undefined) {
      d = toIso(s);
      if (cache.size < 100_000) cache.set(s, d);
    }
    if (d === null) problems.add(`${table.where(i, column)}: ${quote(s)} ${dateProblem(s, format)}`);
    out[i] = d;
  }
  return out;
}

/**
 * An x column: all numbers → numbers; otherwise dates in `format`, or months or quarters as
 * published tables write them ("Jan 2024", "2024 Q1": `labels` says which), one kind to a column.
 * Blanks are problems.
 */
export function xColumn(table: Table, column: string, values: readonly unknown[], format: DateFormat, problems: Problems, years?: SplitYear, splitAdvice?: string): { kind: "number" | "date"; values: (number | string | null)[]; labels: LabelForm | null } {
  let numeric = true;
  for (const v of values) {
    if (isBlank(v)) continue;
    if (typeof v === "number") continue;
    if (typeof v !== "string" || !Number.isFinite(decimal(v))) {
      numeric = false;
      break;
    }
  }
  if (numeric) {
    const out = numberColumn(table, column, values, problems);
    out.forEach((v, i) => v === null && problems.add(`${table.where(i, column)}: x is blank`));
    return { kind: "number", values: out, labels: null };
  }
  const read = xTextReader(format, years);
  const cache = new Map<string, XText>();
  const forms = new XForms(table, column, problems, years, splitAdvice);
  const out = values.map((v, i) => {
    if (isBlank(v)) return problems.add(`${table.where(i, column)}: the date is blank`), null;
    const s = typeof v === "string" ? v : String(v);
    let t = cache.get(s);
    if (t === undefined) cache.set(s, (t = read(s)));
    forms.see(i, s, t.form, format);
    return t.iso;
  });
  return { kind: "date", values: out, labels: forms.labels() };
}

/**
 * Text ids (child, group…): trimmed strings; blanks stay blank (""), numbers become text.
 * Converts the column in place (it belongs to the table the CLI read) to spare memory.
 * A whole number beyond 2⁵³ (from JSON) is an error: JSON.parse has already rounded it, so two
 * children's ids may have become one. `where(i)` names the row in the message when given.
 */
export function textColumn(values: unknown[], where?: (i: number) => string): string[] {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === "number" && Number.isInteger(v) && !Number.isSafeInteger(v)) {
      const at = where === undefined ? `an id column, entry ${i + 1}` : where(i);
      throw new DataError(`${at}: the id ${String(v)} is a whole number beyond 2^53, which JSON numbers cannot hold exactly (two ids may have merged); write ids as strings ("…")`);
    }
    if (typeof v === "string") {
      const c0 = v.charCodeAt(0);
      const c1 = v.charCodeAt(v.length - 1);
      if (c0 <= 32 || c1 <= 32) values[i] = v.trim();
    } else values[i] = v === null || v === undefined ? "" : String(v);
  }
  return values as string[];
}
