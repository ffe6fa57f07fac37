import type { QiIssue } from "../_lib/error.js";
import { arrayOf, assertShape, bool, either, id, nullable, num, object, optional, root, shapeIssues, str, type Shape } from "../_lib/shape.js";
import { DIAGRAM_SHAPE } from "../drivers/guards.js";
import { MEASURE_SHAPE } from "../measures/guards.js";
import { CYCLE_SHAPE } from "../pdsa/guards.js";
import type { Project } from "./types.js";

/** @internal The shape of a data row of a project. */
const ROW_SHAPE: Shape = object({ x: either(str, num), y: nullable(num), n: optional(num) }, "a row object");

/** @internal The shape of a project's data series: a measure's rows and its baseline. */
export const SERIES_SHAPE: Shape = object({ measure: id, rows: arrayOf(ROW_SHAPE, "an array of rows"), baseline: optional(either(num, str)) }, "a data series object");

/** @internal The shape of a project (what parseProject returns), as validateProject, rollUp and renderReport read it. */
export const PROJECT_SHAPE: Shape = object(
  {
    $schema: optional(str),
    title: str,
    description: optional(str),
    illustrative: optional(bool),
    diagram: DIAGRAM_SHAPE,
    measures: arrayOf(MEASURE_SHAPE, "an array of measures"),
    cycles: arrayOf(CYCLE_SHAPE, "an array of PDSA cycles"),
    data: arrayOf(SERIES_SHAPE, "an array of data series"),
  },
  "a project object",
);

const PROJECT_ADVICE = "this is not a project; parse it with parseProject first";

/** @internal Shape problems of a project with paths relative to the project (as validateProject's issues). */
export function projectShapeIssues(project: unknown): QiIssue[] {
  return shapeIssues(project, PROJECT_SHAPE, root("project"), PROJECT_ADVICE, true);
}

/** @internal Throw `invalid-value` at `["project", …]` unless `project` has a project's shape. */
export function assertProject(project: unknown): asserts project is Project {
  assertShape(project, PROJECT_SHAPE, root("project"), PROJECT_ADVICE);
}
