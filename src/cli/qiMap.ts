import { DataError, UsageError } from "./errors.js";
import { QiError, type QiIssue } from "./lib.js";

/** How to turn a library error path into words an analyst can act on. */
export interface PathContext {
  command: string;
  /** The input file (for errors without a row). */
  file: string;
  /** `["data", 417, "date"]` → "cases.csv: row 419, column adm_date" (or undefined to fall back). */
  row?: (index: number, field: string | undefined) => string | undefined;
  /** Option name → the flag that sets it (`phases` → `--phase`). */
  flags?: Readonly<Record<string, string>>;
  /** What the data array is called in paths (default "data"). */
  dataKey?: string;
  /** Field (a milestone id, "lac-review 2") → the file's column: messages name the column (see {@link nameColumns}). */
  columns?: Readonly<Record<string, string>>;
  /**
   * Options the command line cannot choose here (`report` has no `--aggregate`; a c chart's rows
   * are always summed on the command line): a warning's advice to give one ("give aggregate (…)
   * to choose") is left out rather than naming a flag that is missing or refused.
   */
  fixed?: readonly string[];
}

/**
 * Library messages name a wide column by the field it was read as ("in column accommodated",
 * `disagree in "accommodated"`) when the CLI reads columns by accessor: say the file's header.
 * Quoted names (not a child's id) and the list after "in column(s)" up to the colon are mapped.
 */
export function nameColumns(message: string, columns: Readonly<Record<string, string>> | undefined): string {
  if (columns === undefined) return message;
  const col = (f: string): string | undefined => (Object.prototype.hasOwnProperty.call(columns, f) ? columns[f] : undefined);
  return message
    .replace(/\b(in columns? )([^:;()"]+?)(: )/g, (all, head: string, list: string, tail: string) => {
      const names = list.split(", ");
      return names.every((n) => col(n) !== undefined) ? `${head}${names.map((n) => JSON.stringify(col(n))).join(", ")}${tail}` : all;
    })
    .replace(/(child )?"((?:[^"\\]|\\.)*)"/g, (all, child: string | undefined, f: string) => (child === undefined && col(f) !== undefined ? JSON.stringify(col(f)) : all));
}

const MAX_DETAILS = 10;

/**
 * Library messages count rows from 0 ("row 417 has …"); say where the row is instead. One pass:
 * rewriting "rows 2 and 3" and then every "row N" again turned "row 4 and row 5" into "row 6 and
 * row 5" (a user trial of `pace-qi summary`).
 */
export function rewriteRows(message: string, label: (i: number) => string | undefined): string {
  return message.replace(/\brows (\d+) and (\d+)\b|\b([Rr])ow (\d+)\b/g, (all, a: string | undefined, b: string | undefined, _r: string | undefined, one: string | undefined) => {
    if (one !== undefined) return label(Number(one)) ?? all;
    const la = label(Number(a));
    const lb = label(Number(b));
    return la !== undefined && lb !== undefined ? `${la} and ${lb}` : all;
  });
}

/** {@link rewriteRows} with the context's row labels, without the file name ("row 419"): for a message that follows its own "file: row …" or stands in a list of notes. */
export function rowsIn(message: string, ctx: PathContext): string {
  return rewriteRows(message, (i) => ctx.row?.(i, undefined)?.replace(/^.*?: /, ""));
}

function describeIssue(issue: QiIssue<string>, ctx: PathContext): { usage: boolean; text: string } {
  const path = issue.path;
  const head = path[0];
  if (head === "options" || head === "stage") {
    const key = path.slice(1).find((p): p is string => typeof p === "string") ?? (head === "stage" ? "stage" : "");
    const flag = ctx.flags?.[key] ?? ctx.flags?.[head] ?? (key === "" ? "" : `--${key}`);
    return { usage: true, text: `${flag === "" ? "" : `${flag}: `}${issue.message}` };
  }
  if ((head === (ctx.dataKey ?? "data") || head === "events" || head === "data") && typeof path[1] === "number" && ctx.row !== undefined) {
    const field = typeof path[2] === "string" ? path[2] : undefined;
    const where = ctx.row(path[1], field);
    if (where !== undefined) return { usage: false, text: `${where}: ${nameColumns(rowsIn(issue.message, ctx), ctx.columns)}` };
  }
  return { usage: false, text: `${ctx.file}: ${issue.message}` };
}

/**
 * Library advice such as `pass afterAsOf: "ignore"` becomes the flag an analyst types: `--after-as-of ignore`;
 * `multiply: 100` (a number) becomes `--multiply 100`; `phases: [19]` (0-based) becomes `--phase 20`. For errors and for a chart's warnings (`target-off-scale`).
 */
export function optionsToFlags(text: string, ctx: Pick<PathContext, "flags" | "fixed">): string {
  let out = text;
  for (const key of ctx.fixed ?? []) out = out.replace(new RegExp(`;? give ${key} \\([^)]*\\) to choose`, "g"), "");
  // `phases: [19]` (a 0-based point index, as a level-change warning advises) → `--phase 20`: the flag's point numbers are 1-based.
  const phase = ctx.flags?.phases;
  if (phase !== undefined) out = out.replace(/\bphases: \[(\d+)\]/g, (_all, i: string) => `${phase} ${Number(i) + 1}`);
  for (const [key, flag] of Object.entries(ctx.flags ?? {})) {
    // `aggregate: "mean", "median" or "sd"` → `--aggregate mean, median or sd`; `give aggregate ("mean", …)` → `give --aggregate (mean, …)`.
    out = out.replace(new RegExp(`\\b${key}: "([^"]*)"((?:(?:, | or )"[^"]*")*)`, "g"), (_all, first: string, rest: string) => `${flag} ${first}${rest.replace(/"/g, "")}`);
    out = out.replace(new RegExp(`\\bgive ${key} \\(([^)]*)\\)`, "g"), (_all, list: string) => `give ${flag} (${list.replace(/"/g, "")})`);
    out = out.replace(new RegExp(`\\b${key}: (-?\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?)(?![\\w.])`, "g"), (_all, value: string) => `${flag} ${value}`);
  }
  return out;
}

/**
 * A chart's warnings as the command line prints them (terminal, JSON, HTML): library advice read
 * as flags, as in errors (`aggregate: "mean"` → `--aggregate mean`; `give aggregate ("sum", …)
 * to choose` → `give --aggregate (sum, …) to choose`, or left out for an option in `ctx.fixed`).
 * The same array when no message changes.
 */
export function warningsAsFlags<W extends { message: string }>(warnings: readonly W[], ctx: PathContext): readonly W[] {
  let out: W[] | null = null;
  warnings.forEach((w, k) => {
    const message = optionsToFlags(w.message, ctx);
    if (message === w.message) return;
    out ??= warnings.slice();
    out[k] = { ...w, message };
  });
  return out ?? warnings;
}

/** Convert a QiError from the library into a UsageError (bad flag) or a DataError (bad data). */
export function fromQiError(e: QiError, ctx: PathContext): UsageError | DataError {
  const issues = e.issues.length > 0 ? e.issues : [{ code: e.code, path: e.path, message: e.message }];
  const described = issues.slice(0, MAX_DETAILS).map((i) => {
    const d = describeIssue(i, ctx);
    return { usage: d.usage, text: optionsToFlags(d.text, ctx) };
  });
  const first = described[0]!;
  if (first.usage) return new UsageError(first.text, ctx.command);
  const details = described.slice(1).map((d) => d.text);
  if (issues.length > MAX_DETAILS) details.push(`… and ${issues.length - MAX_DETAILS} more problem${issues.length - MAX_DETAILS === 1 ? "" : "s"}`);
  return new DataError(first.text, details);
}

/** Run `fn`, converting a QiError it throws. */
export function withQi<T>(ctx: PathContext, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof QiError) throw fromQiError(e, ctx);
    throw e;
  }
}
