import { decimal } from "./convert.js";
import { numberTextAdvice } from "../_lib/numberText.js";
import { parseArgs } from "node:util";
import { UsageError, quote } from "./errors.js";
import { nearestName } from "./lib.js";

/** A flag of a command. */
export interface FlagSpec {
  type: "string" | "boolean";
  multiple?: boolean;
  short?: string;
}

export type FlagValues = Record<string, string | boolean | string[] | undefined>;

export interface ParsedArgs {
  values: FlagValues;
  positionals: string[];
  /** `--target-STAGE DAYS` flags (timescales), by stage id. */
  targets: Map<string, string>;
}

/**
 * Parse a command's arguments with node:util `parseArgs` (strict): an unknown flag, a missing
 * value, a stray argument or a single-value flag given twice (parseArgs would keep the last one
 * without a word) is a {@link UsageError} (exit 2).
 */
export function parseCommandArgs(
  command: string,
  argv: readonly string[],
  spec: Record<string, FlagSpec>,
  positionals: { min: number; max: number; what: string },
  dynamicTargets = false,
): ParsedArgs {
  const rest: string[] = [];
  const targets = new Map<string, string>();
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k]!;
    const m = dynamicTargets ? /^--target-([A-Za-z0-9_-]+)(?:=(.*))?$/.exec(a) : null;
    if (m === null) {
      rest.push(a);
      if (a === "--") for (k++; k < argv.length; k++) rest.push(argv[k]!);
      continue;
    }
    let value = m[2];
    if (value === undefined) {
      value = argv[k + 1];
      if (value === undefined || value.startsWith("--")) throw new UsageError(`${a} needs a number of days`, command);
      k++;
    }
    const before = targets.get(m[1]!);
    if (before !== undefined) throw new UsageError(givenTwice(`--target-${m[1]!}`, [before, value]), command);
    targets.set(m[1]!, value);
  }
  let parsed: { values: FlagValues; positionals: string[]; tokens: ParsedToken[] };
  try {
    parsed = parseArgs({ args: rest, options: spec, strict: true, allowPositionals: true, tokens: true }) as unknown as typeof parsed;
  } catch (e) {
    const err = e as Error & { code?: string };
    let msg = err.message;
    if (err.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const flag = /'([^']+)'/.exec(msg)?.[1] ?? "";
      msg = `unknown option ${quote(flag)}`;
    } else if (err.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      msg = msg.replace(/^Option /, "option ");
    }
    throw new UsageError(msg, command);
  }
  checkRepeats(command, spec, parsed.tokens);
  for (const [flag, what] of PATH_FLAGS) {
    const v = parsed.values[flag];
    const blank = (x: unknown): boolean => typeof x === "string" && x.trim() === "";
    if (blank(v) || (Array.isArray(v) && v.some(blank))) throw new UsageError(`--${flag} needs a ${what}`, command);
  }
  const n = parsed.positionals.length;
  if (n < positionals.min) throw new UsageError(`missing ${positionals.what}`, command);
  if (n > positionals.max) throw new UsageError(`unexpected argument ${quote(parsed.positionals[positionals.max])}`, command);
  return { values: parsed.values, positionals: parsed.positionals, targets };
}

/** An option token of parseArgs (`tokens: true`). */
type ParsedToken = { kind: string; name?: string; value?: string };

/** A flag that is not `multiple` given more than once is a usage error naming it and its values. */
function checkRepeats(command: string, spec: Record<string, FlagSpec>, tokens: readonly ParsedToken[]): void {
  const seen = new Map<string, (string | undefined)[]>();
  for (const t of tokens) {
    if (t.kind !== "option" || t.name === undefined || spec[t.name]?.multiple === true) continue;
    const values = seen.get(t.name) ?? [];
    values.push(t.value);
    seen.set(t.name, values);
    if (values.length === 2) throw new UsageError(givenTwice(`--${t.name}`, values), command);
  }
}

/** "--y given twice ('a', 'b'): give it once" (a switch's message has no values). */
function givenTwice(flag: string, values: readonly (string | undefined)[]): string {
  const shown = values.every((v) => v !== undefined) ? ` (${values.map((v) => quote(v)).join(", ")})` : "";
  return `${flag} given twice${shown}: give it once`;
}

/** Flags naming a file or folder: an empty (or all-space) name is a usage error, found before anything is read or written. */
const PATH_FLAGS = [
  ["out", "file or folder name"],
  ["svg", "file name"],
  ["html", "file name"],
  ["csv", "file name"],
  ["mapping", "file name"],
  ["data", "folder name"],
] as const;

/** A string flag's value (a flag given twice is refused by {@link parseCommandArgs}; of a `multiple` flag, the last). */
export function stringFlag(values: FlagValues, name: string): string | undefined {
  const v = values[name];
  if (Array.isArray(v)) return v[v.length - 1];
  return typeof v === "string" ? v : undefined;
}

/** A repeatable string flag's values. */
export function listFlag(values: FlagValues, name: string): string[] {
  const v = values[name];
  if (Array.isArray(v)) return v;
  return typeof v === "string" ? [v] : [];
}

/** A flag restricted to a list of words. */
export function enumFlag<T extends string>(command: string, flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const near = nearestName(value, allowed);
  throw new UsageError(`--${flag} ${quote(value)} is not one of: ${allowed.join(", ")}${near === undefined ? "" : `; did you mean --${flag} ${near}?`}`, command);
}

/** A whole-number flag (≥ min). */
export function intFlag(command: string, flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^[+-]?\d+$/.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min) throw new UsageError(`--${flag} ${quote(value)} must be a whole number${min === 0 ? " ≥ 0" : min === 1 ? " ≥ 1" : ` ≥ ${min}`}`, command);
  return n;
}

/** A numeric flag. */
export function numberFlag(command: string, flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = decimal(value); // plain decimals only: not 0x1A, 0b11, 0o17 or Infinity
  if (!Number.isFinite(n)) {
    const advice = numberTextAdvice(value); // "1,190", "60%": say what to do (src/_lib/numberText.ts)
    throw new UsageError(`--${flag} ${quote(value)} is not a number${advice === null ? "" : `: ${advice}`}`, command);
  }
  return n;
}

/** `--delimiter`: one character, or `tab`. */
export function delimiterFlag(command: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value === "tab" || value === "\\t") return "\t";
  if (value.length === 1 && value !== '"' && value !== "\n" && value !== "\r") return value;
  throw new UsageError(`--delimiter ${quote(value)} must be one character (e.g. ";") or "tab"`, command);
}

