export {
  ENGLAND_MILESTONES,
  ENGLAND_ROUTES,
  SCOTLAND_MILESTONES,
  SCOTLAND_ORDER_MILESTONES,
  SCOTLAND_ROUTES,
  type Milestone,
  type MilestoneCatalogue,
  type Route,
} from "./catalogue.js";
export type { StageTarget, TargetRule } from "./target.js";
export type { AgeBand, AgeBandsOption } from "./age.js";
export { PACE_STAGES, type FromOccurrence, type PaceStageId, type Stage, type StageCase, type ToOccurrence } from "./stages.js";
export {
  stageDurations,
  type CaseRecordOptions,
  type DurationRow,
  type StageCounts,
  type StageDurations,
  type StageDurationsOptions,
  type StageInput,
  type TimescaleWarning,
} from "./stageDurations.js";
export {
  cumulativeIncidence,
  type CumulativeIncidence,
  type CumulativeIncidenceOptions,
  type CumulativeIncidenceStep,
} from "./cumulativeIncidence.js";
export { kaplanMeier, type KaplanMeier, type KaplanMeierOptions, type KaplanMeierStep } from "./kaplanMeier.js";
export {
  timescaleSeries,
  type BetweenSeriesRow,
  type CaseSeriesRow,
  type CohortSeriesRow,
  type PeriodSeriesRow,
  type TimescaleSeriesOptions,
} from "./timescaleSeries.js";
export { driftList, type DriftListOptions, type DriftRow } from "./driftList.js";
export { simulateCases, type SimulateCasesOptions, type SimulatedEvent } from "./simulateCases.js";
export {
  EventRowSchema,
  EventsSchema,
  WideRowSchema,
  WideRowsSchema,
  eventsJsonSchema,
  parseEvents,
  safeParseEvents,
  wideRowsJsonSchema,
  type EventRow,
  type ParseEventsOptions,
  type SafeParseEventsResult,
  type WideRow,
} from "./schema.js";
export type { PermanenceRoutes } from "./_permanenceRoutes.js";
export { paceTimescales, type PaceTimescales, type PaceTimescalesOptions, type PaceTimescalesProgress, type StageTimescales } from "./paceTimescales.js";
export { DATE_ORDERS, dateReader, readDate, type DateOrder, type ReadDateOptions } from "./dates.js";
export {
  MILESTONE_ALIASES,
  headerKey,
  matchMilestone,
  matchOrderType,
  recogniseColumns,
  type ColumnMapping,
  type RecogniseColumnsOptions,
} from "./headers.js";
export {
  CHECK_KINDS,
  checkCaseRecords,
  type CaseRecordsCheck,
  type CheckCaseRecordsOptions,
  type CheckCode,
  type CheckIssue,
  type CompletenessRow,
} from "./checkCaseRecords.js";
export {
  ADOPTION_SCORECARD_THRESHOLDS,
  adoptionScorecard,
  type AdoptionScorecard,
  type AdoptionScorecardOptions,
  type ScorecardCard,
  type ScorecardEstimate,
  type ScorecardIndicator,
} from "./adoptionScorecard.js";
