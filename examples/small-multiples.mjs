// Small multiples: one p chart per authority of the % of permanence recommendations made within
// 26 weeks of accommodation, by quarter, from simulated case records. Glasgow and Fife were
// simulated with faster practice from January 2023, so their panels should show improvement
// signals and the others should not.
// Run with: npm run build && node examples/small-multiples.mjs
import { writeFileSync } from "node:fs";
import { controlChart, renderSmallMultiples, simulateCases, stageDurations } from "pace-qi";

const authorities = ["Glasgow City", "Edinburgh", "Fife", "North Lanarkshire", "South Lanarkshire", "Aberdeenshire"];
const faster = ["Glasgow City", "Fife"];
const sim = (names, seed, extra) => simulateCases({ seed, start: "2021-01-01", end: "2024-12-31", children: 4000, authorities: names, ...extra });
const events = [
  ...sim(authorities.filter((a) => !faster.includes(a)), 11, {}),
  ...sim(faster, 12, { improvementFrom: "2023-01-01", improvementFactor: 0.55 }).map((e) => ({ ...e, child: `F${e.child}` })),
];
const { rows } = stageDurations(events, "recommendation", { asOf: "2024-12-31", group: "authority" });

// One row per authority and quarter of the recommendation: made, and made within 26 weeks.
const cells = new Map();
for (const r of rows) {
  if (r.censored || r.end < "2022-01-01") continue;
  const quarter = `${r.end.slice(0, 4)}-${String(Math.floor((Number(r.end.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, "0")}-01`;
  const key = `${r.group}|${quarter}`;
  const c = cells.get(key) ?? { authority: r.group, quarter, within: 0, made: 0 };
  c.made += 1;
  if (r.withinTarget) c.within += 1;
  cells.set(key, c);
}
const table = [...cells.values()].sort((a, b) => authorities.indexOf(a.authority) - authorities.indexOf(b.authority) || a.quarter.localeCompare(b.quarter));

const groups = controlChart(table, { type: "p", x: "quarter", y: "within", n: "made", multiply: 100, by: "authority", direction: "increase", baseline: 4 });
for (const g of groups) console.log(`${g.key}: ${g.chart.signals.length} signal(s)`);
const svg = renderSmallMultiples(groups, {
  title: "Permanence recommendations within 26 weeks of accommodation, by authority",
  subtitle: "p charts by quarter, 2022–2024 (simulated data); limits from the first four quarters",
  yLabel: "%",
  width: 1100,
});
writeFileSync("small-multiples.html", `<!DOCTYPE html><meta charset="utf-8"><title>Small multiples</title><body style="margin:0">${svg}</body>`);
console.log("wrote small-multiples.html");
