import { QiError, describeValue, type QiPath } from "./error.js";

/**
 * Read a `partialPeriods` option: point indices (0-based) of periods the data only partly cover
 * (the first or last month of an extract), each an excluded point (`excluded[i]`). Renderers and
 * the summary of measures name them "partial period" rather than "excluded": a board reader seeing
 * "excluded" thinks someone left data out. A partial period the chart counts is not excluded, so
 * calling it one would be untrue: an error, as is an index that is no point. `path` is where the
 * option is (`["options", "partialPeriods"]`, `["results", 2, "partialPeriods"]`).
 */
export function readPartialPeriods(value: unknown, excluded: (i: number) => boolean, length: number, path: QiPath): ReadonlySet<number> {
  if (value === undefined) return new Set();
  if (!Array.isArray(value)) throw new QiError("invalid-option", path, `partialPeriods must be an array of point indices (0-based), not ${describeValue(value)}`);
  return new Set(
    value.map((i: unknown, k) => {
      const at = [...path, k];
      if (typeof i !== "number" || !Number.isInteger(i) || i < 0 || i >= length) throw new QiError("invalid-option", at, `a partial period must be the index of a point (an integer from 0 to ${length - 1}), not ${describeValue(i)}`);
      if (!excluded(i)) throw new QiError("invalid-option", at, `point ${i} (0-based) is not excluded: a partial period is drawn hollow as an excluded point, so give it in the chart's exclude option too`);
      return i;
    }),
  );
}
