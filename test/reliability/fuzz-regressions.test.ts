/**
 * Replays every input saved by the fuzzer (scripts/fuzz.mjs) in test/fixtures/fuzz/ against the
 * source (not dist/): each must now give a result or a QiError, parse and safeParse must agree,
 * results must be finite and no prototype may change. See docs/reliability.md.
 */
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.js";
import { TARGET_NAMES, check, makeSeeds, makeTargets, mulberry32, mutate } from "../../scripts/fuzz-targets.mjs";

const DIR = new URL("../fixtures/fuzz/", import.meta.url);
const files = readdirSync(DIR)
  .filter((f) => f.endsWith(".json") && !f.startsWith("csv-") && !f.startsWith("cli-")) // cli-*: test/reliability/fuzz-cli.test.ts
  .sort();
// CSV inputs saved by scripts/fuzz-csv.mjs: csv-<hash>.csv with its command in csv-<hash>.json.
const csvFiles = readdirSync(DIR)
  .filter((f) => f.startsWith("csv-") && f.endsWith(".csv"))
  .sort();
const targets = makeTargets(lib);

describe("fuzz regressions (test/fixtures/fuzz)", () => {
  it("has saved inputs to replay", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    it(file, () => {
      const saved = JSON.parse(readFileSync(new URL(file, DIR), "utf8")) as { target: string; reason: string; input: unknown };
      expect(TARGET_NAMES).toContain(saved.target);
      expect(check(lib, targets, saved.target, saved.input)).toBeNull();
    });
  }

  it("the checker flags what it should (a TypeError, a disagreement, NaN) on a broken stand-in library", () => {
    const broken = {
      ...lib,
      parseMeasure: (x: unknown) => {
        if (x === null) throw new TypeError("boom");
        return lib.parseMeasure(x);
      },
      safeParseMeasure: () => ({ success: true, data: {} }),
      checkMeasure: () => [{ value: Number.NaN }],
    };
    const t = makeTargets(broken);
    expect(check(broken, t, "measure", null)?.reason).toBe("non-qi-error");
    expect(check(broken, t, "measure", {})?.reason).toBe("inconsistent");
    const seed = makeSeeds(lib, JSON.parse(readFileSync(new URL("../fixtures/pace-project.json", import.meta.url), "utf8")))["measure"]![0]!;
    expect(check(broken, t, "measure", JSON.parse(seed))?.reason).toBe("non-finite");
  });

  it("the mutator is deterministic for a seed", () => {
    const seeds = makeSeeds(lib, JSON.parse(readFileSync(new URL("../fixtures/pace-project.json", import.meta.url), "utf8")));
    for (const name of TARGET_NAMES) {
      const a = JSON.stringify(mutate(seeds[name]![0]!, mulberry32(7)));
      expect(JSON.stringify(mutate(seeds[name]![0]!, mulberry32(7)))).toBe(a);
      expect(check(lib, targets, name, JSON.parse(seeds[name]![0]!))).toBeNull();
    }
  });
});

describe("CSV fuzz regressions (scripts/fuzz-csv.mjs)", () => {
  it("has saved CSV inputs to replay", () => {
    expect(csvFiles.length).toBeGreaterThan(0);
  });
  for (const file of csvFiles) {
    it(file, async () => {
      const { main } = await import("../../src/cli/main.js");
      const { mkdtempSync, rmSync, copyFileSync } = await import("node:fs");
      const { tmpdir } = await import("node:os");
      const { join } = await import("node:path");
      const saved = JSON.parse(readFileSync(new URL(file.replace(/\.csv$/, ".json"), DIR), "utf8")) as { argv: string[] };
      const work = mkdtempSync(join(tmpdir(), "pace-qi-csv-replay-"));
      try {
        const input = join(work, "input.csv");
        copyFileSync(new URL(file, DIR), input);
        const argv = saved.argv.map((a) => (a === "INPUT" ? input : a === "OUT" ? join(work, "out") : a));
        const sink = { write: () => true };
        const code = await main(argv, { stdout: sink, stderr: sink });
        // accepted (0) or refused with a message an analyst can act on (1); never an internal error
        expect([0, 1]).toContain(code);
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });
  }
});
