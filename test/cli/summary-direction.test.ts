/**
 * `summary --direction NAME=DIRECTION` (user trial 16, finding 4): a family of measures mixes
 * "lower is better" (days) and "higher is better" (% with a plan); one --direction for every
 * series read the improving % as CONCERN.
 */
import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";

// 20 months each: days fall from about 300 to about 200, the plan % rises from about 50 to about 80,
// both from point 11 (Nov 2024): a shift of 10 points on the median's other side (IHI: 6 or more).
const DAYS = [300, 310, 295, 305, 298, 312, 302, 296, 308, 301, 200, 210, 195, 205, 198, 212, 202, 196, 208, 201];
const PLAN = [50, 55, 48, 52, 51, 49, 53, 47, 54, 50, 80, 85, 78, 82, 81, 79, 83, 77, 84, 80];
function family(): string {
  const lines = ["month,measure,value"];
  for (const [name, values] of [["Days to panel", DAYS], ["Plan within 28 days", PLAN]] as const) {
    values.forEach((v, i) => lines.push(`${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01,${name},${v}`));
  }
  return `${lines.join("\n")}\n`;
}
// --baseline 10: the months before the change set the median, so the shifts are the change alone
// (without it each series also gets the level-change note of its earlier, mirror-image shift).
const BASE = ["summary", "fam.csv", "--x", "month", "--y", "value", "--measure", "measure", "--baseline", "10"];
const USAGE = "Usage: pace-qi summary FILE --x COL --y COL [--measure COL] [--group COL] [--chart …] [--csv FILE] [--html FILE] …   (pace-qi summary --help)\n";

describe.skipIf(!HAVE_BIN).concurrent("summary: a direction per measure", { timeout: 120_000 }, () => {
  it("NAME=DIRECTION judges each measure its own way: both improvements", async () => {
    const r = await run([...BASE, "--direction", "Days to panel=decrease", "--direction", "Plan within 28 days=increase"], tempDir({ "fam.csv": family() }));
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "2 series: 0 concern, 2 improvement, 0 other special cause, 0 common cause, 0 too few points",
        "",
        "measure              group          latest  variation    reading",
        "-------------------  -----  --------------  -----------  ----------------------------------------",
        "Days to panel               201 (Aug 2025)  improvement  special cause improvement since Oct 2024", // Oct 2024 (301) is below the baseline median 301.5
        "Plan within 28 days          80 (Aug 2025)  improvement  special cause improvement since Nov 2024",
        "",
      ].join("\n"),
    );
  });
  it("a plain --direction over several measures says it applies to every series", async () => {
    const r = await run([...BASE, "--direction", "decrease"], tempDir({ "fam.csv": family() }));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "2 series: 1 concern, 1 improvement, 0 other special cause, 0 common cause, 0 too few points",
        "",
        "measure              group          latest  variation    reading",
        "-------------------  -----  --------------  -----------  ----------------------------------------",
        "Plan within 28 days          80 (Aug 2025)  CONCERN      special cause concern since Nov 2024",
        "Days to panel               201 (Aug 2025)  improvement  special cause improvement since Oct 2024", // Oct 2024 (301) is below the baseline median 301.5
        "",
        'Note: --direction decrease applies to every series (2 measures): each is judged better when lower; for a measure better the other way give --direction "MEASURE=increase"',
        "",
      ].join("\n"),
    );
  });
  it("the plain direction is for the measures not named; the note is not given then", async () => {
    const r = await run([...BASE, "--direction", "decrease", "--direction", "Plan within 28 days=increase", "--json"], tempDir({ "fam.csv": family() }));
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { rows: { measure: string; category: string }[]; warnings: unknown[] };
    expect(s.rows.map((x) => [x.measure, x.category])).toEqual([["Days to panel", "improvement"], ["Plan within 28 days", "improvement"]]);
    expect(s.warnings).toEqual([]);
  });
  it("one measure with a plain --direction: no note", async () => {
    const r = await run([...BASE, "--direction", "decrease", "--filter", "measure=Days to panel"], tempDir({ "fam.csv": family() }));
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("applies to every series");
  });
  it("a name that is no measure is an error naming it, with did you mean", async () => {
    const dir = tempDir({ "fam.csv": family() });
    const near = await run([...BASE, "--direction", "Days to panels=decrease"], dir);
    expect(near.code).toBe(2);
    expect(near.stderr).toBe(`pace-qi summary: --direction 'Days to panels=decrease': no measure 'Days to panels' in the column 'measure'; did you mean --direction 'Days to panel=decrease'?\n${USAGE}`);
    const part = await run([...BASE, "--direction", "plan=increase"], dir);
    expect(part.stderr).toBe(`pace-qi summary: --direction 'plan=increase': no measure 'plan' in the column 'measure'; did you mean --direction 'Plan within 28 days=increase'?\n${USAGE}`);
    const none = await run([...BASE, "--direction", "Median days=decrease"], dir);
    expect(none.stderr).toBe(`pace-qi summary: --direction 'Median days=decrease': no measure 'Median days' in the column 'measure'; the measures are 'Days to panel', 'Plan within 28 days'\n${USAGE}`);
    const filtered = await run([...BASE, "--filter", "measure=Days to panel", "--direction", "Plan within 28 days=increase"], dir);
    expect(filtered.stderr).toBe(`pace-qi summary: --direction 'Plan within 28 days=increase': no measure 'Plan within 28 days' in the column 'measure' (of the rows --filter kept); the measures are 'Days to panel'\n${USAGE}`);
  });
  it("a bad direction, two plain directions, one measure given two", async () => {
    const dir = tempDir({ "fam.csv": family() });
    const bad = await run([...BASE, "--direction", "Days to panel=down"], dir);
    expect(bad.stderr).toBe(`pace-qi summary: --direction 'Days to panel=down': 'down' is not one of: increase, decrease, neutral; did you mean 'Days to panel=decrease'?\n${USAGE}`);
    const two = await run([...BASE, "--direction", "increase", "--direction", "decrease"], dir);
    expect(two.stderr).toBe(`pace-qi summary: --direction increase and --direction decrease: one direction for every series; give NAME=DIRECTION for a measure whose better direction differs\n${USAGE}`);
    const twice = await run([...BASE, "--direction", "Days to panel=increase", "--direction", "Days to panel=decrease"], dir);
    expect(twice.stderr).toBe(`pace-qi summary: --direction: measure 'Days to panel' is given increase and decrease; give it once\n${USAGE}`);
    const plain = await run([...BASE, "--direction", "decreas"], dir);
    expect(plain.stderr).toBe(`pace-qi summary: --direction 'decreas' is not one of: increase, decrease, neutral; did you mean --direction decrease? (or NAME=DIRECTION for one measure)\n${USAGE}`);
  });
  it("without --measure the series is named by --y", async () => {
    const dir = tempDir({ "d.csv": `month,Days to panel\n${DAYS.map((v, i) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01,${v}`).join("\n")}\n` });
    const r = await run(["summary", "d.csv", "--x", "month", "--y", "Days to panel", "--direction", "Days to panel=decrease"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("improvement  special cause improvement since Nov 2024");
    const bad = await run(["summary", "d.csv", "--x", "month", "--y", "Days to panel", "--direction", "Days=decrease"], dir);
    expect(bad.stderr).toBe(`pace-qi summary: --direction 'Days=decrease': no measure 'Days' in --y 'Days to panel'; did you mean --direction 'Days to panel=decrease'?\n${USAGE}`);
  });

  it("--target and --unit NAME=VALUE: each measure its own target and unit (user trial 17: one --target 80 read 'Placement moves … the target of 80 % is consistently met')", async () => {
    const dir = tempDir({ "fam.csv": family() });
    const args = [...BASE, "--direction", "Days to panel=decrease", "--direction", "Plan within 28 days=increase", "--target", "Days to panel=250", "--target", "Plan within 28 days=90", "--unit", "Days to panel=days", "--unit", "Plan within 28 days=%", "--json"];
    const r = await run(args, dir);
    expect(r.stderr).toBe("");
    const s = JSON.parse(r.stdout) as { rows: { measure: string; target: number; unit: string; reading: string }[]; warnings: unknown[] };
    expect(s.rows.map((x) => [x.measure, x.target, x.unit])).toEqual([["Days to panel", 250, "days"], ["Plan within 28 days", 90, "%"]]);
    // By hand, medians since the shifts began: days from Oct 2024, 301 and the ten of ~200 (195 196 198
    // 200 201 202 205 208 210 212 301) → 202 ≤ 250; plan from Nov 2024 (77 78 79 80 80 81 82 83 84 85) → 80.5 < 90.
    expect(s.rows.map((x) => x.reading.replace(/^.*?; /, ""))).toEqual(["the median since Oct 2024 (202 days) meets the target of 250 days", "the median since Nov 2024 (80.5 %) does not meet the target of 90 %"]);
    expect(s.warnings).toEqual([]);
  });
  it("one plain --target or --unit over several measures says so, as --direction does", async () => {
    const r = await run([...BASE, "--target", "80", "--unit", "%", "--direction", "Days to panel=decrease", "--direction", "Plan within 28 days=increase"], tempDir({ "fam.csv": family() }));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Note: --target '80' applies to every series (2 measures); for a measure with another target give --target "MEASURE=VALUE"`);
    expect(r.stdout).toContain(`Note: --unit '%' applies to every series (2 measures); for a measure with another unit give --unit "MEASURE=UNIT"`);
  });
  it("--target NAME=VALUE names a measure and a number, or is an error saying which", async () => {
    const dir = tempDir({ "fam.csv": family() });
    const near = await run([...BASE, "--target", "Days to panels=250"], dir);
    expect([near.code, near.stderr]).toEqual([2, `pace-qi summary: --target 'Days to panels=250': no measure 'Days to panels' in the column 'measure'; did you mean --target 'Days to panel=250'?\n${USAGE}`]);
    const nan = await run([...BASE, "--target", "Days to panel=soon"], dir);
    expect([nan.code, nan.stderr]).toEqual([2, `pace-qi summary: --target 'Days to panel=soon': 'soon' is not a number\n${USAGE}`]);
    const two = await run([...BASE, "--target", "80", "--target", "90"], dir);
    expect([two.code, two.stderr]).toEqual([2, `pace-qi summary: --target 80 and --target 90: one target for every series; give NAME=VALUE for a measure whose target differs\n${USAGE}`]);
  });
});
