export type { DataSeries, Project, SeriesRow } from "./types.js";
export type { ValidationIssue, ValidationResult } from "../_lib/issues.js";
export type { SafeParseResult } from "../_lib/zodParse.js";
export { analyseDefaults, type AnalyseDefaults } from "./analyseDefaults.js";
export { validateProject } from "./validate.js";
export { summariseVerdict, type ChartLike, type SignalLike, type Verdict, type VerdictKind } from "./verdict.js";
export {
  rollUp,
  type Analyse,
  type AnalyseContext,
  type Annotation,
  type ChangeIdeaSummary,
  type Coverage,
  type DriverSummary,
  type MeasureSummary,
  type RollUp,
  type RollUpOptions,
} from "./rollUp.js";
export { ProjectSchema, SeriesRowSchema, parseProject, projectJsonSchema, safeParseProject } from "./schema.js";
export { jsonSchemas } from "./jsonSchemas.js";
