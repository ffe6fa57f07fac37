// tz-independent: file handling and command names of the CLI only.
/**
 * Issue #18: the CLI's file options and command names, run in-process from src/ in a fresh
 * sandbox per case (scripts/fuzz-cli-lib.mjs): a fixed matrix of every hostile path for each
 * output option, every hostile command name, and every case saved by scripts/fuzz-cli.mjs in
 * test/fixtures/fuzz/cli-*.json. Each must exit 0, 1 or 2, leave no temporary file, change
 * nothing but its outputs (never an input, a link or what it points to) and leave /dev/null a
 * device.
 */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { COMMANDS, HOSTILE_COMMANDS, HOSTILE_PATHS, runCase, setProject, type FuzzCase } from "../../scripts/fuzz-cli-lib.mjs";

setProject(readFileSync(new URL("../../examples/pace-project.json", import.meta.url), "utf8"));
const DIR = new URL("../fixtures/fuzz/", import.meta.url);
const saved = readdirSync(DIR).filter((f) => f.startsWith("cli-") && f.endsWith(".json")).sort();

/** Each output option of each command with each hostile path (the other options at their defaults). */
function matrix(): FuzzCase[] {
  const cases: FuzzCase[] = [];
  for (const c of COMMANDS) {
    for (const [opt, kind] of Object.entries(c.outputs)) {
      for (const path of HOSTILE_PATHS) {
        const outputs = [{ path, kind }, ...Object.entries(c.defaults ?? {}).filter(([o]) => o !== opt).map(([o, p]) => ({ path: p, kind: c.outputs[o]! }))];
        cases.push({ argv: [...c.base, ...(c.by ?? []), opt, path, ...(c.extra?.[opt] ?? [])], outputs, inputs: [c.base[1]!, ...(opt === "--mapping" ? [path] : [])] });
      }
    }
  }
  for (const path of HOSTILE_PATHS) cases.push({ argv: ["analyse", path, "--y", "y"], outputs: [], inputs: [path] });
  return cases;
}

describe("CLI file options: every hostile path for every output option", { timeout: 120_000 }, () => {
  it.each(COMMANDS.map((c) => [c.base.slice(0, 2).join(" "), c] as const))("%s", async (_, c) => {
    const failures: string[] = [];
    for (const k of matrix().filter((m) => m.argv[0] === c.base[0] && m.argv[1] === c.base[1] && m.argv.slice(2, c.base.length).join() === c.base.slice(2).join())) {
      const problem = await runCase(main, k, { timeoutMs: 30_000 });
      if (problem !== null) failures.push(`${JSON.stringify(k.argv)}: ${problem}`);
    }
    expect(failures).toEqual([]);
  });

  it("analyse with every hostile path as its input (/dev/zero included: a row longer than 1 MiB is refused)", async () => {
    const failures: string[] = [];
    for (const k of matrix().filter((m) => m.outputs.length === 0)) {
      const problem = await runCase(main, k, { timeoutMs: 30_000 });
      if (problem !== null) failures.push(`${JSON.stringify(k.argv)}: ${problem}`);
    }
    expect(failures).toEqual([]);
  });
});

describe("CLI command names", () => {
  it.each(HOSTILE_COMMANDS.map((c) => [JSON.stringify(c).slice(0, 40), c] as const))("%s exits 0 or 2, never crashes", async (_, name) => {
    expect(await runCase(main, { argv: [name], outputs: [], inputs: [] })).toBeNull();
    expect(await runCase(main, { argv: [name, "series.csv", "--out", "x"], outputs: [], inputs: ["series.csv"] })).toBeNull();
  });
});

describe("the oracle can fail", () => {
  it("flags a command that writes beside its output, through a link, or leaves a temporary file", async () => {
    const { writeFileSync } = await import("node:fs");
    const stray = async (): Promise<number> => (writeFileSync("stray.txt", "x"), 0);
    expect(await runCase(stray, { argv: [], outputs: [{ path: "out.svg", kind: "file" }], inputs: [] })).toBe('created "w/stray.txt", not an output');
    const through = async (): Promise<number> => (writeFileSync("dangling.json", "{}"), 0);
    expect(await runCase(through, { argv: [], outputs: [{ path: "dangling.json", kind: "file" }], inputs: [] })).toBe('created "w/made.txt", not an output');
    const temp = async (): Promise<number> => (writeFileSync(".out.svg.pace-qi-1.tmp", ""), 1);
    expect(await runCase(temp, { argv: [], outputs: [{ path: "out.svg", kind: "file" }], inputs: [] })).toBe('left a temporary file "w/.out.svg.pace-qi-1.tmp"');
    expect(await runCase(async () => 70, { argv: [], outputs: [], inputs: [] })).toBe("exit 70");
  });
});

describe("saved cases (scripts/fuzz-cli.mjs)", () => {
  it.each(saved)("%s", async (file) => {
    const c = JSON.parse(readFileSync(new URL(file, DIR), "utf8")) as FuzzCase;
    // The demo needs the bundled template: its saved cases run against the build (test/cli).
    if (c.argv[0] === "demo") return;
    expect(await runCase(main, c, { timeoutMs: 30_000 })).toBeNull();
  });
});
