import { DATE_ORDERS, dateReader, readPeriodLabel, type DateOrder } from "./lib.js";
import { quote } from "./errors.js";
import type { Problems } from "./convert.js";
import { rowName, type Table } from "./table.js";

/** How dates are written in an input file (`--dates`): the library's date orders. */
export type DateFormat = DateOrder;

export const DATE_FORMATS: readonly DateFormat[] = DATE_ORDERS;

const EXPECTED: Record<DateFormat, string> = { iso: "YYYY-MM-DD", uk: "dd/mm/yyyy", us: "mm/dd/yyyy" };

/**
 * Nothing hand-written here: the library's `dayReader` (src/timescales/dates.ts) parses with
 * date-fns `parse` and formatIsoDay writes the day (src/_lib/calendar.ts says why by hand).
 *
 * A converter from date text written as `format` to ISO `YYYY-MM-DD` (null when the text is not
 * a valid date in that format: 31/02/2021 is not a date). The library's strict reader
 * (`readDate`), with its cache: make one per column or file, not per cell.
 */
export function isoDateReader(format: DateFormat, excelSerials = false): (text: unknown) => string | null {
  return dateReader({ dates: format, excelSerials });
}

/** One date: ISO `YYYY-MM-DD`, or null. Prefer {@link isoDateReader} in loops. */
export function toIsoDate(text: string, format: DateFormat): string | null {
  return isoDateReader(format)(text);
}

/** "is not a date (expected YYYY-MM-DD; it looks day-first: use --dates uk)" */
export function dateProblem(text: string, format: DateFormat): string {
  // A UK team's file is the usual case: day-first is named first when both would read it.
  const order: DateFormat[] = ["iso", "uk", "us"];
  const other = order.find((o) => o !== format && toIsoDate(text, o) !== null);
  const hint = other === undefined ? "" : `; it looks like ${other === "iso" ? "an ISO date" : other === "uk" ? "a day-first date" : "a month-first date"}: use --dates ${other}`;
  return `is not a date (expected ${EXPECTED[format]}${hint})`;
}

/** A date given on the command line: ISO always works; otherwise the --dates format. */
export function flagDate(text: string, format: DateFormat): string | null {
  return toIsoDate(text, format);
}

/** The form a --dates format expects, for messages. */
export function expectedForm(format: DateFormat): string {
  return EXPECTED[format];
}

/** How one x text reads: its ISO day (a month's or quarter's first day for a label), and whether it was a date or which label. */
export interface XText {
  iso: string | null;
  form: "date" | "month" | "quarter" | null;
}

/** An x text: a date in `format`, else a month or quarter as published tables write them ("Jan 2024", "2024 Q1": readPeriodLabel), else nothing. */
export function xTextReader(format: DateFormat): (text: string) => XText {
  const toIso = isoDateReader(format);
  return (text) => {
    const d = toIso(text);
    if (d !== null) return { iso: d, form: "date" };
    const l = readPeriodLabel(text);
    return l === null ? { iso: null, form: null } : { iso: l.start, form: l.period };
  };
}

const FORM_WORDS = { date: "a date", month: "a month", quarter: "a quarter" } as const;

/**
 * The forms of an x column's cells, row by row: a cell that is not a date, month or quarter is a
 * problem, and so is one written another way than the first ("2024 Q2" among months): an x
 * column holds one kind of period.
 */
export class XForms {
  private first = -1;
  private firstForm: XText["form"] = null;
  private firstText = "";

  constructor(
    private readonly table: Table,
    private readonly column: string,
    private readonly problems: Problems,
  ) {}

  /** Row i's text and how it read. */
  see(i: number, text: string, form: XText["form"], format: DateFormat): void {
    if (form === null) this.problems.add(`${this.table.where(i, this.column)}: ${quote(text)} ${dateProblem(text, format)}`);
    else if (this.first < 0) [this.first, this.firstForm, this.firstText] = [i, form, text];
    else if (form !== this.firstForm) {
      const at = rowName(this.table, this.first);
      this.problems.add(`${this.table.where(i, this.column)}: ${quote(text)} is ${FORM_WORDS[form]}, but ${at} is ${FORM_WORDS[this.firstForm!]} (${quote(this.firstText)}): write every x the same way`);
    }
  }

  /** "month" or "quarter" when the cells are months or quarters, else null. */
  labels(): "month" | "quarter" | null {
    return this.firstForm === "month" || this.firstForm === "quarter" ? this.firstForm : null;
  }
}
