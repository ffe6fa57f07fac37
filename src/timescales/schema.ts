/**
 * Zod schemas for case-record input, kept apart from the computation modules (which never import
 * zod). `parseEvents` throws a QiError listing every issue; `safeParseEvents` returns a result.
 */
import * as z from "zod/mini";
import { parseInEnglish } from "../_lib/zodParse.js";
import { QiError, describeValue, type QiIssue } from "../_lib/error.js";
import { objectOption } from "../_lib/options.js";
import { isoDateProblem } from "../_lib/dateText.js";

const childId = /*@__PURE__*/ z.union([z.string().check(z.minLength(1)), z.number()]);
const episodeId = /*@__PURE__*/ z.union([z.string(), z.number()]);
const dateValue = /*@__PURE__*/ z.union([z.iso.date(), z.date()]);

/** One event row (long form): `{ child, milestone, date[, episode] }`, other fields allowed. */
export const EventRowSchema = /*@__PURE__*/ z.looseObject({
  child: childId,
  milestone: z.string().check(z.minLength(1)),
  date: dateValue,
  episode: z.optional(episodeId),
});

/** Long-form case records: an array of event rows. */
export const EventsSchema = /*@__PURE__*/ z.array(EventRowSchema);

/**
 * One wide row: `{ child[, episode], <milestone>: date | "" | null, … }`. Other columns are
 * allowed; dates are checked by {@link parseEvents} for the milestone columns you name.
 */
export const WideRowSchema = /*@__PURE__*/ z.looseObject({ child: childId, episode: z.optional(episodeId) });

/** Wide case records: an array of wide rows. */
export const WideRowsSchema = /*@__PURE__*/ z.array(WideRowSchema);

/** A validated event row. */
export type EventRow = z.infer<typeof EventRowSchema>;
/** A validated wide row. */
export type WideRow = z.infer<typeof WideRowSchema>;

/** The {@link parseEvents} options. */
export interface ParseEventsOptions {
  /** `"long"` (default) or `"wide"`. */
  format?: "long" | "wide";
  /** Wide format: the columns holding milestone dates (each must be an ISO date, a Date, "" or null). */
  dateColumns?: readonly string[];
}

/** The result of {@link safeParseEvents}. */
export type SafeParseEventsResult<R> = { success: true; data: R[] } | { success: false; error: QiError };

const wideDate = /*@__PURE__*/ z.union([z.iso.date(), z.date(), z.literal(""), z.null(), z.undefined()]);

function toIssues(error: z.core.$ZodError, input: unknown): QiIssue[] {
  return error.issues.map((i) => ({
    code: i.code === "invalid_type" && i.path.length === 2 && i.path[1] === "child" ? "missing-child" : "invalid-document",
    path: ["events", ...i.path.map((p) => (typeof p === "symbol" ? String(p) : p))],
    message: i.path.length === 2 && i.path[1] === "date" ? dateMessage(cell(input, i.path[0], "date"), i.message) : i.message,
  }));
}

/** Row `i`'s field `key` of the input, if it has one. */
function cell(input: unknown, i: PropertyKey | undefined, key: string): unknown {
  const row = Array.isArray(input) && typeof i === "number" ? (input[i] as unknown) : undefined;
  return row !== null && typeof row === "object" ? (row as Record<string, unknown>)[key] : undefined;
}

/** A date cell's problem: the text and the form expected, with a hint for a day-first date (isoDateProblem, as the other documents give). */
function dateMessage(value: unknown, fallback: string): string {
  return typeof value === "string" ? isoDateProblem(value) : fallback;
}

function validate(input: unknown, options: ParseEventsOptions): { data?: unknown[]; issues: QiIssue[] } {
  objectOption(options, ["options"]);
  const format = options.format ?? "long";
  const dateColumns: unknown = options.dateColumns;
  if (dateColumns !== undefined && (!Array.isArray(dateColumns) || !dateColumns.every((c) => typeof c === "string"))) {
    throw new QiError("invalid-option", ["options", "dateColumns"], `dateColumns must be an array of column names, not ${describeValue(dateColumns)}`);
  }
  const schema = format === "wide" ? WideRowsSchema : EventsSchema;
  const res = parseInEnglish(schema, input);
  const issues = res.success ? [] : toIssues(res.error, input);
  if (format === "wide" && Array.isArray(input) && options.dateColumns !== undefined) {
    input.forEach((row: unknown, i) => {
      if (row === null || typeof row !== "object") return;
      for (const col of options.dateColumns!) {
        const v = (row as Record<string, unknown>)[col];
        if (!wideDate.safeParse(v).success) issues.push({ code: "invalid-document", path: ["events", i, col], message: dateMessage(v, "Invalid ISO date") });
      }
    });
  }
  return issues.length > 0 ? { issues } : { data: res.data as unknown[], issues };
}

/**
 * Validate case records against {@link EventsSchema} (or {@link WideRowsSchema} with
 * `format: "wide"`). Throws a QiError with code `"invalid-document"` whose `issues` list every
 * problem with its path (e.g. `["events", 418, "date"]`).
 *
 * @example
 * parseEvents([{ child: "A", milestone: "accommodated", date: "2024-02-30" }])
 * //=> throws QiError { code: "invalid-document", path: ["events", 0, "date"], … }
 */
export function parseEvents(input: unknown, options?: ParseEventsOptions & { format?: "long" }): EventRow[];
export function parseEvents(input: unknown, options: ParseEventsOptions & { format: "wide" }): WideRow[];
export function parseEvents(input: unknown, options: ParseEventsOptions = {}): EventRow[] | WideRow[] {
  const r = validate(input, options);
  if (r.issues.length > 0) throw documentError(r.issues);
  return r.data as EventRow[];
}

function documentError(issues: QiIssue[]): QiError {
  const first = issues[0]!;
  return new QiError("invalid-document", first.path, `case records failed validation: ${first.message}${issues.length > 1 ? ` (${issues.length} issues)` : ""}`, issues);
}

/**
 * {@link parseEvents} without throwing: `{ success: true, data }` or `{ success: false, error }`.
 *
 * @example
 * safeParseEvents([{ child: "A", milestone: "accommodated", date: "2024-02-01" }]).success //=> true
 */
export function safeParseEvents(input: unknown, options: ParseEventsOptions = {}): SafeParseEventsResult<EventRow | WideRow> {
  let r: ReturnType<typeof validate>;
  try {
    r = validate(input, options);
  } catch (e) {
    // Bad options (not the document) are reported the same way, never thrown.
    if (e instanceof QiError) return { success: false, error: e };
    throw e;
  }
  if (r.issues.length > 0) return { success: false, error: documentError(r.issues) };
  return { success: true, data: r.data as EventRow[] };
}

/**
 * JSON Schema (draft 2020-12) of long-form case records as JSON documents (dates as ISO
 * strings), for non-JS tools. Built on call (no work at import time).
 *
 * @example
 * eventsJsonSchema().type //=> "array"
 */
export function eventsJsonSchema(): Record<string, unknown> {
  const json = z.array(
    z.looseObject({
      child: z.union([z.string().check(z.minLength(1)), z.number()]),
      milestone: z.string().check(z.minLength(1)),
      date: z.iso.date(),
      episode: z.optional(z.union([z.string(), z.number()])),
    }),
  );
  return z.toJSONSchema(json) as Record<string, unknown>;
}

/** JSON Schema of wide case records (one row per child). Built on call. */
export function wideRowsJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(z.array(z.looseObject({ child: z.union([z.string().check(z.minLength(1)), z.number()]), episode: z.optional(z.union([z.string(), z.number()])) }))) as Record<string, unknown>;
}
