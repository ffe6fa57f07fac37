import * as z from "zod/mini";
import { isoDateProblem } from "../_lib/dateText.js";
import { jsonSchemaOf, parseWith, safeParseWith, type SafeParseResult } from "../_lib/zodParse.js";
import { checkPdsaCycle } from "./check.js";
import type { PdsaCycle } from "./types.js";

const opt = z.exactOptional;
const text = z.string();
const id = z.string().check(z.minLength(1));
/**
 * ISO calendar date `YYYY-MM-DD` (a real date: 2024-02-30 fails). A text that is not one is
 * named in the message with the form expected and a hint (`isoDateProblem`: day first, padding,
 * the month's length).
 *
 * @example
 * IsoDateSchema.safeParse("2024-02-29").success //=> true
 */
export const IsoDateSchema = z.iso.date({ error: (issue) => (typeof issue.input === "string" ? isoDateProblem(issue.input) : undefined) });

/**
 * zod schema of a {@link PdsaCycle} (IHI PDSA worksheet). Unknown keys are rejected.
 *
 * @example
 * PdsaCycleSchema.safeParse({ id: "c1", changeIdea: "ci", objective: "o", questions: [] }).success //=> true
 */
export const PdsaCycleSchema = z.strictObject({
  id,
  changeIdea: id,
  sequence: opt(z.int().check(z.minimum(0))),
  title: opt(text),
  objective: text,
  questions: z.array(z.strictObject({ question: text, prediction: opt(text) })),
  scale: opt(z.strictObject({ size: opt(z.number().check(z.minimum(0))), unit: opt(text), description: opt(text) })),
  measures: opt(z.array(id)),
  plan: opt(z.strictObject({ who: opt(text), what: opt(text), when: opt(text), where: opt(text), data: opt(z.array(text)) })),
  do: opt(z.strictObject({ date: opt(IsoDateSchema), endDate: opt(IsoDateSchema), observations: opt(text), problems: opt(text) })),
  study: opt(
    z.strictObject({
      results: opt(z.array(z.strictObject({ question: z.int().check(z.minimum(0)), result: text, predictionMet: opt(z.boolean()) }))),
      learning: opt(text),
    }),
  ),
  act: opt(z.strictObject({ decision: z.enum(["adopt", "adapt", "abandon"]), nextSteps: opt(text) })),
});

// Compile-time guard: the schema's output is a PdsaCycle.
type Assert<T extends U, U> = T;
type _PdsaCycleCheck = Assert<z.output<typeof PdsaCycleSchema>, PdsaCycle>;

/**
 * Validate a PDSA cycle document: schema, then {@link checkPdsaCycle} errors. Throws a QiError
 * "invalid-document" whose `issues` list every problem with its path.
 *
 * @example
 * parsePdsaCycle({ id: "c1", changeIdea: "ci1", objective: "Test", questions: [] }).id //=> "c1"
 */
export function parsePdsaCycle(input: unknown): PdsaCycle {
  return parseWith<PdsaCycle>(PdsaCycleSchema, input, "PDSA cycle", checkPdsaCycle);
}

/**
 * {@link parsePdsaCycle} without throwing.
 *
 * @example
 * safeParsePdsaCycle({}).success //=> false
 */
export function safeParsePdsaCycle(input: unknown): SafeParseResult<PdsaCycle> {
  return safeParseWith<PdsaCycle>(PdsaCycleSchema, input, "PDSA cycle", checkPdsaCycle);
}

/**
 * JSON Schema (draft 2020-12) of a PDSA cycle document, for non-JavaScript tools.
 *
 * @example
 * pdsaCycleJsonSchema().title //=> "PDSA cycle"
 */
export function pdsaCycleJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(PdsaCycleSchema, "PDSA cycle", "One Plan–Do–Study–Act cycle (IHI PDSA worksheet fields), testing one change idea.");
}
