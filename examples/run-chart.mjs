// Run chart of a bundled sample series (ESM). Run with: npm run build && node examples/run-chart.mjs
import { readFileSync } from "node:fs";
import { runChart, summariseRunChart } from "pace-qi";

const { description, rows } = JSON.parse(readFileSync(new URL("./data/recommendation-weeks.json", import.meta.url), "utf8"));

const chart = runChart(rows, {
  x: "month",
  y: "weeks",
  notes: "note",
  direction: "decrease", // fewer weeks waiting is better
  baseline: 24, // the first two years set the median
});

console.log(description);
console.log();
console.log("Weeks from accommodation to permanence recommendation, PACE rules:");
console.log(summariseRunChart(chart));
