// tz-independent: file handling and memory limits of the CLI only.
// Issue #18: what the wider CLI fuzzer (scripts/fuzz-cli.mjs) and the memory limits found, each
// pinned here (they failed before the fix).
import { existsSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ANALYSE_BYTES_PER_ROW, maxRowsForHeap } from "../../src/cli/analyse.js";
import { MAX_RECORD_CHARS } from "../../src/cli/table.js";
import { HAVE_BIN, monthlyCsv, run, runBin, tempDir } from "./helpers.js";

const SERIES = monthlyCsv([5, 6, 7, 6, 5, 8, 9, 7, 6, 5, 6, 7]);

describe("analyse's row limit", () => {
  it("is the heap divided by the bytes a row needs, and names both", () => {
    // 256 since the columnar pipeline (2,048 before: each cell's text, then a point object a row).
    expect(ANALYSE_BYTES_PER_ROW).toBe(256);
    expect(maxRowsForHeap(4144 * 2 ** 20)).toEqual({ rows: 16_973_824, why: "about 256 bytes a row of Node's 4,144 MB heap" });
    expect(maxRowsForHeap(1).rows).toBe(1000);
  });
});

describe.skipIf(!HAVE_BIN)("pace-qi analyse: limits and file names", { timeout: 60_000 }, () => {
  it("stops with a message naming the limit, not a heap abort, beyond the rows its heap holds", async () => {
    // A heap of 48 MB old space is about 96 MB in all: a limit of about 393,000 rows.
    const rows = ["x,y", ...Array.from({ length: 400_000 }, (_, i) => `${i + 1},${i % 7}`)].join("\n");
    const dir = tempDir({ "big.csv": `${rows}\n` });
    const r = await runBin(["analyse", "big.csv", "--x", "x", "--y", "y"], dir, { NODE_OPTIONS: "--max-old-space-size=48" }); // a heap of its own
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^pace-qi: big\.csv: more than [\d,]+ data rows, the most this command holds in memory \(about 256 bytes a row of Node's \d+ MB heap\); aggregate the rows first/);
    const ok = await run(["analyse", "big.csv", "--x", "x", "--y", "y"], dir);
    expect(ok.code).toBe(0);
    expect(ok.stdout.split("\n")[0]).toBe("400000 points of y by x (run chart, pace rules, direction neutral)");
  });

  it("refuses an endless input (/dev/zero) after one row of MAX_RECORD_CHARS", async () => {
    const r = await run(["analyse", "/dev/zero", "--y", "y"], tempDir());
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`pace-qi: /dev/zero: row 1 is longer than ${MAX_RECORD_CHARS.toLocaleString("en-GB")} characters (the limit of one CSV row): is this a CSV file?\n`);
  });

  it("refuses --svg naming a folder or nothing (with --by it wrote dir/-North.svg, -North.svg)", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "s.csv"), ["team,month,value", ...SERIES.trim().split("\n").slice(1).map((l) => `North,${l}`)].join("\n"));
    for (const svg of ["out/", "."]) {
      const r = await run(["analyse", "s.csv", "--x", "month", "--y", "value", "--by", "team", "--svg", svg], dir);
      expect(r.code, svg).toBe(1);
      expect(r.stderr).toContain("is a folder; --svg names the SVG file to write");
    }
    const empty = await run(["analyse", "s.csv", "--x", "month", "--y", "value", "--by", "team", "--svg", ""], dir);
    expect(empty.code).toBe(2);
    // Refused with the other file flags when the command line is read (commit de80e49).
    expect(empty.stderr.split("\n")[0]).toBe("pace-qi analyse: --svg needs a file name");
    expect(readdirSync(dir).sort()).toEqual(["s.csv"]);
  });

  it("--mapping never writes through a dangling link (it created the link's target)", async () => {
    const cases = ["child,milestone,date", "C1,accommodated,2023-01-01", "C1,permanence recommendation,2023-05-01"].join("\n");
    const dir = tempDir({ "cases.csv": `${cases}\n` });
    symlinkSync("made.json", join(dir, "map.json"));
    const r = await run(["timescales", "cases.csv", "--as-of", "2023-12-31", "--mapping", "map.json"], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("map.json: is a symbolic link");
    expect(existsSync(join(dir, "made.json"))).toBe(false);
    // A plain new name is written as before.
    const ok = await run(["timescales", "cases.csv", "--as-of", "2023-12-31", "--mapping", "new.json"], dir);
    expect(ok.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, "new.json"), "utf8")).child).toBe("child");
  });
});
