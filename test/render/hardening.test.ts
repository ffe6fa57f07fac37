// Issue #18 (hardening): rendering attacks the nasty-values sweep does not cover.
import { describe, expect, it } from "vitest";
import { renderReport } from "../../src/render/index.js";
import { wrapText } from "../../src/render/text.js";
import type { PdsaCycle } from "../../src/pdsa/index.js";
import type { Project } from "../../src/project/index.js";
import { project } from "../project/fixture.js";

describe("finding 6: wrapText is linear in a long word", () => {
  it("wraps a 3.2 MB word (10× the 316 KB project that took 16 s)", () => {
    const word = "x".repeat(3_200_000);
    const lines = wrapText(`start ${word} end`, 40);
    expect(lines).toHaveLength(2 + 80_000);
    expect(lines[0]).toBe("start");
    expect(lines.at(-1)).toBe("end");
    expect(lines.slice(1, -1).every((l) => l.length === 40)).toBe(true);
  });

  it("keeps the tail of a split word on the line with what follows", () => {
    expect(wrapText("abcdefghij kl", 4)).toEqual(["abcd", "efgh", "ij", "kl"]);
    expect(wrapText("abcdefghi j", 4)).toEqual(["abcd", "efgh", "i j"]);
  });
});

describe("finding 6: renderReport with 4,000 PDSA cycles", () => {
  it("draws 4,000 cycles on one chart (took 132 s: annotation placement was cubic)", () => {
    const cycles: PdsaCycle[] = Array.from({ length: 4_000 }, (_, i) => ({
      id: `k${i}`,
      changeIdea: i % 2 === 0 ? "c1" : "c2",
      sequence: i + 1,
      title: `Cycle ${i} with a longer title`,
      objective: "o",
      questions: [{ question: "q", prediction: "p" }],
      measures: ["proc"],
      do: { date: new Date(Date.UTC(2024, 0, 1 + (i % 366))).toISOString().slice(0, 10) },
      act: { decision: "adapt", nextSteps: "n" },
    }));
    const html = renderReport({ ...project, cycles } as Project);
    expect(html.match(/<tr><td>/g)).toHaveLength(4_000);
  });
});
