import { isMissingNumberText } from "../_lib/numberText.js";

const TRUE_WORDS = new Set(["true", "yes"]);
const FALSE_WORDS = new Set(["false", "no"]);

/**
 * A yes/no column as 1/0: `TRUE`/`FALSE` (R, Excel), `yes`/`no` (any case), `1`/`0`, JSON
 * `true`/`false`; blank, `NA` and `NaN` → null. Returns null when the column is not such a column (a value that
 * is none of these) or holds no words at all (then it is an ordinary number column).
 *
 * @example
 * logicalColumn(["TRUE", "FALSE", "", "yes"]) //=> [1, 0, null, 1]
 * logicalColumn(["1", "0"])                   //=> null (plain numbers)
 */
export function logicalColumn(values: readonly unknown[]): (number | null)[] | null {
  const out: (number | null)[] = new Array(values.length);
  let words = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) out[i] = null;
    else if (typeof v === "boolean") (out[i] = v ? 1 : 0), words++;
    else if (v === 1 || v === 0) out[i] = v;
    else if (typeof v === "string") {
      const s = v.trim().toLowerCase();
      if (isMissingNumberText(v)) out[i] = null; // blank, NA, NaN: src/_lib/numberText.ts
      else if (s === "1" || s === "0") out[i] = Number(s);
      else if (TRUE_WORDS.has(s)) (out[i] = 1), words++;
      else if (FALSE_WORDS.has(s)) (out[i] = 0), words++;
      else return null;
    } else return null;
  }
  return words > 0 ? out : null;
}
