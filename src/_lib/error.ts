/**
 * Where in the caller's input a problem lies: keys and 0-based indices from the argument down,
 * e.g. `["data", 17, "y"]` or `["options", "phases", 2]`.
 */
export type QiPath = ReadonlyArray<string | number>;

/**
 * Machine-readable error codes. Dashboards switch on these; the message is for people.
 *
 * - `empty-data`: no rows at all.
 * - `all-missing`: every y value is missing in a series or phase that needs values.
 * - `invalid-value`: a value is of the wrong kind (non-numeric y, infinite y, bad date…).
 * - `invalid-x`: an x value cannot be ordered (mixed kinds, invalid date).
 * - `duplicate-x`: two rows share an x value and no `aggregate` was given.
 * - `unknown-option`: an option or rule name that does not exist (often a typo).
 * - `invalid-option`: an option with a value outside its domain.
 * - `out-of-range`: an index (phase start, excluded point…) outside the data.
 * - `baseline-too-long`: a baseline longer than the phase it belongs to.
 * - `invalid-document`: a document failed schema validation (see `issues`).
 */
export type QiErrorCode =
  | "empty-data"
  | "all-missing"
  | "invalid-value"
  | "invalid-x"
  | "duplicate-x"
  | "unknown-option"
  | "invalid-option"
  | "out-of-range"
  | "baseline-too-long"
  | "invalid-document"
  | (string & {});

/** One problem found while validating input. */
export interface QiIssue {
  code: QiErrorCode;
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
  readonly issues: readonly QiIssue[];

  constructor(code: QiErrorCode, path: QiPath, message: string, issues?: readonly QiIssue[]) {
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
