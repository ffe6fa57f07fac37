import type { QiIssue, QiPath } from "../_lib/error.js";

/**
 * One problem found by a semantic validator (driver diagram, measure, PDSA cycle, project).
 * `error`s make a document invalid (`parseX` throws on them); `warning`s are advice for a coach
 * (an aim without a number, a PDSA date outside the data) and never fail a parse.
 */
export interface ValidationIssue extends QiIssue<string> {
  severity: "error" | "warning";
}

/** The result of a semantic validator: `valid` is true when no issue is an error. */
export interface ValidationResult {
  valid: boolean;
  issues: ValidationIssue[];
}

/** @internal Build an issue. */
export function issue(severity: "error" | "warning", code: string, path: QiPath, message: string): ValidationIssue {
  return { severity, code, path, message };
}

/** @internal Prefix every issue's path (e.g. diagram issues inside a project). */
export function prefixIssues(prefix: QiPath, issues: readonly ValidationIssue[]): ValidationIssue[] {
  return issues.map((i) => ({ ...i, path: [...prefix, ...i.path] }));
}

/** @internal Wrap issues into a result. */
export function result(issues: ValidationIssue[]): ValidationResult {
  return { valid: !issues.some((i) => i.severity === "error"), issues };
}
