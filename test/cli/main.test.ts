// tz-independent: help, version and usage errors of the CLI; no dates are read.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, runBin, tempDir } from "./helpers.js";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

describe.skipIf(!HAVE_BIN).concurrent("pace-qi: help, version and usage errors", { timeout: 120_000 }, () => {
  const cwd = tempDir();

  it("--version prints the package version", async () => {
    const r = await run(["--version"], cwd);
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  it("--help lists the commands with examples", async () => {
    const r = await run(["--help"], cwd);
    expect(r.code).toBe(0);
    for (const c of ["analyse", "timescales", "report", "demo", "Examples:"]) expect(r.stdout).toContain(c);
  });

  it.each(["analyse", "timescales", "report", "demo"])("%s --help shows its flags and examples", async (cmd) => {
    const r = await run([cmd, "--help"], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`pace-qi ${cmd}`);
    expect(r.stdout).toContain("Examples:".slice(0, 7));
    const alt = await run(["help", cmd], cwd);
    expect(alt.stdout).toBe(r.stdout);
  });

  it.each(["analyse", "summary"])("%s --help lists every chart type --chart accepts (a user trial: cusum, ewma, r, np, ip, i-median were missing)", async (cmd) => {
    // What the flag accepts, as its usage error lists it (the list the flag validates against).
    const refused = await run([cmd, "x.csv", "--chart", "pie"], cwd);
    const accepted = /is not one of: (.*)\n/.exec(refused.stderr)![1]!.split(", ");
    expect(accepted).toHaveLength(19);
    const help = (await run([cmd, "--help"], cwd)).stdout;
    // The --chart paragraph: its line and the indented lines under it.
    const paragraph = /\n {2}--chart TYPE {9}(.*(?:\n {23}.*)*)/.exec(help)![1]!;
    const listed = new Set(paragraph.replace(/\([^)]*\)/g, "").split(/[\s,:]+/));
    for (const type of accepted) expect(listed, type).toContain(type);
  });

  it("no arguments: the help on stderr, exit 2", async () => {
    const r = await run([], cwd);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Usage: pace-qi <command>");
  });

  it("an unknown command exits 2 with a usage line", async () => {
    const r = await run(["analyze-this"], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("pace-qi: unknown command 'analyze-this'; commands: analyse, timescales, check, report, demo, funnel, summary\nUsage: pace-qi <analyse|timescales|check|report|demo|funnel|summary> [options]   (pace-qi --help)\n");
  });

  it("an unknown flag exits 2 naming the flag and the command's usage", async () => {
    const r = await run(["analyse", "x.csv", "--colour", "red"], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^pace-qi analyse: unknown option '--colour'\nUsage: pace-qi analyse FILE/);
  });

  it("a global flag before the command is a usage error", async () => {
    const r = await run(["--json", "analyse"], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--json'");
  });

  it.each([
    [["analyse"], "pace-qi analyse: missing FILE argument"],
    [["timescales"], "pace-qi timescales: missing FILE argument"],
    [["report"], "pace-qi report: missing PROJECT.json argument"],
    [["demo", "extra"], "pace-qi demo: unexpected argument 'extra'"],
    [["analyse", "a.csv", "b.csv"], "pace-qi analyse: unexpected argument 'b.csv'"],
    [["analyse", "a.csv", "--x"], "pace-qi analyse: option '--x <value>' argument missing"],
  ])("%j exits 2: %s", async (args, message) => {
    const r = await run(args, cwd);
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(message)).toBe(true);
    expect(r.stderr).toContain("\nUsage: pace-qi");
  });

  // parseArgs keeps the last value of a repeated flag: `--y a --y b` charted only b (user trial).
  it.each([
    [["analyse", "w.csv", "--x", "month", "--y", "a", "--y", "b"], "pace-qi analyse: --y given twice ('a', 'b'): give it once"],
    [["analyse", "w.csv", "--direction", "increase", "--direction=decrease"], "pace-qi analyse: --direction given twice ('increase', 'decrease'): give it once"],
    [["analyse", "w.csv", "--json", "--json"], "pace-qi analyse: --json given twice: give it once"],
    [["summary", "w.csv", "--x", "a", "--x", "b"], "pace-qi summary: --x given twice ('a', 'b'): give it once"],
    [["funnel", "f.csv", "--group", "g", "--group", "h"], "pace-qi funnel: --group given twice ('g', 'h'): give it once"],
    [["timescales", "t.csv", "--as-of", "2024-01-01", "--as-of", "2024-02-01"], "pace-qi timescales: --as-of given twice ('2024-01-01', '2024-02-01'): give it once"],
    [["timescales", "t.csv", "--target-placement", "30", "--target-placement=40"], "pace-qi timescales: --target-placement given twice ('30', '40'): give it once"],
    [["check", "t.csv", "--dates", "uk", "--dates", "us"], "pace-qi check: --dates given twice ('uk', 'us'): give it once"],
    [["report", "p.json", "--out", "a", "--out", "b"], "pace-qi report: --out given twice ('a', 'b'): give it once"],
    [["demo", "--out", "a", "--out", "b"], "pace-qi demo: --out given twice ('a', 'b'): give it once"],
  ])("a single-value flag given twice exits 2: %j", async (args, message) => {
    const r = await run(args, cwd);
    expect(r.code).toBe(2);
    expect(r.stderr.startsWith(`${message}\n`)).toBe(true);
  });

  it("flags declared repeatable still take every value", async () => {
    const dir = tempDir({ "s.csv": "x,y\n1,5\n2,6\n3,7\n4,5\n5,6\n6,7\n7,5\n8,6\n" });
    const r = await run(["analyse", "s.csv", "--x", "x", "--y", "y", "--exclude", "2", "--exclude", "3", "--json"], dir);
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { points: { excluded: boolean }[] }).points.map((p) => p.excluded)).toEqual([false, true, true, false, false, false, false, false]);
  });
});

// The other CLI tests call `main` of the built CLI in-process (test/cli/helpers.ts `run`); these
// start the real binary, `node dist/cli/index.js`, as a shell does: the shim's exit codes, its
// streams, and the same output as in-process.
describe.skipIf(!HAVE_BIN).concurrent("the pace-qi binary, end to end", { timeout: 120_000 }, () => {
  const series = `x,y\n${[5, 6, 7, 6, 5, 8, 9, 7, 6, 5, 6, 7].map((y, i) => `${i + 1},${y}`).join("\n")}\n`;

  it("--version: exit 0, the version on stdout, nothing on stderr", async () => {
    expect(await runBin(["--version"], tempDir())).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" });
  });

  it("a usage error: exit 2, the message and usage on stderr, nothing on stdout", async () => {
    const r = await runBin(["analyze-this"], tempDir());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^pace-qi: unknown command 'analyze-this'; commands: .*\nUsage: pace-qi </);
  });

  it("a data error: exit 1, one line on stderr", async () => {
    expect(await runBin(["analyse", "nope.csv"], tempDir())).toEqual({ code: 1, stdout: "", stderr: "pace-qi: nope.csv: no such file\n" });
  });

  it("a run: exit 0, writes its file relative to the working directory, prints what in-process `main` prints", async () => {
    const dir = tempDir({ "s.csv": series });
    const args = ["analyse", "s.csv", "--x", "x", "--y", "y", "--json", "--out", "out/a.json"];
    const bin = await runBin(args, dir);
    expect(bin).toEqual({ code: 0, stdout: expect.stringContaining("Wrote out/a.json\n"), stderr: "" });
    const written = readFileSync(join(dir, "out/a.json"), "utf8");
    const inProcess = await run([...args.slice(0, -1), "out/b.json"], dir);
    expect(inProcess).toEqual({ ...bin, stdout: bin.stdout.replace("out/a.json", "out/b.json") });
    expect(readFileSync(join(dir, "out/b.json"), "utf8")).toBe(written);
  });
});

describe.skipIf(!HAVE_BIN)("output into a closed pipe", () => {
  it("`pace-qi analyse … --json | head -c 10` exits 0, not with an EPIPE crash", async () => {
    const { spawnSync } = await import("node:child_process");
    const { writeFileSync, mkdtempSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const dir = mkdtempSync(join(tmpdir(), "pace-qi-pipe-"));
    let csv = "x,y\n";
    for (let i = 1; i <= 100_000; i++) csv += `${i},${i % 17}\n`;
    writeFileSync(join(dir, "big.csv"), csv);
    const bin = new URL("../../dist/cli/index.js", import.meta.url).pathname;
    const r = spawnSync("bash", ["-c", `node ${JSON.stringify(bin)} analyse big.csv --x x --y y --json | head -c 10 >/dev/null; echo $\{PIPESTATUS[0]}`], { cwd: dir, encoding: "utf8" });
    expect(r.stdout.trim()).toBe("0");
    expect(r.stderr).not.toMatch(/EPIPE/);
  }, 120_000); // not a speed target: a 100,000-row CSV through a pipe, slow on a loaded machine
});
