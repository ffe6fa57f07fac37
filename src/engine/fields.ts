import { QiError } from "../_lib/error.js";

/**
 * Every field name given as a channel (`x`, `y`, `n`, `notes`, `by`) must be a field of the rows:
 * a name no row has is a typo or the wrong file, and reading it would give a column of blanks
 * (missing values) or one group — an `unknown-field` error naming it instead. Accessor functions
 * are the caller's business; data that are not objects (an array of numbers) have no fields, so
 * any name given is unknown. Only the rows up to the first that has the field are looked at.
 */
export function checkFields(data: readonly unknown[], channels: Readonly<Record<string, unknown>>): void {
  if (data.length === 0) return;
  for (const [option, channel] of Object.entries(channels)) {
    if (typeof channel !== "string") continue;
    if (!someRowHas(data, channel)) {
      const sample = firstFields(data);
      throw new QiError(
        "unknown-field",
        ["options", option],
        `${option}: no row has a field "${channel}"${sample === null ? " (the data are not rows with fields)" : ` (the rows have: ${sample})`}`,
      );
    }
  }
}

function someRowHas(data: readonly unknown[], key: string): boolean {
  for (let i = 0; i < data.length; i++) {
    const d = data[i];
    if (d === null || typeof d !== "object") continue;
    if (Object.prototype.hasOwnProperty.call(d, key)) return true;
    const proto: unknown = Object.getPrototypeOf(d);
    // Class instances with getters: the field may live on the prototype (not Object.prototype's own).
    if (proto !== Object.prototype && proto !== null && !Array.isArray(d) && key in d) return true;
  }
  return false;
}

/** The first object row's field names (at most 12), for the message; null when no row is an object. */
function firstFields(data: readonly unknown[]): string | null {
  for (const d of data) {
    if (d === null || typeof d !== "object" || Array.isArray(d)) continue;
    const keys = Object.keys(d);
    const shown = keys.slice(0, 12).map((k) => JSON.stringify(k));
    return keys.length === 0 ? "no fields" : `${shown.join(", ")}${keys.length > 12 ? ", …" : ""}`;
  }
  return null;
}
