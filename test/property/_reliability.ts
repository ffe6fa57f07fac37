/**
 * Shared helpers for the reliability property suites (issue #8): deep freezing, a walker that
 * finds NaN/±Infinity in results, the "only QiError" check, and arbitraries for hostile input.
 */
import fc from "fast-check";
import { expect } from "vitest";
import { QiError } from "../../src/index.js";

export { deepFreeze } from "../_shared/freeze.js";

/** A structural deep copy of plain data (arrays, plain objects, Dates), iterative. */
export function snapshot(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === "number" && !Number.isFinite(v)) return `#${String(v)}`;
    if (v === undefined) return "#undefined";
    if (typeof v === "function") return "#function";
    if (typeof v === "bigint") return `#${v}n`;
    return v;
  });
}

/** A place where a number that should be finite is not. */
export interface BadNumber {
  path: string;
  value: number;
}

/**
 * Every NaN / ±Infinity reachable from `value` (arrays, plain objects, typed arrays; Dates must be
 * valid), with its path. `allow(path, value)` exempts documented exceptions. Iterative, and it
 * visits each object once, so deep or shared structures cannot overflow the stack.
 */
export function nonFinite(value: unknown, allow: (path: string, value: number) => boolean = () => false): BadNumber[] {
  const out: BadNumber[] = [];
  const seen = new Set<object>();
  const stack: [unknown, string][] = [[value, "$"]];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === "number") {
      if (!Number.isFinite(v) && !allow(path, v)) out.push({ path, value: v });
    } else if (v instanceof Date) {
      if (Number.isNaN(v.getTime())) out.push({ path, value: Number.NaN });
    } else if (v !== null && typeof v === "object") {
      if (seen.has(v)) continue;
      seen.add(v);
      if (ArrayBuffer.isView(v)) {
        const arr = v as unknown as ArrayLike<number>;
        for (let i = 0; i < arr.length; i++) stack.push([arr[i], `${path}[${i}]`]);
      } else if (Array.isArray(v)) {
        for (let i = 0; i < v.length; i++) stack.push([v[i], `${path}[${i}]`]);
      } else {
        for (const [k, x] of Object.entries(v)) stack.push([x, `${path}.${k}`]);
      }
    }
  }
  return out;
}

/** Assert that a result holds no NaN/±Infinity (except where `allow` says so). */
export function expectFinite(value: unknown, allow?: (path: string, value: number) => boolean): void {
  const bad = nonFinite(value, allow);
  expect(bad.slice(0, 5)).toEqual([]);
}

/**
 * Run `f`; if it throws, the error must be a QiError with a string code and an array path (any
 * other exception fails the property). Returns `{ ok: true, value }` or `{ ok: false, error }`.
 */
export function qiOnly<R>(f: () => R): { ok: true; value: R } | { ok: false; error: QiError } {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (!(e instanceof QiError)) {
      const msg = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      throw new Error(`threw a non-QiError: ${msg}`, { cause: e });
    }
    expect(typeof e.code).toBe("string");
    expect(e.code.length).toBeGreaterThan(0);
    expect(Array.isArray(e.path)).toBe(true);
    for (const k of e.path) expect(["string", "number"]).toContain(typeof k);
    expect(Array.isArray(e.issues)).toBe(true);
    return { ok: false, error: e };
  }
}

/** Object.prototype, Array.prototype and Function.prototype are as they were, and nothing is polluted. */
export function expectNoPollution(): void {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(OBJECT_PROTO_KEYS);
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(ARRAY_PROTO_KEYS);
}
const OBJECT_PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();
const ARRAY_PROTO_KEYS = Object.getOwnPropertyNames(Array.prototype).sort();

// ---- arbitraries for hostile input ------------------------------------------------------------

/** Numbers that break naive code. */
export const junkNumber = fc.constantFrom(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  1e308,
  -1e308,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  Number.MAX_SAFE_INTEGER + 2,
  -0,
  0,
  0.5,
  -1,
  1,
  2,
  1e9,
  1e-300,
);

/** Values of every kind: numbers, strings that look like numbers or dates, objects, arrays, Dates. */
export const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  junkNumber,
  fc.string(),
  fc.date({ noInvalidDate: false }),
  fc.constantFrom(null, undefined, "", " ", "NA", "NaN", "Infinity", "-Infinity", "1e400", "2024-02-30", "2024-13-01", "2024-03-31", "0000-01-01", "9999-12-31", "1e3", "abc", "__proto__", "constructor", true, false, [], {}, () => 1, Symbol("s"), 10n),
);

/** A small whole number, or junk. */
export const indexish = fc.oneof(fc.integer({ min: -3, max: 60 }), junkNumber, junkValue);

/** Heavy-tailed finite doubles: tiny, ordinary and huge magnitudes (no NaN/Infinity). */
export const anyFinite = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer({ min: -1000, max: 1000 }),
  fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, 1e308, -1e308, Number.MIN_VALUE, 1e-300, 0, -0),
);

/** ISO dates across DST changes, leap days and the year ends. */
export const isoDay = fc.integer({ min: Date.UTC(1990, 0, 1) / 864e5, max: Date.UTC(2040, 11, 31) / 864e5 }).map((d) => new Date(d * 864e5).toISOString().slice(0, 10));

/** An ISO date `k` days after `iso`. */
export function addDays(iso: string, k: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + k * 864e5).toISOString().slice(0, 10);
}
