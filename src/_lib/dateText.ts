// Why a date in a document (a PDSA cycle's do.date, a measure's target.by, an aim's byWhen, a
// project's x and baseline) is not an ISO calendar date: the value, the form expected and, where
// the text reads as a date written another way, that date (docs/pdsa-and-driver-diagrams.md).
import { dayNumberFromParts, daysInMonth, formatIsoDay } from "./calendar.js";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const UNPADDED = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const PADDED = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The ISO date of year, month, day when that day exists, else null. */
function isoOf(year: number, month: number, day: number): string | null {
  const n = dayNumberFromParts(year, month, day);
  return Number.isNaN(n) ? null : formatIsoDay(n);
}

/**
 * What to do about an x value written as a numeric date (`01/04/2023`, `1.4.2023`, `01-04-2023`):
 * day and month as numbers are ambiguous (day-first in the UK, month-first in the US), so the
 * library never guesses; readDate reads them in the order given (src/timescales/dates.ts). Null
 * for any other text, or one that is a date in neither order. The sixteenth user trial's
 * "01/04/2023" was pointed only to readPeriodLabel.
 *
 * @example
 * numericDateAdvice("01/04/2023")
 * //=> 'day and month written as numbers are ambiguous (day-first in the UK, month-first in the US), so they are not guessed: read each x with readDate(value, { dates: "uk" }) for day-first ("2023-04-01") or readDate(value, { dates: "us" }) for month-first ("2023-01-04"), and give the ISO dates as x'
 */
export function numericDateAdvice(text: string): string | null {
  const numeric = NUMERIC.exec(text.trim());
  if (numeric === null) return null;
  const [a, b, year] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
  const uk = isoOf(year, b, a);
  const us = isoOf(year, a, b);
  const readings = [uk === null ? null : `readDate(value, { dates: "uk" }) for day-first ("${uk}")`, us === null ? null : `readDate(value, { dates: "us" }) for month-first ("${us}")`].filter((r) => r !== null);
  if (readings.length === 0) return null;
  return `day and month written as numbers are ambiguous (day-first in the UK, month-first in the US), so they are not guessed: read each x with ${readings.join(" or ")}, and give the ISO dates as x`;
}

/**
 * The message for a date text that is not an ISO `YYYY-MM-DD` calendar date: the value quoted,
 * the form expected, and a hint — the day-first (UK) or month-first reading of `02/10/2023`, the
 * padded form of `2023-2-3`, the length of the month for `2023-02-30`.
 *
 * @example
 * isoDateProblem("31/03/2026") //=> '"31/03/2026" is not a date as YYYY-MM-DD; if it is day first (dd/mm/yyyy), write 2026-03-31'
 */
export function isoDateProblem(text: string): string {
  const t = text.trim();
  const quoted = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
  const numeric = NUMERIC.exec(t);
  if (numeric !== null) {
    const [a, b, year] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
    const dayFirst = isoOf(year, b, a);
    if (dayFirst !== null) return `${quoted} is not a date as YYYY-MM-DD; if it is day first (dd/mm/yyyy), write ${dayFirst}`;
    const monthFirst = isoOf(year, a, b);
    if (monthFirst !== null) return `${quoted} is not a date as YYYY-MM-DD; if it is month first (mm/dd/yyyy), write ${monthFirst}`;
  }
  const unpadded = UNPADDED.exec(t);
  if (unpadded !== null && !PADDED.test(t)) {
    const iso = isoOf(Number(unpadded[1]), Number(unpadded[2]), Number(unpadded[3]));
    if (iso !== null) return `${quoted} is not a date as YYYY-MM-DD: write ${iso} (two digits for the month and the day)`;
  }
  const padded = PADDED.exec(t);
  if (padded !== null) {
    const [year, month] = [Number(padded[1]), Number(padded[2])];
    const iso = isoOf(year, month, Number(padded[3]));
    if (iso !== null) return `${quoted} is not a date as YYYY-MM-DD: write ${iso}`;
    if (month < 1 || month > 12) return `${quoted} is not a date: there is no month ${padded[2]} (give a date as YYYY-MM-DD)`;
    return `${quoted} is not a date: ${MONTHS[month - 1]} ${year} has ${daysInMonth(year, month)} days (give a date as YYYY-MM-DD)`;
  }
  return `${quoted} is not a date: give one as YYYY-MM-DD`;
}
