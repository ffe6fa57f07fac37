// Comparing Scotland's 32 authorities on a funnel plot (Spiegelhalter 2005, as FunnelPlotR):
// % of permanence recommendations made within 26 weeks of accommodation, from simulated case
// records. Two authorities (Fife, Highland) were simulated with faster practice; the funnel
// should find them and nobody else at 99.8 %.
// Run with: npm run build && node examples/funnel-plot.mjs
import { writeFileSync } from "node:fs";
import { funnelPlot, renderFunnelPlot, simulateCases, stageDurations, summariseFunnelPlot } from "pace-qi";

const faster = ["Fife", "Highland"];
const usual = simulateCases({ seed: 2024, start: "2022-01-01", end: "2024-12-31" }).filter((e) => !faster.includes(e.authority));
const quick = simulateCases({ seed: 7, start: "2022-01-01", end: "2024-12-31", children: 900, authorities: faster, improvementFrom: "2022-01-01", improvementFactor: 0.6 })
  .map((e) => ({ ...e, child: `Q${e.child}` })); // child ids unique across the two simulations
const { rows } = stageDurations([...usual, ...quick], "recommendation", { asOf: "2024-12-31", group: "authority" });

// One row per authority: recommendations made, and how many within 26 weeks (182 days).
const byAuthority = new Map();
for (const r of rows) {
  if (r.censored) continue; // no recommendation yet (or the child left care first)
  const t = byAuthority.get(r.group) ?? { authority: r.group, within: 0, recommendations: 0 };
  t.recommendations += 1;
  if (r.withinTarget) t.within += 1;
  byAuthority.set(r.group, t);
}
const table = [...byAuthority.values()].sort((a, b) => a.authority.localeCompare(b.authority));

const funnel = funnelPlot(table, { group: "authority", numerator: "within", denominator: "recommendations", multiplier: 100 });
console.log(summariseFunnelPlot(funnel));
console.log(`target ${(funnel.target * 100).toFixed(1)} %, φ = ${funnel.phi.toFixed(3)}, τ² = ${funnel.tau2.toExponential(2)}, ${funnel.limitsUsed} limits`);

const svg = renderFunnelPlot(funnel, {
  title: "Permanence recommendations within 26 weeks, 2022–2024",
  subtitle: "32 Scottish authorities (simulated); limits adjusted for overdispersion",
  xLabel: "Recommendations made", yLabel: "% within 26 weeks",
  highlight: "Dundee City", direction: "increase",
});
if (process.argv[2]) writeFileSync(process.argv[2], svg); // node examples/funnel-plot.mjs funnel.svg
