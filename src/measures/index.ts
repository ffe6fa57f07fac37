export type {
  Measure,
  MeasureAggregation,
  MeasureClock,
  MeasureDirection,
  MeasureChartType,
  MeasurePeriod,
  MeasureTarget,
  MeasureType,
  OperationalDefinition,
} from "./types.js";
export { checkMeasure, familyOfMeasures, type FamilyOfMeasures } from "./check.js";
export { MeasureSchema, measureJsonSchema, parseMeasure, safeParseMeasure } from "./schema.js";
