import { QiError, describeValue } from "../_lib/error.js";
import { decimal, isMissingNumberText } from "../_lib/numberText.js";
import { checkKeys, enumOption, numberOption, objectOption } from "../_lib/options.js";
import type { FunnelSrMethod, FunnelType } from "./types.js";

const KEYS = ["group", "numerator", "denominator", "type", "srMethod", "overdispersion", "unadjusted", "trim", "multiplier", "shmiRounding", "groups", "suppressed"] as const;
const TYPES: readonly FunnelType[] = ["proportion", "standardised-ratio", "ratio-of-counts"];
const SR_METHODS: readonly FunnelSrMethod[] = ["shmi", "cqc"];

/** Options after defaults and checks. Defaults follow FunnelPlotR 0.6.0 except `type`. */
export interface ResolvedFunnelOptions {
  type: FunnelType;
  srMethod: FunnelSrMethod;
  overdispersion: boolean;
  unadjusted: boolean;
  trim: number;
  multiplier: number;
  shmiRounding: boolean;
  groups: readonly (string | number)[] | undefined;
  /** The marks of a suppressed value, trimmed (empty: none). */
  suppressed: ReadonlySet<string>;
}

function booleanOption(value: unknown, name: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") throw new QiError("invalid-option", ["options", name], `${name} must be true or false, not ${describeValue(value)}`);
  return value;
}

/** Check the options object: unknown keys, values out of domain, options that cannot apply. */
export function resolveFunnelOptions(options: unknown): ResolvedFunnelOptions {
  const o = objectOption(options, ["options"]);
  checkKeys(o, KEYS, ["options"], "option");
  for (const k of ["group", "numerator", "denominator"] as const) {
    if (typeof o[k] !== "string" && typeof o[k] !== "function") {
      throw new QiError("invalid-option", ["options", k], `${k} must be a field name or a function, not ${describeValue(o[k])}`);
    }
  }
  const type = o.type === undefined ? "proportion" : enumOption(o.type, TYPES, ["options", "type"]);
  const sr = type === "standardised-ratio";
  if (!sr && o.srMethod !== undefined) throw new QiError("invalid-option", ["options", "srMethod"], `srMethod applies to standardised ratios only, not to type "${type}"`);
  const srMethod = o.srMethod === undefined ? "shmi" : enumOption(o.srMethod, SR_METHODS, ["options", "srMethod"]);
  if (!(sr && srMethod === "shmi") && o.shmiRounding !== undefined) {
    throw new QiError("invalid-option", ["options", "shmiRounding"], "shmiRounding applies to standardised ratios with srMethod \"shmi\" only");
  }
  const trim = o.trim === undefined ? 0.1 : numberOption(o.trim, ["options", "trim"], (v) => v > 0 && v < 0.5, "a fraction above 0 and below 0.5");
  const multiplier = o.multiplier === undefined ? 1 : numberOption(o.multiplier, ["options", "multiplier"], (v) => v > 0, "a positive number");
  const overdispersion = booleanOption(o.overdispersion, "overdispersion", true);
  return {
    type,
    srMethod,
    overdispersion,
    // FunnelPlotR's draw_unadjusted defaults to FALSE even with draw_adjusted = FALSE, which leaves
    // no limits at all; here turning overdispersion off gives the unadjusted limits unless asked not to
    unadjusted: booleanOption(o.unadjusted, "unadjusted", !overdispersion),
    trim,
    multiplier,
    shmiRounding: booleanOption(o.shmiRounding, "shmiRounding", true),
    groups: o.groups === undefined ? undefined : groupList(o.groups),
    suppressed: o.suppressed === undefined ? new Set() : markList(o.suppressed),
  };
}

/**
 * `suppressed`: the texts a published table writes for a value it does not give (`"*"`, `"[c]"`),
 * each non-blank and not a number (a number is a value) nor a missing value (blank, NA: an error
 * of its own, a count not given), compared after trimming spaces.
 */
function markList(value: unknown): ReadonlySet<string> {
  if (!Array.isArray(value)) throw new QiError("invalid-option", ["options", "suppressed"], `suppressed must be an array of the texts that mark a suppressed value (such as ["*", "[c]"]), not ${describeValue(value)}`);
  return new Set(
    value.map((m: unknown, i) => {
      const path = ["options", "suppressed", i];
      if (typeof m !== "string") throw new QiError("invalid-option", path, `a mark of a suppressed value must be a text (such as "*"), not ${describeValue(m)}`);
      const t = m.trim();
      if (t === "" || isMissingNumberText(t)) throw new QiError("invalid-option", path, `${describeValue(m)} is a missing value, not a mark of a suppressed one: a count not given is an error (leave the row out, or give its count)`);
      if (Number.isFinite(decimal(t))) throw new QiError("invalid-option", path, `${describeValue(m)} is a number, not a mark of a suppressed value`);
      return t;
    }),
  );
}

function groupList(value: unknown): (string | number)[] {
  if (!Array.isArray(value)) throw new QiError("invalid-option", ["options", "groups"], `groups must be an array of group names, not ${describeValue(value)}`);
  const seen = new Set<unknown>();
  return value.map((g: unknown, i) => {
    if (!isGroupKey(g)) throw new QiError("invalid-option", ["options", "groups", i], `a group must be a non-empty string or a finite number, not ${describeValue(g)}`);
    if (seen.has(g)) throw new QiError("invalid-option", ["options", "groups", i], `group ${describeValue(g)} is listed twice`);
    seen.add(g);
    return g;
  });
}

/** A usable group key: a non-empty string or a finite number. */
export function isGroupKey(g: unknown): g is string | number {
  return (typeof g === "string" && g !== "") || (typeof g === "number" && Number.isFinite(g));
}
