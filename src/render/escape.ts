import { QiError, describeValue } from "../_lib/error.js";

// Characters XML 1.0 does not allow at all (C0 controls other than tab, newline and carriage return;
// lone surrogates; U+FFFE and U+FFFF). They are replaced so the output always parses.
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPECIAL = /[&<>"']/g;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Escape text for SVG or HTML, in element content and in quoted attribute values: `&`, `<`, `>`,
 * `"` and `'` become entities, and characters XML 1.0 forbids (control characters, lone
 * surrogates) become U+FFFD, so a hostile label renders as text and the document still parses.
 *
 * @example
 * escapeXml(`</svg><script>alert("1")</script>`)
 * //=> "&lt;/svg&gt;&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt;"
 */
export function escapeXml(text: string): string {
  return textOf(text, ["text"]).replace(INVALID_XML, "\uFFFD").replace(SPECIAL, (c) => ENTITY[c]!);
}

/**
 * @internal Text from a value the caller passed as text: a string as it is, a number, boolean,
 * bigint, symbol, null or undefined as `String()` writes it; an object (which `String()` would
 * ask for its own toString — absent on a null-prototype object) is an `invalid-value` error.
 */
export function textOf(value: unknown, path: ReadonlyArray<string | number>): string {
  if (typeof value === "string") return value;
  if (value === null || (typeof value !== "object" && typeof value !== "function")) return String(value);
  throw new QiError("invalid-value", path, `${path[path.length - 1] ?? "text"} must be text, not ${describeValue(value)}`);
}
