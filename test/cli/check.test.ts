// `pace-qi check` and the header recognition of `pace-qi timescales` on realistic exports written
// for these tests (test/fixtures/exports): see test/timescales/checkCaseRecords.test.ts.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { HAVE_BIN, listing, run, tempDir } from "./helpers.js";

const fixture = (name: string): string => readFileSync(new URL(`../fixtures/exports/${name}`, import.meta.url), "utf8");
const WIDE = fixture("tracker-wide.csv");
const CLEAN_WIDE = WIDE.split("\n").filter((l, k) => k === 0 || l.startsWith("C")).join("\n");
const CLEAN_LONG = fixture("clean-long-iso.csv");
const ORDER = ["--order-type", "Order Type"];

describe.skipIf(!HAVE_BIN).concurrent("pace-qi check", { timeout: 60_000 }, () => {
  it("prints the mapping, then every problem by kind; writes CSV, HTML and JSON; exits 0", async () => {
    const dir = tempDir({ "tracker.csv": WIDE });
    const r = await run(["check", "tracker.csv", "--dates", "uk", "--as-of", "31/03/2025", ...ORDER, "--group", "Team"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("Columns of tracker.csv (wide: one row per child; recognised from the headers):\n  Child ID           → child id\n")).toBe(true);
    expect(r.stdout).toContain("  Perm Rec Date      → permanence-recommendation\n");
    expect(r.stdout).toContain("  Notes              (not a milestone, child, episode or date-of-birth column)\n");
    expect(r.stdout.indexOf("Columns of")).toBeLessThan(r.stdout.indexOf("Data check of tracker.csv: 18 rows, 16 children"));
    expect(listing(join(dir, "check"))).toEqual(["check-issues.csv", "check.html", "check.json", "completeness.csv"]);
    const issues = parse(readFileSync(join(dir, "check", "check-issues.csv"), "utf8"), { columns: true }) as Record<string, string>[];
    expect(issues.map((i) => [i.code, i.child, i.row, i.column, i.value])).toEqual([
      ["missing-child", "", "18", "Child ID", ""],
      ["invalid-date", "E01", "6", "Perm Rec Date", "31/02/2024"],
      ["unknown-order-type", "E07", "17", "Order Type", "Residence"],
      ["before-birth", "E03", "8", "Date Accommodated", "1/3/2024"],
      ["after-extract", "E04", "13", "ADM", "15/06/2025"],
      ["out-of-order", "E02", "7", "Panel", "1/5/2024"],
      ["out-of-order", "E09", "19", "Panel", "1/12/2023"],
      ["missing-earlier", "E05", "14", "Panel", ""],
      ["conflicting-rows", "E06", "16", "Perm Rec Date", "1/5/2024"],
    ]);
    expect(issues.at(-1)!.message).toContain("this row and row 15 disagree");
    const html = readFileSync(join(dir, "check", "check.html"), "utf8");
    expect(html).toContain("<h3>impossible dates (1)</h3>");
    expect(html).toContain("<td>row 6</td><td>Perm Rec Date</td><td>31/02/2024</td>");
  });

  it("a wide export through timescales: the same durations as the equivalent long ISO file", async () => {
    const dir = tempDir({ "wide.csv": CLEAN_WIDE, "long.csv": CLEAN_LONG });
    const w = await run(["timescales", "wide.csv", "--dates", "uk", "--as-of", "31/03/2025", ...ORDER, "--out", "w"], dir);
    expect(w.stderr).toBe("");
    expect(w.code).toBe(0);
    expect(w.stdout).toMatch(/^Columns of wide\.csv/);
    expect(w.stdout).toContain("Data check of wide.csv: 8 rows, 8 children; latest date 2025-02-20, extract date 2025-03-31\nNo problems found.");
    expect(w.stdout.indexOf("No problems found.")).toBeLessThan(w.stdout.indexOf("wide.csv: as of 2025-03-31"));
    const l = await run(["timescales", "long.csv", "--as-of", "2025-03-31", "--out", "l"], dir);
    expect(l.code).toBe(0);
    expect(l.stdout).toMatch(/^Columns of long\.csv \(long: one row per event/);
    // The wide export has a date-of-birth column (recognised from its header): its durations
    // gain ageAtStart and ageBand (issue #11); the rest is the long file's, field for field.
    const wideLines = readFileSync(join(dir, "w", "durations.csv"), "utf8").split("\n");
    expect(wideLines[0]).toMatch(/,exitDate,ageAtStart,ageBand$/);
    const durations = wideLines.map((line) => (line === "" ? line : line.split(",").slice(0, -2).join(","))).join("\n");
    expect(durations).toBe(readFileSync(join(dir, "l", "durations.csv"), "utf8"));
    expect(durations.split("\n").length).toBeGreaterThan(20);
  });

  it("--mapping saves the mapping, then reuses it", async () => {
    const dir = tempDir({ "wide.csv": CLEAN_WIDE });
    const a = await run(["check", "wide.csv", "--dates", "uk", ...ORDER, "--mapping", "map.json"], dir);
    expect(a.code).toBe(0);
    const saved = JSON.parse(readFileSync(join(dir, "map.json"), "utf8"));
    expect(saved).toMatchObject({ format: "wide", child: "Child ID", orderColumn: "Order Granted", orderType: "Order Type", columns: { "permanence-recommendation": "Perm Rec Date" } });
    const b = await run(["check", "wide.csv", "--dates", "uk", "--mapping", "map.json", "--out", "again"], dir);
    expect(b.code).toBe(0);
    expect(b.stdout).toContain("(wide: one row per child; from the mapping file):");
    expect(readFileSync(join(dir, "again", "check.json"), "utf8")).toBe(readFileSync(join(dir, "check", "check.json"), "utf8"));
  });

  it("ambiguous headers and repeated --column are errors naming both; nothing is written", async () => {
    const dir = tempDir({ "a.csv": "Child ID,Accommodated,Date accommodated\nA,1/1/2024,1/1/2024\n", "wide.csv": CLEAN_WIDE });
    const a = await run(["timescales", "a.csv", "--dates", "uk"], dir);
    expect(a.code).toBe(1);
    expect(a.stderr).toBe('pace-qi: a.csv: columns "Accommodated" and "Date accommodated" both look like accommodated: map the right one with --column accommodated=COLUMN\n');
    const o = await run(["timescales", "wide.csv", "--dates", "uk"], dir);
    expect(o.code).toBe(1);
    expect(o.stderr).toContain('column "Order Granted" could be any of permanence-order, permanence-order-authority-to-adopt, kinship-care-order, adoption-order');
    const c = await run(["timescales", "wide.csv", "--dates", "uk", ...ORDER, "--column", "panel=Panel", "--column", "Permanence Panel=ADM"], dir);
    expect(c.code).toBe(2);
    expect(c.stderr.split("\n")[0]).toBe("pace-qi timescales: --column is given twice for permanence-panel ('Panel' and 'ADM'): one column per milestone");
    expect(listing(dir)).toEqual(["a.csv", "wide.csv"]);
  });

  it("exits 1 only for unreadable input", async () => {
    const dir = tempDir({ "bad.csv": 'Child ID,Accommodated\n"A,1/1/2024\n' });
    expect((await run(["check", "missing.csv"], dir)).code).toBe(1);
    expect((await run(["check", "bad.csv"], dir)).code).toBe(1);
  });

  it("hostile cells neither execute nor break the outputs; CSVs neutralise formulas", async () => {
    const header = WIDE.split("\n")[0]!;
    const evil = [
      header,
      `"=HYPERLINK(""http://evil.example"",""x"")",North,1/1/2019,1/2/2024,,1/3/2024,,,,,,,,"${"y".repeat(10_000)}"`,
      `@SUM(A1),North,1/1/2019,1/2/2024,,1/3/2024,,,,,,,,"a\u0007b\u001b[31m"`,
      `-2+3,North,1/1/2019,1/2/2024,,"+31/02/2024",,,,,,,,`,
      `-5,North,1/1/2019,1/2/2024,,1/3/2024,,,,,,,,`,
    ].join("\n");
    const dir = tempDir({ "evil.csv": evil });
    const r = await run(["check", "evil.csv", "--dates", "uk", ...ORDER], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/[\u0007\u001b]/);
    const csv = readFileSync(join(dir, "check", "check-issues.csv"), "utf8");
    expect(csv).toContain(`invalid-date,'-2+3,4,Perm Rec Date,'+31/02/2024,`);
    const t = await run(["timescales", "evil.csv", "--dates", "uk", ...ORDER, "--stage", "recommendation"], tempDir({ "evil.csv": evil.split("\n").filter((l) => !l.startsWith("-2+3")).join("\n") }));
    expect(t.code).toBe(0);
    expect(t.stdout).not.toMatch(/[\u0007\u001b]/);
    const html = readFileSync(join(dir, "check", "check.html"), "utf8");
    expect(html).not.toContain("<script");
    expect(existsSync(join(dir, "check", "check.json"))).toBe(true);
  });
});

describe.skipIf(!HAVE_BIN)("the durations CSV neutralises formula cells", () => {
  it("a child id beginning with = or @ is written with a leading quote; -5 stays a number", async () => {
    const dir = tempDir({ "c.csv": "child,milestone,date\n=1+2,accommodated,2024-01-01\n@x,accommodated,2024-01-01\n-5,accommodated,2024-01-01\n" });
    const r = await run(["timescales", "c.csv", "--as-of", "2024-03-01", "--stage", "recommendation"], dir);
    expect(r.code).toBe(0);
    const lines = readFileSync(join(dir, "timescales", "durations.csv"), "utf8").trim().split("\n");
    expect(lines.slice(1).map((l) => l.split(",")[1])).toEqual(["'=1+2", "'@x", "-5"]);
  });
});
