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
