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

/** @internal Approximate width of text in a sans-serif face: 0.56 em per character. */
export function textWidth(text: string, fontSize: number): number {
  return [...text].length * fontSize * 0.56;
}
