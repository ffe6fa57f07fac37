// tz-independent: the dates are only read back as text; the test is about reading a pipe.
// A CSV that is not a regular file (a named pipe, as `pace-qi check <(…)` gives) is read once:
// the fast reader, which reads a file again with csv-parse when it gives up (here on CRLF line
// ends), is only tried on regular files (src/cli/table.ts).
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, tempDir } from "./helpers.js";

const HAVE_MKFIFO = process.platform !== "win32" && spawnSync("mkfifo", ["--version"]).status === 0;

describe("CSV from a pipe", () => {
  it.skipIf(!HAVE_MKFIFO)("reads CRLF text from a named pipe with csv-parse, once", async () => {
    const dir = tempDir();
    const fifo = join(dir, "cases.csv");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const text = "child,milestone,date\r\nA,accommodated,2024-01-05\r\nA,permanence-recommendation,2024-03-01\r\nB,accommodated,2024-02-01\r\n";
    const writer = spawn("sh", ["-c", 'printf "%s" "$1" > "$2"', "sh", text, fifo]);
    const r = await run(["check", "cases.csv", "--as-of", "2024-06-30", "--out", "report"], dir);
    writer.kill();
    expect(r.stderr).not.toMatch(/empty/);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3 rows, 2 children/);
  });
});
