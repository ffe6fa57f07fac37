import { QiError, describeValue } from "../_lib/error.js";
import { textOf } from "./escape.js";
import { glyphEm } from "./theme.js";

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
  return wrapLines(textOf(text, ["text"]), Math.max(1, Math.floor(maxChars)), null);
}

/**
 * @internal A title (`bold`) or subtitle wrapped to `width` px at `fontSize` px: {@link wrapText}'s
 * rule, with each character counted at its estimated width ({@link glyphEm}, the widest common
 * sans-serif face) instead of one average width, so no line runs past `width` (a user trial's
 * bold title did, by a word, at 0.56 em a character).
 */
export function wrapToWidth(text: string, width: number, fontSize: number, bold: boolean): string[] {
  return wrapLines(textOf(text, ["text"]), Math.max(0, width / fontSize), (ch) => glyphEm(ch, bold));
}

/**
 * The one wrapping rule: greedy at spaces, a word longer than a line split where it fills one
 * (at least one character a line). `limit` is in characters when `widthOf` is null (every
 * character and space 1), else in the units of `widthOf`. An index, not repeated slicing: a long
 * word (a 300 KB id) costs linear time, not quadratic.
 */
function wrapLines(text: string, limit: number, widthOf: ((ch: string) => number) | null): string[] {
  const space = widthOf === null ? 1 : widthOf(" ");
  const lines: string[] = [];
  for (const paragraph of text.split(/\r?\n/)) {
    let line: string[] = [];
    let length = 0;
    const words = paragraph.split(/\s+/).filter((w) => w !== "");
    if (words.length === 0) {
      lines.push("");
      continue;
    }
    for (const word of words) {
      const all = [...word];
      const widths = widthOf === null ? null : all.map(widthOf);
      let from = 0;
      let rest = widths === null ? all.length : sum(widths, 0, all.length);
      while (rest > limit) {
        if (length > 0) {
          lines.push(line.join(""));
          line = [];
          length = 0;
        }
        const to = widths === null ? from + limit : fill(widths, from, limit);
        lines.push(all.slice(from, to).join(""));
        rest -= widths === null ? to - from : sum(widths, from, to);
        from = to;
      }
      if (from === all.length) continue;
      const chars = from === 0 ? word : all.slice(from).join("");
      if (length > 0 && length + space + rest > limit) {
        lines.push(line.join(""));
        line = [];
        length = 0;
      }
      if (length > 0) {
        line.push(" ");
        length += space;
      }
      line.push(chars);
      length += rest;
    }
    if (length > 0) lines.push(line.join(""));
  }
  return lines;
}

function sum(widths: readonly number[], from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += widths[i]!;
  return s;
}

/** The end of the longest run of characters from `from` that fits in `limit` (at least one character). */
function fill(widths: readonly number[], from: number, limit: number): number {
  let w = widths[from]!;
  let to = from + 1;
  while (to < widths.length && w + widths[to]! <= limit) w += widths[to++]!;
  return to;
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
