import * as z from "zod/mini";
import { en } from "zod/locales";
import { QiError, formatPath, type QiIssue } from "../_lib/error.js";
import type { ValidationIssue } from "./issues.js";

/** `{ success: true, data }` or `{ success: false, error }` where error is a `QiError` ("invalid-document"). */
export type SafeParseResult<T> = { success: true; data: T } | { success: false; error: QiError };

/**
 * zod/mini (not classic zod: a parseProject-only app bundles 115 KB minified with classic, about a
 * third with mini; docs/performance.md) carries no error messages of its own: each parse is
 * given zod's English locale, so the messages are the ones classic zod writes, and the caller's
 * global zod configuration is left alone.
 */
const english = /*@__PURE__*/ en().localeError;

/** @internal `schema.safeParse(input)` with zod's English messages. */
export function parseInEnglish<T>(schema: z.ZodMiniType<T>, input: unknown): z.core.util.SafeParseResult<T> {
  return schema.safeParse(input, { error: english });
}

/** @internal zod issue code → pace-qi kebab-case code (`invalid_type` → `invalid-type`). */
function kebab(code: string): string {
  return code.replace(/_/g, "-");
}

/** @internal Convert zod issues (all of them, with their paths) to QiIssues. */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[]): QiIssue<string>[] {
  return issues.map((i) => ({
    code: kebab(i.code),
    path: i.path.map((k) => (typeof k === "number" ? k : String(k))),
    message: i.message,
  }));
}

/**
 * @internal Parse `input` with `schema`, then run the semantic `check` (graph validation,
 * cross-references). Schema issues and semantic errors (not warnings) become one QiError
 * "invalid-document" listing every issue.
 */
export function safeParseWith<T>(
  schema: z.ZodMiniType,
  input: unknown,
  what: string,
  check?: (data: T) => readonly ValidationIssue[],
): SafeParseResult<T> {
  const r = parseInEnglish(schema, input);
  let issues: QiIssue<string>[];
  if (!r.success) {
    issues = fromZodIssues(r.error.issues);
  } else {
    const data = r.data as T;
    issues = check === undefined ? [] : check(data).filter((i) => i.severity === "error").map(({ code, path, message }) => ({ code, path, message }));
    if (issues.length === 0) return { success: true, data };
  }
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  const where = first.path.length > 0 ? ` at ${formatPath(first.path)}` : "";
  return {
    success: false,
    error: new QiError("invalid-document", [], `invalid ${what}: ${first.message}${where}${more}`, issues),
  };
}

/** @internal Throwing variant of {@link safeParseWith}. */
export function parseWith<T>(schema: z.ZodMiniType, input: unknown, what: string, check?: (data: T) => readonly ValidationIssue[]): T {
  const r = safeParseWith(schema, input, what, check);
  if (!r.success) throw r.error;
  return r.data;
}

/** @internal JSON Schema (draft 2020-12) for a document schema, with a title and description. */
export function jsonSchemaOf(schema: z.ZodMiniType, title: string, description: string): Record<string, unknown> {
  const js = z.toJSONSchema(schema) as Record<string, unknown>;
  const { $schema, ...rest } = js;
  return { $schema, title, description, ...rest };
}
