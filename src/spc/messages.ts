import { flat, formatApart, span, verdict, type PointLabeller } from "../engine/messages.js";
import type { Assessment } from "../engine/types.js";

/** "Jun 2024 (31) is above the upper control limit 29.4: special-cause variation, a deterioration." */
export function beyondLimitsMessage(label: PointLabeller, index: number, value: number, side: 1 | -1, limit: number, limitName: string, a: Assessment): string {
  const [v, l] = formatApart(value, limit);
  return flat(`${label(index)} (${v}) is ${side === 1 ? "above the upper" : "below the lower"} ${limitName} ${l}: special-cause variation${verdict(a)}.`);
}

export function zoneMessage(label: PointLabeller, count: number, window: number, sigma: number, side: 1 | -1, start: number, end: number, centreName: string, a: Assessment): string {
  return flat(`${count} of ${window} points in a row beyond ${sigma} sigma ${side === 1 ? "above" : "below"} the ${centreName} ${span(label, start, end)}: special-cause variation${verdict(a)}.`);
}

export function innerThirdMessage(label: PointLabeller, count: number, start: number, end: number, centreName: string): string {
  return flat(`${count} points in a row within 1 sigma of the ${centreName} (the inner third of the limits) ${span(label, start, end)}: less variation than the limits expect — often mixed or stratified data, or limits set in a noisier period.`);
}

export function alternatingMessage(label: PointLabeller, count: number, start: number, end: number): string {
  return flat(`${count} points in a row alternating up and down ${span(label, start, end)}: systematic variation, often two alternating sources (shifts, teams, sites).`);
}

export function mixtureMessage(label: PointLabeller, count: number, start: number, end: number, centreName: string): string {
  return flat(`${count} points in a row more than 1 sigma from the ${centreName}, on both sides of it, ${span(label, start, end)}: a sign of two processes mixed.`);
}
