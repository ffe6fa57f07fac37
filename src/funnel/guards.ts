import { QiError, describeValue, type QiPath } from "../_lib/error.js";
import type { FunnelPlot } from "./types.js";

const NUMBERS = ["numerator", "denominator", "denominatorUsed", "value", "ratio"] as const;
const LIMITS = ["lower95", "upper95", "lower998", "upper998", "adjustedLower95", "adjustedUpper95", "adjustedLower998", "adjustedUpper998"] as const;

function bad(path: QiPath, what: string, v: unknown): QiError {
  return new QiError("invalid-value", path, `${String(path[path.length - 1])} must be ${what}, not ${describeValue(v)}`);
}

function oneOf(v: unknown, allowed: readonly unknown[], path: QiPath): void {
  if (!allowed.includes(v)) throw bad(path, `one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}`, v);
}

/**
 * Check that a value passed downstream as a {@link funnelPlot} result has its shape (the
 * renderers and {@link funnelLimits} take results that may have been edited or parsed from
 * JSON): an `invalid-value` QiError naming the first bad field.
 */
export function assertFunnelPlot(r: unknown, path: QiPath = ["result"]): asserts r is FunnelPlot {
  if (r === null || typeof r !== "object" || Array.isArray(r)) throw bad(path, "a funnelPlot result", r);
  const f = r as Record<string, unknown>;
  oneOf(f.type, ["proportion", "standardised-ratio", "ratio-of-counts"], [...path, "type"]);
  oneOf(f.srMethod, ["shmi", "cqc", null], [...path, "srMethod"]);
  oneOf(f.limitsUsed, ["adjusted", "unadjusted", "none"], [...path, "limitsUsed"]);
  for (const k of ["drawAdjusted", "drawUnadjusted"]) if (typeof f[k] !== "boolean") throw bad([...path, k], "true or false", f[k]);
  for (const k of ["target", "multiplier"]) {
    const v = f[k];
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || (k === "multiplier" && v === 0)) throw bad([...path, k], "a finite number ≥ 0", v);
  }
  for (const k of ["phi", "tau2"]) {
    const v = f[k];
    if (typeof v !== "number" || !(v >= 0)) throw bad([...path, k], "a number ≥ 0", v);
  }
  if (!Array.isArray(f.groups)) throw bad([...path, "groups"], "an array", f.groups);
  f.groups.forEach((g: unknown, i) => assertGroup(g, [...path, "groups", i]));
  // leftOut: since 0.2 (user trial 16); a result saved by 0.1.0 has none, and left none out.
  if (f.leftOut !== undefined) {
    if (!Array.isArray(f.leftOut)) throw bad([...path, "leftOut"], "an array", f.leftOut);
    f.leftOut.forEach((l: unknown, i) => assertLeftOut(l, [...path, "leftOut", i]));
  }
}

function assertLeftOut(l: unknown, path: QiPath): void {
  if (l === null || typeof l !== "object" || Array.isArray(l)) throw bad(path, "an organisation left out", l);
  const o = l as Record<string, unknown>;
  const key = o.group;
  if (!((typeof key === "string" && key !== "") || (typeof key === "number" && Number.isFinite(key)))) throw bad([...path, "group"], "a non-empty string or a finite number", key);
  oneOf(o.reason, ["suppressed"], [...path, "reason"]);
  if (!Array.isArray(o.cells)) throw bad([...path, "cells"], "an array", o.cells);
}

function assertGroup(g: unknown, path: QiPath): void {
  if (g === null || typeof g !== "object" || Array.isArray(g)) throw bad(path, "an organisation", g);
  const o = g as Record<string, unknown>;
  const key = o.group;
  if (!((typeof key === "string" && key !== "") || (typeof key === "number" && Number.isFinite(key)))) throw bad([...path, "group"], "a non-empty string or a finite number", key);
  for (const k of NUMBERS) {
    const v = o[k];
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw bad([...path, k], "a finite number ≥ 0", v);
  }
  if (!((o.denominatorUsed as number) > 0)) throw bad([...path, "denominatorUsed"], "a positive number", o.denominatorUsed);
  for (const k of ["outlier95", "outlier998"]) if (typeof o[k] !== "boolean") throw bad([...path, k], "true or false", o[k]);
  oneOf(o.side, ["high", "low", "within"], [...path, "side"]);
  const l = o.limits;
  if (l === null || typeof l !== "object") throw bad([...path, "limits"], "an object of limits", l);
  for (const k of LIMITS) {
    const v = (l as Record<string, unknown>)[k];
    if (typeof v !== "number") throw bad([...path, "limits", k], "a number", v);
  }
}
