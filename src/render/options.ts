import { QiError, describeValue } from "../_lib/error.js";
import { objectOption } from "../_lib/options.js";

/**
 * @internal Check the renderers' options before any is used: an object, and each text option
 * (`keys`) a string when given, so a symbol or a null-prototype object is an `invalid-option`
 * error naming the option rather than a TypeError from a template string.
 */
export function checkTextOptions(options: unknown, keys: readonly string[]): Record<string, unknown> {
  const o = objectOption(options, ["options"]);
  for (const key of keys) {
    const v = o[key];
    if (v !== undefined && typeof v !== "string") throw new QiError("invalid-option", ["options", key], `${key} must be a string, not ${describeValue(v)}`);
  }
  return o;
}

/**
 * @internal `annotations`: an array of `{ x, label }` objects when given, each with an `x` and a
 * string `label` (a missing label drew the text "undefined"). Whether `x` fits the chart's axis is
 * checked where the axis kind is known (chartLayout.ts).
 */
export function checkAnnotations(annotations: unknown): void {
  if (annotations === undefined) return;
  if (!Array.isArray(annotations)) throw new QiError("invalid-option", ["options", "annotations"], `annotations must be an array of { x, label }, not ${describeValue(annotations)}`);
  annotations.forEach((a: unknown, i) => {
    if (a === null || typeof a !== "object") throw new QiError("invalid-option", ["options", "annotations", i], `an annotation must be { x, label }, not ${describeValue(a)}`);
    const { x, label } = a as { x?: unknown; label?: unknown };
    if (x === undefined || x === null) throw new QiError("invalid-option", ["options", "annotations", i, "x"], `an annotation needs an x (where on the x axis it goes), not ${describeValue(x)}`);
    if (typeof label !== "string") throw new QiError("invalid-option", ["options", "annotations", i, "label"], `an annotation's label must be a string, not ${describeValue(label)}`);
  });
}

/**
 * @internal `width` or `height`: the default when not given, else a finite number of pixels of at
 * least `min` (the renderer's smallest size, which it used to put in place of a smaller value
 * without a word); anything else is an `invalid-option` error naming it.
 */
export function sizeOption(value: unknown, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  if (typeof value === "number" && Number.isFinite(value) && value > 0 && value >= min) return value;
  throw new QiError("invalid-option", ["options", name], `${name} must be a number of pixels${min > 0 ? `, at least ${min}` : " above 0"}, not ${describeValue(value)}`);
}

/** @internal `target`: a finite number, or null for no target line (undefined: the chart's own). */
export function checkTarget(value: unknown): void {
  if (value === undefined || value === null || (typeof value === "number" && Number.isFinite(value))) return;
  throw new QiError("invalid-option", ["options", "target"], `target must be a number, or null for no target line, not ${describeValue(value)}`);
}
