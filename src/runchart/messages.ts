import { flat, formatApart, formatNumber, verdict, type PointLabeller } from "../engine/messages.js";
import type { Assessment } from "../engine/types.js";
import type { ResolvedAstronomical } from "./types.js";

// The messages of the run-chart-only rules; the shared ones (shift, trend, long run, crossings)
// are in engine/messages.ts.

export function runsMessage(kind: "too-few" | "too-many", runs: number, nUseful: number, limit: number): string {
  return kind === "too-few"
    ? `Too few runs: ${runs} run${runs === 1 ? "" : "s"} in ${nUseful} useful observations, where chance alone gives at least ${limit}: a sign that the process has shifted.`
    : `Too many runs: ${runs} runs in ${nUseful} useful observations, where chance alone gives at most ${limit}: the values alternate more than chance would (often two processes mixed, or stratified data).`;
}

/** @internal What joins an astronomical point's label and value to how it was found: summariseRunChart groups the messages by it. */
export const ASTRONOMICAL_WORDS = " is an astronomical point, ";

export function astronomicalMessage(
  label: PointLabeller,
  index: number,
  value: number,
  side: 1 | -1,
  limit: number | null,
  detector: Exclude<ResolvedAstronomical, false>,
  a: Assessment,
): string {
  let how: string;
  const [v, l] = limit === null ? [formatNumber(value), ""] : formatApart(value, limit);
  if (detector.method === "manual") how = "judged by the team";
  else if (detector.method === "tukey") how = `${side === 1 ? "above" : "below"} ${l}, Tukey's far-out fence (${side === 1 ? "Q3 +" : "Q1 −"} ${detector.k} × IQR)`;
  else how = `${side === 1 ? "above" : "below"} ${l}, the ${detector.sigma}-sigma limit (mean ${side === 1 ? "+" : "−"} ${detector.sigma} × average moving range / 1.128)`;
  return flat(`${label(index)} (${v})${ASTRONOMICAL_WORDS}${how}${verdict(a)}.`);
}

export function boxMessage(method: "bestbox" | "cutbox", longestRun: number, crossings: number, nUseful: number, centreName: string): string {
  return `The longest run (${longestRun} points) and the crossings of the ${centreName} (${crossings}) together fall outside Anhøj's ${method === "bestbox" ? "best box" : "cut box"} for ${nUseful} useful observations: a sign that the process has shifted.`;
}
