/**
 * Private: the option keys each timescale function accepts, for `checkKeys` (an unknown key —
 * usually a typo — is a QiError `unknown-option` with "did you mean"). One list per options
 * interface, kept beside each other so a new option is added in one place.
 */

import type { CaseRecordOptions } from "./_caseRecords.js";

/** {@link CaseRecordOptions} (with the two date-reading options of ReadDateOptions). */
export const CASE_RECORD_KEYS = [
  "format", "child", "milestone", "date", "episode", "splitEpisodesAt", "columns", "orderType", "catalogue",
  "unknownMilestones", "group", "dateOfBirth", "dates", "excelSerials",
] as const;

// Compile-time: every key of CaseRecordOptions is in the list, so a new reader option cannot be
// rejected as unknown (orderType once was, when two changes met).
type MissingCaseRecordKeys = Exclude<keyof CaseRecordOptions, (typeof CASE_RECORD_KEYS)[number]>;
const caseRecordKeysComplete: [MissingCaseRecordKeys] extends [never] ? true : MissingCaseRecordKeys = true;
void caseRecordKeysComplete;

/** `stageDurations` and `driftList` (events input). */
export const STAGE_DURATION_KEYS: readonly string[] = [...CASE_RECORD_KEYS, "asOf", "target", "negative", "afterAsOf", "ageBands"];

/** `paceTimescales`: the stageDurations keys except target (rejected with its own message), plus its own. */
export const PACE_TIMESCALES_KEYS: readonly string[] = [...STAGE_DURATION_KEYS, "stages", "period", "yearStartMonth", "onProgress", "check"];

/** `timescaleSeries`. */
export const TIMESCALE_SERIES_KEYS: readonly string[] = ["dates", "series", "period", "yearStartMonth", "y", "target", "asOf", "exits", "x"];

/** `kaplanMeier`. */
export const KAPLAN_MEIER_KEYS: readonly string[] = ["time", "event", "z"];
