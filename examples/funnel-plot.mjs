// Comparing Scotland's 32 authorities on a funnel plot (Spiegelhalter 2005, as FunnelPlotR):
// % of permanence decisions made within 26 weeks of accommodation, from simulated case records.
// A decision is PACE Aim 2's: a permanence recommendation or a return home, whichever comes first
// (the `recommendation` stage). Two authorities (Fife, Highland) were simulated with faster
// practice; the funnel should find them and nobody else at 99.8 %.
// Run with: npm run build && node examples/funnel-plot.mjs
import { writeFileSync } from "node:fs";
import { funnelPlot, renderFunnelPlot, simulateCases, stageDurations, summariseFunnelPlot } from "pace-qi";

const faster = ["Fife", "Highland"];
const usual = simulateCases({ seed: 2024, start: "2022-01-01", end: "2024-12-31" }).filter((e) => !faster.includes(e.authority));
const quick = simulateCases({ seed: 7, start: "2022-01-01", end: "2024-12-31", children: 900, authorities: faster, improvementFrom: "2022-01-01", improvementFactor: 0.6 })
  .map((e) => ({ ...e, child: `Q${e.child}` })); // child ids unique across the two simulations
const { rows } = stageDurations([...usual, ...quick], "recommendation", { asOf: "2024-12-31", group: "authority" });

// The definition, explicit: an authority's denominator is the decisions made by 31 Dec 2024
// (status "reached": a recommendation or a return home). Children still waiting are left out
// (open); so are children whose episode ended first, e.g. who ceased to be looked after with
// neither ("exited"): "exclude", as timescaleSeries' default; "include" counts each as a decision
// not made within 26 weeks.
const exits = "exclude";
const byAuthority = new Map();
const tally = { recommendation: 0, home: 0, open: 0, exited: 0 };
for (const r of rows) {
  if (r.status === "open") { tally.open += 1; continue; }
  if (r.status === "exited") tally.exited += 1;
  else tally[r.to === "returned-home" ? "home" : "recommendation"] += 1;
  if (r.status === "exited" && exits === "exclude") continue;
  const t = byAuthority.get(r.group) ?? { authority: r.group, within: 0, decisions: 0 };
  t.decisions += 1;
  if (r.withinTarget) t.within += 1; // false for an exit under "include"
  byAuthority.set(r.group, t);
}
console.log(`${rows.length} children accommodated: ${tally.recommendation} recommendations, ${tally.home} returned home first, ${tally.open} still waiting (left out), ${tally.exited} left care first (exits: "${exits}")`);
const table = [...byAuthority.values()].sort((a, b) => a.authority.localeCompare(b.authority));

const funnel = funnelPlot(table, { group: "authority", numerator: "within", denominator: "decisions", multiplier: 100 });
console.log(summariseFunnelPlot(funnel));
console.log(`target ${(funnel.target * 100).toFixed(1)} %, φ = ${funnel.phi.toFixed(3)}, τ² = ${funnel.tau2.toExponential(2)}, ${funnel.limitsUsed} limits`);

const svg = renderFunnelPlot(funnel, {
  title: "Permanence decisions within 26 weeks, 2022–2024",
  subtitle: "32 Scottish authorities (simulated); limits adjusted for overdispersion",
  xLabel: "Decisions made (recommendation or return home)", yLabel: "% within 26 weeks",
  highlight: "Dundee City", direction: "increase",
});
if (process.argv[2]) writeFileSync(process.argv[2], svg); // node examples/funnel-plot.mjs funnel.svg
