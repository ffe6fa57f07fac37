// Twelfth user trial: the "Scotland" row of a table of 32 councils was plotted as a 33rd one.
import { describe, expect, it } from "vitest";
import { isTotalName } from "../../src/cli/totalRows.js";

describe("isTotalName: the names of a total row", () => {
  it("total words, and a country among its councils", () => {
    for (const n of ["Total", "TOTAL", "Totals", "Grand total", "Sub-total", "All", "All local authorities", "all LAs", "Scotland", "Scotland¹", "Scotland (1)", "Scotland [note 3]", "Scotland total", "Total Scotland", "Total for all local authorities", "England", "Wales", "UK", "United Kingdom", "England and Wales", "Overall", "National"]) {
      expect([n, isTotalName(n, false)]).toEqual([n, true]);
    }
  });

  it("organisations are not totals, nor the nations when two or more are compared", () => {
    for (const n of ["Fife", "City of Edinburgh", "Na h-Eileanan Siar", "Allerdale", "Total Care Ltd", "All Saints Academy", "Scottish Borders", "NHS Scotland Borders", ""]) {
      expect([n, isTotalName(n, false)]).toEqual([n, false]);
    }
    expect(["Scotland", "England", "Wales", "Northern Ireland"].map((n) => isTotalName(n, true))).toEqual([false, false, false, false]);
    expect(["UK", "Total", "Great Britain"].map((n) => isTotalName(n, true))).toEqual([true, true, true]);
  });
});
