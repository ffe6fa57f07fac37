import { QiError, describeValue, type QiIssue } from "./error.js";

/**
 * @internal Shape checks for whole documents and chart results passed to the functions downstream
 * of a parser (`rollUp`, the graph operations, the renderers…). Not a schema — the parsers are
 * the validation gate — but just enough that a value of the wrong kind (`{}`, `null`, a symbol
 * where a string belongs, `null` among the nodes) is reported as an `invalid-value` issue with
 * its path instead of surfacing as a TypeError deep inside. One pass, linear in the input;
 * unknown keys are ignored; paths are built only when something is wrong.
 */

/** @internal Where a value sits: a linked list of keys from the argument down, made into a path only on failure. */
export interface At {
  readonly parent: At | null;
  readonly key: string | number;
}

/** @internal A check: returns nothing, reports problems through `bad`. `what` describes what it accepts. */
export interface Shape {
  readonly what: string;
  /** Check `v`, found at `key` under `parent` (the `At` is made only when something is wrong). */
  readonly check: (v: unknown, parent: At | null, key: string | number, bad: Reporter) => void;
}

/** @internal Receives each problem: where, and what was expected there. */
export type Reporter = (parent: At | null, key: string | number, what: string, value: unknown) => void;

/** @internal The path of an `At`. */
export function pathOf(at: At): Array<string | number> {
  const out: Array<string | number> = [];
  for (let a: At | null = at; a !== null; a = a.parent) out.push(a.key);
  return out.reverse();
}

/** @internal The root of a path: an argument's name. */
export function root(name: string): At {
  return { parent: null, key: name };
}

const leaf = (what: string, test: (v: unknown) => boolean): Shape => ({
  what,
  check: (v, parent, key, bad) => {
    if (!test(v)) bad(parent, key, what, v);
  },
});

/** @internal A string. */
export const str: Shape = leaf("a string", (v) => typeof v === "string");
/** @internal A non-empty string (an id). */
export const id: Shape = leaf("a non-empty string", (v) => typeof v === "string" && v !== "");
/** @internal A number (NaN and ±Infinity included: the functions treat those themselves). */
export const num: Shape = leaf("a number", (v) => typeof v === "number");
/** @internal A whole number ≥ 0 (an index). */
export const index: Shape = leaf("a whole number ≥ 0", (v) => typeof v === "number" && Number.isInteger(v) && v >= 0);
/** @internal true or false. */
export const bool: Shape = leaf("true or false", (v) => typeof v === "boolean");
/** @internal A number, an ISO date string or a Date. */
export const xValue: Shape = leaf("a number, a date string or a Date", (v) => typeof v === "number" || typeof v === "string" || v instanceof Date);

/** @internal A Float64Array (a column of a columnar chart result). */
export const f64: Shape = leaf("a Float64Array", (v) => v instanceof Float64Array);

/** @internal One of the given strings. */
export function oneOf(values: readonly string[]): Shape {
  const set = new Set(values);
  return leaf(`one of ${values.map((s) => `"${s}"`).join(", ")}`, (v) => typeof v === "string" && set.has(v));
}

/** @internal `shape`, or undefined (a key that is absent). */
export function optional(shape: Shape): Shape {
  return { what: `${shape.what} or absent`, check: (v, parent, key, bad) => (v === undefined ? undefined : shape.check(v, parent, key, bad)) };
}

/** @internal `shape`, or null. */
export function nullable(shape: Shape): Shape {
  return { what: `${shape.what} or null`, check: (v, parent, key, bad) => (v === null ? undefined : shape.check(v, parent, key, bad)) };
}

/** @internal Either shape (the first one's problems are not reported when the value is not an object for it). */
export function either(a: Shape, b: Shape): Shape {
  const what = `${a.what} or ${b.what}`;
  return {
    what,
    check: (v, parent, key, bad) => {
      let ok = true;
      a.check(v, parent, key, () => (ok = false));
      if (ok) return;
      ok = true;
      b.check(v, parent, key, () => (ok = false));
      if (!ok) bad(parent, key, what, v);
    },
  };
}

/** @internal A plain object (not null, not an array). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** @internal An object with these fields (others ignored). Fields are read as own or inherited properties, as the functions read them. */
export function object(fields: Record<string, Shape>, what = "an object"): Shape {
  const keys = Object.keys(fields);
  const shapes = keys.map((k) => fields[k]!);
  return {
    what,
    check: (v, parent, key, bad) => {
      if (!isRecord(v) || v instanceof Date) {
        bad(parent, key, what, v);
        return;
      }
      const at: At = { parent, key };
      for (let j = 0; j < keys.length; j++) shapes[j]!.check(v[keys[j]!], at, keys[j]!, bad);
    },
  };
}

/** @internal An array whose every element has `shape`. */
export function arrayOf(shape: Shape, what = `an array of ${shape.what.replace(/^an? /, "")}s`): Shape {
  return {
    what,
    check: (v, parent, key, bad) => {
      if (!Array.isArray(v)) {
        bad(parent, key, what, v);
        return;
      }
      const at: At = { parent, key };
      for (let i = 0; i < v.length; i++) shape.check(v[i], at, i, bad);
    },
  };
}

/**
 * @internal `shape` with a fast path: `ok` (a hand-written, monomorphic test of the same shape)
 * decides when the value is fine; only when it says no does the general check run to find and
 * describe the problems. For big arrays (a million chart points).
 */
export function fast(shape: Shape, ok: (v: unknown) => boolean): Shape {
  return { what: shape.what, check: (v, parent, key, bad) => (ok(v) ? undefined : shape.check(v, parent, key, bad)) };
}

/** @internal A lazily defined shape (for shapes defined in terms of each other). */
export function lazy(make: () => Shape, what: string): Shape {
  let s: Shape | undefined;
  return { what, check: (v, parent, key, bad) => (s ??= make()).check(v, parent, key, bad) };
}

/** How many problems a check lists before it stops looking (the first is what counts). */
const MAX_ISSUES = 100;

/**
 * @internal Every problem (up to 100) of `value` against `shape`, as `invalid-value` issues whose
 * message ends with `advice` (e.g. "parse it with parseDriverDiagram first"). `relative`: paths
 * without the root's name (for validators, whose issue paths start inside the document).
 */
export function shapeIssues(value: unknown, shape: Shape, at: At, advice: string, relative = false): QiIssue[] {
  const issues: QiIssue[] = [];
  const stop = {};
  try {
    shape.check(value, at.parent, at.key, (parent, key, what, v) => {
      const full = pathOf({ parent, key });
      const path = relative ? full.slice(1) : full;
      issues.push({ code: "invalid-value", path, message: `${typeof key === "number" ? `item ${key}` : key} must be ${what}, not ${describeValue(v)}: ${advice}` });
      if (issues.length >= MAX_ISSUES) throw stop;
    });
  } catch (e) {
    if (e !== stop) throw e;
  }
  return issues;
}

/** @internal Throw a QiError (`invalid-value`, every problem in `issues`) unless `value` has `shape`. */
export function assertShape(value: unknown, shape: Shape, at: At, advice: string): void {
  const issues = shapeIssues(value, shape, at, advice);
  const first = issues[0];
  if (first !== undefined) throw new QiError(first.code, first.path, first.message, issues);
}
