// A p chart from CommonJS: the share of new accommodations with a planning meeting within 14 days.
// Run with: npm run build && node examples/control-chart.cjs
const { controlChart, summariseVerdict } = require("pace-qi");

// Monthly audits: meetings held within 14 days (met) out of children accommodated (n).
const months = ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06", "2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12",
  "2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-07", "2025-08"];
const met = [4, 5, 3, 6, 4, 5, 4, 6, 5, 4, 12, 13, 12, 14, 11, 13, 14, 12, 13, 15];
const n = [16, 15, 14, 17, 15, 16, 14, 18, 16, 15, 17, 16, 15, 17, 14, 16, 17, 15, 16, 18];
const rows = months.map((m, i) => ({ month: `${m}-01`, met: met[i], children: n[i] }));

// Limits from the first ten months (before the two-week meeting was introduced), NHS Making Data Count rules.
const chart = controlChart(rows, { type: "p", x: "month", y: "met", n: "children", baseline: 10, rules: "mdc", direction: "increase", multiply: 100, target: 80 });
const base = chart.phases[0];
console.log(`p chart: centre ${base.centre.toFixed(1)}%, average limits ${base.lclAverage.toFixed(1)}–${base.uclAverage.toFixed(1)}%`);
for (const s of chart.signals.slice(0, 3)) console.log(`- ${s.message}`);
if (chart.signals.length > 3) console.log(`  … and ${chart.signals.length - 3} more signals`);
console.log(`Variation: ${base.variationIcon}; assurance against 80%: ${base.assuranceIcon}`);
console.log(`Verdict: ${summariseVerdict({ signals: chart.signals }).text}`);
