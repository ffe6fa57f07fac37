// Sixteenth user trial: the funnel SVG's <desc> and the summary said "30 organisations" of a table
// of 32 councils, with nothing on the drawing about the 2 left out for suppressed cells (--na);
// the terminal's note said it. And the total-row rule is the library's now (findTotalRows).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";

const TABLE = readFileSync(new URL("../fixtures/trial16/funnel_la.csv", import.meta.url), "utf8");
const FLAGS = ["--group", "Local authority", "--numerator", "Decisions within 6 months", "--denominator", "Children accommodated", "--multiplier", "100", "--na", "*", "--na", "[c]"];
const LEFT_OUT = "(2 left out, their values suppressed: Orkney Islands, Shetland Islands)";
const SUMMARY = `30 organisations ${LEFT_OUT}; target 53.6 (limits adjusted for overdispersion (φ = 1.03, τ² = 0.000103)). Above the 99.8 % limits: East Renfrewshire (80). Below the 99.8 % limits: Dundee City (37.4).`;

describe.skipIf(!HAVE_BIN).concurrent("pace-qi funnel: organisations left out are said in the summary and on the drawing (trial 16)", { timeout: 120_000 }, () => {
  it("the summary, the SVG's <desc> and a line under its title name the 2 left out; the note once, no library warning twice", async () => {
    const dir = tempDir({ "la.csv": TABLE });
    const r = await run(["funnel", "la.csv", ...FLAGS, "--filter", "Local authority!=Scotland", "--svg", "f.svg"], dir);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(SUMMARY);
    expect(r.stdout.split("\n").filter((l) => l.includes("is suppressed") || l.includes("left out"))).toEqual([
      SUMMARY,
      "Note: left out 2 organisations whose numerator or denominator is suppressed (--na): Orkney Islands (row 26: Decisions within 6 months '*'), Shetland Islands (row 30: Decisions within 6 months '[c]', Children accommodated '[c]')",
    ]);
    const svg = readFileSync(join(dir, "f.svg"), "utf8");
    expect(/<desc id="[^"]+">([^<]*)<\/desc>/.exec(svg)![1]).toBe(SUMMARY);
    expect(/<text class="left-out"[^>]*>([^<]*)<\/text>/.exec(svg)![1]).toBe(`30 organisations plotted ${LEFT_OUT}`);
  });
  it("--json: the result's leftOut names the 2 with their marks; the CLI's note, not the library's warning", async () => {
    const r = await run(["funnel", "la.csv", ...FLAGS, "--filter", "Local authority!=Scotland", "--json"], tempDir({ "la.csv": TABLE }));
    expect(r.code).toBe(0);
    const f = JSON.parse(r.stdout) as { leftOut: unknown[]; groups: unknown[]; warnings: { code: string }[] };
    expect(f.groups.length).toBe(30);
    expect(f.leftOut).toEqual([
      { group: "Orkney Islands", reason: "suppressed", cells: [{ row: 22, field: "numerator", text: "*" }] },
      { group: "Shetland Islands", reason: "suppressed", cells: [{ row: 26, field: "numerator", text: "[c]" }, { row: 26, field: "denominator", text: "[c]" }] },
    ]);
    expect(f.warnings.map((w) => w.code)).toEqual(["rows-skipped", "rows-filtered", "na-gaps", "rows-suppressed"]);
  });
  it("the Scotland row: the library's rule, the CLI's message with the file's row and --filter", async () => {
    const r = await run(["funnel", "la.csv", ...FLAGS], tempDir({ "la.csv": TABLE }));
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "pace-qi: la.csv: row 36, column Local authority: 'Scotland' is a total, not an organisation (its name says so): a funnel plot compares each organisation with the overall rate, and a total among them would be compared with itself and shift the target and the limits. Remove the row, or leave it out with --filter 'Local authority!=Scotland'\n",
    );
  });
});
