// The monthly board report in a script (ESM): a project document (driver diagram, measures, PDSA
// cycles, data) → each measure's chart verdict and how far each change idea has got.
// The CLI does the same and writes the HTML: `pace-qi report examples/pace-project.json`.
// Run with: npm run build && node examples/board-report.mjs
import { readFileSync } from "node:fs";
import { parseProject, rollUp, runChart } from "pace-qi";

const project = parseProject(JSON.parse(readFileSync(new URL("./pace-project.json", import.meta.url), "utf8")));
const summary = rollUp(project, {
  // Every measure as a run chart, PACE rules, in the measure's own direction of improvement, the
  // centre line set by the series' baseline: defaults = { x: "x", y: "y", direction, baseline? }.
  analyse: (measure, rows, { defaults }) => runChart(rows, defaults),
});

console.log(`${summary.title}\nAim: ${summary.aim.statement}\n`);
console.log("Measures:");
for (const m of summary.measures) {
  const latest = m.latest === null ? "no data" : `latest ${m.latest.y}${m.unit === "%" ? "%" : ` ${m.unit}`} (${m.latest.x})`;
  console.log(`- [${m.type}] ${m.name}: ${m.verdict.text}; ${latest}`);
}
console.log("\nChange ideas:");
for (const c of summary.changeIdeas) console.log(`- ${c.label}: ${c.status}${c.cycles.length > 0 ? ` after ${c.cycles.length} PDSA cycle(s)` : ""}`);
