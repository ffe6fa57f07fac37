// pace-qi: the public API. This file only re-exports; each area's barrel lists its exports.
export * from "./runchart/index.js";
export * from "./spc/index.js";
export * from "./timescales/index.js";
export * from "./pdsa/index.js";
export * from "./drivers/index.js";
export * from "./measures/index.js";
export * from "./project/index.js";
export * from "./funnel/index.js";
export * from "./summary/index.js";
export * from "./render/index.js";
export { QiError, type QiErrorCode, type QiIssue, type QiPath } from "./_lib/error.js";
export type { Accessor } from "./_lib/accessor.js";
export { nearestName } from "./_lib/options.js";
export { isSuppressionMark } from "./_lib/numberText.js";
