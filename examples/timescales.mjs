// Permanence timescales from case records (ESM): simulate a Scottish data set with an improvement,
// measure the PACE "accommodated → permanence recommendation" stage, and read its run chart.
// Run with: npm run build && node examples/timescales.mjs
import { PACE_STAGES, driftList, kaplanMeier, runChart, simulateCases, stageDurations, summariseRunChart, timescaleSeries } from "pace-qi";

// Five years of synthetic case records; children accommodated from June 2024 move 40% faster.
const events = simulateCases({ seed: 7, start: "2021-01-01", end: "2025-12-31", improvementFrom: "2024-06-01", improvementFactor: 0.6 });
console.log(`${events.length} events, e.g.`, events[0]);

// One row per child: days from accommodation to the recommendation; open cases are censored.
const stage = PACE_STAGES.recommendation;
const durations = stageDurations(events, stage, { asOf: "2025-12-31", group: "authority" });
const { completed, censored } = durations.counts;
console.log(`\n${stage.label} (target ${stage.target} days): ${completed} completed, ${censored} still open`);

// Kaplan–Meier median with its 95% interval counts the open cases too.
const km = kaplanMeier(durations.rows);
console.log(`Kaplan–Meier median ${km.median} days (95% CI ${km.medianLower}–${km.medianUpper})`);

// Monthly median days by month of completion, from 2022 (the first year only completes short stays).
const monthly = timescaleSeries(durations, { series: "period", period: "month" }).filter((r) => !r.partial && r.x >= "2022-01-01");
const chart = runChart(monthly, { x: "x", y: "y", direction: "decrease" });
console.log("\nMedian days by month of completion, PACE rules:");
console.log(summariseRunChart(chart));

// The drift list: open cases already past the target, longest first.
const drift = driftList(durations);
console.log(`\n${drift.length} children past the ${stage.target}-day target; the longest waits:`);
for (const d of drift.slice(0, 3)) console.log(`  ${d.child} (${d.group}): ${d.daysOpen} days since ${d.start}`);
