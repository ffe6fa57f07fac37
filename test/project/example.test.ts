import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { driverDiagramToMermaid } from "../../src/drivers/index.js";
import { fidelity, ramp } from "../../src/pdsa/index.js";
import { parseProject, projectJsonSchema, rollUp, safeParseProject } from "../../src/project/index.js";

// Copy of examples/pace-project.json (tests do not read outside test/).
const text = readFileSync(new URL("../fixtures/pace-project.json", import.meta.url), "utf8");

describe("examples/pace-project.json", () => {
  const project = parseProject(JSON.parse(text));

  it("parses, says it is illustrative, and has no validation issues at all", () => {
    expect(project.illustrative).toBe(true);
    expect(project.title).toContain("ILLUSTRATIVE");
    expect(project.description).toContain("NOT CELCIS's own driver diagram");
    const r = rollUp(project);
    expect(r.issues).toEqual([]);
    expect(r.aim.check.smart).toBe(true);
  });

  it("has a family of measures with 24 monthly points each", () => {
    expect(project.measures.map((m) => m.type)).toEqual(["outcome", "process", "process", "balancing"]);
    expect(project.data.map((s) => s.rows.length)).toEqual([24, 24, 24, 24]);
    expect(project.data.map((s) => [s.rows[0]!.x, s.rows[23]!.x])).toEqual(Array(4).fill(["2024-01-01", "2025-12-01"]));
  });

  it("rolls up to the statuses the story tells", () => {
    const r = rollUp(project);
    expect(r.changeIdeas.map((c) => [c.id, c.status, c.cycles.length])).toEqual([
      ["c-two-week-meeting", "adopted", 4],
      ["c-early-kinship", "testing", 3],
      ["c-tracker", "untested", 0],
      ["c-report-template", "abandoned", 1],
      ["c-fgdm", "untested", 0],
    ]);
    const meeting = ramp(project.cycles, "c-two-week-meeting");
    expect(meeting.scale.map((s) => s.size)).toEqual([1, 3, 8, 15]);
    expect(meeting.scaleGrowth).toBe(15);
    expect(fidelity(meeting, { dataPoints: () => 24 }).score).toBe(1);
    expect(r.measures.find((m) => m.id === "m-meeting-14-days")!.annotations.map((a) => a.x)).toEqual(["2024-05-06", "2024-06-10", "2024-07-15", "2024-09-02"]);
  });

  it("draws as Mermaid", () => {
    const m = driverDiagramToMermaid(project.diagram);
    expect(m.split("\n")).toContain("  n_p_family -.- n_s_parallel");
  });

  it("rejects a broken copy, listing every problem with its path", () => {
    const broken = JSON.parse(text);
    broken.cycles[0].changeIdea = "c-missing";
    broken.measures[1].links.push("s-missing");
    delete broken.data[0].rows[3].y;
    const r = safeParseProject(broken);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => i.path)).toEqual([["data", 0, "rows", 3, "y"]]);
    broken.data[0].rows[3].y = 1;
    const r2 = safeParseProject(broken);
    if (r2.success) throw new Error("expected failure");
    expect(r2.error.issues.map((i) => [i.code, i.path])).toEqual([
      ["unknown-id", ["measures", 1, "links", 2]],
      ["unknown-id", ["cycles", 0, "changeIdea"]],
    ]);
  });

  it("has a JSON Schema", () => {
    const s = projectJsonSchema();
    expect(s["title"]).toBe("Improvement project");
    expect(s["required"]).toEqual(["title", "diagram", "measures", "cycles", "data"]);
  });
});
