/**
 * One options policy (issue #16): every public function of render, pdsa, drivers, project and
 * measures that takes options rejects a misspelled key with a QiError `unknown-option` whose path
 * and message name it (with "did you mean" when a known key is near).
 */
import { describe, expect, it } from "vitest";
import {
  QiError,
  checkCaseRecords,
  cumulativeIncidence,
  driverDiagramToMermaid,
  fidelity,
  funnelPlot,
  paretoChart,
  parseDriverDiagram,
  pathsToAim,
  ramp,
  rollUp,
  runChart,
  controlChart,
  safeParseDriverDiagram,
  summariseMeasures,
  validateDriverDiagram,
} from "../../src/index.js";
import {
  renderCaseRecordsCheck,
  renderControlChart,
  renderCumulativeIncidence,
  renderDriverDiagram,
  renderFunnelPlot,
  renderParetoChart,
  renderReport,
  renderRunChart,
  renderSmallMultiples,
  renderSummaryTable,
  summariseCumulativeIncidence,
} from "../../src/render/index.js";
import { diagram } from "../drivers/fixture.js";
import { cycles, project } from "../project/fixture.js";

const ys = [3, 4, 3, 5, 4, 3, 4, 8, 9, 8, 9, 10, 9];
const run = runChart(ys.map((y, i) => ({ x: i + 1, y })), { x: "x", y: "y", direction: "increase" });
const control = controlChart(ys, { type: "i" });
const ci = cumulativeIncidence([{ days: 100, route: "home" }, { days: 200, route: "adoption" }, { days: 400, route: null }]);
const funnel = funnelPlot([{ la: "A", within: 40, children: 50 }, { la: "B", within: 12, children: 30 }, { la: "C", within: 70, children: 90 }], { group: "la", numerator: "within", denominator: "children", multiplier: 100 });
const byTeam = runChart(["North", "South"].flatMap((team) => [40, 42, 38, 45, 50, 55, 60, 58].map((value, i) => ({ team, month: `2024-0${i + 1}-01`, value }))), { x: "month", y: "value", by: "team" });

/** Each public function with options: a call with `options` and a real key to misspell. */
const CASES: Array<{ name: string; call: (options: Record<string, unknown>) => unknown; key: string; typo: string }> = [
  { name: "renderRunChart", call: (o) => renderRunChart(run, o), key: "title", typo: "titel" },
  { name: "renderControlChart", call: (o) => renderControlChart(control, o), key: "caption", typo: "captoin" },
  { name: "renderDriverDiagram", call: (o) => renderDriverDiagram(diagram, o), key: "status", typo: "staus" },
  { name: "renderReport", call: (o) => renderReport(project, o), key: "generated", typo: "generatd" },
  { name: "renderFunnelPlot", call: (o) => renderFunnelPlot(funnel, o), key: "highlight", typo: "higlight" },
  { name: "renderSummaryTable", call: (o) => renderSummaryTable(summariseMeasures([{ name: "m", chart: run }]), o), key: "standalone", typo: "standalone_" },
  { name: "renderCaseRecordsCheck", call: (o) => renderCaseRecordsCheck(checkCaseRecords([{ child: "A", milestone: "accommodated", date: "2024-02-01" }]), o), key: "maxPerKind", typo: "maxPerkin" },
  { name: "renderParetoChart", call: (o) => renderParetoChart(paretoChart(["Court", "Panel", "Court"]), o), key: "yLabel", typo: "ylable" },
  { name: "renderCumulativeIncidence", call: (o) => renderCumulativeIncidence(ci, o), key: "width", typo: "widht" },
  { name: "summariseCumulativeIncidence", call: (o) => summariseCumulativeIncidence(ci, o), key: "at", typo: "att" },
  { name: "renderSmallMultiples", call: (o) => renderSmallMultiples(byTeam, o), key: "columns", typo: "colums" },
  { name: "validateDriverDiagram", call: (o) => validateDriverDiagram(diagram, o), key: "smartAim", typo: "smartaim_" },
  { name: "driverDiagramToMermaid", call: (o) => driverDiagramToMermaid(diagram, o), key: "classes", typo: "clases" },
  { name: "pathsToAim", call: (o) => pathsToAim(diagram, "c1", o), key: "limit", typo: "limt" },
  { name: "parseDriverDiagram", call: (o) => parseDriverDiagram(diagram, o), key: "validate", typo: "valdiate" },
  { name: "rollUp", call: (o) => rollUp(project, o), key: "analyse", typo: "analyze" },
  { name: "fidelity (cycle)", call: (o) => fidelity(cycles[0]!, o), key: "minDataPoints", typo: "minDatapoint" },
  { name: "fidelity (ramp)", call: (o) => fidelity(ramp(cycles, cycles[0]!.changeIdea), o), key: "smallScaleMax", typo: "smallScalemax_" },
];

describe("one options policy: a misspelled option is unknown-option naming it", () => {
  for (const c of CASES) {
    it(c.name, () => {
      let thrown: unknown;
      try {
        c.call({ [c.typo]: 1 });
      } catch (e) {
        thrown = e;
      }
      expect(QiError.is(thrown), `${c.name} threw ${String(thrown)}`).toBe(true);
      const e = thrown as QiError;
      expect(e.code).toBe("unknown-option");
      expect(e.path).toEqual(["options", c.typo]);
      expect(e.message).toContain(`"${c.typo}"`);
      expect(e.message).toContain(`did you mean "${c.key}"?`);
    });
  }

  it("safeParseDriverDiagram reports a misspelled option as its error rather than throwing", () => {
    const r = safeParseDriverDiagram(diagram, { valdiate: false } as never);
    expect(r.success).toBe(false);
    expect(!r.success && (r.error as QiError).code).toBe("unknown-option");
  });

  it("boolean and function options are checked the same way (invalid-option naming the option)", () => {
    for (const call of [
      () => driverDiagramToMermaid(diagram, { classes: "no" as never }),
      () => validateDriverDiagram(diagram, { smartAim: 0 as never }),
      () => parseDriverDiagram(diagram, { validate: "false" as never }),
      () => renderCaseRecordsCheck(checkCaseRecords([]), { rowLabel: 3 as never }),
      () => renderCaseRecordsCheck(checkCaseRecords([]), { page: "yes" as never }),
      () => renderCaseRecordsCheck(checkCaseRecords([]), { maxPerKind: -1 }),
      () => fidelity(cycles[0]!, { dataPoints: 3 as never }),
      () => rollUp(project, { fidelity: 3 as never }),
    ]) {
      expect(call).toThrow(expect.objectContaining({ code: "invalid-option" }));
    }
  });
});
