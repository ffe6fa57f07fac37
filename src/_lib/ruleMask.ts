/**
 * The rules a point takes part in, kept as one small integer per point (a bit per rule) rather
 * than an array per point. A million-point chart with tens of thousands of shifts and trends
 * otherwise allocates hundreds of thousands of small arrays. Each combination of rules becomes one
 * frozen array, created on first use and shared by every point with that combination, listed in
 * the order of `rules` (the order the analysis applies them).
 */
export interface RuleMask<R extends string> {
  /** The rules in bit order: rule k is bit 2^k. */
  readonly rules: readonly R[];
  /** The bit of a rule. */
  bit(rule: R): number;
  /** The shared frozen list of the rules in a mask. */
  list(mask: number): readonly R[];
}

/** A rule-mask codec for up to 31 rules. */
export function ruleMask<R extends string>(rules: readonly R[]): RuleMask<R> {
  if (rules.length > 31) throw new RangeError("ruleMask handles at most 31 rules");
  const bits = new Map<R, number>(rules.map((r, k) => [r, 2 ** k]));
  const lists = new Map<number, readonly R[]>();
  return {
    rules,
    bit: (rule) => bits.get(rule)!,
    list(mask) {
      let out = lists.get(mask);
      if (out === undefined) {
        out = Object.freeze(rules.filter((_, k) => (mask & (2 ** k)) !== 0));
        lists.set(mask, out);
      }
      return out;
    },
  };
}
