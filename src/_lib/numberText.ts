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

/** A number written with thousands separators, as a spreadsheet shows it: `1,190`, `14,275.5`. */
const THOUSANDS = /^([+-]?)(\d{1,3}(?:,\d{3})+)(\.\d*)?$/;
/** A percentage, as a spreadsheet shows one: `47.4%`, `47.4 %`. */
const PERCENT = /^(.*?)\s?%$/;

/**
 * What to do about a text that is not a number but is one as a spreadsheet displays it: thousands
 * separators (`1,190`: "remove the thousands separator (1190)") or a per cent sign (`47.4%`:
 * "remove the % sign (47.4)"). Neither is read as the number: `1,190` is 1.19 in much of Europe,
 * and 47.4% may be 47.4 or 0.474 to the reader; null for any other text. `percent`: what else to
 * say of a percentage (where its count and denominator go), after "; ".
 * @example
 * numberTextAdvice("1,190")
 * //=> "remove the thousands separator (1190)"
 * numberTextAdvice("47.4%")
 * //=> "remove the % sign (47.4)"
 */
export function numberTextAdvice(text: string, percent?: string): string | null {
  const t = text.trim();
  const k = THOUSANDS.exec(t);
  if (k !== null) return `remove the thousands separator${(k[2]!.match(/,/g) ?? []).length > 1 ? "s" : ""} (${k[1]}${k[2]!.replace(/,/g, "")}${k[3] ?? ""})`;
  const p = PERCENT.exec(t);
  if (p !== null) {
    const plain = p[1]!.trim();
    const k2 = THOUSANDS.exec(plain);
    const digits = k2 !== null ? `${k2[1]}${k2[2]!.replace(/,/g, "")}${k2[3] ?? ""}` : plain;
    if (Number.isFinite(decimal(digits))) return `remove the % sign${k2 !== null ? " and the thousands separator" : ""} (${digits})${percent !== undefined ? `; ${percent}` : ""}`;
  }
  return null;
}

/**
 * The marks published tables put where they do not give a value: `*` or `c` (suppressed: too few
 * to publish), `..` or `:` (not available), `[c]`, `[x]`, `[z]`, `[low]` (the GSS and ONS symbols),
 * `-` or `–` (nil or not available), `n/a`, `low`. The CLI's `--na` hint asks the same list
 * (src/cli/naTexts.ts, through the public isSuppressionMark).
 */
const SUPPRESSION_MARK = /^(\*+|\.\.|:|-|–|c|x|\[[a-z]+\]|n\/a|na|low)$/i;

/**
 * Whether a text (spaces around it allowed) is one of the marks published tables put where they
 * do not give a value: `*`, `c`, `..`, `:`, `[c]`, `[x]`, `[z]`, `-`, `n/a`, `low`… (see
 * SUPPRESSION_MARK). The charts and `funnelPlot` refuse such a cell with a hint; use this to leave
 * the rows out yourself, or give the marks to `funnelPlot`'s `suppressed`.
 *
 * @example
 * isSuppressionMark("[c]") //=> true
 * isSuppressionMark(" * ") //=> true
 * isSuppressionMark("12") //=> false
 * isSuppressionMark(null) //=> false
 */
export function isSuppressionMark(text: unknown): boolean {
  return typeof text === "string" && SUPPRESSION_MARK.test(text.trim());
}
