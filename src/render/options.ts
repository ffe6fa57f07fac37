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

/** @internal `annotations`: an array of `{ x, label }` objects when given. */
export function checkAnnotations(annotations: unknown): void {
  if (annotations === undefined) return;
  if (!Array.isArray(annotations)) throw new QiError("invalid-option", ["options", "annotations"], `annotations must be an array of { x, label }, not ${describeValue(annotations)}`);
  annotations.forEach((a: unknown, i) => {
    if (a === null || typeof a !== "object") throw new QiError("invalid-option", ["options", "annotations", i], `an annotation must be { x, label }, not ${describeValue(a)}`);
  });
}
