import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { HAVE_BIN, run, tempDir } from "./helpers.js";

const pkg = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string };

describe.skipIf(!HAVE_BIN).concurrent("pace-qi: help, version and usage errors", { timeout: 30_000 }, () => {
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

  it("no arguments: the help on stderr, exit 2", async () => {
    const r = await run([], cwd);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Usage: pace-qi <command>");
  });

  it("an unknown command exits 2 with a usage line", async () => {
    const r = await run(["analyze-this"], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("pace-qi: unknown command 'analyze-this'; commands: analyse, timescales, report, demo\nUsage: pace-qi <analyse|timescales|report|demo> [options]   (pace-qi --help)\n");
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
});
