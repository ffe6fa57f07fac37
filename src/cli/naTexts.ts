import { UsageError, quote } from "./errors.js";

// Published tables mark a value they do not give: "*" or "c" (suppressed: too few to publish),
// ".." or ":" (not available), "[c]", "[x]", "[z]" (the ONS and GSS symbols), "-" (nil). `--na TEXT`
// names the marks a file uses: such cells are gaps, counted in a note. Without it they stay errors,
// whose message suggests the flag when a cell looks like such a mark.

/** The texts `--na` reads as gaps in the value columns, and how many cells each was found in. */
export class NaTexts {
  private readonly texts: ReadonlySet<string>;
  private readonly found = new Map<string, Map<string, number>>();

  constructor(
    readonly command: string,
    texts: readonly string[],
  ) {
    for (const t of texts) if (t.trim() === "") throw new UsageError(`--na needs a text (such as "*" or ".."); blank cells are gaps already`, command);
    this.texts = new Set(texts.map((t) => t.trim()));
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
    if (this.texts.size === 0) return [];
    const out: { code: string; message: string }[] = [];
    const seen = new Set<string>();
    const parts = [...this.found].map(([column, byText]) => `column ${column}: ${[...byText].map(([t, n]) => (seen.add(t), `${quote(t)} ×${n}`)).join(", ")}`);
    const total = [...this.found.values()].reduce((s, m) => s + [...m.values()].reduce((a, b) => a + b, 0), 0);
    if (total > 0) out.push({ code: "na-gaps", message: `--na: ${total} cell${total === 1 ? "" : "s"} read as gaps (${parts.join("; ")})` });
    const unused = [...this.texts].filter((t) => !seen.has(t));
    if (unused.length > 0) out.push({ code: "na-unused", message: `--na ${unused.map(quote).join(", ")}: no cell of the value columns has ${unused.length === 1 ? "it" : "them"}` });
    return out;
  }
}

const MARK = /^(\*+|\.\.|:|-|–|c|\[[a-z]+\]|n\/a|na|low)$/i;

/**
 * " (a mark for a value not given? --na '*' reads such cells as gaps)" after "is not a number",
 * for a cell that looks like one, in a command that has `--na` (`na` given).
 */
export function naHint(text: unknown, na: NaTexts | undefined): string {
  return na !== undefined && typeof text === "string" && MARK.test(text.trim()) ? ` (a mark for a value not given? --na ${quote(text.trim())} reads such cells as gaps)` : "";
}
