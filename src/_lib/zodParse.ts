import * as z from "zod/mini";
import { en } from "zod/locales";
import { QiError, type QiIssue } from "../_lib/error.js";
import { nearestName } from "./options.js";
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

/**
 * @internal Convert zod issues (all of them, with their paths) to QiIssues. zod reports the
 * unknown keys of a strict object as one issue at the object; each becomes an issue of its own at
 * the key's path, with "did you mean" over the keys `schema` allows there (as option checks do,
 * _lib/options.ts), so a typo (`objectve`) is named where it is.
 */
export function fromZodIssues(issues: readonly z.core.$ZodIssue[], schema?: z.core.$ZodType): QiIssue<string>[] {
  const out: QiIssue<string>[] = [];
  for (const i of issues) {
    const path = i.path.map((k) => (typeof k === "number" ? k : String(k)));
    if (i.code !== "unrecognized_keys" || schema === undefined) {
      out.push({ code: kebab(i.code), path, message: i.message });
      continue;
    }
    const allowed = keysAt(schema, path);
    for (const key of i.keys) out.push({ code: kebab(i.code), path: [...path, key], message: unknownKeyMessage(key, allowed, homeOf(schema, path, key, allowed)) });
  }
  return out;
}

/**
 * `unknown key "objectve"; did you mean "objective"? (allowed: …)`; a key that belongs one level
 * down (a measure's `unit` written beside `definition`): `unknown key "unit": it belongs in
 * "definition" — move it there (definition.unit) (allowed: …)`.
 */
function unknownKeyMessage(key: string, allowed: readonly string[] | null, home: string | null): string {
  if (allowed === null || allowed.length === 0) return `unknown key "${key}"`;
  if (home !== null) return `unknown key "${key}": it belongs in "${home}" — move it there (${home}.${key}) (allowed here: ${allowed.join(", ")})`;
  const near = nearestName(key, allowed);
  return `unknown key "${key}"${near ? `; did you mean "${near}"?` : ""} (allowed: ${allowed.join(", ")})`;
}

/** The key allowed at `path` whose object allows `key` (a field written one level too high), or null. */
function homeOf(schema: z.core.$ZodType, path: readonly (string | number)[], key: string, allowed: readonly string[] | null): string | null {
  for (const k of allowed ?? []) if (keysAt(schema, [...path, k])?.includes(key)) return k;
  return null;
}

type Def = { type: string; [k: string]: unknown };
const defOf = (s: z.core.$ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/**
 * The keys the object schema at `path` within `schema` allows, or null when the path leads to no
 * object (zod's own message is used then). Follows objects, arrays, optional, nullable, lazy and
 * pipe schemas; a union contributes the keys of every object option at that path.
 */
function keysAt(schema: z.core.$ZodType, path: readonly (string | number)[]): string[] | null {
  const d = defOf(schema);
  switch (d.type) {
    case "object": {
      const shape = d.shape as Record<string, z.core.$ZodType>;
      if (path.length === 0) return Object.keys(shape);
      const next = Object.hasOwn(shape, String(path[0])) ? shape[String(path[0])] : undefined;
      return next === undefined ? null : keysAt(next, path.slice(1));
    }
    case "array":
      return path.length === 0 ? null : keysAt(d.element as z.core.$ZodType, path.slice(1));
    case "optional":
    case "nullable":
    case "default":
    case "readonly":
      return keysAt(d.innerType as z.core.$ZodType, path);
    case "pipe":
      return keysAt(d.in as z.core.$ZodType, path);
    case "lazy":
      return keysAt((d.getter as () => z.core.$ZodType)(), path);
    case "union": {
      const keys = (d.options as z.core.$ZodType[]).flatMap((o) => keysAt(o, path) ?? []);
      return keys.length === 0 ? null : [...new Set(keys)];
    }
    default:
      return null;
  }
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
    issues = fromZodIssues(r.error.issues, schema);
  } else {
    const data = r.data as T;
    issues = check === undefined ? [] : check(data).filter((i) => i.severity === "error").map(({ code, path, message }) => ({ code, path, message }));
    if (issues.length === 0) return { success: true, data };
  }
  // The error's path is the first issue's (QiError adds "(at …)" to the message), as every QiError
  // carries a path to the offending value; `issues` keeps every problem with its own path.
  const first = issues[0]!;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : "";
  return {
    success: false,
    error: new QiError("invalid-document", first.path, `invalid ${what}: ${first.message}${more}`, issues),
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
