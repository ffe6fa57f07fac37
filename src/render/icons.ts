import type { MdcIconWords } from "../spc/mdcText.js";
import type { Assurance, Variation } from "../spc/types.js";
import { escapeXml } from "./escape.js";
import { px } from "./number.js";
import { THEME } from "./theme.js";

/** @internal Diameter of a Making Data Count icon, in px. */
export const ICON_SIZE = 40;

/** @internal Gap between the two icons, in px (room for their captions). */
export const ICON_GAP = 18;

/** @internal Height of the icons with their captions, in px. */
export const ICONS_HEIGHT = ICON_SIZE + 14;

const COMMON = "#7f7f7f";

const VARIATION_COLOUR: Record<Variation, string> = {
  "common-cause": COMMON,
  improvement: THEME.improvement,
  concern: THEME.deterioration,
  "neutral-high": THEME.neutral,
  "neutral-low": THEME.neutral,
};

const ASSURANCE_COLOUR: Record<Assurance, string> = { pass: THEME.improvement, fail: THEME.deterioration, inconsistent: COMMON };

/**
 * Letters drawn as strokes in a 8 × 12 box with its top-left corner at the origin (no font is
 * needed, so the icons look the same everywhere): H and L (high, low) for variation, P, F and ?
 * (pass, fail, hit and miss) for assurance, as the NHS England Making Data Count icons.
 */
const LETTERS: Record<string, string> = {
  H: "M0,0V12M8,0V12M0,6H8",
  L: "M0,0V12H8",
  P: "M0,12V0H5A3,3 0 0 1 5,6H0",
  F: "M8,0H0V12M0,6H6",
  "?": "M0,3A4,3.2 0 1 1 4,6.4V8.5M4,11.2V12",
};

function letter(ch: string, cx: number, cy: number, colour: string): string {
  return `<path d="${LETTERS[ch]!}" transform="translate(${px(cx - 4)},${px(cy - 6)})" fill="none" stroke="${colour}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`;
}

/**
 * @internal The variation and assurance icons of Making Data Count, drawn as SVG shapes at
 * (x, y) (top-left of the pair), each with a `<title>` and an `aria-label` saying what it means.
 * Variation: a ring in the signal's colour (grey common cause, blue improvement, orange concern,
 * purple neutral) with H or L for a high or low special cause, and a small row of dots; a
 * special cause's last dots leave the row; a last phase with too few points for a verdict
 * (`words.tooFew`) a dashed grey ring with "?", as the summary board's "too few points". Assurance: a ring (blue pass, orange fail, grey hit
 * and miss) with P, F or ?; judged against limits from before a change, a dashed grey ring with "?".
 */
export function drawIcons(words: MdcIconWords, x: number, y: number, id: string): string {
  const r = ICON_SIZE / 2 - 2;
  const out: string[] = [`<g class="mdc-icons" id="${id}-icons">`];
  const cy = y + ICON_SIZE / 2;
  // Variation.
  const v = words.variation;
  const vx = x + ICON_SIZE / 2;
  const vText = words.variationText;
  if (words.tooFew) {
    out.push(tooFewIcon(vx, cy, r, vText));
  } else if (v !== null) {
    const colour = VARIATION_COLOUR[v];
    const dir = words.side;
    out.push(`<g class="mdc-icon variation ${v}" role="img" aria-label="${escapeXml(vText)}"><title>${escapeXml(vText)}</title>`);
    out.push(`<circle cx="${px(vx)}" cy="${px(cy)}" r="${px(r)}" fill="${THEME.background}" stroke="${colour}" stroke-width="3"/>`);
    out.push(runDots(dir, vx, cy, colour));
    if (dir !== 0) out.push(letter(dir === 1 ? "H" : "L", vx, cy - 6, colour));
    out.push("</g>");
  } else {
    out.push(emptyIcon(vx, cy, r, vText, "variation"));
  }
  // Assurance.
  const a = words.assurance;
  const ax = x + ICON_SIZE + ICON_GAP + ICON_SIZE / 2;
  const aText = words.assuranceText;
  if (a !== null && words.assuranceBeforeChange) {
    out.push(notJudgedIcon(ax, cy, r, aText));
  } else if (a !== null) {
    const colour = ASSURANCE_COLOUR[a];
    out.push(`<g class="mdc-icon assurance ${a}" role="img" aria-label="${escapeXml(aText)}"><title>${escapeXml(aText)}</title>`);
    out.push(`<circle cx="${px(ax)}" cy="${px(cy)}" r="${px(r)}" fill="${THEME.background}" stroke="${colour}" stroke-width="3"/>`);
    out.push(letter(a === "pass" ? "P" : a === "fail" ? "F" : "?", ax, cy, colour));
    out.push("</g>");
  } else {
    out.push(emptyIcon(ax, cy, r, aText, "assurance"));
  }
  out.push(
    `<text x="${px(vx)}" y="${px(y + ICON_SIZE + 9)}" font-size="9" text-anchor="middle" fill="${THEME.muted}">Variation</text>`,
    `<text x="${px(ax)}" y="${px(y + ICON_SIZE + 9)}" font-size="9" text-anchor="middle" fill="${THEME.muted}">Assurance</text>`,
  );
  out.push("</g>");
  return out.join("");
}

/** A row of seven dots under the letter; for a special cause the last three step up or down in the icon's colour. */
function runDots(dir: 1 | -1 | 0, cx: number, cy: number, colour: string): string {
  const wobble = [0.5, -0.5, 0.4, -0.4, 0.5, -0.5, 0.4];
  const out: string[] = [];
  for (let k = 0; k < 7; k++) {
    const special = dir !== 0 && k >= 4;
    const lift = special ? -dir * (k - 3) * 2 : wobble[k]! * 2;
    out.push(`<circle cx="${px(cx - 12 + k * 4)}" cy="${px(cy + 9 + lift)}" r="1.6" fill="${special ? colour : COMMON}"/>`);
  }
  return out.join("");
}

/** Too few points to tell special cause from common cause: a dashed grey ring with a "?" (no dots: they would read as common cause). */
function tooFewIcon(cx: number, cy: number, r: number, text: string): string {
  return `<g class="mdc-icon variation insufficient" role="img" aria-label="${escapeXml(text)}"><title>${escapeXml(text)}</title><circle cx="${px(cx)}" cy="${px(cy)}" r="${px(r)}" fill="${THEME.background}" stroke="${COMMON}" stroke-width="2" stroke-dasharray="4 3"/>${letter("?", cx, cy, COMMON)}</g>`;
}

/** Assurance against limits from before a change (words.assuranceBeforeChange): not judged, a dashed grey "?" as the words say. */
function notJudgedIcon(cx: number, cy: number, r: number, text: string): string {
  return `<g class="mdc-icon assurance before-change" role="img" aria-label="${escapeXml(text)}"><title>${escapeXml(text)}</title><circle cx="${px(cx)}" cy="${px(cy)}" r="${px(r)}" fill="${THEME.background}" stroke="${COMMON}" stroke-width="2" stroke-dasharray="4 3"/>${letter("?", cx, cy, COMMON)}</g>`;
}

function emptyIcon(cx: number, cy: number, r: number, text: string, kind: string): string {
  return `<g class="mdc-icon ${kind} none" role="img" aria-label="${escapeXml(text)}"><title>${escapeXml(text)}</title><circle cx="${px(cx)}" cy="${px(cy)}" r="${px(r)}" fill="${THEME.background}" stroke="${THEME.grid}" stroke-width="2" stroke-dasharray="3 3"/></g>`;
}
