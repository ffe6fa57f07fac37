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
  readonly check: (v: unknown, at: At, bad: Reporter) => void;
}

/** @internal Receives each problem: where, and what was expected there. */
export type Reporter = (at: At, what: string, value: unknown) => void;

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
  check: (v, at, bad) => {
    if (!test(v)) bad(at, what, v);
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

/** @internal One of the given strings. */
export function oneOf(values: readonly string[]): Shape {
  const set = new Set(values);
  return leaf(`one of ${values.map((s) => `"${s}"`).join(", ")}`, (v) => typeof v === "string" && set.has(v));
}

/** @internal `shape`, or undefined (a key that is absent). */
export function optional(shape: Shape): Shape {
  return { what: `${shape.what} or absent`, check: (v, at, bad) => (v === undefined ? undefined : shape.check(v, at, bad)) };
}

/** @internal `shape`, or null. */
export function nullable(shape: Shape): Shape {
  return { what: `${shape.what} or null`, check: (v, at, bad) => (v === null ? undefined : shape.check(v, at, bad)) };
}

/** @internal Either shape (the first one's problems are not reported when the value is not an object for it). */
export function either(a: Shape, b: Shape): Shape {
  const what = `${a.what} or ${b.what}`;
  return {
    what,
    check: (v, at, bad) => {
      let ok = true;
      a.check(v, at, () => (ok = false));
      if (ok) return;
      ok = true;
      b.check(v, at, () => (ok = false));
      if (!ok) bad(at, what, v);
    },
  };
}

/** @internal A plain object (not null, not an array). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** @internal An object with these fields (others ignored). Fields are read as own or inherited properties, as the functions read them. */
export function object(fields: Record<string, Shape>, what = "an object"): Shape {
  const entries = Object.entries(fields);
  return {
    what,
    check: (v, at, bad) => {
      if (!isRecord(v) || v instanceof Date) {
        bad(at, what, v);
        return;
      }
      for (const [k, s] of entries) s.check(v[k], { parent: at, key: k }, bad);
    },
  };
}

/** @internal An array whose every element has `shape`. */
export function arrayOf(shape: Shape, what = `an array of ${shape.what.replace(/^an? /, "")}s`): Shape {
  return {
    what,
    check: (v, at, bad) => {
      if (!Array.isArray(v)) {
        bad(at, what, v);
        return;
      }
      for (let i = 0; i < v.length; i++) shape.check(v[i], { parent: at, key: i }, bad);
    },
  };
}

/** @internal A lazily defined shape (for shapes defined in terms of each other). */
export function lazy(make: () => Shape, what: string): Shape {
  let s: Shape | undefined;
  return { what, check: (v, at, bad) => (s ??= make()).check(v, at, bad) };
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
    shape.check(value, at, (where, what, v) => {
      const full = pathOf(where);
      const path = relative ? full.slice(1) : full;
      issues.push({ code: "invalid-value", path, message: `${typeof where.key === "number" ? `item ${where.key}` : where.key} must be ${what}, not ${describeValue(v)}: ${advice}` });
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
