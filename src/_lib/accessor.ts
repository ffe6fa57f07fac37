import { QiError, describeValue } from "./error.js";

/**
 * A channel in the d3 / Observable Plot way: the name of a field of each row, or a function
 * `(d, i, data) => value`.
 */
export type Accessor<T, V = unknown> = (T extends object ? keyof T & string : never) | ((d: T, i: number, data: readonly T[]) => V);

/** A normalised accessor. */
export type ValueOf<T, V = unknown> = (d: T, i: number, data: readonly T[]) => V;

/**
 * Normalise a field name or accessor function into a function. `name` is the option's name,
 * used in error messages.
 */
export function valueof<T, V = unknown>(channel: Accessor<T, V> | string, name: string): ValueOf<T, V> {
  if (typeof channel === "function") return channel as ValueOf<T, V>;
  if (typeof channel === "string") {
    const key = channel;
    return (d: T) => field(d, key) as V;
  }
  throw new QiError("invalid-option", ["options", name], `${name} must be a field name or a function, not ${describeValue(channel)}`);
}

/**
 * Read a field of a row. Plain objects (parsed JSON, CSV rows) are read by own property only, so a
 * field named `constructor` or `__proto__` never reaches Object.prototype; other objects (class
 * instances with getters) are read as `d[key]`.
 *
 * Fast path: the only values a plain object inherits are Object.prototype's methods and the
 * prototype itself — functions and an object — so a primitive read (number, string, boolean,
 * null, undefined) is the row's own value and needs no further check.
 */
export function field(d: unknown, key: string): unknown {
  if (d === null || typeof d !== "object") return undefined;
  const v = (d as Record<string, unknown>)[key];
  if (v === undefined || (typeof v !== "object" && typeof v !== "function") || v === null) return v;
  if (Object.prototype.hasOwnProperty.call(d, key)) return v;
  const proto: unknown = Object.getPrototypeOf(d);
  if (proto === Object.prototype || proto === null || Array.isArray(d)) return undefined;
  return v;
}
