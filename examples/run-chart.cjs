// The same analysis from CommonJS: Node scripts that use require() get the bundled CJS build.
const { readFileSync } = require("node:fs");
const path = require("node:path");
const { runChart, QiError } = require("pace-qi");

const { rows } = JSON.parse(readFileSync(path.join(__dirname, "data", "recommendation-weeks.json"), "utf8"));
const chart = runChart(rows, { x: "month", y: "weeks", rules: "anhoej", direction: "decrease" });
const phase = chart.phases[0];
console.log(`Anhøj rules: median ${phase.centre} weeks, longest run ${phase.longestRun} (max ${phase.longestRunMax}), crossings ${phase.crossings} (min ${phase.crossingsMin}): ${phase.signal ? "non-random variation" : "random variation"}.`);

try {
  runChart([], {});
} catch (e) {
  if (e instanceof QiError) console.log(`Bad input is a QiError: ${e.code} at ${JSON.stringify(e.path)}`);
}
