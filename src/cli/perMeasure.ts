import { UsageError, quote } from "./errors.js";

// `summary`'s --direction, --target and --unit, each repeatable: a plain VALUE for every series
// (at most one), and NAME=VALUE for the series of one measure (its name in --measure, or --y
// without it). A family of measures mixes "lower is better" days with "higher is better"
// percentages, a target of 26 weeks with one of 80 %: one value for all judges half of them
// wrongly (user trials 16 and 17). The name is everything before the last "=", so a measure named
// "n=5" is written "n=5=increase".

/** One flag's values: the plain one (undefined when not given) and each measure's own. */
export interface PerMeasure<T> {
  plain: T | undefined;
  named: Map<string, T>;
}

/** How one flag reads its values and names them in messages. */
export interface PerMeasureSpec<T> {
  /** The placeholder after NAME= in messages: "DIRECTION", "VALUE", "UNIT". */
  meta: string;
  /** What one value is, in "one direction for every series". */
  what: string;
  /** What may differ, in "for a measure whose better direction differs". */
  whose: string;
  /** The value of a plain flag (a usage error when it is not one). */
  plain(text: string): T;
  /** The value after NAME= (a usage error naming `written`, the whole NAME=VALUE). */
  named(text: string, name: string, written: string): T;
}

/** Read the repeated values of `--flag` (plain and NAME=VALUE); conflicting values are usage errors. */
export function perMeasureFlag<T>(command: string, flag: string, given: readonly string[], spec: PerMeasureSpec<T>): PerMeasure<T> {
  let plain: T | undefined;
  const named = new Map<string, T>();
  for (const v of given) {
    const eq = v.lastIndexOf("=");
    if (eq < 0) {
      const value = spec.plain(v);
      if (plain !== undefined && plain !== value) throw new UsageError(`--${flag} ${String(plain)} and --${flag} ${String(value)}: one ${spec.what} for every series; give NAME=${spec.meta} for a measure whose ${spec.whose} differs`, command);
      plain = value;
      continue;
    }
    const name = v.slice(0, eq).trim();
    const text = v.slice(eq + 1).trim();
    if (name === "") throw new UsageError(`--${flag} ${quote(v)}: no measure name before "="; write --${flag} "NAME=${text}"`, command);
    const value = spec.named(text, name, v);
    const before = named.get(name);
    if (before !== undefined && before !== value) throw new UsageError(`--${flag}: measure ${quote(name)} is given ${String(before)} and ${String(value)}; give it once`, command);
    named.set(name, value);
  }
  return { plain, named };
}
