import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";

// A user trial: under `analyse --period` the first and last months, which the rows cover only in
// part, are drawn hollow and left out (the partial-period note), and the SVG's legend called them
// "Excluded" — a board reader thought someone had left data out. The legend says what they are.

const EVENTS = ["03/04/2024", "17/04/2024", "02/05/2024", "09/05/2024", "21/05/2024", "11/07/2024", "12/07/2024", "01/08/2024", "15/08/2024", "30/08/2024"];
const eventsCsv = `Date Accommodated,n1\n${EVENTS.map((d) => `${d},1`).join("\n")}\n`;
const ARGS = ["--x", "Date Accommodated", "--dates", "uk", "--y", "n1", "--period", "month", "--chart", "c", "--aggregate", "count", "--svg", "c.svg"];

const legendOf = (svg: string): string[] => [...svg.matchAll(/<g class="legend-item legend-([a-z-]+)">.*?<text[^>]*>([^<]*)<\/text><\/g>/g)].map((m) => `${m[1]}: ${m[2]}`);
const hollowTips = (svg: string): string[] => [...svg.matchAll(/class="point excluded"[^>]*>.*?<title>([^<]*)<\/title>/g)].map((m) => m[1]!);

const svgOf = async (more: readonly string[]): Promise<string> => {
  const dir = tempDir({ "e.csv": eventsCsv });
  const r = await run(["analyse", "e.csv", ...ARGS, ...more], dir);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return readFileSync(join(dir, "c.svg"), "utf8");
};

describe.skipIf(!HAVE_BIN).concurrent("analyse --period --svg: the legend names partial periods", { timeout: 120_000 }, () => {
  it("Apr 2024 (from 3 Apr) and Aug 2024 (up to 30 Aug) are partial: 'Partial period (not counted)'", async () => {
    const svg = await svgOf([]);
    expect(legendOf(svg).slice(-1)).toEqual(["partial: Partial period (not counted)"]);
    expect(svg).not.toContain(">Excluded<");
    expect(hollowTips(svg)).toEqual(["Apr 2024: 2 (partial period, not counted)", "Aug 2024: 3 (partial period, not counted)"]);
  });

  it("--exclude 3 (Jun 2024, a 0) as well: one legend item naming both, the tooltips each", async () => {
    const svg = await svgOf(["--exclude", "3"]);
    expect(legendOf(svg).slice(-1)).toEqual(["excluded: Excluded or partial period (not counted)"]);
    expect(hollowTips(svg)).toEqual(["Apr 2024: 2 (partial period, not counted)", "Jun 2024: 0 (excluded)", "Aug 2024: 3 (partial period, not counted)"]);
  });

  it("--from and --as-of cover the months whole: no partial period, and --exclude 3 is 'Excluded'", async () => {
    const svg = await svgOf(["--from", "01/04/2024", "--as-of", "31/08/2024", "--exclude", "3"]);
    expect(legendOf(svg).slice(-1)).toEqual(["excluded: Excluded"]);
    expect(hollowTips(svg)).toEqual(["Jun 2024: 0 (excluded)"]);
  });

  it("summary: the latest point, a partial month, reads '(Aug 2024, partial period)', and '(…, excluded)' under --exclude", async () => {
    const dir = tempDir({ "e.csv": eventsCsv });
    const args = ["summary", "e.csv", "--x", "Date Accommodated", "--dates", "uk", "--y", "n1", "--period", "month", "--chart", "c", "--aggregate", "count"];
    const r = await run([...args, "--html", "s.html"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("3 (Aug 2024, partial period)");
    expect(readFileSync(join(dir, "s.html"), "utf8")).toContain("Aug 2024 (partial period, not counted)");
    const x = await run([...args, "--exclude", "5"], dir);
    expect(x.code).toBe(0);
    expect(x.stdout).toContain("3 (Aug 2024, excluded)");
  });
});
