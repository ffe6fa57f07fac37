export * from "./runchart/index.js";
export { QiError, type QiErrorCode, type QiIssue, type QiPath } from "./_lib/error.js";
export type { Accessor } from "./_lib/accessor.js";
