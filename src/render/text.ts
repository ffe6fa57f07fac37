import { QiError, describeValue } from "../_lib/error.js";
import { textOf } from "./escape.js";

/**
 * Wrap text into lines of at most `maxChars` characters, breaking at spaces (greedy, as most
 * word processors) and splitting words longer than a line. Deterministic: counts characters
 * (code points), never measures fonts. Linear in the length of the text.
 *
 * @example
 * wrapText("Early, shared planning for permanence", 16)
 * //=> ["Early, shared", "planning for", "permanence"]
 */
export function wrapText(text: string, maxChars: number): string[] {
  if (typeof maxChars !== "number") throw new QiError("invalid-value", ["maxChars"], `maxChars must be a number, not ${describeValue(maxChars)}`);
  const width = Math.max(1, Math.floor(maxChars));
  const lines: string[] = [];
  for (const paragraph of textOf(text, ["text"]).split(/\r?\n/)) {
    let line: string[] = [];
    let length = 0;
    const words = paragraph.split(/\s+/).filter((w) => w !== "");
    if (words.length === 0) {
      lines.push("");
      continue;
    }
    for (const word of words) {
      // An index, not repeated slicing: a long word (a 300 KB id) must cost linear time, not quadratic.
      const all = [...word];
      let from = 0;
      while (all.length - from > width) {
        if (length > 0) {
          lines.push(line.join(""));
          line = [];
          length = 0;
        }
        lines.push(all.slice(from, from + width).join(""));
        from += width;
      }
      const chars = from === 0 ? all : all.slice(from);
      if (chars.length === 0) continue;
      if (length > 0 && length + 1 + chars.length > width) {
        lines.push(line.join(""));
        line = [];
        length = 0;
      }
      if (length > 0) {
        line.push(" ");
        length++;
      }
      line.push(chars.join(""));
      length += chars.length;
    }
    if (length > 0) lines.push(line.join(""));
  }
  return lines;
}

/** @internal Shorten text to `maxChars` code points, ending with "…" when cut. */
export function truncate(text: string, maxChars: number): string {
  const chars = [...String(text)];
  if (chars.length <= maxChars) return chars.join("");
  if (maxChars <= 1) return "…";
  return `${chars.slice(0, maxChars - 1).join("").trimEnd()}…`;
}

/** @internal Shorten text to `maxChars` code points by cutting its middle ("Two-week meet…: PDSA 3"), so both ends stay readable. */
export function truncateMiddle(text: string, maxChars: number): string {
  const chars = [...String(text)];
  if (chars.length <= maxChars) return chars.join("");
  if (maxChars <= 1) return "…";
  const tail = Math.floor((maxChars - 1) * 0.4);
  const head = maxChars - 1 - tail;
  return `${chars.slice(0, head).join("").trimEnd()}…${chars.slice(chars.length - tail).join("").trimStart()}`;
}
