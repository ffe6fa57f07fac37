import { describe, expect, it } from "vitest";
import { validateProject, type Project } from "../../src/project/index.js";
import { deepFreeze } from "../pdsa/freeze.js";
import { months, project } from "./fixture.js";

const rows = (p: Project) => validateProject(deepFreeze(structuredClone(p))).issues.map((i) => [i.severity, i.code, i.path, i.message]);

describe("validateProject", () => {
  it("finds nothing wrong with a consistent project", () => {
    expect(validateProject(deepFreeze(structuredClone(project)))).toEqual({ valid: true, issues: [] });
  });

  it("reports cross-reference problems with paths from the project root", () => {
    const p: Project = {
      ...project,
      diagram: { ...project.diagram, links: [...project.diagram.links, { from: "c2", to: "aim" }] },
      measures: [
        { ...project.measures[0]!, links: ["aim", "ghost"] },
        project.measures[1]!,
        { ...project.measures[2]!, id: "out" },
      ],
      cycles: [
        project.cycles[0]!,
        { ...project.cycles[1]!, id: "k1", measures: ["proc", "nope"] },
        { ...project.cycles[2]!, changeIdea: "c-unknown" },
        { ...project.cycles[2]!, id: "d1", changeIdea: "s1" },
      ],
      data: [
        project.data[0]!,
        project.data[1]!,
        { measure: "ghost-measure", rows: [] },
        { measure: "out", rows: [] },
      ],
    };
    expect(rows(p)).toEqual([
      ["error", "skipped-level", ["diagram", "links", 8], 'change idea "c2" links straight to aim "aim"; a change idea may link to: secondary driver'],
      ["error", "unknown-id", ["measures", 0, "links", 1], 'measure "out" is linked to "ghost", which is not in the driver diagram'],
      ["error", "duplicate-id", ["measures", 2, "id"], 'measure id "out" is used twice'],
      ["error", "unknown-id", ["data", 2, "measure"], 'data for unknown measure "ghost-measure"'],
      ["error", "duplicate-series", ["data", 3, "measure"], 'measure "out" already has data (data[0])'],
      ["error", "duplicate-id", ["cycles", 1, "id"], 'cycle id "k1" is used twice'],
      ["error", "unknown-id", ["cycles", 1, "measures", 1], 'cycle "k1" names unknown measure "nope"'],
      ["error", "unknown-id", ["cycles", 2, "changeIdea"], 'cycle "j1" tests unknown change idea "c-unknown"'],
      ["error", "not-a-change-idea", ["cycles", 3, "changeIdea"], 'cycle "d1" tests "s1", which is not a change idea'],
    ]);
  });

  it("reports bad x values and PDSA dates outside the data", () => {
    const p: Project = {
      ...project,
      cycles: [
        { ...project.cycles[0]!, do: { date: "2023-12-31" } },
        { ...project.cycles[1]!, do: { date: "2024-12-31" } },
        { ...project.cycles[2]!, do: { date: "2025-01-01" } },
      ],
      data: [
        { measure: "out", rows: [...months(12, () => 1), { x: 13, y: 1 }, { x: "2024-02-01", y: 2 }] },
        project.data[1]!,
        { measure: "bal", rows: [{ x: "2024-02-30", y: 1 }] },
      ],
    };
    expect(rows(p)).toEqual([
      ["error", "invalid-x", ["data", 0, "rows", 12, "x"], "x mixes dates and numbers"],
      ["error", "duplicate-x", ["data", 0, "rows", 13, "x"], "x 2024-02-01 appears twice"],
      ["error", "invalid-x", ["data", 2, "rows", 0, "x"], '"2024-02-30" is not a date: February 2024 has 29 days (give a date as YYYY-MM-DD)'],
      ["warning", "date-outside-data", ["cycles", 0, "do", "date"], "cycle \"k1\" was run on 2023-12-31, before measure \"proc\"'s data start (2024-01-01)"],
      ["warning", "date-outside-data", ["cycles", 2, "do", "date"], "cycle \"j1\" was run on 2025-01-01, after measure \"out\"'s data end (2024-12-31)"],
    ]);
  });

  it("warns about measures without data and ramp ordering problems", () => {
    const p: Project = {
      ...project,
      cycles: [{ ...project.cycles[0]!, sequence: 2 }, { ...project.cycles[1]!, sequence: 2 }],
      data: [project.data[0]!, project.data[1]!],
    };
    expect(rows(p)).toEqual([
      ["warning", "no-data", ["measures", 2], 'measure "bal" has no data yet'],
      ["warning", "duplicate-sequence", ["cycles", 1, "sequence"], "cycles k1 and k2 both have sequence 2"],
    ]);
  });
});
