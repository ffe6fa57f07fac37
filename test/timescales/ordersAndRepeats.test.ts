// Issue #12: an order column whose type is in another column (`orderType`), and numbered columns
// of a recurring milestone ("LAC Review 2") in the library's wide-export reader.
import { describe, expect, it } from "vitest";
import { checkCaseRecords, recogniseColumns, stageDurations } from "../../src/index.js";
import { QiError } from "../../src/_lib/error.js";

// A tracker as a script builds it from a spreadsheet: one row per child, human headers.
const TRACKER = [
  { "Child ID": "A", Accommodated: "2023-01-10", "Perm Rec": "2023-06-01", Petition: "2023-09-01", "Order Granted": "2024-02-01", "Order Type": "Adoption" },
  { "Child ID": "B", Accommodated: "2023-02-01", "Perm Rec": "2023-05-01", Petition: "2023-08-01", "Order Granted": "2024-01-15", "Order Type": "POA" },
  { "Child ID": "C", Accommodated: "2023-03-01", "Perm Rec": "2023-07-01", Petition: "2023-10-01", "Order Granted": "2024-03-01", "Order Type": "s11" },
  { "Child ID": "D", Accommodated: "2023-04-01", "Perm Rec": "2023-08-01", Petition: "", "Order Granted": "", "Order Type": "" },
];
const COLUMNS = { accommodated: "Accommodated", "permanence-recommendation": "Perm Rec", "petition-lodged": "Petition" };
const ORDER = { column: "Order Granted", type: "Order Type" };

describe("orderType: an order column split by its type column", () => {
  it("each dated order becomes the milestone its type names: the same durations as separate columns", () => {
    const split = stageDurations(TRACKER, "order", { child: "Child ID", columns: COLUMNS, orderType: ORDER, asOf: "2024-06-30" });
    // The same tracker with a column per order (as a tracker without a type column has it).
    const byColumn = TRACKER.map((r) => ({ ...r, [r["Order Type"] || "none"]: r["Order Granted"] }));
    const separate = stageDurations(byColumn, "order", {
      child: "Child ID",
      columns: { ...COLUMNS, "adoption-order": "Adoption", "permanence-order-authority-to-adopt": "POA", "kinship-care-order": "s11" },
      asOf: "2024-06-30",
    });
    expect(split.rows.map((r) => [r.child, r.to, r.days, r.censored])).toEqual([
      ["A", "adoption-order", 153, false],
      ["B", "permanence-order-authority-to-adopt", 167, false],
      ["C", "kinship-care-order", 152, false],
    ]);
    expect(split.rows).toEqual(separate.rows);
  });

  it("a date with a blank or unknown type is left out (with the episodes it could change, counted); a date that differs from the milestone's own column is an error", () => {
    const rows = [
      { ...TRACKER[0]!, "Order Type": "Residence" },
      { ...TRACKER[1]!, "Order Type": " " },
      { ...TRACKER[2]!, "s11 date": "2024-03-02" },
    ];
    let err: unknown;
    try {
      stageDurations(rows, "order", { child: "Child ID", columns: { ...COLUMNS, "kinship-care-order": "s11 date" }, orderType: ORDER });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(QiError);
    const issues = (err as QiError).issues!;
    // Was also unknown-order-type at rows 0 and 1 (second user trial: one blank type stopped every stage).
    expect(issues.map((i) => [i.code, i.path])).toEqual([["conflicting-rows", ["events", 2, "Order Granted"]]]);
    expect(issues[0]!.message).toBe('kinship-care-order is 2024-03-02 in "s11 date" but 2024-03-01 in "Order Granted" (child "C")');
  });

  it("checkCaseRecords reports the same problems with child, row, column and value", () => {
    const rows = [{ ...TRACKER[0]!, "Order Type": "Residence" }, TRACKER[1]!, { ...TRACKER[2]!, "s11 date": "2024-03-02" }];
    const c = checkCaseRecords(rows, { child: "Child ID", columns: { ...COLUMNS, "kinship-care-order": "s11 date" }, orderType: ORDER, asOf: "2024-04-01" });
    expect(c.issues.map((i) => [i.code, i.child, i.row, i.column, i.value])).toEqual([
      ["unknown-order-type", "A", 0, "Order Type", "Residence"],
      ["conflicting-rows", "C", 2, "Order Granted", "2024-03-01"],
    ]);
  });

  it("orderType is checked: an object with column and type only", () => {
    const bad = (o: unknown): string => {
      try {
        stageDurations(TRACKER, "order", { child: "Child ID", columns: COLUMNS, orderType: o as typeof ORDER });
      } catch (e) {
        return `${(e as QiError).code} ${(e as QiError).path.join(".")}`;
      }
      return "no error";
    };
    expect(bad("Order Type")).toBe("invalid-option options.orderType");
    expect(bad({ column: "Order Granted" })).toBe("invalid-option options.orderType.type");
    expect(bad({ ...ORDER, typ: "x" })).toBe("invalid-option options.orderType.typ");
  });
});

describe("numbered columns of a recurring milestone", () => {
  it("recogniseColumns: LAC Review, LAC Review 2, LAAC Review 3 are one milestone in order; a once-only milestone's number is not read", () => {
    const m = recogniseColumns(["Child ID", "Date Accommodated", "LAAC Review 3", "LAC Review", "LAC Review 2", "2nd Panel", "Panel", "Looked after 2", "Looked after"]);
    expect(m.columns["lac-review"]).toBe("LAC Review");
    expect(m.repeats).toEqual({ "lac-review": ["LAC Review 2", "LAAC Review 3"], "permanence-panel": ["2nd Panel"] });
    // Scotland's catalogue: becoming looked after happens once an episode.
    expect(m.ignored).toEqual([{ column: "Looked after 2", reason: "a numbered looked-after column, but looked-after happens once an episode: not read (map it with the columns option if it holds another milestone)" }]);
    expect(() => recogniseColumns(["Child ID", "LAC Review 2", "Review 2"])).toThrow(/both lac-review number 2/);
  });

  it("a list of columns per milestone: each dated one is an event (reviews recur); repeats of a once-only milestone are checked", () => {
    const rows = [
      { child: "A", acc: "2024-01-01", r1: "2024-01-20", r2: "2024-04-20", r3: "", rec: "2024-05-01", la1: "2024-01-01", la2: "2024-03-01" },
    ];
    const c = checkCaseRecords(rows, { columns: { accommodated: "acc", "lac-review": ["r1", "r2", "r3"], "permanence-recommendation": "rec", "looked-after": ["la1", "la2"] }, asOf: "2024-06-01" });
    expect(c.issues.map((i) => [i.code, i.column, i.value])).toEqual([["repeated-milestone", "la2", "2024-03-01"]]);
    const d = stageDurations(rows, "recommendation", { columns: { accommodated: "acc", "lac-review": ["r1", "r2", "r3"], "permanence-recommendation": "rec" }, asOf: "2024-06-01" });
    expect(d.rows.map((r) => [r.child, r.days])).toEqual([["A", 121]]);
    // With accessors the further columns are named "lac-review 2"… in problems.
    let err: unknown;
    try {
      stageDurations([{ ...rows[0]!, r2: "2024-02-30" }], "recommendation", { columns: { accommodated: "acc", "lac-review": [(d: { r1: string; r2: string }) => d.r1, (d: { r1: string; r2: string }) => d.r2], "permanence-recommendation": "rec" } });
    } catch (e) {
      err = e;
    }
    expect((err as QiError).path).toEqual(["events", 0, "lac-review 2"]);
  });
});
