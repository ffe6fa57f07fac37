// Twelfth user trial: the "Scotland" row of a table of 32 councils was plotted as a 33rd one.
import { describe, expect, it } from "vitest";
import { isTotalName } from "../../src/funnel/totals.js";

describe("isTotalName: the names of a total row", () => {
  it("total words, and a country among its councils", () => {
    for (const n of ["Total", "TOTAL", "Totals", "Grand total", "Sub-total", "All", "All local authorities", "all LAs", "Scotland", "Scotland¹", "Scotland (1)", "Scotland [note 3]", "Scotland total", "Total Scotland", "Total for all local authorities", "England", "Wales", "UK", "United Kingdom", "England and Wales", "Overall", "National"]) {
      expect([n, isTotalName(n, false)]).toEqual([n, true]);
    }
  });

  // Thirteenth user trial: "Scotland - total" and "All Scottish local authorities" were plotted as organisations.
  it("'total' as a word at the end or before for/of/a separator, and 'All … <collective noun>'", () => {
    for (const n of ["Scotland - total", "Scotland – Total", "Total for Scotland", "Total of all councils", "Total - Scotland", "Total: all areas", "Grand Total", "All areas: totals", "Scotland total¹", "All Scottish local authorities", "ALL SCOTTISH COUNCILS", "All 32 local authorities", "All NHS boards", "All health and social care partnerships", "All Scottish LAs", "All HSCPs", "All council areas in Scotland", "All English regions", "All Scottish local authorities (2)"]) {
      expect([n, isTotalName(n, false)]).toEqual([n, true]);
    }
    for (const n of ["Total Care Ltd", "Totally Kids", "Subtotalled Ltd", "All Saints Academy", "All Saints Community Services", "Allerdale", "Alloa Academy"]) {
      expect([n, isTotalName(n, false)]).toEqual([n, false]);
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
