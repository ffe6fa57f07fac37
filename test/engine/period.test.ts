import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { controlChart, readPeriodLabel, renderControlChart, renderRunChart, runChart, summariseMeasures } from "../../src/index.js";
import { formatPeriod, resolvePeriod, startsPeriod } from "../../src/engine/period.js";
import { buildXAxis, dateTickLabels } from "../../src/render/axis.js";
import { parseIsoDay } from "../../src/_lib/calendar.js";
import { fails } from "../_shared/fails.js";

const day = (iso: string) => parseIsoDay(iso);
const quarters = (from: number, count: number) => Array.from({ length: count }, (_, k) => `${from + Math.floor(k / 4)}-${String(((k % 4) * 3) + 1).padStart(2, "0")}-01`);
/** Days from permanence plan to order by quarter: 8 quarters around 40, then 8 around 30. */
const DAYS = [40, 42, 39, 41, 43, 40, 38, 41, 33, 31, 30, 32, 29, 31, 30, 28];
const rows = quarters(2021, 16).map((q, i) => ({ q, days: DAYS[i]! }));


describe("period: how dated points are written", () => {
  it("labels a quarterly run chart's signals by quarter, and says so in settings", () => {
    const chart = runChart(rows, { x: "q", y: "days", period: "quarter", direction: "decrease" });
    expect(chart.settings.period).toBe("quarter");
    expect(chart.signals.map((s) => s.message)).toEqual([
      "8 points above the median from 2021 Q1 to 2022 Q4: a shift, a deterioration.",
      "Too few runs: 2 runs in 16 useful observations, where chance alone gives at least 5: a sign that the process has shifted.",
      "8 points below the median from 2023 Q1 to 2024 Q4: a shift, an improvement.",
    ]);
  });

  it("defaults as before: month when every date is the 1st, day otherwise, null without dates", () => {
    expect(runChart(rows, { x: "q", y: "days" }).settings.period).toBe("month");
    expect(runChart(rows, { x: "q", y: "days" }).signals[0]!.message).toContain("from Jan 2021 to Oct 2022");
    expect(runChart([{ d: "2024-01-02", y: 1 }, { d: "2024-01-09", y: 2 }], { x: "d", y: "y" }).settings.period).toBe("day");
    expect(runChart([1, 2, 3]).settings.period).toBeNull();
    expect(controlChart([{ x: 1, y: 2 }, { x: 2, y: 3 }, { x: 3, y: 2 }], { type: "i", x: "x", y: "y" }).settings.period).toBeNull();
  });

  it("labels control charts, CUSUM and EWMA by year", () => {
    const years = rows.map((r, i) => ({ ...r, q: `${2000 + i}-01-01` }));
    const i = controlChart(years, { type: "i", x: "q", y: "days", period: "year" });
    expect(i.settings.period).toBe("year");
    expect(i.signals[0]!.message).toBe("2004 (43) is above the upper control limit 42.2: special-cause variation.");
    const cusum = controlChart(years, { type: "cusum", x: "q", y: "days", period: "year", baseline: 8 });
    expect(cusum.settings.period).toBe("year");
    expect(cusum.signals.map((s) => s.message).join(" ")).toMatch(/\b20(0|1)\d\b/);
    expect(cusum.signals.map((s) => s.message).join(" ")).not.toMatch(/Jan 20/);
  });

  it("refuses a period the dates do not start, a period without dates, and a misspelt period", () => {
    const off = rows.map((r, i) => (i === 3 ? { ...r, q: "2021-11-01" } : r));
    const e1 = fails(() => runChart(off, { x: "q", y: "days", period: "quarter" }));
    expect(e1.code).toBe("invalid-option");
    expect(e1.path).toEqual(["options", "period"]);
    expect(e1.message).toContain("1 Nov 2021 is not the first day of a quarter (1 Jan, 1 Apr, 1 Jul or 1 Oct)");
    expect(fails(() => controlChart(off, { type: "i", x: "q", y: "days", period: "year" })).message).toContain("is not 1 January");
    expect(fails(() => runChart([1, 2, 3], { period: "month" })).message).toContain("x is not given");
    expect(fails(() => runChart([{ x: 1, y: 1 }], { x: "x", y: "y", period: "month" })).message).toContain("x is numbers");
    const e4 = fails(() => runChart(rows, { x: "q", y: "days", period: "quarterly" as "quarter" }));
    expect(e4.code).toBe("invalid-option");
    expect(e4.message).toContain('period must be one of "day", "week", "month", "quarter", "year"');
  });

  it("writes weeks and days as days, whatever day they fall on", () => {
    const weeks = [{ w: "2024-05-06", y: 1 }, { w: "2024-05-13", y: 2 }, { w: "2024-05-20", y: 3 }];
    expect(runChart(weeks, { x: "w", y: "y", period: "week" }).settings.period).toBe("week");
    expect(formatPeriod(day("2024-05-06"), "week")).toBe("6 May 2024");
    expect(formatPeriod(day("2024-04-01"), "day")).toBe("1 Apr 2024");
  });

  it("formatPeriod and startsPeriod agree with the calendar on every day of 1990–2030", () => {
    fc.assert(
      fc.property(fc.integer({ min: day("1990-01-01"), max: day("2030-12-31") }), (d) => {
        const iso = new Date(d * 86_400_000).toISOString().slice(0, 10);
        const [y, m, dd] = iso.split("-").map(Number) as [number, number, number];
        expect(startsPeriod(d, "month")).toBe(dd === 1);
        expect(startsPeriod(d, "quarter")).toBe(dd === 1 && [1, 4, 7, 10].includes(m));
        expect(startsPeriod(d, "year")).toBe(dd === 1 && m === 1);
        expect(formatPeriod(d, "quarter")).toBe(`${y} Q${Math.ceil(m / 3)}`);
        expect(formatPeriod(d, "year")).toBe(String(y));
      }),
      { numRuns: 2000 },
    );
    expect(resolvePeriod(undefined, "date", [])).toBe("month");
  });
});

describe("period on the chart", () => {
  it("ticks a quarterly chart at quarter starts, labelled 2024 Q1, Q2 … and tooltips by quarter", () => {
    const keys = quarters(2023, 6).map(day);
    const axis = buildXAxis("date", keys, [0, 600], false, "quarter");
    expect(axis.ticks.map((t) => t.label)).toEqual(["2023 Q1", "Q2", "Q3", "Q4", "2024 Q1", "Q2"]);
    expect(axis.format(day("2023-07-01"))).toBe("2023 Q3");
    // An annotation on a day inside a quarter is written as the day.
    expect(axis.format(day("2023-08-15"))).toBe("15 Aug 2023");
    expect(dateTickLabels([day("2023-10-01"), day("2024-01-01"), day("2024-04-01")], "quarter")).toEqual(["2023 Q4", "2024 Q1", "Q2"]);
  });

  it("ticks a short monthly chart on months, not weeks", () => {
    const keys = ["2024-01-01", "2024-02-01", "2024-03-01"].map(day);
    const labels = buildXAxis("date", keys, [0, 600], false, "month").ticks.map((t) => t.label);
    expect(labels).toEqual(["Jan 2024", "Feb", "Mar"]);
  });

  it("renders a quarterly run chart: ticks, tooltips and <desc> all say quarters", () => {
    const svg = renderRunChart(runChart(rows, { x: "q", y: "days", period: "quarter", direction: "decrease" }));
    expect(svg).toContain("<title>2021 Q1: 40 (deterioration: shift)</title>");
    // Four years of quarters: d3 ticks each year, all quarter starts, written as years.
    expect(svg.match(/class="axis axis-x".*?<\/g>/)![0].match(/>([^<]+)<\/text>/g)).toEqual([">2021</text>", ">2022</text>", ">2023</text>", ">2024</text>"]);
    expect(svg).toContain("from 2023 Q1 to 2024 Q4");
    expect(svg).not.toMatch(/<title>1 (Jan|Apr|Jul|Oct) 20/);
  });

  it("renders a chart saved without settings.period (pace-qi 0.1) as before, and refuses a bad one", () => {
    const chart = controlChart(rows, { type: "i", x: "q", y: "days" });
    const { period: _p, ...old } = chart.settings;
    expect(renderControlChart({ ...chart, settings: old } as typeof chart)).toContain("<title>Jan 2021: 40</title>");
    const bad = { ...chart, settings: { ...chart.settings, period: "fortnight" } } as unknown as typeof chart;
    expect(fails(() => renderControlChart(bad)).path).toEqual(["chart", "settings", "period"]);
  });

  it("the summary of measures writes the latest point by the chart's period", () => {
    const summary = summariseMeasures([{ name: "Days", chart: runChart(rows, { x: "q", y: "days", period: "quarter", direction: "decrease" }) }]);
    expect(summary.rows[0]!.latest!.label).toBe("2024 Q4");
  });
});

describe("readPeriodLabel: months and quarters as published tables write them", () => {
  it.each([
    ["2024-01", "2024-01-01", "month"],
    ["01/2024", "2024-01-01", "month"],
    ["1/2024", "2024-01-01", "month"],
    ["Jan 2024", "2024-01-01", "month"],
    ["jan-2024", "2024-01-01", "month"],
    ["January 2024", "2024-01-01", "month"],
    ["Sept 2024", "2024-09-01", "month"],
    ["Sep-24", "2024-09-01", "month"],
    ["Apr-22", "2022-04-01", "month"],
    ["Dec-29", "2029-12-01", "month"],
    ["Oct-99", "1999-10-01", "month"],
    ["Jan 30", "1930-01-01", "month"],
    [" DEC 2023 ", "2023-12-01", "month"],
    ["2024 Q1", "2024-01-01", "quarter"],
    ["2024-Q3", "2024-07-01", "quarter"],
    ["2024Q4", "2024-10-01", "quarter"],
    ["Q2 2024", "2024-04-01", "quarter"],
    ["q2-2024", "2024-04-01", "quarter"],
    ["2024 Quarter 3", "2024-07-01", "quarter"],
    ["Quarter 2 2023", "2023-04-01", "quarter"],
  ])("%s → %s (%s)", (text, start, period) => {
    expect(readPeriodLabel(text)).toEqual({ start, period });
  });

  it.each(["2024-13", "13/2024", "2024-01-15", "Foo 2024", "2024 Q5", "Q0 2024", "2024 Quarter 5", "2024/25 Q1", "2024/25 Quarter 1", "2024", "", "Source: PHS"])("%j is not a month or a quarter", (text) => {
    expect(readPeriodLabel(text)).toBeNull();
  });

  it("reads back every month and quarter of 1900–2099 as it writes them", () => {
    const names = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2099 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const start = `${y}-${String(m).padStart(2, "0")}-01`;
        expect(readPeriodLabel(`${names[m - 1]} ${y}`)).toEqual({ start, period: "month" });
        expect(readPeriodLabel(start.slice(0, 7))).toEqual({ start, period: "month" });
        const q = Math.ceil(m / 3);
        expect(readPeriodLabel(`${y} Q${q}`)!.start).toBe(`${y}-${String(q * 3 - 2).padStart(2, "0")}-01`);
      }),
    );
  });
});

describe("split years: financial years (April), their quarters and CLAS years (August)", () => {
  it.each([
    ["2024/25", "financial-year", "2024-04-01", "financial-year"],
    ["2024-25", "financial-year", "2024-04-01", "financial-year"],
    ["2024/2025", "financial-year", "2024-04-01", "financial-year"],
    ["FY 2024/25", "financial-year", "2024-04-01", "financial-year"],
    ["fy2024-25", "financial-year", "2024-04-01", "financial-year"],
    ["1999/00", "financial-year", "1999-04-01", "financial-year"],
    ["2011-12", "financial-year", "2011-04-01", "financial-year"],
    ["2024/25 Q1", "financial-year", "2024-04-01", "financial-quarter"],
    ["2024-25 Q2", "financial-year", "2024-07-01", "financial-quarter"],
    ["Q3 2024/25", "financial-year", "2024-10-01", "financial-quarter"],
    ["2024/25 Q4", "financial-year", "2025-01-01", "financial-quarter"],
    ["2022-23", "clas-year", "2022-08-01", "clas-year"],
    // A two-digit first year after "FY" (Excel's cut-off: 00–29 → 20xx), and "Quarter 1".
    ["FY24/25", "financial-year", "2024-04-01", "financial-year"],
    ["FY 99/00", "financial-year", "1999-04-01", "financial-year"],
    ["FY24/25 Q2", "financial-year", "2024-07-01", "financial-quarter"],
    ["2024/25 Quarter 1", "financial-year", "2024-04-01", "financial-quarter"],
    ["Quarter 4 2024-25", "financial-year", "2025-01-01", "financial-quarter"],
    ["2024/25, Q3", "financial-year", "2024-10-01", "financial-quarter"],
    // Not split years: read as before.
    ["2024-01", "financial-year", "2024-01-01", "month"],
    ["2024 Q1", "financial-year", "2024-01-01", "quarter"],
  ] as const)("%s as %s → %s (%s)", (text, years, start, period) => {
    expect(readPeriodLabel(text, years)).toEqual({ start, period });
  });

  it("without years, split years are not read, and 2011-12 is December 2011 (ISO 8601) — but a label that says FY is a financial year's", () => {
    expect(readPeriodLabel("FY24/25")).toEqual({ start: "2024-04-01", period: "financial-year" });
    expect(readPeriodLabel("FY 2024/25 Q2")).toEqual({ start: "2024-07-01", period: "financial-quarter" });
    expect(readPeriodLabel("Q4 FY24/25")).toEqual({ start: "2025-01-01", period: "financial-quarter" });
    expect(readPeriodLabel("FY2024/26")).toBeNull();
    expect(readPeriodLabel("2024/25")).toBeNull();
    expect(readPeriodLabel("2024/25 Q1")).toBeNull();
    expect(readPeriodLabel("2011-12")).toEqual({ start: "2011-12-01", period: "month" });
  });

  it("refuses a second year that does not follow the first, CLAS quarters, and an unknown kind of year", () => {
    expect(readPeriodLabel("2024/26", "financial-year")).toBeNull();
    expect(readPeriodLabel("2024-2026", "financial-year")).toBeNull();
    expect(readPeriodLabel("2022/23 Q1", "clas-year")).toBeNull();
    // "FY" names a financial year: never a CLAS year.
    expect(readPeriodLabel("FY 2022/23", "clas-year")).toBeNull();
    expect(readPeriodLabel("FY22/23", "clas-year")).toBeNull();
    // A two-digit first year without "FY" is too like a day and a month.
    expect(readPeriodLabel("24/25", "financial-year")).toBeNull();
    expect(readPeriodLabel("FY24/26", "financial-year")).toBeNull();
    expect(fails(() => readPeriodLabel("2024/25", "academic-year" as "clas-year")).path).toEqual(["years"]);
  });

  it("writes each as it reads: 2024/25, 2024/25 Q1 … Q4, and 1999/00 across the century", () => {
    expect(formatPeriod(day("2024-04-01"), "financial-year")).toBe("2024/25");
    expect(formatPeriod(day("2025-03-31"), "financial-year")).toBe("2024/25");
    expect(formatPeriod(day("1999-04-01"), "financial-year")).toBe("1999/00");
    expect(formatPeriod(day("2022-08-01"), "clas-year")).toBe("2022/23");
    expect(formatPeriod(day("2023-07-31"), "clas-year")).toBe("2022/23");
    expect(["2024-04-01", "2024-07-01", "2024-10-01", "2025-01-01"].map((d) => formatPeriod(day(d), "financial-quarter"))).toEqual(["2024/25 Q1", "2024/25 Q2", "2024/25 Q3", "2024/25 Q4"]);
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2098 }), fc.integer({ min: 1, max: 4 }), (y, q) => {
        const fy = `${y}/${String((y + 1) % 100).padStart(2, "0")}`;
        const year = readPeriodLabel(fy, "financial-year")!;
        expect(formatPeriod(day(year.start), "financial-year")).toBe(fy);
        const quarter = readPeriodLabel(`${fy} Q${q}`, "financial-year")!;
        expect(formatPeriod(day(quarter.start), "financial-quarter")).toBe(`${fy} Q${q}`);
        expect(startsPeriod(day(quarter.start), "financial-quarter")).toBe(true);
      }),
    );
  });

  it("a chart by financial year: each date must be 1 April; messages, ticks and tooltips say 2019/20", () => {
    const ys = [30, 31, 29, 30, 32, 30, 22, 21, 20, 22, 21, 20];
    const fyRows = ys.map((y, i) => ({ fy: `${2012 + i}-04-01`, y }));
    const chart = runChart(fyRows, { x: "fy", y: "y", period: "financial-year", direction: "decrease" });
    expect(chart.settings.period).toBe("financial-year");
    expect(chart.signals.map((s) => s.message)).toContain("6 points below the median from 2018/19 to 2023/24: a shift, an improvement.");
    const svg = renderRunChart(chart);
    expect(svg).toContain("<title>2012/13: 30 (deterioration: shift)</title>");
    const ticks = svg.match(/class="axis axis-x".*?<\/g>/)![0].match(/>([^<]+)<\/text>/g)!;
    expect(ticks.every((t) => /^>20\d\d\/\d\d<\/text>$/.test(t))).toBe(true);
    expect(fails(() => runChart([{ fy: "2012-01-01", y: 1 }], { x: "fy", y: "y", period: "financial-year" })).message).toContain("is not 1 April");
  });

  it("ticks financial quarters as 2024/25 Q1, Q2, Q3, Q4, 2025/26 Q1", () => {
    const keys = ["2024-04-01", "2024-07-01", "2024-10-01", "2025-01-01", "2025-04-01"].map(day);
    expect(buildXAxis("date", keys, [0, 600], false, "financial-quarter").ticks.map((t) => t.label)).toEqual(["2024/25 Q1", "Q2", "Q3", "Q4", "2025/26 Q1"]);
  });

  it("a long chart of financial quarters or years ticks financial years, never a calendar year (second user trial: 16 quarters read 2022, 2023…)", () => {
    const fq = Array.from({ length: 16 }, (_, k) => day(`${2021 + Math.floor((k + 1) / 4)}-${String((((k * 3) + 3) % 12) + 1).padStart(2, "0")}-01`));
    expect(fq.map((d) => formatPeriod(d, "financial-quarter")).slice(0, 5)).toEqual(["2021/22 Q1", "2021/22 Q2", "2021/22 Q3", "2021/22 Q4", "2022/23 Q1"]);
    const labels = buildXAxis("date", fq, [0, 600], false, "financial-quarter").ticks.map((t) => t.label);
    expect(labels).toEqual(["2021/22", "2022/23", "2023/24", "2024/25"]);
    const fy = Array.from({ length: 14 }, (_, k) => day(`${2010 + k}-04-01`));
    const years = buildXAxis("date", fy, [0, 560], false, "financial-year").ticks.map((t) => t.label);
    expect(years.length).toBeLessThan(9);
    expect(years.every((l) => /^20\d\d\/\d\d$/.test(l))).toBe(true);
    expect(years[0]).toBe("2010/11");
  });
});
