/**
 * Where in the caller's input a problem lies: keys and 0-based indices from the argument down,
 * e.g. `["data", 17, "y"]` or `["options", "phases", 2]`.
 */
export type QiPath = ReadonlyArray<string | number>;

/**
 * Every code a {@link QiError} can carry: the closed list (issue #16). Dashboards switch on these;
 * the message is for people. Each is documented, with its typical path and an example, in
 * docs/reliability.md; test/_lib/error-codes.test.ts checks that every code thrown in src/ is here
 * and documented there.
 */
export const QI_ERROR_CODES = [
  // Data
  "empty-data",
  "empty-group",
  "all-missing",
  "too-few-points",
  "invalid-value",
  "invalid-x",
  "invalid-date",
  "invalid-denominator",
  "count-above-denominator",
  "negative-count",
  "subgroup-too-small",
  "invalid-time",
  "duplicate-x",
  "out-of-range",
  "too-many-points",
  "total-row",
  // Options
  "unknown-option",
  "invalid-option",
  "unknown-field",
  "missing-target",
  // Documents and diagrams
  "invalid-document",
  "unknown-id",
  "duplicate-id",
  "cycle",
  // Case records and timescales
  "unknown-milestone",
  "unknown-route",
  "missing-child",
  "duplicate-child",
  "conflicting-rows",
  "conflicting-date-of-birth",
  "birth-after-milestone",
  "event-after-as-of",
  "exit-before-start",
  "negative-duration",
  "missing-column",
  "ambiguous-column",
  "ambiguous-format",
  "unrecognised-format",
] as const;

/**
 * Machine-readable error codes, one of {@link QI_ERROR_CODES}:
 *
 * - `empty-data`: no rows at all.
 * - `empty-group`: a group of a funnel plot with no rows.
 * - `all-missing`: every y value is missing in a series or phase that needs values.
 * - `too-few-points`: fewer points than the chart type needs (e.g. a phase of one point).
 * - `invalid-value`: a value is of the wrong kind (non-numeric y, infinite y, a result that is not one…).
 * - `invalid-x`: an x value cannot be ordered (mixed kinds, invalid date).
 * - `invalid-date`: a date that is not a calendar date (2024-02-30) or is out of order.
 * - `invalid-denominator`: a denominator (n) that is missing, zero, negative or below its numerator.
 * - `count-above-denominator`, `negative-count`: a count above its denominator, or below zero.
 * - `subgroup-too-small`: a subgroup too small for its chart (an x̄/s subgroup of one).
 * - `invalid-time`: a time between events (t chart) that is not a positive number.
 * - `duplicate-x`: two rows share an x value and no `aggregate` was given.
 * - `out-of-range`: an index (phase start, excluded point…) outside the data.
 * - `too-many-points`: a chart with more points than one SVG can hold (renderRunChart's limit).
 * - `total-row`: a funnel plot's row that is the total of the others ("Scotland", "Total", or a
 *   row whose numerator and denominator are the sums of the others'): drop it.
 * - `unknown-option`: an option or rule name that does not exist (often a typo).
 * - `invalid-option`: an option with a value outside its domain.
 * - `unknown-field`: a field-name option naming a field no row has.
 * - `missing-target`: an option that needs a target (e.g. assurance) given none.
 * - `invalid-document`: a document failed schema validation (see `issues`).
 * - `unknown-id`: an id that names no node of the driver diagram.
 * - `duplicate-id`: an id already used.
 * - `cycle`: a link that would make the driver diagram cyclic.
 * - `unknown-milestone`, `unknown-route`: a name not in the milestone catalogue.
 * - `missing-child`: a case-record row without a child id.
 * - `duplicate-child`: a child with two rows of different dates in a wide export.
 * - `conflicting-rows`: one milestone given two different dates on one row (its own column and an order column).
 * - `unknown-order-type`: an order column's type (`orderType`) that names no order of the catalogue.
 * - `conflicting-date-of-birth`: one child with two dates of birth.
 * - `birth-after-milestone`, `exit-before-start`, `negative-duration`: case-record dates out of order.
 * - `event-after-as-of`: an event after the census date (`asOf`) when `afterAsOf` asks for an error.
 * - `missing-column`, `ambiguous-column`, `ambiguous-format`, `unrecognised-format`: a case-records
 *   header or date format that cannot be read without guessing.
 */
export type QiErrorCode = (typeof QI_ERROR_CODES)[number];

/**
 * One problem found while validating input. Issues that become a {@link QiError}'s own code carry
 * a {@link QiErrorCode}; the issues a validator lists (driver-diagram `skipped-level`, zod's
 * `invalid_type`, a ramp's `duplicate-sequence` warning…) have codes of their own (`C = string`).
 */
export interface QiIssue<C extends string = QiErrorCode> {
  code: C;
  path: QiPath;
  message: string;
}

/**
 * The one error type pace-qi throws for bad input. It carries a `code` to switch on and a `path`
 * naming where the problem is, so a dashboard can point at the offending row or option.
 * Validation that finds several problems at once lists each in `issues` (the first is also
 * `code`/`path`).
 *
 * @example
 * runChart([]) //=> throws QiError { code: "empty-data", path: ["data"], … }
 */
export class QiError extends Error {
  override readonly name = "QiError";
  readonly code: QiErrorCode;
  readonly path: QiPath;
  readonly issues: readonly QiIssue<string>[];

  constructor(code: QiErrorCode, path: QiPath, message: string, issues?: readonly QiIssue<string>[]) {
    super(path.length > 0 ? `${message} (at ${formatPath(path)})` : message);
    this.code = code;
    this.path = path;
    this.issues = issues && issues.length > 0 ? issues : [{ code, path, message }];
  }

  /**
   * Whether `error` is a pace-qi error, from this copy of the package or another: the ESM and
   * CommonJS builds (or two installed versions) each have their own `QiError` class, so
   * `instanceof` fails across them; this checks the shape instead (`name`, `code`, `path`).
   *
   * @example
   * QiError.is(new QiError("empty-data", ["data"], "no rows")) //=> true
   * QiError.is(new TypeError("x")) //=> false
   */
  static is(error: unknown): error is QiError {
    if (error instanceof QiError) return true;
    if (!(error instanceof Error)) return false;
    const e = error as { name?: unknown; code?: unknown; path?: unknown };
    return e.name === "QiError" && typeof e.code === "string" && Array.isArray(e.path);
  }
}

/** `["data", 3, "y"]` → `data[3].y` */
export function formatPath(path: QiPath): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? key : `.${key}`;
  }
  return out;
}

/** Describe a value for an error message without dumping huge or hostile input. */
export function describeValue(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "string") {
    const s = value.length > 40 ? `${value.slice(0, 40)}…` : value;
    return JSON.stringify(s);
  }
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString();
  if (Array.isArray(value)) return "an array";
  if (typeof value === "function") return "a function";
  return "an object";
}
