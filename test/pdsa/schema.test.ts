import { describe, expect, it } from "vitest";
import { QiError } from "../../src/_lib/error.js";
import { checkPdsaCycle, parsePdsaCycle, pdsaCycleJsonSchema, safeParsePdsaCycle } from "../../src/pdsa/index.js";
import { deepFreeze } from "./freeze.js";

const good = {
  id: "c1",
  changeIdea: "ci1",
  sequence: 1,
  objective: "Test a two-week meeting",
  questions: [{ question: "Within 14 days?", prediction: "Yes" }],
  scale: { size: 1, unit: "child" },
  plan: { who: "A", what: "B", when: "C", where: "D", data: ["days"] },
  do: { date: "2024-05-06", observations: "ok" },
  study: { results: [{ question: 0, result: "day 9", predictionMet: true }], learning: "works" },
  act: { decision: "adapt", nextSteps: "three children" },
};

describe("parsePdsaCycle", () => {
  it("returns the cycle, equal to the input and without mutating it", () => {
    const input = deepFreeze(structuredClone(good));
    expect(parsePdsaCycle(input)).toEqual(good);
  });

  it("lists every schema problem with its path", () => {
    const bad = { ...good, id: "", sequence: 1.5, do: { date: "2024-02-30" }, act: { decision: "keep" }, extra: 1 };
    let err: unknown;
    try {
      parsePdsaCycle(bad);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(QiError);
    const q = err as QiError;
    expect(q.code).toBe("invalid-document");
    expect(q.issues.map((i) => [i.code, i.path])).toEqual([
      ["too-small", ["id"]],
      ["invalid-type", ["sequence"]],
      ["invalid-format", ["do", "date"]],
      ["invalid-value", ["act", "decision"]],
      ["unrecognized-keys", ["extra"]],
    ]);
    expect(q.path).toEqual(["id"]);
    expect(q.message).toMatch(/^invalid PDSA cycle: .* \(and 4 more\) \(at id\)$/);
  });

  it("reports semantic errors: a result for a question that does not exist, an end before the start", () => {
    const r = safeParsePdsaCycle({ ...good, do: { date: "2024-05-06", endDate: "2024-05-01" }, study: { results: [{ question: 3, result: "?" }] } });
    expect(r.success).toBe(false);
    if (!r.success) {
      expect(r.error.issues).toEqual([
        { code: "unknown-question", path: ["study", "results", 0, "question"], message: "result refers to question 4, but the cycle has 1 question" },
        { code: "invalid-date", path: ["do", "endDate"], message: "ends (2024-05-01) before it was run (2024-05-06)" },
      ]);
    }
  });

  it("warns (without failing) about two results for one question", () => {
    const c = parsePdsaCycle({ ...good, study: { results: [{ question: 0, result: "a" }, { question: 0, result: "b" }] } });
    expect(checkPdsaCycle(c)).toEqual([{ severity: "warning", code: "duplicate-result", path: ["study", "results", 1, "question"], message: "question 1 has more than one result" }]);
  });

  it("rejects __proto__ and constructor keys without polluting prototypes, and keeps such strings as data", () => {
    const hostile = JSON.parse(`{"id":"__proto__","changeIdea":"constructor","objective":"<script>","questions":[],"__proto__":{"polluted":true},"plan":{"constructor":{"prototype":{"x":1}}}}`);
    const r = safeParsePdsaCycle(hostile);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.map((i) => [i.code, i.path])).toEqual([["unrecognized-keys", ["plan", "constructor"]], ["unrecognized-keys", ["__proto__"]]]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    const ok = parsePdsaCycle({ id: "__proto__", changeIdea: "constructor", objective: "<script>", questions: [] });
    expect(ok).toEqual({ id: "__proto__", changeIdea: "constructor", objective: "<script>", questions: [] });
  });

  it("refuses deep junk without overflowing the stack", () => {
    let deep: unknown = {};
    for (let i = 0; i < 100_000; i++) deep = { plan: deep };
    expect(safeParsePdsaCycle({ ...good, plan: deep }).success).toBe(false);
  });
});

describe("pdsaCycleJsonSchema", () => {
  it("is draft 2020-12 JSON Schema with a title and closed objects", () => {
    const s = pdsaCycleJsonSchema();
    expect(s["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(s["title"]).toBe("PDSA cycle");
    expect(s["additionalProperties"]).toBe(false);
    expect(s["required"]).toEqual(["id", "changeIdea", "objective", "questions"]);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});
