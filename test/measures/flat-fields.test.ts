// Second user trial, finding 11: unit, aggregation and period written beside `definition` gave
// "unknown key … (allowed: …)" that never said "move it into definition"; a definition written as
// a sentence gave zod's "expected object, received string".
import { describe, expect, it } from "vitest";
import { checkMeasure, parseMeasure, safeParseMeasure } from "../../src/index.js";
import { readFileSync } from "node:fs";

const flat = { id: "m", name: "n", type: "outcome", definition: "children with a plan / children", direction: "increase", unit: "%", aggregation: "percentage", period: "month", links: ["aim"] };
const ALLOWED = "(allowed here: id, name, type, description, definition, direction, chart, target, links)";

describe("a measure's definition fields written flat", () => {
  it("each unknown key says it belongs in definition", () => {
    const r = safeParseMeasure(flat);
    expect(r.success ? [] : r.error.issues.map((i) => [i.path, i.message])).toEqual([
      [["definition"], "definition must be an object { unit, aggregation, period, description?, numerator?, denominator?, … } (a sentence goes in definition.description)"],
      [["unit"], `unknown key "unit": it belongs in "definition" — move it there (definition.unit) ${ALLOWED}`],
      [["aggregation"], `unknown key "aggregation": it belongs in "definition" — move it there (definition.aggregation) ${ALLOWED}`],
      [["period"], `unknown key "period": it belongs in "definition" — move it there (definition.period) ${ALLOWED}`],
    ]);
  });

  it("the hand guard (checkMeasure) says what a definition is", () => {
    expect(checkMeasure(flat as never).map((i) => i.message)).toEqual([
      'definition must be an object { unit, aggregation, period, description?, numerator?, denominator?, … } (a sentence goes in definition.description), not "children with a plan / children": this is not a measure; parse it with parseMeasure first',
    ]);
  });

  it("a typo is still a typo, and the docs' nested example parses", () => {
    const r = safeParseMeasure({ ...flat, definition: { unit: "%", aggregation: "percentage", period: "month" }, unit: undefined, aggregation: undefined, period: undefined, dirction: "up" });
    expect(r.success ? [] : r.error.issues.map((i) => i.message)).toContain('unknown key "dirction"; did you mean "direction"? (allowed: id, name, type, description, definition, direction, chart, target, links)');
    const doc = readFileSync(new URL("../../docs/pdsa-and-driver-diagrams.md", import.meta.url), "utf8");
    const block = /The operational definition is an object[\s\S]*?```json\n([\s\S]*?)```/.exec(doc)![1]!;
    expect(parseMeasure(JSON.parse(block)).definition.unit).toBe("%");
  });
});
