import type { QiIssue } from "../_lib/error.js";
import { arrayOf, assertShape, id, num, object, oneOf, optional, root, shapeIssues, str, type Shape } from "../_lib/shape.js";
import type { Measure, MeasureChartType, MeasureType } from "./types.js";

const text = optional(str);
const TYPES = ["outcome", "process", "balancing"] as const;

/**
 * @internal What a measure's `definition` is, for the message when it is not an object (a QI lead
 * writes the definition as a sentence, or its fields beside it: second user trial).
 */
export const DEFINITION_WHAT = "an object { unit, aggregation, period, description?, numerator?, denominator?, … } (a sentence goes in definition.description)";

/** @internal The chart types a measure may name (its `chart`): `run` and the control charts but np. */
export const MEASURE_CHART_TYPES = ["run", "i", "mr", "xbar", "s", "p", "pp", "u", "up", "c", "g", "t", "r", "ip", "i-median", "i-median-mr", "cusum", "ewma"] as const satisfies readonly MeasureChartType[];

/** @internal The shape of a measure (what parseMeasure returns), as the measure functions read it. */
export const MEASURE_SHAPE: Shape = object(
  {
    id,
    name: str,
    type: oneOf(TYPES),
    description: text,
    definition: object({
      description: text,
      numerator: text,
      denominator: text,
      inclusions: optional(arrayOf(str, "an array of strings")),
      exclusions: optional(arrayOf(str, "an array of strings")),
      clock: optional(object({ start: id, stop: id })),
      unit: str,
      aggregation: oneOf(["count", "sum", "mean", "median", "percentage", "proportion", "rate", "per-case"]),
      period: oneOf(["day", "week", "month", "quarter", "year", "financial-year", "financial-quarter", "clas-year", "case"]),
      dataSource: text,
      owner: text,
    }, DEFINITION_WHAT),
    direction: oneOf(["increase", "decrease", "neutral"]),
    chart: optional(oneOf(MEASURE_CHART_TYPES)),
    target: optional(object({ value: num, by: text, label: text })),
    links: arrayOf(id, "an array of node ids"),
  },
  "a measure object",
);

/** @internal What familyOfMeasures reads: each measure's id and type. */
const FAMILY_SHAPE: Shape = arrayOf(object({ id: str, type: oneOf(TYPES) }, "a measure object"), "an array of measures");

const MEASURE_ADVICE = "this is not a measure; parse it with parseMeasure first";

/** @internal Shape problems of a measure with paths relative to the measure (as checkMeasure's issues). */
export function measureShapeIssues(measure: unknown): QiIssue[] {
  return shapeIssues(measure, MEASURE_SHAPE, root("measure"), MEASURE_ADVICE, true);
}

/** @internal Throw `invalid-value` at `["measures", i, …]` unless each measure has an `id` and a known `type`. */
export function assertFamily(measures: unknown): asserts measures is ReadonlyArray<Pick<Measure, "id"> & { type: MeasureType }> {
  assertShape(measures, FAMILY_SHAPE, root("measures"), "pass an array of measures, each with an id and a type (outcome, process or balancing)");
}
