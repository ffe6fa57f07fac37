/** How dates are written in an input file. */
export type DateFormat = "iso" | "uk";

export const DATE_FORMATS: readonly DateFormat[] = ["iso", "uk"];

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/;
// UK day-first: 31/12/2024, 31-12-2024 or 31.12.2024 (a time after a space is ignored). Two-digit
// years are refused: 01/02/03 is ambiguous.
const UK = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T].*)?$/;

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return null;
  return `${String(y).padStart(4, "0")}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/**
 * Read a calendar date written as `format` and return it as ISO `YYYY-MM-DD`, or null when the
 * text is not a valid date in that format (31/02/2021 is not a date). Leading and trailing
 * spaces are ignored; so is a time after the date.
 */
export function toIsoDate(text: string, format: DateFormat): string | null {
  const s = text.trim();
  if (format === "iso") {
    // Fast path for the common, already-canonical case.
    if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
      const y = +s.slice(0, 4);
      const m = +s.slice(5, 7);
      const d = +s.slice(8, 10);
      if (Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d)) {
        return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m) ? s : null;
      }
      return null;
    }
    const r = ISO.exec(s);
    return r === null ? null : iso(+r[1]!, +r[2]!, +r[3]!);
  }
  const r = UK.exec(s);
  return r === null ? null : iso(+r[3]!, +r[2]!, +r[1]!);
}

/** "is not a date (expected YYYY-MM-DD; it looks day-first: use --dates uk)" */
export function dateProblem(text: string, format: DateFormat): string {
  const expected = format === "iso" ? "YYYY-MM-DD" : "dd/mm/yyyy";
  const other: DateFormat = format === "iso" ? "uk" : "iso";
  const hint = toIsoDate(text, other) !== null ? `; it looks like ${other === "uk" ? "a day-first date: use --dates uk" : "an ISO date: use --dates iso"}` : "";
  return `is not a date (expected ${expected}${hint})`;
}

/** A date given on the command line: ISO always works; otherwise the --dates format. */
export function flagDate(text: string, format: DateFormat): string | null {
  return toIsoDate(text, "iso") ?? toIsoDate(text, format);
}
