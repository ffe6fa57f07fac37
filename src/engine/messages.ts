import type { XKind } from "../_lib/series.js";
import { formatPeriod } from "./period.js";
import type { Assessment, Direction, XPeriod } from "./types.js";

/** Labels points for messages: "Mar 2024", "2024 Q1", "1 Mar 2024" by the x's period, "x = 5" for numbers, "point 5" otherwise. */
export interface PointLabeller {
  (index: number): string;
}

/** Build a labeller for the points' x values; `period` is the chart's (resolvePeriod, period.ts). */
export function pointLabeller(kind: XKind, x: ArrayLike<unknown>, days: Float64Array | null, period: XPeriod | null): PointLabeller {
  if (kind === "date" && days !== null) return (i) => formatPeriod(days[i]!, period ?? "day");
  if (kind === "number") return (i) => `x = ${formatNumber(x[i] as number)}`;
  return (i) => `point ${formatNumber(i + 1)}`;
}

/** A number for people: whole numbers as they are, others to 3 significant figures (at least 1 decimal). */
export function formatNumber(v: number): string {
  const abs = Math.abs(v);
  // From 1e21 String() writes every digit of an exponent form ("3.857142985714286e+307", a user
  // trial): three significant digits, as for small numbers.
  if (abs >= 1e21 && abs !== Number.POSITIVE_INFINITY) return String(Number(v.toPrecision(3)));
  if (Number.isInteger(v)) return v >= 0 && v < 1e6 ? wholeText(v) : String(v);
  if (abs >= 100) return String(Math.round(v * 10) / 10);
  return String(Number(v.toPrecision(3)));
}

// Whole numbers 0–999,999 (the x values and counts of the messages of a long chart) are written
// from two tables of the strings "0"–"999" and "000"–"999", made on first use: String(v) of a
// double calls into the runtime and puts every new string in V8's number-string cache, which
// keeps it alive through the next scavenge. The result is the same string (a property test
// checks every whole number against String).
let smallWhole: string[] | null = null;
let threeDigits: string[] | null = null;

/** String(v) for a whole number 0 ≤ v < 1,000,000 (−0 included: both give "0"). */
export function wholeText(v: number): string {
  if (smallWhole === null) {
    smallWhole = new Array<string>(1000);
    threeDigits = new Array<string>(1000);
    for (let k = 0; k < 1000; k++) {
      smallWhole[k] = String(k);
      threeDigits[k] = k < 10 ? `00${k}` : k < 100 ? `0${k}` : String(k);
    }
  }
  if (v < 1000) return smallWhole[v]!;
  const high = Math.floor(v / 1000);
  return smallWhole[high]! + threeDigits![v - high * 1000]!;
}

// Where flat() writes the character it reads, so the read is never optimised away.
const FLATTENED = { code: 0 };

/**
 * `s`, flattened. A template literal builds a tree of V8 "cons" strings (one node per joined
 * piece, about ten for a signal's message); a chart that returns 26,459 messages keeps every node
 * of every tree, and each young-generation collection copies them all. Reading a character makes
 * V8 copy the tree into one flat string once, and the inner nodes die young. Same string, less
 * memory; see docs/performance.md (issue #16, session 6).
 */
export function flat(s: string): string {
  FLATTENED.code = s.charCodeAt(0);
  return s;
}

/**
 * Two numbers for a sentence that compares them ("0.001412 is below 0.001415"): each with the
 * significant figures of {@link formatNumber}, or more — up to 15 — until the two read
 * differently, so a message never says a value is beyond a limit that prints the same.
 */
export function formatApart(a: number, b: number): [string, string] {
  let x = formatNumber(a);
  let y = formatNumber(b);
  for (let digits = 4; x === y && a !== b && digits <= 15; digits++) {
    x = String(Number(a.toPrecision(digits)));
    y = String(Number(b.toPrecision(digits)));
  }
  return [x, y];
}

/**
 * The move of a run chart's median at a re-phase (`origin: "rephase"`), from `before` to `after`:
 * "a sustained run above the previous median (55 → 82.8)", and how it reads against `direction`
 * (neutral for any other value). `summariseRunChart` and `summariseVerdict` both say it.
 */
export function rephaseMove(before: number, after: number, direction: unknown): { assessment: Assessment; text: string } {
  const up = after > before;
  const assessment = direction === "increase" || direction === "decrease" ? assess(up ? 1 : -1, direction) : "neutral";
  return { assessment, text: `a sustained run ${up ? "above" : "below"} the previous median (${formatNumber(before)} → ${formatNumber(after)})` };
}

/** How a pattern on one side, or going one way, reads against the direction of improvement. */
export function assess(sign: 1 | -1, direction: Direction): Assessment {
  if (direction === "neutral") return "neutral";
  return (sign === 1) === (direction === "increase") ? "improvement" : "deterioration";
}

/** ", an improvement", ", a deterioration" or nothing: the end of a signal's sentence. */
export function verdict(assessment: Assessment): string {
  return assessment === "improvement" ? ", an improvement" : assessment === "deterioration" ? ", a deterioration" : "";
}

/** "at Mar 2024" or "from Mar 2024 to Aug 2024". */
export function span(label: PointLabeller, start: number, end: number): string {
  return start === end ? `at ${label(start)}` : `from ${label(start)} to ${label(end)}`;
}

export function shiftMessage(label: PointLabeller, count: number, side: 1 | -1, start: number, end: number, centreName: string, a: Assessment): string {
  return flat(`${count} points ${side === 1 ? "above" : "below"} the ${centreName} ${span(label, start, end)}: a shift${verdict(a)}.`);
}

export function trendMessage(label: PointLabeller, count: number, direction: 1 | -1, start: number, end: number, a: Assessment): string {
  return flat(`${count} points in a row going ${direction === 1 ? "up" : "down"} ${span(label, start, end)}: a trend${verdict(a)}.`);
}

export function longRunMessage(label: PointLabeller, length: number, max: number, side: 1 | -1, start: number, end: number, centreName: string, a: Assessment, source = "Anhøj"): string {
  return flat(`The longest run, ${length} points ${side === 1 ? "above" : "below"} the ${centreName} ${span(label, start, end)}, is longer than the ${max} that chance allows (${source}): a shift${verdict(a)}.`);
}

export function crossingsMessage(crossings: number, min: number, nUseful: number, centreName: string): string {
  return `The line crosses the ${centreName} ${crossings} time${crossings === 1 ? "" : "s"} in ${nUseful} useful observations, fewer than the ${min} that chance gives (Anhøj): a sign that the process has shifted.`;
}

