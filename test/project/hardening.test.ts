// Issue #18, finding 6: rollUp on 10⁵ cycles took about 150 s (fidelity's quadratic small-scale
// search; each cycle also recounted its measure's rows).
import { describe, expect, it } from "vitest";
import { rollUp, type Project } from "../../src/project/index.js";
import type { PdsaCycle } from "../../src/pdsa/index.js";
import { project } from "./fixture.js";
import { zoneFree } from "../_shared/zone.js";

describe("rollUp: linear in cycles", () => {
  zoneFree("rolls up 100,000 cycles under one change idea", () => {
    const cycles: PdsaCycle[] = Array.from({ length: 100_000 }, (_, i) => ({
      id: `k${i}`,
      changeIdea: "c1",
      sequence: i + 1,
      objective: "o",
      questions: [{ question: "q", prediction: "p" }],
      scale: { size: 10 },
      measures: ["proc"],
      do: { date: "2024-03-04" },
      act: { decision: "adapt", nextSteps: "n" },
    }));
    const r = rollUp({ ...project, cycles } as Project, { analyse: () => ({ signals: [] }) });
    expect(r.changeIdeas.find((c) => c.id === "c1")!.cycles).toHaveLength(100_000);
    expect(r.measures.find((m) => m.id === "proc")!.annotations).toHaveLength(100_000);
  });
});
