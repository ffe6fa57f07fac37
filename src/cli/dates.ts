import { DATE_ORDERS, dateReader, readPeriodLabel, writePeriodLabel, type DateOrder, type PeriodLabel, type SplitYear } from "./lib.js";
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

/** The period an x label names: a month, a quarter, a financial year or quarter, a CLAS year (readPeriodLabel). */
export type LabelForm = PeriodLabel["period"];

/** How one x text reads: its ISO day (a period's first day for a label), and whether it was a date or which label. */
export interface XText {
  iso: string | null;
  form: "date" | LabelForm | null;
}

/**
 * An x text: a date in `format`, else a period as published tables write it ("Jan 2024", "2024 Q1";
 * with `years`, split years "2024/25" and financial quarters "2024/25 Q1": readPeriodLabel), else nothing.
 */
export function xTextReader(format: DateFormat, years?: SplitYear): (text: string) => XText {
  const toIso = isoDateReader(format);
  return (text) => {
    const d = toIso(text);
    if (d !== null) return { iso: d, form: "date" };
    const l = readPeriodLabel(text, years);
    return l === null ? { iso: null, form: null } : { iso: l.start, form: l.period };
  };
}

/** `--years`: how split years such as 2024/25 are read (the library's SplitYear). */
export const YEARS_FLAG: Readonly<Record<string, SplitYear>> = { financial: "financial-year", clas: "clas-year" };

/** The split years a period's x labels are written in ("2024/25", "2024/25 Q1"): a financial year's or quarter's, a CLAS year's; else none. */
export function splitYearOf(period: unknown): SplitYear | undefined {
  if (period === "financial-year" || period === "financial-quarter") return "financial-year";
  return period === "clas-year" ? "clas-year" : undefined;
}

/** Whether a text is shaped as a split year or a financial quarter ("2011-12", which ISO 8601 reads as December 2011; "2024/25 Q1"): the library's reader says so when told the year. */
export function looksSplitYear(text: string): boolean {
  const period = readPeriodLabel(text, "financial-year")?.period;
  return period === "financial-year" || period === "financial-quarter";
}

const SPLIT_ADVICE = "give --years financial (April to March) or --years clas (August to July, the looked-after statistics year) to read split years";

/** The forms of split years read with `--years`, for messages. */
const SPLIT_FORMS = "2024/25, 2024-25, 2024/2025, FY 2024/25 or FY24/25 (and with --years financial, quarters as 2024/25 Q1, Q1 2024/25 or 2024/25 Quarter 1)";

/** A mark after a published figure's label: a footnote (¹, (1), [note 2]), provisional (p) or revised (r). */
const LABEL_MARK = /\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*+|\((?:p|r|\d+)\)|\[[^\]]*\])$/i;

/** "Q1" or "Quarter 1" in a label. */
const QUARTER_WORD = /q(?:uarter ?)?[1-4]/i;

/**
 * What to say after "is not a date" for an x cell that looks like a split year: the flag to read
 * split years (`advice`: how this command takes it), or with `years` given, what is not read in it
 * — a footnote or provisional mark, a financial quarter under CLAS years, an "FY" year under CLAS
 * years, or a form outside the list.
 */
export function splitYearHint(text: string, years: SplitYear | undefined, advice = SPLIT_ADVICE): string {
  const t = text.trim();
  const bare = t.replace(LABEL_MARK, "");
  if (years === undefined) {
    if (!looksSplitYear(bare)) return "";
    const quarter = QUARTER_WORD.test(bare);
    // Quarters of a split year are financial quarters (CLAS years have none): name only that flag.
    if (quarter && advice === SPLIT_ADVICE) return "; it looks like a financial quarter: give --years financial (Q1 is April to June) to read financial quarters";
    return `; it looks like ${quarter ? "a financial quarter" : "a split year"}: ${advice}`;
  }
  if (bare !== t && readPeriodLabel(bare, years) !== null) return `; remove the mark ${quote(t.slice(bare.length).trim())} after the label (write ${bare})`;
  if (years === "clas-year" && readPeriodLabel(bare, "financial-year") !== null) {
    return QUARTER_WORD.test(bare) ? "; CLAS years have no quarters: a quarter of 2024/25 is a financial quarter (--years financial)" : '; "FY" names a financial year (April to March), not a CLAS year: give --years financial';
  }
  return /\d{2}/.test(t) ? `; split years are read as ${SPLIT_FORMS}` : "";
}

const FORM_WORDS: Record<"date" | LabelForm, string> = {
  date: "a date",
  month: "a month",
  quarter: "a quarter",
  "financial-year": "a financial year",
  "financial-quarter": "a financial quarter",
  "clas-year": "a CLAS year",
};

/**
 * The forms of an x column's cells, row by row: a cell that is not a date or a period is a
 * problem, and so is one written another way than the first ("2024 Q2" among months): an x
 * column holds one kind of period. Without `years`, a column whose every cell is a month shaped
 * as a split year ("2010-11", "2011-12": November 2010, December 2011 in ISO 8601) is a problem
 * too: a financial year's column read as months would be a wrong chart, not an error.
 */
export class XForms {
  private first = -1;
  private firstForm: XText["form"] = null;
  private firstText = "";
  /** Whether every month so far is shaped as a split year. */
  private splitShaped = true;

  constructor(
    private readonly table: Table,
    private readonly column: string,
    private readonly problems: Problems,
    private readonly years?: SplitYear,
    /** How this command is told to read split years (report: a measure's definition.period). */
    private readonly advice = SPLIT_ADVICE,
  ) {}

  /** Row i's text and how it read. */
  see(i: number, text: string, form: XText["form"], format: DateFormat): void {
    if (form === "month" && this.splitShaped && !looksSplitYear(text)) this.splitShaped = false;
    if (form === null) this.problems.add(`${this.table.where(i, this.column)}: ${quote(text)} ${dateProblem(text, format)}${splitYearHint(text, this.years, this.advice)}`);
    else if (this.first < 0) [this.first, this.firstForm, this.firstText] = [i, form, text];
    else if (form !== this.firstForm) {
      const at = rowName(this.table, this.first);
      this.problems.add(`${this.table.where(i, this.column)}: ${quote(text)} is ${FORM_WORDS[form]}, but ${at} is ${FORM_WORDS[this.firstForm!]} (${quote(this.firstText)}): write every x the same way`);
    }
  }

  /** The period the cells name when they are labels ("Jan 2024", "2024/25"), else null (dates). */
  labels(): LabelForm | null {
    if (this.firstForm === "month" && this.splitShaped && this.years === undefined) {
      this.problems.add(`${this.table.where(this.first, this.column)}: ${quote(this.firstText)} and the column's other cells read as months in ISO 8601 (${quote(this.firstText)} is ${writePeriodLabel(readPeriodLabel(this.firstText)!.start, "month")}), but each looks like a split year: ${this.advice}; for months, write them as Dec 2011`);
    }
    return this.firstForm === null || this.firstForm === "date" ? null : this.firstForm;
  }
}
