import { UsageError, quote } from "./errors.js";
import { isSuppressionMark } from "./lib.js";

// Published tables mark a value they do not give: "*" or "c" (suppressed: too few to publish),
// ".." or ":" (not available), "[c]", "[x]", "[z]" (the ONS and GSS symbols), "-" (nil). `--na TEXT`
// names the marks a file uses: such cells are gaps, counted in a note. Without it they stay errors,
// whose message suggests the flag when a cell looks like such a mark.

// `--thousands`: UK tables write 1,190 for 1190. Read as a number only when asked (in much of
// Europe "1,190" is 1.19), only in the strict form of groups of three digits, and counted in a note.
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * The texts of value cells read otherwise than as plain decimals: those `--na` reads as gaps, and
 * with `--thousands` numbers written with thousands separators ("1,190"); how many cells each was
 * found in, for the notes.
 */
export class NaTexts {
  private readonly texts: ReadonlySet<string>;
  private readonly found = new Map<string, Map<string, number>>();
  private readonly grouped = new Map<string, number>();

  constructor(
    readonly command: string,
    texts: readonly string[],
    /** `--thousands`: read "1,190" as 1190. */
    readonly thousands = false,
  ) {
    for (const t of texts) if (t.trim() === "") throw new UsageError(`--na needs a text (such as "*" or ".."); blank cells are gaps already`, command);
    this.texts = new Set(texts.map((t) => t.trim()));
  }

  /** With `--thousands`, the number a cell of `column` writes with thousands separators ("1,190" → 1190), counted; else null. */
  number(column: string, text: string): number | null {
    const t = text.trim();
    if (!this.thousands || !GROUPED.test(t)) return null;
    this.grouped.set(column, (this.grouped.get(column) ?? 0) + 1);
    return Number(t.replaceAll(",", ""));
  }

  /** How `text` reads, without counting it: a gap (--na), a number (--thousands), or null (neither). */
  kind(text: string): "gap" | "number" | null {
    const t = text.trim();
    return this.texts.has(t) ? "gap" : this.thousands && GROUPED.test(t) ? "number" : null;
  }

  /** Whether a cell of `column` written `text` is a gap; counts it if so. */
  gap(column: string, text: string): boolean {
    const t = text.trim();
    if (!this.texts.has(t)) return false;
    let byText = this.found.get(column);
    if (byText === undefined) this.found.set(column, (byText = new Map()));
    byText.set(t, (byText.get(t) ?? 0) + 1);
    return true;
  }

  /** The note of what `--na` did: cells read as gaps by column, and any text no cell had. */
  notes(): { code: string; message: string }[] {
    const out: { code: string; message: string }[] = [];
    if (this.thousands) {
      const cells = [...this.grouped.values()].reduce((a, b) => a + b, 0);
      const where = [...this.grouped].map(([column, n]) => `column ${column} ×${n}`).join("; ");
      out.push({ code: "thousands", message: cells === 0 ? "--thousands: no cell of the value columns has a thousands separator" : `--thousands: ${cells} cell${cells === 1 ? "" : "s"} read with thousands separators removed (${where})` });
    }
    if (this.texts.size === 0) return out;
    const seen = new Set<string>();
    const parts = [...this.found].map(([column, byText]) => `column ${column}: ${[...byText].map(([t, n]) => (seen.add(t), `${quote(t)} ×${n}`)).join(", ")}`);
    const total = [...this.found.values()].reduce((s, m) => s + [...m.values()].reduce((a, b) => a + b, 0), 0);
    if (total > 0) out.push({ code: "na-gaps", message: `--na: ${total} cell${total === 1 ? "" : "s"} read as gaps (${parts.join("; ")})` });
    const unused = [...this.texts].filter((t) => !seen.has(t));
    if (unused.length > 0) out.push({ code: "na-unused", message: `--na ${unused.map(quote).join(", ")}: no cell of the value columns has ${unused.length === 1 ? "it" : "them"}` });
    return out;
  }
}

/**
 * " (a mark for a value not given? --na '*' reads such cells as gaps)" after "is not a number",
 * for a cell that looks like one, in a command that has `--na` (`na` given).
 */
export function naHint(text: unknown, na: NaTexts | undefined): string {
  return na !== undefined && typeof text === "string" && isSuppressionMark(text) ? ` (a mark for a value not given? --na ${quote(text.trim())} reads such cells as gaps)` : "";
}
