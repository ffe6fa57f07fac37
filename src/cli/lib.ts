// The CLI's only door into the library. The build keeps these imports external, so the bin uses
// the package's own ESM build (dist/index.js, dist/render/index.js, …) instead of a second copy.
export * from "../index.js";
// (the public API above includes the renderer)
// Internal: read case records once and compute every stage from them. The public
// stageDurations() reads the records again for each stage, which on a 1,000,000-row export costs
// seconds per stage. (A public multi-stage entry point would let the CLI drop these two.)
export { readCaseRecords } from "../timescales/_caseRecords.js";
export { durationsFromRecords } from "../timescales/stageDurations.js";
export { dayReader } from "../timescales/dates.js";
export { formatIsoDay } from "../_lib/calendar.js";
export { permanenceRoutes } from "../timescales/_permanenceRoutes.js";
export { targetText } from "../timescales/target.js";
