// Second user trial, finding 10: "02/10/2023", "2023-02-30" and "2023-2-3" in a PDSA cycle all
// gave "Invalid ISO date (at do.date)", with neither the value nor the form expected. Every
// document date error now names both, with a day-first hint where the text reads as one.
import { describe, expect, it } from "vitest";
import { isoDateProblem } from "../../src/_lib/dateText.js";
import { checkAim, checkMeasure, parsePdsaCycle, ramp, safeParseEvents, safeParseMeasure, safeParseProject, validateProject } from "../../src/index.js";
import type { QiError } from "../../src/_lib/error.js";

const cycle = (date: string) => ({ id: "c", changeIdea: "x", objective: "o", questions: [{ question: "q" }], do: { date } });
function pdsaMessage(date: string): string {
  try {
    parsePdsaCycle(cycle(date));
  } catch (e) {
    return (e as QiError).issues[0]!.message;
  }
  return "parsed";
}

describe("document dates: the value, the form expected, and a hint", () => {
  it.each([
    ["02/10/2023", '"02/10/2023" is not a date as YYYY-MM-DD; if it is day first (dd/mm/yyyy), write 2023-10-02'],
    ["2023-02-30", '"2023-02-30" is not a date: February 2023 has 28 days (give a date as YYYY-MM-DD)'],
    ["2023-2-3", '"2023-2-3" is not a date as YYYY-MM-DD: write 2023-02-03 (two digits for the month and the day)'],
    ["next week", '"next week" is not a date: give one as YYYY-MM-DD'],
    ["2024-02-29", "parsed"],
  ])("a PDSA cycle's do.date %s", (date, want) => expect(pdsaMessage(date)).toBe(want));

  it.each([
    ["12/31/2024", '"12/31/2024" is not a date as YYYY-MM-DD; if it is month first (mm/dd/yyyy), write 2024-12-31'],
    ["31.03.2026", '"31.03.2026" is not a date as YYYY-MM-DD; if it is day first (dd/mm/yyyy), write 2026-03-31'],
    ["2024-13-01", '"2024-13-01" is not a date: there is no month 13 (give a date as YYYY-MM-DD)'],
    ["2023-02-29", '"2023-02-29" is not a date: February 2023 has 28 days (give a date as YYYY-MM-DD)'],
    ["32/13/2024", '"32/13/2024" is not a date: give one as YYYY-MM-DD'],
  ])("the hint for %s", (text, want) => expect(isoDateProblem(text)).toBe(want));

  it("measures, projects, aims and ramps say the same", () => {
    const measure = { id: "m", name: "n", type: "outcome", definition: { description: "d", unit: "%", aggregation: "percentage", period: "month" }, direction: "increase", links: [], target: { value: 80, by: "31/03/2026" } };
    const hint = '"31/03/2026" is not a date as YYYY-MM-DD; if it is day first (dd/mm/yyyy), write 2026-03-31';
    const parsed = safeParseMeasure(measure);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.message)).toEqual([hint]);
    expect(checkMeasure(measure as never).filter((i) => i.severity === "error").map((i) => i.message)).toEqual([hint]);
    expect(checkAim({ id: "a", statement: "s", what: "w", howMuch: "80%", byWhen: "31/03/2026", forWhom: "f" }).elements[2]!.feedback).toBe(hint);
    const project = { title: "t", diagram: { aim: { id: "aim", statement: "s" }, nodes: [], links: [] }, measures: [], cycles: [], data: [{ measure: "m", rows: [{ x: "31/03/2026", y: 1 }] }] };
    const p = safeParseProject(project);
    expect(p.success ? [] : p.error.issues.map((i) => i.message)).toContain(hint);
    expect(validateProject(project as never).issues.map((i) => i.message)).toContain(hint);
    const r = ramp([{ ...cycle("31/03/2026"), act: { decision: "adopt" } }] as never, "x");
    expect(r.warnings.map((w) => w.message)).toEqual([hint]);
  });

  it("case records say the same, long and wide (they gave zod's plain 'Invalid ISO date')", () => {
    const hint = '"31/03/2026" is not a date as YYYY-MM-DD; if it is day first (dd/mm/yyyy), write 2026-03-31';
    const long = safeParseEvents([{ child: "A", milestone: "accommodated", date: "31/03/2026" }]);
    expect(long.success ? [] : long.error.issues.map((i) => [i.path, i.message])).toEqual([[["events", 0, "date"], hint]]);
    const wide = safeParseEvents([{ child: "A", accommodated: "31/03/2026" }], { format: "wide", dateColumns: ["accommodated"] });
    expect(wide.success ? [] : wide.error.issues.map((i) => i.message)).toContain(hint);
    // A date that is not text keeps the schema's own message.
    const number = safeParseEvents([{ child: "A", milestone: "accommodated", date: 5 }]);
    expect(number.success ? [] : number.error.issues.map((i) => i.path)).toEqual([["events", 0, "date"]]);
  });
});
