import type { Measure } from "../../src/measures/index.js";
import type { PdsaCycle } from "../../src/pdsa/index.js";
import type { Project, SeriesRow } from "../../src/project/index.js";
import { diagram } from "../drivers/fixture.js";

const def = (aggregation: "percentage" | "count") => ({
  unit: aggregation === "percentage" ? "%" : "children",
  aggregation,
  period: "month" as const,
  numerator: "n",
  denominator: "d",
  dataSource: "system",
  owner: "lead",
});

export const measures: Measure[] = [
  { id: "out", name: "Within 26 weeks", type: "outcome", definition: def("percentage"), direction: "increase", target: { value: 80 }, links: ["aim"] },
  { id: "proc", name: "Meeting in 14 days", type: "process", definition: def("percentage"), direction: "increase", links: ["c1"] },
  { id: "bal", name: "Placement moves", type: "balancing", definition: def("count"), direction: "decrease", links: ["p2"] },
];

export const months = (n: number, ys: (i: number) => number | null): SeriesRow[] =>
  Array.from({ length: n }, (_, i) => ({ x: `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`, y: ys(i) }));

const cycle = (id: string, changeIdea: string, sequence: number, date: string, decision?: "adopt" | "adapt" | "abandon", extra: Partial<PdsaCycle> = {}): PdsaCycle => ({
  id,
  changeIdea,
  sequence,
  objective: `objective ${id}`,
  questions: [{ question: "q", prediction: "p" }],
  do: { date },
  ...(decision === undefined ? {} : { act: { decision, nextSteps: "next" } }),
  ...extra,
});

export const cycles: PdsaCycle[] = [
  cycle("k1", "c1", 1, "2024-03-04", "adapt", { measures: ["proc"], scale: { size: 1 } }),
  cycle("k2", "c1", 2, "2024-04-08", "adopt", { title: "Spread to all teams", measures: ["proc"], scale: { size: 10 } }),
  cycle("j1", "c2", 1, "2024-05-13"),
];

export const project: Project = {
  title: "Test project",
  diagram,
  measures,
  cycles,
  data: [
    { measure: "out", rows: months(12, (i) => 40 + i) },
    { measure: "proc", rows: months(12, (i) => (i === 3 ? null : 20 + 5 * i)) },
    { measure: "bal", rows: months(12, () => 3) },
  ],
};
