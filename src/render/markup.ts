import { QiError, describeValue } from "../_lib/error.js";

/** A one-part template strings array: what a tagged template passes its tag as `strings`. */
export type MarkupTemplate = readonly [string] & { readonly raw: readonly [string] };

/**
 * Markup from a render function (`renderRunChart`, `renderReport`, …) as a one-part template
 * strings array, for the `html` and `svg` tags of Observable notebooks and Framework. Those tags
 * escape an interpolated string (`` html`${svg}` `` shows the SVG's source as text); called with
 * this instead — `html(markup(svg))` — they parse it as markup, as they would the literal text of
 * a template. Both readings of a template are served: Hypertext Literal (Observable Framework,
 * the current notebook `html`) reads `strings.raw`, the classic notebook `html` reads `strings[0]`.
 * No DOM is touched here; the tag builds the element. Plain data: JSON gives `["<svg …"]`.
 *
 * @example
 * const m = markup("<svg></svg>");
 * m[0] === m.raw[0] //=> true
 * String.raw(m) //=> "<svg></svg>"
 */
export function markup(text: string): MarkupTemplate {
  if (typeof text !== "string") throw new QiError("invalid-option", ["text"], `markup needs the string a render function returned, not ${describeValue(text)}`);
  const strings = [text] as unknown as [string] & { raw: readonly [string] };
  Object.defineProperty(strings, "raw", { value: Object.freeze([text]) });
  return Object.freeze(strings) as MarkupTemplate;
}
