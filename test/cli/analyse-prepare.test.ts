import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";

// Real-shaped files, made up here: what analysts export before any tidying.

const HOSPITALS = ["North", "South", "West"] as const;
const TYPES = ["SSI", "UTI", "BSI"] as const;
const month = (k: number) => `${2023 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, "0")}-01`;

/** Infections by hospital, infection type and month (one row each), with patient days. */
function infectionsCsv(): string {
  const lines = ["month,hospital,type,infections,patient_days,reported"];
  for (let k = 0; k < 24; k++) {
    HOSPITALS.forEach((h, a) =>
      TYPES.forEach((t, b) => {
        const days = 2000 + 300 * a + 10 * ((k * 7 + b) % 11);
        const inf = 1 + ((k * 3 + a * 5 + b * 2) % 6);
        lines.push(`${month(k)},${h},${t},${inf},${days},${(k + b) % 4 === 0 ? "FALSE" : "TRUE"}`);
      }),
    );
  }
  return `${lines.join("\n")}\n`;
}

/** One row per child seen, dated by day (UK dates), with a yes/no for a plan within 14 days. */
function plansCsv(): string {
  const lines = ["seen,team,plan_within_14"];
  for (let d = 0; d < 180; d++) {
    const date = new Date(Date.UTC(2024, 0, 1 + d));
    const uk = `${String(date.getUTCDate()).padStart(2, "0")}/${String(date.getUTCMonth() + 1).padStart(2, "0")}/${date.getUTCFullYear()}`;
    if (d % 3 === 2) continue; // not every day has a child
    lines.push(`${uk},${d % 2 === 0 ? "A" : "B"},${(d * 7) % 10 < (d < 90 ? 4 : 8) ? "yes" : "no"}`);
  }
  return `${lines.join("\n")}\n`;
}

/** Days waited by each child, dated by the day the wait ended. */
function waitsCsv(): string {
  const lines = ["ended,days"];
  for (let d = 0; d < 365; d += 2) {
    const date = new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10);
    lines.push(`${date},${40 + ((d * 13) % 29) - (d > 180 ? 15 : 0)}`);
  }
  return `${lines.join("\n")}\n`;
}

const sum = (xs: number[]) => xs.reduce((a, v) => a + v, 0);
const rowsOf = (csv: string) => csv.trim().split("\n").slice(1).map((l) => l.split(","));

describe.skipIf(!HAVE_BIN).concurrent("pace-qi analyse: preparing real-shaped files", { timeout: 120_000 }, () => {
  const files = { "infections.csv": infectionsCsv(), "plans.csv": plansCsv(), "waits.csv": waitsCsv() };

  it("a u chart by hospital sums the three infection types of a month, and says so", async () => {
    const dir = tempDir(files);
    const r = await run(["analyse", "infections.csv", "--x", "month", "--y", "infections", "--n", "patient_days", "--chart", "u", "--by", "hospital", "--json"], dir);
    expect(r.code).toBe(0);
    const groups = JSON.parse(r.stdout) as { key: string; chart: { points: { y: number }[]; warnings: { code: string; message: string }[] } }[];
    expect(groups.map((g) => g.key)).toEqual(["North", "South", "West"]);
    expect(groups[0]!.chart.points).toHaveLength(24);
    const north = rowsOf(files["infections.csv"]).filter((c) => c[0] === "2023-01-01" && c[1] === "North");
    expect(groups[0]!.chart.points[0]!.y).toBeCloseTo(sum(north.map((c) => Number(c[3]))) / sum(north.map((c) => Number(c[4]))), 12);
    // Never summed in silence: the warning says how many rows and how they were combined.
    expect(groups[0]!.chart.warnings[0]!.code).toBe("rows-combined");
    expect(groups[0]!.chart.warnings[0]!.message).toMatch(/^72 rows share an x with another row \(24 x values, .*\): their values and their denominators were summed, and the point is Σy \/ Σn/);
    // The text summary carries the same note under each hospital.
    const text = await run(["analyse", "infections.csv", "--x", "month", "--y", "infections", "--n", "patient_days", "--chart", "u", "--by", "hospital"], dir);
    expect(text.stdout).toContain("hospital = West: 24 points of infections/patient_days by month (u chart, shewhart rules, direction neutral)");
    expect(text.stdout.match(/Note: 72 rows share an x with another row/g)).toHaveLength(3);
  });

  it("--filter keeps one infection type (no combining); != drops one; filters on two columns", async () => {
    const dir = tempDir(files);
    const base = ["analyse", "infections.csv", "--x", "month", "--y", "infections", "--n", "patient_days", "--chart", "u", "--json"];
    const ssi = JSON.parse((await run([...base, "--by", "hospital", "--filter", "type=SSI"], dir)).stdout) as { chart: { points: { y: number }[]; warnings: unknown[] } }[];
    expect(ssi[1]!.chart.points).toHaveLength(24);
    expect(ssi[1]!.chart.warnings).toEqual([]);
    const row = rowsOf(files["infections.csv"]).find((c) => c[1] === "South" && c[2] === "SSI")!;
    expect(ssi[1]!.chart.points[0]!.y).toBeCloseTo(Number(row[3]) / Number(row[4]), 12);
    const two = JSON.parse((await run([...base, "--filter", "hospital=North", "--filter", "type!=SSI"], dir)).stdout);
    expect(two.warnings[0].message).toMatch(/^48 rows share an x with another row \(24 x values/);
    // Two = filters on one column keep either value.
    const either = JSON.parse((await run([...base, "--filter", "hospital=North", "--filter", "hospital=South", "--filter", "type=SSI"], dir)).stdout);
    expect(either.warnings[0].message).toMatch(/^48 rows share an x with another row \(24 x values/);
    const text = await run([...base.slice(0, -1), "--filter", "hospital=North"], dir);
    expect(text.stdout.split("\n")[0]).toBe("Rows: 72 of 216 (hospital = North)");
  });

  it("--multiply turns a rate per patient day into a rate per 10,000 days", async () => {
    const dir = tempDir(files);
    const base = ["analyse", "infections.csv", "--x", "month", "--y", "infections", "--n", "patient_days", "--chart", "u", "--filter", "hospital=West", "--json"];
    const a = JSON.parse((await run(base, dir)).stdout);
    const b = JSON.parse((await run([...base, "--multiply", "10000"], dir)).stdout);
    expect(b.points[3].y).toBeCloseTo(a.points[3].y * 10000, 9);
    expect(b.phases[0].centre).toBeCloseTo(a.phases[0].centre * 10000, 9);
    expect(b.phases[0].centre).toBeGreaterThan(5);
    const text = await run([...base.slice(0, -1), "--multiply", "10000"], dir);
    expect(text.stdout).toContain("24 points of infections/patient_days × 10000 by month (u chart");
  });

  it("a TRUE/FALSE column is read as 1/0: a p chart of the share of rows reported", async () => {
    const dir = tempDir(files);
    const r = await run(["analyse", "infections.csv", "--x", "month", "--y", "reported", "--chart", "p", "--filter", "hospital=North", "--json"], dir);
    expect(r.code).toBe(0);
    const chart = JSON.parse(r.stdout);
    const jan = rowsOf(files["infections.csv"]).filter((c) => c[0] === "2023-01-01" && c[1] === "North");
    expect(chart.points[0].y).toBeCloseTo(jan.filter((c) => c[5] === "TRUE").length / 3, 12);
    expect(chart.warnings.map((w: { code: string }) => w.code)).toEqual(["logical-column", "n-per-row", "rows-combined"]);
    expect(chart.warnings[1].message).toBe("each row is one case: n = number of rows with a reported value");
  });

  it("--period month rolls daily yes/no rows up into a monthly p chart (UK dates)", async () => {
    const dir = tempDir(files);
    const r = await run(["analyse", "plans.csv", "--x", "seen", "--dates", "uk", "--y", "plan_within_14", "--chart", "p", "--period", "month", "--json"], dir);
    expect(r.code).toBe(0);
    const chart = JSON.parse(r.stdout);
    expect(chart.points.map((p: { x: string }) => p.x)).toEqual(["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01", "2024-05-01", "2024-06-01"]);
    const jan = rowsOf(files["plans.csv"]).filter((c) => c[0]!.endsWith("/01/2024"));
    expect(chart.points[0].y).toBeCloseTo(jan.filter((c) => c[2] === "yes").length / jan.length, 12);
    // One note for the roll-up and how the rows combine: the library's rows-combined ("120 rows share
    // an x with another row (6 x values, …)") repeated the roll-up (a user trial).
    expect(chart.warnings.map((w: { code: string }) => w.code)).toEqual(["logical-column", "n-per-row", "period-rollup"]);
    expect(chart.warnings[2].message).toBe("120 rows rolled up into 6 months (each date read as the month it falls in): their values and their denominators were summed, and the point is Σy / Σn (as qicharts2 with a denominator).");
  });

  it("--period with --aggregate: daily waits to monthly medians, weekly means; without --aggregate it is an error", async () => {
    const dir = tempDir(files);
    const r = await run(["analyse", "waits.csv", "--x", "ended", "--y", "days", "--period", "month", "--aggregate", "median", "--direction", "decrease", "--json"], dir);
    expect(r.code).toBe(0);
    const chart = JSON.parse(r.stdout);
    expect(chart.points).toHaveLength(12);
    const jan = rowsOf(files["waits.csv"]).filter((c) => c[0]!.startsWith("2024-01")).map((c) => Number(c[1])).sort((a, b) => a - b);
    expect(chart.points[0].y).toBe(jan.length % 2 ? jan[jan.length >> 1] : (jan[jan.length / 2 - 1]! + jan[jan.length / 2]!) / 2);
    // The waits step down 15 days from July: six months above the median, then six below (level-change).
    expect(chart.warnings.map((w: { code: string }) => w.code)).toEqual(["period-rollup", "level-change"]);
    expect(chart.warnings[0].message).toBe("183 rows rolled up into 12 months (each date read as the month it falls in): the median of their values was taken (--aggregate median).");
    const week = JSON.parse((await run(["analyse", "waits.csv", "--x", "ended", "--y", "days", "--period", "week", "--aggregate", "count", "--json"], dir)).stdout);
    expect(week.points[0].x).toBe("2024-01-01"); // a Monday
    expect(week.points[1].x).toBe("2024-01-08");
    expect(week.points[0].y).toBe(4); // 1, 3, 5, 7 January
    const sd = JSON.parse((await run(["analyse", "waits.csv", "--x", "ended", "--y", "days", "--period", "quarter", "--aggregate", "sd", "--chart", "i", "--json"], dir)).stdout);
    expect(sd.points.map((p: { x: string }) => p.x)).toEqual(["2024-01-01", "2024-04-01", "2024-07-01", "2024-10-01"]);
    const none = await run(["analyse", "waits.csv", "--x", "ended", "--y", "days", "--period", "month"], dir);
    expect(none.code).toBe(2);
    expect(none.stderr.split("\n")[0]).toBe("pace-qi analyse: --period month: say how the rows of a month combine with --aggregate sum, mean, median, count or sd");
  });

  it("--n on an i chart and a run chart reaches the library: they plot y/n (as qicharts2); --target reaches a run chart", async () => {
    const dir = tempDir(files);
    const base = ["analyse", "infections.csv", "--x", "month", "--y", "infections", "--n", "patient_days", "--filter", "hospital=South", "--filter", "type=UTI", "--json"];
    const row = rowsOf(files["infections.csv"]).find((c) => c[1] === "South" && c[2] === "UTI")!;
    const i = JSON.parse((await run([...base, "--chart", "i", "--multiply", "10000"], dir)).stdout);
    expect(i.type).toBe("i");
    expect(i.points[0].y).toBeCloseTo((Number(row[3]) / Number(row[4])) * 10000, 9);
    expect(i.phases[0].centre).toBeGreaterThan(1);
    expect(i.phases[0].centre).toBeLessThan(40);
    const r = JSON.parse((await run([...base, "--target", "0.001"], dir)).stdout);
    expect(r.points[0].y).toBeCloseTo(Number(row[3]) / Number(row[4]), 12);
    expect(r.settings.target).toBe(0.001);
  });

  it("--svg of a filtered, multiplied chart says so in its subtitle", async () => {
    const dir = tempDir(files);
    const r = await run(["analyse", "infections.csv", "--x", "month", "--y", "infections", "--n", "patient_days", "--chart", "u", "--filter", "type=BSI", "--multiply", "10000", "--svg", "bsi.svg"], dir);
    expect(r.code).toBe(0);
    const svg = readFileSync(join(dir, "bsi.svg"), "utf8");
    expect(svg).toContain("type = BSI");
  });
});

describe.skipIf(!HAVE_BIN).concurrent("pace-qi analyse: every flag takes effect or is an error", { timeout: 120_000 }, () => {
  const files = { "infections.csv": infectionsCsv(), "waits.csv": waitsCsv() };
  it.each([
    [["--filter", "ward=7"], 1, "pace-qi: infections.csv: --filter 'ward=7': no column 'ward' (columns: month, hospital, type, infections, patient_days, reported)"],
    [["--filter", "type=SSl"], 1, "pace-qi: infections.csv: --filter 'type=SSl': no row has 'SSl' in column 'type' (values: 'SSI', 'UTI', 'BSI')"],
    [["--filter", "type"], 2, "pace-qi analyse: --filter 'type' must be COLUMN=VALUE or COLUMN!=VALUE"],
    [["--n", "nosuchcol", "--chart", "u"], 1, "pace-qi: infections.csv: no column 'nosuchcol' (columns: month, hospital, type, infections, patient_days, reported); name the right one with --n"],
    [["--n", "patient_days", "--chart", "c"], 2, "pace-qi analyse: --n is for p, pp, u and up charts, and run and i charts of a ratio y/n (here --chart c); a count per denominator is a u chart"],
    [["--n", "patient_days", "--chart", "u", "--aggregate", "mean"], 2, "pace-qi analyse: --aggregate mean: a u chart combines rows that share an x by summing y and n (give --aggregate sum, or leave it out)"],
    [["--chart", "xbar", "--aggregate", "mean"], 2, "pace-qi analyse: --aggregate is not for xbar charts: their rows that share an x form the subgroup"],
    [["--chart", "i"], 1, "pace-qi: infections.csv: row 3, column month: '2023-01-01' is already on row 2; an i chart needs one value per month: combine the rows first, or give --aggregate mean, median, sum, count or sd"],
    [["--multiply", "0"], 2, "pace-qi analyse: --multiply '0' must be a number > 0 (e.g. 100 for a percentage, 10000 for a rate per 10,000)"],
    [["--period", "fortnight"], 2, "pace-qi analyse: --period 'fortnight' is not one of: week, month, quarter, year, financial-quarter, financial-year, clas-year"],
    [["--title", "Infections"], 2, "pace-qi analyse: --title is the title of the SVG chart: give --svg FILE as well"],
  ])("%j", async (flags, code, message) => {
    const dir = tempDir(files);
    const r = await run(["analyse", "infections.csv", "--x", "month", "--y", "infections", ...flags], dir);
    expect(r.stderr.split("\n")[0]).toBe(message);
    expect(r.code).toBe(code);
  });

  it("--period needs dates; --delimiter is for CSV; --aggregate with nothing to combine is a note", async () => {
    const dir = tempDir({ ...files, "w.json": JSON.stringify([{ week: 1, y: 3 }, { week: 2, y: 4 }]) });
    const a = await run(["analyse", "w.json", "--x", "week", "--period", "month", "--aggregate", "sum"], dir);
    expect(a.stderr.split("\n")[0]).toBe("pace-qi analyse: --period month: column week holds numbers, not dates");
    const b = await run(["analyse", "w.json", "--delimiter", ";"], dir);
    expect(b.stderr.split("\n")[0]).toBe("pace-qi analyse: --delimiter is for CSV files; 'w.json' is read as JSON");
    const c = await run(["analyse", "waits.csv", "--x", "ended", "--y", "days", "--aggregate", "mean"], dir);
    expect(c.code).toBe(0);
    expect(c.stdout).toContain("Note: --aggregate mean: no ended value has more than one row, so nothing was combined");
  });
});

describe.skipIf(!HAVE_BIN).concurrent("docs/cli.md's worked example runs as written", { timeout: 120_000 }, () => {
  const ROOT = join(import.meta.dirname, "../..");
  it("the p chart of yes/no rows rolled up by month flags the months from the change", async () => {
    const r = await run(["analyse", "examples/data/accommodations.csv", "--x", "accommodated", "--dates", "uk", "--y", "meeting_within_14_days", "--chart", "p", "--period", "month", "--multiply", "100", "--baseline", "17", "--direction", "increase"], ROOT);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Phase 1 (points 1–24): mean 31.3, control limits varying with the denominators: lower 2.27–10.3, upper 52.2–60.3, 7 points beyond the limits.");
    expect(r.stdout).toContain("- Jun 2024 (87) is above the upper control limit 60.3: special-cause variation, an improvement.");
    expect(r.stdout).toContain("Note: 740 rows rolled up into 24 months (each date read as the month it falls in)");
    const docs = readFileSync(join(ROOT, "docs/cli.md"), "utf8");
    expect(docs).toContain("- Jun 2024 (87) is above the upper control limit 60.3: special-cause variation, an improvement.");
  });
  it("the filtered monthly medians", async () => {
    const r = await run(["analyse", "examples/data/accommodations.csv", "--x", "accommodated", "--dates", "uk", "--y", "days_to_meeting", "--period", "month", "--aggregate", "median", "--direction", "decrease", "--filter", "legal_basis=s25", "--baseline", "17"], ROOT);
    expect(r.stdout.split("\n")[0]).toBe("Rows: 526 of 740 (legal_basis = s25)");
    expect(r.stdout).toContain("- 9 points below the median from Apr 2024 to Dec 2024: a shift, an improvement.");
  });
});
