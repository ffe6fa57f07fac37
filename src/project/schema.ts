import * as z from "zod/mini";
import { DriverDiagramSchema } from "../drivers/schema.js";
import { MeasureSchema } from "../measures/schema.js";
import { IsoDateSchema, PdsaCycleSchema } from "../pdsa/schema.js";
import { jsonSchemaOf, parseWith, safeParseWith, type SafeParseResult } from "../_lib/zodParse.js";
import type { Project } from "./types.js";
import { validateProject } from "./validate.js";

const opt = z.exactOptional;

/**
 * zod schema of one data row `{ x, y, n? }`: x an ISO date or a number, y a finite number or null.
 *
 * @example
 * SeriesRowSchema.safeParse({ x: "2024-01-01", y: null }).success //=> true
 */
export const SeriesRowSchema = z.strictObject({
  x: z.union([IsoDateSchema, z.number()]),
  y: z.nullable(z.number()),
  n: opt(z.number().check(z.minimum(0))),
});

/**
 * zod schema of a whole {@link Project} document (cross-references are checked by {@link validateProject}).
 *
 * @example
 * ProjectSchema.safeParse({}).success //=> false
 */
export const ProjectSchema = z.strictObject({
  $schema: opt(z.string()),
  title: z.string(),
  description: opt(z.string()),
  illustrative: opt(z.boolean()),
  diagram: DriverDiagramSchema,
  measures: z.array(MeasureSchema),
  cycles: z.array(PdsaCycleSchema),
  data: z.array(z.strictObject({ measure: z.string().check(z.minLength(1)), rows: z.array(SeriesRowSchema), baseline: opt(z.union([z.int().check(z.minimum(1)), IsoDateSchema])) })),
});

type Assert<T extends U, U> = T;
type _ProjectCheck = Assert<z.output<typeof ProjectSchema>, Project>;

const check = (p: Project) => validateProject(p).issues;

/**
 * Validate a project document as a whole: the schema, then every error of
 * {@link validateProject} (warnings never fail). Throws QiError "invalid-document" whose
 * `issues` list every problem with its path from the project root.
 *
 * @example
 * parseProject({ title: "Demo", diagram: { aim: { id: "aim", statement: "…" }, nodes: [], links: [] },
 *   measures: [], cycles: [], data: [] }).title //=> "Demo"
 */
export function parseProject(input: unknown): Project {
  return parseWith<Project>(ProjectSchema, input, "project", check);
}

/**
 * {@link parseProject} without throwing.
 *
 * @example
 * const r = safeParseProject({ title: "Demo", diagram: { aim: { id: "aim", statement: "…" }, nodes: [], links: [] },
 *   measures: [], cycles: [{ id: "c1", changeIdea: "ci", objective: "…", questions: [] }], data: [] });
 * r.success //=> false
 * r.error.issues.map((i) => i.path) //=> [["cycles", 0, "changeIdea"]]
 */
export function safeParseProject(input: unknown): SafeParseResult<Project> {
  return safeParseWith<Project>(ProjectSchema, input, "project", check);
}

/**
 * JSON Schema (draft 2020-12) of a project document.
 *
 * @example
 * projectJsonSchema().title //=> "Improvement project"
 */
export function projectJsonSchema(): Record<string, unknown> {
  return jsonSchemaOf(ProjectSchema, "Improvement project", "A driver diagram with its aim, a family of measures with data, and PDSA cycles, in one document (pace-qi).");
}

