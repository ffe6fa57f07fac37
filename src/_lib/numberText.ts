// How a number written as text is read, one rule for the library (readNumbers, src/_lib/series.ts)
// and the CLI (every number cell and numeric flag, src/cli/convert.ts and cells.ts). The rule is
// documented in docs/reliability.md ("Numbers written as text").

/**
 * A plain decimal (`12`, `12.5`, `-3`, `.5`, `5.`, `1e3`), spaces around it allowed. `Number()`
 * alone also reads `0x1A`, `0b11`, `0o17` and `Infinity` (as 26, 3, 15 and ∞) and reads a text of
 * spaces as 0: none of them is a value a QI series holds.
 */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The texts that are a missing value where a number is expected (after trimming spaces): blank,
 * `NA` (R's missing value, as `write.csv` writes it) and `NaN` (a number that does not exist, as
 * R and pandas write one). Case matters: `na`, `n/a`, `N/A` and `-` are not numbers.
 */
export const MISSING_NUMBER_TEXTS: readonly string[] = ["", "NA", "NaN"];

/** A text as a plain decimal number, or NaN when it is not one (hexadecimal, `Infinity`, words, a missing value). */
export function decimal(text: string): number {
  const t = text.trim();
  return DECIMAL.test(t) ? Number(t) : Number.NaN;
}

/** Whether a text is a missing value where a number is expected: blank, `NA` or `NaN` (see {@link MISSING_NUMBER_TEXTS}). */
export function isMissingNumberText(text: string): boolean {
  return MISSING_NUMBER_TEXTS.includes(text.trim());
}
