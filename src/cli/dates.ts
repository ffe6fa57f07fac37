import { DATE_ORDERS, dateReader, type DateOrder } from "./lib.js";

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
