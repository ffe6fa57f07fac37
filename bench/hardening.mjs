// Issue #18: work that used to explode, on the inputs that exposed it. `npm run build`, then
// `node --expose-gc bench/hardening.mjs`. Median of 3 runs each. Before the fixes: pathsToAim on an
// 80-level ladder cut off from the aim took hours (it doubled per level); 2,000 annotations 12 s;
// renderReport with 4,000 cycles 132 s; fidelity and rollUp on 10⁵ cycles ~150 s each; wrapText on
// a 316 KB word 16 s; the slug of a 200 KB key 63 s. Figures: docs/performance.md.
import { fidelity, pathsToAim, ramp, removeNode, renderReport, rollUp, wrapText } from "../dist/index.js";
import { placeLabels } from "../dist/render/lanes.js";

function ladder(levels) {
  const nodes = [{ id: "top", kind: "primary", label: "" }];
  const links = [{ from: "top", to: "aim" }];
  for (let i = 0; i < levels; i++) {
    for (const side of ["a", "b"]) {
      nodes.push({ id: `${side}${i}`, kind: "secondary", label: "" });
      if (i === 0) links.push({ from: `${side}0`, to: "top" });
      else links.push({ from: `${side}${i}`, to: `a${i - 1}` }, { from: `${side}${i}`, to: `b${i - 1}` });
    }
  }
  return { aim: { id: "aim", statement: "" }, nodes, links };
}
const cycles = (n) =>
  Array.from({ length: n }, (_, i) => ({
    id: `k${i}`, changeIdea: i % 2 ? "c1" : "c2", sequence: i + 1, title: `Cycle ${i}`, objective: "o",
    questions: [{ question: "q", prediction: "p" }], measures: ["proc"], scale: { size: 10 },
    do: { date: new Date(Date.UTC(2024, 0, 1 + (i % 366))).toISOString().slice(0, 10) }, act: { decision: "adapt", nextSteps: "n" },
  }));
const def = { unit: "%", aggregation: "percentage", period: "month", numerator: "n", denominator: "d", dataSource: "s", owner: "o" };
const project = (cs) => ({
  title: "Bench",
  diagram: {
    aim: { id: "aim", statement: "Aim" },
    nodes: [{ id: "p1", kind: "primary", label: "P" }, { id: "s1", kind: "secondary", label: "S" }, { id: "c1", kind: "change", label: "C1" }, { id: "c2", kind: "change", label: "C2" }],
    links: [{ from: "p1", to: "aim" }, { from: "s1", to: "p1" }, { from: "c1", to: "s1" }, { from: "c2", to: "s1" }],
  },
  measures: [{ id: "proc", name: "Process", type: "process", definition: def, direction: "increase", links: ["c1"] }],
  cycles: cs,
  data: [{ measure: "proc", rows: Array.from({ length: 12 }, (_, i) => ({ x: `2024-${String(i + 1).padStart(2, "0")}-01`, y: 20 + i })) }],
});

function time(label, make, run) {
  const ms = [];
  for (let k = 0; k < 3; k++) {
    const input = make();
    globalThis.gc?.();
    const t = performance.now();
    run(input);
    ms.push(performance.now() - t);
  }
  ms.sort((a, b) => a - b);
  console.log(`${label}: ${ms[1].toFixed(0)} ms`);
}

time("pathsToAim, 2,000-level ladder cut off from the aim", () => removeNode(ladder(2000), "top"), (d) => pathsToAim(d, "a1999"));
time("pathsToAim, 2,000-level ladder, 1,000 paths", () => ladder(2000), (d) => pathsToAim(d, "a1999"));
time("placeLabels, 20,000 annotations", () => Array.from({ length: 20_000 }, (_, i) => ({ x: (i * 7919) % 1000, width: 40 + (i % 90) })), (items) => placeLabels(items, 0, 1000));
time("wrapText, a 3.2 MB word", () => "x".repeat(3_200_000), (w) => wrapText(w, 40));
time("fidelity, ramp of 100,000 cycles", () => ramp(cycles(100_000).map((c) => ({ ...c, changeIdea: "c1" })), "c1"), (r) => fidelity(r));
time("rollUp, 100,000 cycles", () => project(cycles(100_000)), (p) => rollUp(p));
time("renderReport, 4,000 cycles", () => project(cycles(4_000)), (p) => renderReport(p));
