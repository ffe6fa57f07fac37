import { driverDiagramJsonSchema } from "../drivers/schema.js";
import { measureJsonSchema } from "../measures/schema.js";
import { pdsaCycleJsonSchema } from "../pdsa/schema.js";
import { projectJsonSchema } from "./schema.js";

/**
 * Every document's JSON Schema (draft 2020-12) by file stem, for non-JavaScript tools and
 * `scripts/write-schemas.mjs` (which writes `schemas/<stem>.schema.json`).
 *
 * @example
 * Object.keys(jsonSchemas()) //=> ["pdsa-cycle", "driver-diagram", "measure", "project"]
 */
export function jsonSchemas(): Record<string, Record<string, unknown>> {
  return {
    "pdsa-cycle": pdsaCycleJsonSchema(),
    "driver-diagram": driverDiagramJsonSchema(),
    measure: measureJsonSchema(),
    project: projectJsonSchema(),
  };
}
