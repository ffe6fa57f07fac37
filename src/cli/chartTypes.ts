import { UsageError, quote } from "./errors.js";
import { controlChartTypeHint } from "./lib.js";

/**
 * The chart types `--chart` accepts (analyse, summary, report): the flags validate against this
 * list and the help lists it, so the two cannot drift apart (a user trial found cusum, ewma, r,
 * np, ip and the i-median charts working but missing from `analyse --help`).
 */
export const CHART_TYPES = ["run", "i", "mr", "xbar", "s", "p", "pp", "u", "up", "c", "g", "t", "r", "np", "ip", "i-median", "i-median-mr", "cusum", "ewma"] as const;
export type ChartChoice = (typeof CHART_TYPES)[number];

/**
 * `--chart`'s value: one of {@link CHART_TYPES}, else a usage error listing them with what the
 * value most likely means — the type in another case or with "chart" after it ("Run chart",
 * "p-chart"), else the library's hint for controlChart's type (controlChartTypeHint: another
 * name, "XmR" is --chart i; a chart pace-qi does not draw, "bar", not the "xbar" one edit away:
 * a user trial), its `type "…"` written as the flag.
 */
export function chartFlag(command: string, value: string | undefined): ChartChoice | undefined {
  if (value === undefined) return undefined;
  if ((CHART_TYPES as readonly string[]).includes(value)) return value as ChartChoice;
  const bare = value.toLowerCase().replace(/[\s_-]/g, "").replace(/chart$/, "");
  const own = CHART_TYPES.find((t) => t.replace(/-/g, "") === bare);
  const hint = own !== undefined ? `did you mean --chart ${own}?` : controlChartTypeHint(value)?.replace(/\btype "([\w-]+)"/g, "--chart $1").replace(/^did you mean "([\w-]+)"\?$/, "did you mean --chart $1?");
  throw new UsageError(`--chart ${quote(value)} is not one of: ${CHART_TYPES.join(", ")}${hint === undefined || hint === null ? "" : `; ${hint}`}`, command);
}

/** What each control chart type is, in a few words, for the help. */
const CHART_WORDS: Record<Exclude<ChartChoice, "run">, string> = {
  i: "i (XmR)",
  mr: "mr",
  xbar: "xbar",
  s: "s",
  r: "r (ranges)",
  p: "p",
  pp: "pp (Laney P′)",
  u: "u",
  up: "up (Laney U′)",
  np: "np",
  ip: "ip (Laney I′)",
  c: "c",
  g: "g",
  t: "t",
  "i-median": "i-median",
  "i-median-mr": "i-median-mr",
  cusum: "cusum",
  ewma: "ewma",
};

/**
 * "run (default), or a control chart: i (XmR), mr, …" wrapped to `width` characters a line, the
 * lines after the first indented by `indent` spaces: every accepted type, in CHART_TYPES' order.
 */
export function chartTypesHelp(indent: number, width: number): string {
  // A type and its words in brackets ("pp (Laney P′),") stay on one line.
  const types = CHART_TYPES.filter((t) => t !== "run").map((t, k, all) => `${CHART_WORDS[t as Exclude<ChartChoice, "run">]}${k < all.length - 1 ? "," : ""}`);
  const words = [..."run (default), or a control chart:".split(" "), ...types];
  const lines: string[] = [];
  let line = "";
  for (const w of words) {
    if (line !== "" && line.length + 1 + w.length > width) (lines.push(line), (line = ""));
    line = line === "" ? w : `${line} ${w}`;
  }
  lines.push(line);
  return lines.join(`\n${" ".repeat(indent)}`);
}
