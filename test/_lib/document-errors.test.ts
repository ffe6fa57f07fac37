import { describe, expect, it } from "vitest";
import { fails as thrown } from "../_shared/fails.js";
import { parseDriverDiagram, safeParseDriverDiagram } from "../../src/drivers/index.js";
import { parseMeasure, safeParseMeasure } from "../../src/measures/index.js";
import { parsePdsaCycle, safeParsePdsaCycle } from "../../src/pdsa/index.js";
import { parseProject, safeParseProject } from "../../src/project/index.js";
import { diagram } from "../drivers/fixture.js";
import { measures, project } from "../project/fixture.js";

// A user trial: a document error's own path was [] (only issues[0].path said where), and an
// unknown key (a typo) was reported at the object holding it, with no "did you mean".

const cycle = { id: "c1", changeIdea: "ci1", objective: "Test", questions: [] };


describe("document parse errors carry the first issue's path", () => {
  it.each([
    ["parsePdsaCycle", () => parsePdsaCycle({ ...cycle, do: { date: "2024-02-30" } }), ["do", "date"]],
    ["parseDriverDiagram", () => parseDriverDiagram({ ...diagram, links: [{ from: "p1" }] }), ["links", 0, "to"]],
    ["parseMeasure", () => parseMeasure({ ...measures[0]!, direction: "upwards" }), ["direction"]],
    ["parseProject", () => parseProject({ ...project, measures: [measures[0]!, { ...measures[1]!, direction: "upwards" }] }), ["measures", 1, "direction"]],
  ] as const)("%s", (_name, parse, path) => {
    const e = thrown(parse);
    expect(e.code).toBe("invalid-document");
    expect(e.path).toEqual(path);
    expect(e.issues[0]!.path).toEqual(path);
  });
  it("safeParse's error too, and the message names the place once", () => {
    const r = safeParsePdsaCycle({ ...cycle, do: { date: "2024-02-30" } });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.path).toEqual(["do", "date"]);
      expect(r.error.message).toMatch(/^invalid PDSA cycle: .* \(at do\.date\)$/);
      expect(r.error.message.match(/do\.date/g)).toHaveLength(1);
    }
  });
});

describe("an unknown key is reported at its own path, with did you mean", () => {
  it("a typo at the top level", () => {
    const e = thrown(() => parsePdsaCycle({ id: "c1", changeIdea: "ci1", objectve: "Test", questions: [] }));
    const unknown = e.issues.find((i) => i.code === "unrecognized-keys")!;
    expect(unknown.path).toEqual(["objectve"]);
    expect(unknown.message).toMatch(/^unknown key "objectve"; did you mean "objective"\? \(allowed: id, changeIdea, sequence, title, objective, /);
  });
  it("nested, in arrays, one issue per key, and no suggestion when nothing is near", () => {
    const r = safeParsePdsaCycle({ ...cycle, questions: [{ question: "q", predicton: "p", zzzzzz: 1 }] });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.issues.map((i) => [i.code, i.path])).toEqual([["unrecognized-keys", ["questions", 0, "predicton"]], ["unrecognized-keys", ["questions", 0, "zzzzzz"]]]);
      expect(r.error.issues.map((i) => i.message)).toEqual(['unknown key "predicton"; did you mean "prediction"? (allowed: question, prediction)', 'unknown key "zzzzzz" (allowed: question, prediction)']);
      expect(r.error.path).toEqual(["questions", 0, "predicton"]);
    }
  });
  it("in every document parser", () => {
    const d = safeParseDriverDiagram({ ...diagram, aim: { ...diagram.aim, statment: "x" } });
    expect(!d.success && d.error.path).toEqual(["aim", "statment"]);
    expect(!d.success && d.error.issues[0]!.message).toMatch(/did you mean "statement"\?/);
    const m = safeParseMeasure({ ...measures[0]!, definition: { ...measures[0]!.definition, numerater: "n" } });
    expect(!m.success && m.error.path).toEqual(["definition", "numerater"]);
    expect(!m.success && m.error.issues[0]!.message).toMatch(/did you mean "numerator"\?/);
    const p = safeParseProject({ ...project, mesures: [] });
    expect(!p.success && p.error.path).toEqual(["mesures"]);
    expect(!p.success && p.error.issues[0]!.message).toMatch(/did you mean "measures"\?/);
  });
});
