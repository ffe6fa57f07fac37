import { describe, expect, it } from "vitest";
import { ENGLAND_MILESTONES, QiError, headerKey, matchMilestone, matchOrderType, recogniseColumns, stageDurations } from "../../src/index.js";

function fails(f: () => unknown): QiError {
  try {
    f();
  } catch (e) {
    if (e instanceof QiError) return e;
    throw e;
  }
  throw new Error("did not throw");
}

describe("matchMilestone: ids and names written as people write them", () => {
  it.each([
    ["permanence-recommendation", "permanence-recommendation"],
    ["permanence_recommendation", "permanence-recommendation"],
    ["Permanence Recommendation", "permanence-recommendation"],
    ["PermanenceRecommendation", "permanence-recommendation"],
    ["Date of Perm Rec", "permanence-recommendation"],
    ["Perm Rec Date", "permanence-recommendation"],
    ["Date Accommodated", "accommodated"],
    ["LAC Review", "lac-review"],
    ["LAAC review date", "lac-review"],
    ["ADM", "adm-decision"],
    ["ADM decision date", "adm-decision"],
    ["Panel", "permanence-panel"],
    ["Petition", "petition-lodged"],
    ["PO", "permanence-order"],
    ["POA", "permanence-order-authority-to-adopt"],
    ["PO with ATA", "permanence-order-authority-to-adopt"],
    ["KCO", "kinship-care-order"],
    ["s.11", "kinship-care-order"],
    ["S11 order", "kinship-care-order"],
    ["Returned home", "returned-home"],
    ["Ceased", "ceased-looked-after"],
    ["Date ceased to be looked after", "ceased-looked-after"],
    ["Became looked after", "looked-after"],
  ])("%s → %s", (name, id) => {
    expect(matchMilestone(name)).toBe(id);
  });

  it("unknown or generic names are null, never a guess", () => {
    expect(matchMilestone("Reason ceased")).toBeNull();
    expect(matchMilestone("Order Granted")).toBeNull();
    expect(matchMilestone("Team")).toBeNull();
    // an alias for a milestone the catalogue does not have is not matched
    expect(matchMilestone("PO", { catalogue: ENGLAND_MILESTONES })).toBeNull();
    expect(matchMilestone("SGO", { catalogue: ENGLAND_MILESTONES })).toBe("special-guardianship-order");
  });

  it("order types", () => {
    expect(matchOrderType("Adoption")).toBe("adoption-order");
    expect(matchOrderType("PO")).toBe("permanence-order");
    expect(matchOrderType("POA")).toBe("permanence-order-authority-to-adopt");
    expect(matchOrderType("KCO")).toBe("kinship-care-order");
    expect(matchOrderType("s11")).toBe("kinship-care-order");
    expect(matchOrderType("s.11 order")).toBe("kinship-care-order");
    expect(matchOrderType("Residence")).toBeNull();
  });

  it("headerKey", () => {
    expect(headerKey(" Date of  Perm. Rec ")).toBe("permrec");
    expect(headerKey("s.11")).toBe("s11");
  });

  it("the library matches milestone names and stage ids the same way", () => {
    const events = [
      { child: "A", milestone: "Accommodated", date: "2024-01-01" },
      { child: "A", milestone: "perm rec", date: "2024-02-01" },
      { child: "B", milestone: "accommodated", date: "2024-01-05" },
    ];
    const a = stageDurations(events, { from: "Date Accommodated", to: "permanence_recommendation" }, { asOf: "2024-03-01", splitEpisodesAt: "Looked After" });
    expect(a.stage.from).toEqual(["accommodated"]);
    expect(a.stage.to).toEqual(["permanence-recommendation"]);
    expect(a.rows.map((r) => [r.child, r.days, r.censored])).toEqual([["A", 31, false], ["B", 56, true]]);
    const wide = stageDurations([{ id: "A", acc: "2024-01-01", rec: "2024-02-01" }], "recommendation", { format: "wide", child: "id", columns: { Accommodated: "acc", "Perm Rec": "rec" }, asOf: "2024-03-01" });
    expect(wide.rows[0]!.days).toBe(31);
  });
});

describe("recogniseColumns", () => {
  const WIDE = ["Child ID", "Team", "Date of Birth", "Date Accommodated", "LAAC Review", "Perm Rec Date", "Panel", "ADM", "Petition", "Order Granted", "Order Type", "Returned Home", "Ceased", "Reason ceased", "LAC Review 2"];

  it("a wide export with human headers and an order-type column", () => {
    const m = recogniseColumns(WIDE, { orderType: "Order Type", other: ["Team"] });
    expect(m).toEqual({
      format: "wide",
      child: "Child ID",
      episode: null,
      dateOfBirth: "Date of Birth",
      milestone: null,
      date: null,
      columns: {
        accommodated: "Date Accommodated",
        "lac-review": "LAAC Review",
        "permanence-recommendation": "Perm Rec Date",
        "permanence-panel": "Panel",
        "adm-decision": "ADM",
        "petition-lodged": "Petition",
        "returned-home": "Returned Home",
        "ceased-looked-after": "Ceased",
      },
      // Issue #12: a numbered review column is the milestone again (reviews recur).
      repeats: { "lac-review": ["LAC Review 2"] },
      orderColumn: "Order Granted",
      orderType: "Order Type",
      ignored: [
        { column: "Team", reason: "used as the group" },
        { column: "Reason ceased", reason: "not a milestone, child, episode or date-of-birth column" },
      ],
    });
  });

  it("a generic order column without its type column is an error naming it and the choices", () => {
    const e = fails(() => recogniseColumns(WIDE));
    expect(e.code).toBe("ambiguous-column");
    expect(e.message).toContain('"Order Granted" could be any of permanence-order, permanence-order-authority-to-adopt, kinship-care-order, adoption-order');
    expect(e.message).toContain("with orderType");
  });

  it("two columns for one milestone is an error naming both", () => {
    const e = fails(() => recogniseColumns(["Child", "Accommodated", "Date accommodated"]));
    expect(e.code).toBe("ambiguous-column");
    expect(e.message).toContain('"Accommodated" and "Date accommodated" both look like accommodated');
    const g = fails(() => recogniseColumns(["Child", "acc", "Accommodated"], { columns: { accommodated: "acc", Accommodated: "Accommodated" } }));
    expect(g.message).toContain("two columns are given for accommodated");
    // a given column wins over a recognised one, which is listed as ignored
    const ok = recogniseColumns(["Child", "acc", "Accommodated"], { columns: { accommodated: "acc" } });
    expect(ok.columns).toEqual({ accommodated: "acc" });
    expect(ok.ignored).toEqual([{ column: "Accommodated", reason: 'accommodated is read from "acc" (given)' }]);
  });

  it("long vs wide is told from the headers", () => {
    const m = recogniseColumns(["Child Ref", "Event", "Event Date", "Authority"]);
    expect(m).toMatchObject({ format: "long", child: "Child Ref", milestone: "Event", date: "Event Date" });
    expect(m.ignored).toEqual([{ column: "Authority", reason: "not a milestone, child, episode or date-of-birth column" }]);
    const e = fails(() => recogniseColumns(["child", "a", "b"]));
    expect(e.code).toBe("unrecognised-format");
    expect(e.message).toContain("with the columns option (milestone id → column)");
  });

  it("the child column by its usual names; two of one kind is an error", () => {
    expect(recogniseColumns(["Person ID", "ID", "Accommodated"]).child).toBe("Person ID");
    expect(recogniseColumns(["child_id", "Accommodated"]).child).toBe("child_id");
    expect(fails(() => recogniseColumns(["Child ID", "Child Ref", "Accommodated"])).message).toContain('"Child ID" and "Child Ref"');
    expect(fails(() => recogniseColumns(["Name", "Accommodated"])).code).toBe("missing-column");
  });
});
