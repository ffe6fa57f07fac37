import * as z from "zod/mini";
import { IsoDateSchema } from "../pdsa/schema.js";
import { jsonSchemaOf, parseWith, safeParseWith, type SafeParseResult } from "../_lib/zodParse.js";
import { checkMeasure } from "./check.js";
import { DEFINITION_WHAT, MEASURE_CHART_TYPES } from "./guards.js";
import type { Measure } from "./types.js";

const opt = z.exactOptional;
const id = z.string().check(z.minLength(1));

/**
 * zod schema of a {@link Measure} with its operational definition.
 *
 * @example
 * MeasureSchema.safeParse({ id: "m1" }).success //=> false
 */
export const MeasureSchema = z.strictObject({
  id,
  name: z.string(),
  type: z.enum(["outcome", "process", "balancing"]),
  description: opt(z.string()),
  definition: z.strictObject({
    description: opt(z.string()),
    numerator: opt(z.string()),
    denominator: opt(z.string()),
    inclusions: opt(z.array(z.string())),
    exclusions: opt(z.array(z.string())),
    clock: opt(z.strictObject({ start: z.string().check(z.minLength(1)), stop: z.string().check(z.minLength(1)) })),
    unit: z.string(),
    aggregation: z.enum(["count", "sum", "mean", "median", "percentage", "proportion", "rate", "per-case"]),
    period: z.enum(["day", "week", "month", "quarter", "year", "financial-year", "financial-quarter", "clas-year", "case"]),
    dataSource: opt(z.string()),
    owner: opt(z.string()),
  }, { error: (issue) => (issue.code === "invalid_type" ? `definition must be ${DEFINITION_WHAT}` : undefined) }),
  direction: z.enum(["increase", "decrease", "neutral"]),
  chart: opt(z.enum(MEASURE_CHART_TYPES)),
  target: opt(z.strictObject({ value: z.number(), by: opt(IsoDateSchema), label: opt(z.string()) })),
  links: z.array(id),
});

type Assert<T extends U, U> = T;
type _MeasureCheck = Assert<z.output<typeof MeasureSchema>, Measure>;

/**
 * Validate a measure document: schema, then {@link checkMeasure} errors. Throws QiError
 * "invalid-document" listing every issue with its path.
 *
 * @example
 * parseMeasure({ id: "m1", name: "Children with a plan", type: "process", direction: "increase", links: [],
 *   definition: { unit: "children", aggregation: "count", period: "month" } }).id //=> "m1"
 */
export function parseMeasure(input: unknown): Measure {
  return parseWith<Measure>(MeasureSchema, input, "measure", checkMeasure);
}

/**
 * {@link parseMeasure} without throwing.
 *
 * @example
 * safeParseMeasure({ id: "m1" }).success //=> false
 */
export function safeParseMeasure(input: unknown): SafeParseResult<Measure> {
  return safeParseWith<Measure>(MeasureSchema, input, "measure", checkMeasure);
}

/**
 * JSON Schema (draft 2020-12) of a measure document.
 *
 * @example
 * measureJsonSchema().title //=> "Measure"
 */
export function measureJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(MeasureSchema, "Measure", "An outcome, process or balancing measure with its operational definition, direction, target and driver-diagram links.");
}
