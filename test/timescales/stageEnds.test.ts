// Second user trial (trial 13): a tracker with "Returned Home" and no "Perm Rec Date" column had
// the recommendation stage estimated (C05 518, C04 273, C02 121 days over on the drift list);
// one blank Order Type stopped the whole run while the check said the order "is left out".
import { describe, expect, it } from "vitest";
import { checkCaseRecords, stageDurations, paceTimescales } from "../../src/index.js";

const HOME = [
  { id: "C01", acc: "01/04/2024", home: "", panel: "10/10/2024", adm: "20/10/2024", ceased: "" },
  { id: "C02", acc: "01/06/2024", home: "", panel: "", adm: "", ceased: "" },
  { id: "C03", acc: "01/07/2024", home: "15/09/2024", panel: "", adm: "", ceased: "15/09/2024" },
  { id: "C04", acc: "01/01/2024", home: "", panel: "", adm: "", ceased: "" },
  { id: "C05", acc: "01/05/2023", home: "", panel: "", adm: "", ceased: "" },
  { id: "C06", acc: "01/08/2024", home: "", panel: "01/02/2025", adm: "", ceased: "" },
];
const HOME_OPTS = {
  child: "id", dates: "uk" as const, asOf: "31/03/2025",
  columns: { accommodated: "acc", "returned-home": "home", "permanence-panel": "panel", "adm-decision": "adm", "ceased-looked-after": "ceased" },
};

describe("a stage is estimated only when its defining end has a column", () => {
  it("a return-home column alone does not estimate the recommendation (it listed C05, C04, C02 as drifting)", () => {
    const d = stageDurations(HOME, "recommendation", HOME_OPTS);
    expect(d.notEstimated).toEqual({ missing: ["permanence-recommendation"] });
    expect(d.rows).toEqual([]);
    expect(d.warnings.map((w) => w.message)).toContain(
      "recommendation not estimated: the records have no column for permanence-recommendation (the stage's end); milestones with a column: accommodated, permanence-panel, adm-decision, returned-home, ceased-looked-after",
    );
    const p = paceTimescales(HOME, { ...HOME_OPTS, stages: ["recommendation", "adm"] });
    expect(p.stages.adm!.durations.notEstimated).toBeNull();
  });

  it("a recommendation column without a return-home one: estimated, with the leaving-end-no-column warning", () => {
    const rows = [{ id: "A", acc: "01/02/2024", rec: "" }, { id: "B", acc: "01/03/2024", rec: "01/04/2024" }];
    const d = stageDurations(rows, "recommendation", { child: "id", dates: "uk", asOf: "31/12/2024", columns: { accommodated: "acc", "permanence-recommendation": "rec" } });
    expect(d.notEstimated).toBeNull();
    expect(d.rows.map((r) => [r.child, r.status, r.days])).toEqual([["A", "open", 334], ["B", "reached", 31]]);
    expect(d.warnings).toContainEqual({
      code: "leaving-end-no-column",
      message: "the records have no column for returned-home, which also ends the stage: a child who left that way cannot be told from one still waiting, so the open rows and the drift list may include such children",
    });
    // With the column, no such warning.
    const withHome = stageDurations(rows.map((r) => ({ ...r, home: "" })), "recommendation", { child: "id", dates: "uk", asOf: "31/12/2024", columns: { accommodated: "acc", "permanence-recommendation": "rec", "returned-home": "home" } });
    expect(withHome.warnings.map((w) => w.code)).not.toContain("leaving-end-no-column");
  });

  it("the check names the missing defining column (it said No problems found)", () => {
    const c = checkCaseRecords(HOME, HOME_OPTS);
    expect(c.warnings).toContain(
      "no column for a milestone that these PACE stages start or end at, so they cannot be estimated from these records (and a milestone without a column is not checked for missing-earlier or completeness): recommendation needs permanence-recommendation; panel needs permanence-recommendation; petition needs petition-lodged; order needs petition-lodged and an order (any of the four); overall needs looked-after and an order (any of the four)",
    );
  });
});

describe("an order whose type is blank: left out, with the episodes it could change", () => {
  const T = [
    { id: "D1", acc: "01/02/2023", rec: "01/06/2023", panel: "", order: "01/03/2024", type: "PO" },
    { id: "D2", acc: "01/02/2023", rec: "01/06/2023", panel: "", order: "01/03/2024", type: "" },
    { id: "D3", acc: "01/02/2023", rec: "", panel: "", order: "", type: "" },
  ];
  const opts = { child: "id", dates: "uk" as const, asOf: "31/03/2025", columns: { accommodated: "acc", "permanence-recommendation": "rec", "permanence-panel": "panel" }, orderType: { column: "order", type: "type" } };

  it("no error; D2's recommendation (reached before the order) is kept, its panel stage left out and counted", () => {
    const rec = stageDurations(T, "recommendation", opts);
    expect(rec.rows.map((r) => [r.child, r.status, r.days])).toEqual([["D1", "reached", 120], ["D2", "reached", 120], ["D3", "open", 789]]);
    expect(rec.counts.unknownOrderType).toBe(0);
    const panel = stageDurations(T, "panel", opts);
    // D1: a permanence order with no panel date is missing-end; D2 left out for its order's type.
    expect(panel.rows).toEqual([]);
    expect(panel.counts).toMatchObject({ missingEnd: 1, unknownOrderType: 1, inStage: 0 });
    expect(panel.warnings).toContainEqual({
      code: "unknown-order-type",
      message: "1 episode has an order whose type is blank or unknown and no stage end before it, so it is left out (the stage's end depends on which order it was; fill in the type: child \"D2\", row 1)",
    });
  });
});
