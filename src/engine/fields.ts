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

/**
 * Every channel given as a column (a Float64Array, see `Column` in types.ts) has one value per
 * row, and none is given with `by`, which splits the rows while a column is read by row position.
 */
export function checkColumns(data: readonly unknown[], channels: Readonly<Record<string, unknown>>, by: unknown): void {
  for (const [option, channel] of Object.entries(channels)) {
    if (!(channel instanceof Float64Array)) continue;
    if (by !== undefined) {
      throw new QiError("invalid-option", ["options", "by"], `by splits the rows, but ${option} is a column read by row position: give each group's columns in a call of its own`);
    }
    if (channel.length !== data.length) {
      throw new QiError("invalid-option", ["options", option], `${option} is a column of ${channel.length} value${channel.length === 1 ? "" : "s"} for ${data.length} row${data.length === 1 ? "" : "s"}: give one value per row`);
    }
  }
}
