/**
 * Colours and type for every pace-qi drawing. Signal colours come from the Okabe–Ito palette
 * (Okabe & Ito, "Color Universal Design", 2008; Wong, "Points of view: Color blindness",
 * Nature Methods 8:441, 2011), which stays distinguishable under the common colour-vision
 * deficiencies; each signal also has its own marker shape, so colour is never the only cue.
 */
export const THEME = {
  font: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  text: "#1a1a1a",
  muted: "#595959",
  grid: "#e6e6e6",
  axis: "#737373",
  line: "#8c8c8c",
  point: "#404040",
  centre: "#1a1a1a",
  limit: "#595959",
  sigma2: "#a6a6a6",
  target: "#E69F00",
  annotation: "#0072B2",
  background: "#ffffff",
  /** The target's value label (a darker amber than the line, for contrast on white). */
  targetText: "#8a5d00",
  /** Okabe–Ito blue, vermillion and reddish purple. */
  improvement: "#0072B2",
  deterioration: "#D55E00",
  neutral: "#CC79A7",
} as const;

/** Change-idea status badge colours (Okabe–Ito): a tint to fill, a colour to outline. */
export const STATUS_COLOURS: Record<string, { fill: string; stroke: string }> = {
  untested: { fill: "#f2f2f2", stroke: "#8c8c8c" },
  testing: { fill: "#fdf0d2", stroke: "#E69F00" },
  adopted: { fill: "#d6efe6", stroke: "#009E73" },
  adapted: { fill: "#dcebf7", stroke: "#0072B2" },
  abandoned: { fill: "#f9e0d0", stroke: "#D55E00" },
};

/** @internal Approximate width of one character of the sans-serif face, in em. */
export const CHAR_EM = 0.56;

/** @internal Approximate width of text in a sans-serif face: {@link CHAR_EM} em per character. */
export function textWidth(text: string, fontSize: number): number {
  return [...text].length * fontSize * CHAR_EM;
}

/** @internal How many characters of `fontSize` px text fit in `width` px (may be negative when none fit). */
export function charsIn(width: number, fontSize: number): number {
  return Math.floor(width / (fontSize * CHAR_EM));
}

/*
 * Advance widths, in em, of the printable ASCII characters (space to "~") in DejaVu Sans Bold and
 * Book: what THEME.font resolves to on most Linux systems (system-ui and sans-serif; Debian's
 * Chromium) and the widest of the common defaults (Segoe UI, San Francisco, Roboto, Helvetica and
 * Arial are narrower), so a line these widths fit fits in each. Measured in Chromium
 * (getComputedTextLength at 100 px, 2026-12-01). The 0.56 em of CHAR_EM is too narrow for bold
 * titles there (a user trial's title, 0.60 em a character, ran past the right edge and was cut).
 */
const BOLD_EM = [
  0.348, 0.456, 0.521, 0.838, 0.696, 1.002, 0.872, 0.306, 0.457, 0.457, 0.523, 0.838, 0.380, 0.415, 0.380, 0.365,
  0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.696, 0.400, 0.400, 0.838, 0.838, 0.838, 0.580,
  1.000, 0.774, 0.762, 0.734, 0.830, 0.683, 0.683, 0.821, 0.837, 0.372, 0.372, 0.775, 0.637, 0.995, 0.837, 0.850,
  0.733, 0.850, 0.770, 0.680, 0.703, 0.812, 0.774, 1.103, 0.771, 0.724, 0.725, 0.457, 0.365, 0.457, 0.838, 0.500,
  0.500, 0.675, 0.716, 0.593, 0.716, 0.678, 0.405, 0.716, 0.712, 0.343, 0.343, 0.665, 0.343, 1.042, 0.712, 0.687,
  0.716, 0.716, 0.493, 0.595, 0.478, 0.712, 0.652, 0.924, 0.645, 0.652, 0.582, 0.712, 0.365, 0.712, 0.838,
];
const BOOK_EM = [
  0.318, 0.401, 0.460, 0.838, 0.636, 0.950, 0.780, 0.275, 0.390, 0.390, 0.500, 0.838, 0.318, 0.361, 0.318, 0.337,
  0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.636, 0.337, 0.337, 0.838, 0.838, 0.838, 0.531,
  1.000, 0.709, 0.686, 0.698, 0.770, 0.632, 0.575, 0.775, 0.752, 0.295, 0.295, 0.656, 0.557, 0.863, 0.748, 0.787,
  0.603, 0.787, 0.695, 0.635, 0.595, 0.732, 0.684, 0.989, 0.685, 0.611, 0.685, 0.390, 0.337, 0.390, 0.838, 0.500,
  0.500, 0.613, 0.635, 0.550, 0.635, 0.615, 0.345, 0.635, 0.634, 0.278, 0.278, 0.579, 0.278, 0.974, 0.634, 0.612,
  0.635, 0.635, 0.395, 0.521, 0.392, 0.634, 0.592, 0.818, 0.592, 0.592, 0.525, 0.636, 0.337, 0.636, 0.838,
];

/**
 * @internal The least space, in px, between a title or subtitle line (measured by
 * {@link glyphEm}) and the right edge of the drawing: a line may use the right margin, as titles
 * always could, so a title that was drawn whole is not wrapped now; only one that ran past the
 * edge is.
 */
export const TITLE_EDGE = 2;

/**
 * @internal Estimated width in em of one character (a code point) of a title (`bold`) or a
 * subtitle: ASCII from the tables above; wide East Asian characters and emoji 1 em; any other
 * character at least as wide as a wide Latin letter or "×" (0.85 em bold, 0.8 book), "—" 1 em and
 * "…" 1.1 em (DejaVu's).
 */
export function glyphEm(ch: string, bold: boolean): number {
  const c = ch.codePointAt(0) ?? 32;
  if (c >= 32 && c < 127) return (bold ? BOLD_EM : BOOK_EM)[c - 32]!;
  if (c < 32) return 0;
  if ((c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || c >= 0x1f300) return 1;
  if (c === 0x2014) return 1;
  if (c === 0x2026) return 1.1;
  return bold ? 0.85 : 0.8;
}

/** @internal Type sizes of the run and control charts, in px. */
export const CHART_TYPE = {
  title: 16,
  /** The one-line title of a small-multiples panel. */
  compactTitle: 13,
  subtitle: 12,
  tick: 11,
  /** Axis labels. */
  label: 12,
  /** Phase, value and annotation labels, the caption. */
  small: 10.5,
} as const;

/** @internal Line styles of the run and control charts: dash patterns and stroke widths (px). */
export const CHART_LINES = {
  /** Lines extended beyond their baseline. */
  dash: "6 4",
  /** 2-sigma lines and annotation drop lines. */
  dot: "2 3",
  targetDash: "10 4",
  data: 1.5,
  centre: 1.5,
  limit: 1.25,
  sigma2: 1,
  target: 2,
  /** Opacity of an annotation's dotted line through the plot. */
  annotationOpacity: "0.7",
  /** Radius of an annotation's dot on the plot's top edge. */
  annotationDot: 2.5,
} as const;

/** @internal Spacing of the run and control charts, in px. */
export const CHART_SPACE = {
  /** Outer padding left and right of the header, legend and caption. */
  pad: 12,
  width: 720,
  height: 360,
  minWidth: 240,
  minHeight: 180,
  compactMinWidth: 160,
  compactMinHeight: 120,
  /** The smallest plot area height; the SVG grows past `height` to keep it. */
  minPlot: 120,
  /** Height of one annotation lane above the plot. */
  lane: 15,
  /** Annotation labels are shortened (in the middle) to this many characters. */
  annotationChars: 40,
  /** Height of the phase-label band above the plot. */
  phaseBand: 16,
  legendRow: 18,
  /** Width of a legend symbol and its gap before the label. */
  legendSymbol: 24,
  /** Space after a legend item's label. */
  legendGap: 16,
  /** Least vertical distance between two value labels at the right. */
  valueLabelGap: 12,
} as const;
