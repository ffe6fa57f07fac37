import { describe, expect, it } from "vitest";
import { QiError } from "../../src/_lib/error.js";
import { checkMeasure, familyOfMeasures, measureJsonSchema, parseMeasure, safeParseMeasure, type Measure } from "../../src/measures/index.js";
import { deepFreeze } from "../pdsa/freeze.js";

const good: Measure = deepFreeze({
  id: "m1",
  name: "Permanence recommendation within 26 weeks",
  type: "outcome",
  definition: {
    numerator: "children with a recommendation by day 182",
    denominator: "children reaching day 182 in the month",
    inclusions: ["accommodated children"],
    exclusions: ["returned home before 26 weeks"],
    clock: { start: "accommodated", stop: "permanence recommendation" },
    unit: "%",
    aggregation: "percentage",
    period: "month",
    dataSource: "case system",
    owner: "PACE lead",
  },
  direction: "increase",
  target: { value: 80, by: "2026-03-31" },
  links: ["aim"],
});

describe("checkMeasure", () => {
  it("finds nothing wrong with a complete definition", () => {
    expect(checkMeasure(good)).toEqual([]);
  });

  it("reports every problem with its path", () => {
    const bad: Measure = {
      ...good,
      definition: { unit: "%", aggregation: "percentage", period: "month", clock: { start: "accommodated", stop: "accommodated " } },
      target: { value: 120, by: "March 2026" },
      links: [],
    };
    expect(checkMeasure(bad)).toEqual([
      { severity: "warning", code: "incomplete-definition", path: ["definition", "numerator"], message: "a percentage needs a numerator" },
      { severity: "warning", code: "incomplete-definition", path: ["definition", "denominator"], message: "a percentage needs a denominator" },
      { severity: "error", code: "invalid-definition", path: ["definition", "clock", "stop"], message: 'the clock starts and stops at the same milestone ("accommodated")' },
      { severity: "warning", code: "incomplete-definition", path: ["definition", "dataSource"], message: "say where the data come from (dataSource)" },
      { severity: "warning", code: "incomplete-definition", path: ["definition", "owner"], message: "say who owns the measure (owner)" },
      { severity: "error", code: "invalid-target", path: ["target", "value"], message: "a percentage target must be between 0 and 100, not 120" },
      { severity: "error", code: "invalid-target", path: ["target", "by"], message: '"March 2026" is not a date: give one as YYYY-MM-DD' },
      { severity: "warning", code: "unlinked-measure", path: ["links"], message: 'measure "m1" is not linked to the driver diagram' },
    ]);
    expect(checkMeasure({ ...good, definition: { ...good.definition, aggregation: "proportion" }, target: { value: 0.8 } })).toEqual([]);
    expect(checkMeasure({ ...good, definition: { ...good.definition, aggregation: "proportion" }, target: { value: 80 } })[0]!.message).toBe(
      "a proportion target must be between 0 and 1, not 80",
    );
  });
});

describe("familyOfMeasures", () => {
  it("groups by type and warns for each missing type", () => {
    expect(familyOfMeasures([good, { id: "m2", type: "outcome" }])).toEqual({
      outcome: ["m1", "m2"],
      process: [],
      balancing: [],
      issues: [
        { severity: "warning", code: "missing-measure-type", path: [], message: "no process measure: add one for the work that drives the aim" },
        { severity: "warning", code: "missing-measure-type", path: [], message: "no balancing measure: add one for what might get worse" },
      ],
    });
  });
});

describe("parseMeasure", () => {
  it("parses, and lists schema and semantic errors with paths", () => {
    expect(parseMeasure(structuredClone(good))).toEqual(good);
    const r = safeParseMeasure({ ...good, type: "kpi", definition: { ...good.definition, period: "fortnight" } });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => [i.code, i.path])).toEqual([["invalid-value", ["type"]], ["invalid-value", ["definition", "period"]]]);
    expect(() => parseMeasure({ ...good, target: { value: -1 } })).toThrow(QiError);
    // warnings never fail a parse
    expect(parseMeasure({ ...good, links: [] }).links).toEqual([]);
  });

  it("has a JSON Schema", () => {
    expect(measureJsonSchema()["title"]).toBe("Measure");
  });
});
