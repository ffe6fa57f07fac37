/**
 * Sample data for the markdown code blocks (markdown.test.ts). A block that uses data it does
 * not build itself declares it before its fence: `<!-- doctest: given rows, element -->`.
 * Each fixture is made fresh for each block, so a block that changes one cannot affect another.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

const ROOT = join(import.meta.dirname, "../..");

/** 36 months, 2022-01 to 2024-12, with an improvement from 2024-01 in every measure. */
function monthly(): Array<Record<string, unknown>> {
  return Array.from({ length: 36 }, (_, i) => {
    const month = `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`;
    const after = i >= 24;
    const wobble = [3, -2, 1, -4, 2, 0, -1, 4, -3, 1, 2, -2][i % 12]!;
    const children = 14 + (i % 5);
    const withinTarget = Math.min(children, Math.round(children * (after ? 0.82 : 0.55)) + (wobble > 2 ? 1 : 0));
    return {
      month,
      weeks: (after ? 24 : 37) + wobble,
      days: (after ? 170 : 260) + wobble * 7,
      percent: Math.round((100 * withinTarget) / children),
      withinTarget,
      placedWithin6Months: withinTarget,
      met: withinTarget,
      children,
    };
  });
}

/** Daily waits for a columnar example: 400 days from 2024-01-01. */
function daily(): Array<Record<string, unknown>> {
  return Array.from({ length: 400 }, (_, i) => ({
    date: new Date(Date.UTC(2024, 0, 1 + i)).toISOString().slice(0, 10),
    days: 120 + ((i * 37) % 41) - (i > 250 ? 30 : 0),
  }));
}

/** A long case-record export as CSV text, as an analyst's system writes it (UK dates). */
const LONG_CSV = [
  "child_id,event,event_date,la",
  "A1,accommodated,01/10/2023,North",
  "A1,permanence-recommendation,15/01/2024,North",
  "B2,accommodated,15/11/2023,North",
  "B2,permanence-recommendation,20/01/2024,North",
  "C3,accommodated,01/12/2023,South",
  "C3,permanence-recommendation,10/03/2024,South",
  "D4,accommodated,05/01/2024,South",
].join("\n");

/** Wide tracker rows (one per child, a column per milestone), as read from a CSV. */
function wide(): Array<Record<string, string>> {
  return [
    { id: "A1", la: "North", acc_date: "2023-10-01", rec_date: "2024-01-15", panel_date: "2024-02-20" },
    { id: "B2", la: "North", acc_date: "2023-11-15", rec_date: "2024-01-20", panel_date: "" },
    { id: "C3", la: "South", acc_date: "2024-01-05", rec_date: "", panel_date: "" },
  ];
}

export const FIXTURES: Record<string, () => unknown> = {
  rows: monthly,
  data: monthly,
  daily,
  text: () => LONG_CSV,
  wide,
  project: () => JSON.parse(readFileSync(join(ROOT, "examples/pace-project.json"), "utf8")) as unknown,
  element: () => ({ innerHTML: "" }),
  badge: () => ({ textContent: "" }),
};

/** Files a block may read by name (besides files in the repository), e.g. `events.json`. */
export const FILES: Record<string, () => string> = {
  "events.json": () =>
    JSON.stringify([
      { child: "A1", milestone: "accommodated", date: "2024-01-10", team: "North" },
      { child: "A1", milestone: "permanence-recommendation", date: "2024-09-30", team: "North" },
      { child: "B2", milestone: "accommodated", date: "2025-01-06", team: "South" },
    ]),
  "cases.csv": () => LONG_CSV,
};
