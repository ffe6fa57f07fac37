import { QiError, describeValue, type QiPath } from "./error.js";

/**
 * Reject keys that are not options (usually typos), suggesting the nearest known key.
 * Only own enumerable keys are checked, so inherited properties never count.
 */
export function checkKeys(value: object, known: readonly string[], path: QiPath, what: string): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const near = nearestName(key, known);
    throw new QiError("unknown-option", [...path, key], `unknown ${what} "${key}"${near ? `; did you mean "${near}"?` : ""} (known: ${known.join(", ")})`);
  }
}

// Words people write for pace-qi's option values (a user trial wrote direction "up", aggregate
// "average"): suggested only when the value they name is one of the known names.
const SYNONYMS: Readonly<Record<string, string>> = {
  up: "increase", higher: "increase", increasing: "increase", "higher is better": "increase", "higher-is-better": "increase",
  down: "decrease", lower: "decrease", decreasing: "decrease", "lower is better": "decrease", "lower-is-better": "decrease",
  none: "neutral", either: "neutral",
  average: "mean", avg: "mean", total: "sum", tally: "count", number: "count", "standard deviation": "sd", stdev: "sd", std: "sd",
};

/**
 * The known name `word` most likely means, or undefined: the same name in another case; else the
 * value a common synonym names ("up" → "increase", "average" → "mean") when it is known; else the
 * known name within edit distance 2 (1 for a word of three letters or fewer; case ignored; the
 * first of the nearest). The "did you mean"
 * of pace-qi's errors for options, document keys, enum values and group names, exported for
 * dashboards and scripts that check what a user typed (a column, a stage, an authority) by the
 * same rule.
 *
 * @example
 * nearestName("recomendation", ["recommendation", "panel", "adm"]) //=> "recommendation"
 * nearestName("Fyfe", ["Fife", "Angus"]) //=> "Fife"
 * nearestName("up", ["increase", "decrease", "neutral"]) //=> "increase"
 * nearestName("order", ["recommendation", "panel"]) //=> undefined
 */
export function nearestName(word: string, known: readonly string[]): string | undefined {
  if (typeof word !== "string") throw new QiError("invalid-value", ["word"], `nearestName needs a word (a string), not ${describeValue(word)}`);
  if (!Array.isArray(known) || known.some((k) => typeof k !== "string")) throw new QiError("invalid-value", ["known"], "nearestName needs the known names as an array of strings");
  const lower = word.trim().toLowerCase();
  const same = known.find((k) => k.toLowerCase() === lower);
  if (same !== undefined) return same;
  const synonym = SYNONYMS[lower];
  if (synonym !== undefined && known.includes(synonym)) return synonym;
  let best: string | undefined;
  // Two edits turn any word of three letters or fewer into most short names ("pie" into "i"): one
  // edit for those.
  let bestDistance = lower.length <= 3 ? 2 : 3;
  for (const k of known) {
    const d = editDistance(lower, k.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = k;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}

/** A whole number within [min, max], or an `invalid-option` error. */
export function integerOption(value: unknown, path: QiPath, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `from ${min} to ${max}`;
    throw new QiError("invalid-option", path, `${path[path.length - 1]} must be a whole number ${range}, not ${describeValue(value)}`);
  }
  return value;
}

/** One of the allowed strings, or an `invalid-option` error. */
export function enumOption<T extends string>(value: unknown, allowed: readonly T[], path: QiPath): T {
  if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
  const near = typeof value === "string" ? nearestName(value, allowed) : undefined;
  const hint = near === undefined ? "" : `; did you mean "${near}"?`;
  throw new QiError("invalid-option", path, `${path[path.length - 1]} must be one of ${allowed.map((a) => `"${a}"`).join(", ")}, not ${describeValue(value)}${hint}`);
}

/** A plain object (not null, not an array), or an `invalid-option` error. */
export function objectOption(value: unknown, path: QiPath): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new QiError("invalid-option", path, `${path[path.length - 1] ?? "options"} must be an object, not ${describeValue(value)}`);
  }
  return value as Record<string, unknown>;
}

/** A finite number within (min, max) exclusive bounds as given, or an `invalid-option` error. */
export function numberOption(value: unknown, path: QiPath, check: (v: number) => boolean, requirement: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || !check(value)) {
    throw new QiError("invalid-option", path, `${path[path.length - 1]} must be ${requirement}, not ${describeValue(value)}`);
  }
  return value;
}

/** `true` or `false`, or an `invalid-option` error. */
export function booleanOption(value: unknown, path: QiPath): boolean {
  if (typeof value !== "boolean") throw new QiError("invalid-option", path, `${path[path.length - 1]} must be true or false, not ${describeValue(value)}`);
  return value;
}

/** A function, or an `invalid-option` error; `shape` says what it is called with, e.g. "(row) => string". */
export function functionOption<F extends (...args: never[]) => unknown>(value: unknown, path: QiPath, shape: string): F {
  if (typeof value !== "function") throw new QiError("invalid-option", path, `${path[path.length - 1]} must be a function ${shape}, not ${describeValue(value)}`);
  return value as F;
}
