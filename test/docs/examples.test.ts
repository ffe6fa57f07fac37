/**
 * Runs every JSDoc `@example` in src/ (except src/cli) and checks its `//=>` result lines.
 *
 * Conventions (d3 / date-fns style):
 * - `expr //=> value`: `expr` is evaluated and must deep-equal `value` (toEqual semantics;
 *   numbers within 1e-9 relative tolerance). A `//=>` alone on a line refers to the
 *   expression on the lines above it (since the last complete statement).
 * - Anything after the value behind a further `//` is a note, e.g. `//=> true  // run of 7 > 6`.
 * - `…` in the expected value is a wildcard: `{ a: 1, … }` means "at least these properties",
 *   `[x, …]` "starts with these elements", `"text: …"` "a string matching the pattern", and a
 *   number ending in `...` / `…` is truncated (`0.9399856...` means 0.9399856 ≤ |x| < 0.9399857,
 *   give or take rounding).
 * - `expr //=> throws QiError { code: "empty-data", … }`: evaluating `expr` throws an instance
 *   of the named class (from scope); the optional value after it is matched against the error.
 * - Lines with a plain `// comment` (no `=>`) are code.
 *
 * Each example block runs on its own, with the public API (src/index.ts) and every export of
 * the module that declares it in scope. Blocks that cannot run alone are in ALLOW_LIST.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.js";
import { ANY, compileBlock, matches, REST, rewriteExpected, runExample, Truncated, Wild } from "./_doctest.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");
const srcDir = join(root, "src");

/** Blocks that need context not given in the example, with the reason. Key: "file › name". */
const ALLOW_LIST: Record<string, string> = {
  // Empty: every example is self-contained. Add entries as
  // "src/area/file.ts › name": "why it cannot run alone",
};

interface Block {
  file: string;
  name: string;
  line: number;
  code: string[];
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return relative(srcDir, p) === "cli" ? [] : walk(p);
    return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [p] : [];
  });
}

/** `@example` blocks of every `/** … *\/` comment, with the name of the declaration after it. */
export function parseExamples(file: string, text: string): Block[] {
  const blocks: Block[] = [];
  for (const m of text.matchAll(/\/\*\*[\s\S]*?\*\//g)) {
    if (!m[0].includes("@example")) continue;
    const after = text.slice(m.index + m[0].length);
    const decl = /^\s*export\s+(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([\w$]+)/.exec(after);
    const name = decl?.[1] ?? "(anonymous)";
    const startLine = text.slice(0, m.index).split("\n").length;
    const lines = m[0].replace(/^\/\*\*/, "").replace(/\*\/$/, "").split("\n");
    let current: Block | null = null;
    lines.forEach((raw, k) => {
      const l = raw.replace(/^\s*\* ?/, "");
      const tag = /^\s*@(\w+)/.exec(l);
      if (tag) {
        current = null;
        if (tag[1] === "example") {
          current = { file, name, line: startLine + k, code: [] };
          blocks.push(current);
          const rest = l.replace(/^\s*@example\s*/, "");
          if (rest.trim() !== "") current.code.push(rest);
        }
        return;
      }
      if (current) current.code.push(l);
    });
    for (const b of blocks) while (b.code.length > 0 && b.code.at(-1)!.trim() === "") b.code.pop();
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------

const files = walk(srcDir).sort();
const blocks = files.flatMap((f) => parseExamples(relative(root, f).split("\\").join("/"), readFileSync(f, "utf8")));

const key = (b: Block) => `${b.file} › ${b.name}`;
// Number repeated names (overloads, several examples) so that test names stay unique.
const seen = new Map<string, number>();
const cases = blocks.map((b) => {
  const k = key(b);
  const n = (seen.get(k) ?? 0) + 1;
  seen.set(k, n);
  return { title: n > 1 ? `${k} (${n})` : k, block: b };
});

describe("JSDoc @example blocks", () => {
  it("finds the examples", () => {
    expect(blocks.length).toBeGreaterThan(60);
    for (const k of Object.keys(ALLOW_LIST)) expect(blocks.map(key)).toContain(k);
  });

  const runnable = cases.filter((c) => !(key(c.block) in ALLOW_LIST));
  const allowed = cases.filter((c) => key(c.block) in ALLOW_LIST);

  it.each(runnable)("$title", async ({ block }) => {
    const mod = (await import(join(root, block.file).replace(/\.ts$/, ".js"))) as Record<string, unknown>;
    const scope: Record<string, unknown> = { ...lib, ...mod };
    await runExample(block.code, scope, `${block.file}:${block.line}`);
  });

  if (allowed.length > 0) it.skip.each(allowed)("$title (allow-listed)", () => {});
});

describe("the example parser", () => {
  it("collects lines up to the next tag and strips the comment prefix", () => {
    const text = "/**\n * Doc.\n *\n * @example\n * f(1) //=> 2\n *\n * @see g\n */\nexport function f() {}\n";
    expect(parseExamples("x.ts", text)).toEqual([{ file: "x.ts", name: "f", line: 4, code: ["f(1) //=> 2"] }]);
  });

  it("joins a multi-line expression with a //=> line below it", () => {
    const { body, assertions } = compileBlock(["const a = [1, 2];", "a", "  .map((x) => x * 2)", "//=> [2, 4]", "a // a comment"]);
    expect(assertions).toBe(1);
    expect(body).toContain("a\n  .map((x) => x * 2)");
  });

  it("matches with wildcards, tolerance and notes", () => {
    const ev = (s: string): unknown => new Function("__wild", "__trunc", "__REST", "__ANY", `return (\n${rewriteExpected(s)}\n);`)((p: string) => new Wild(p), (v: number, d: number) => new Truncated(v, d), REST, ANY);
    expect(matches({ a: 1, b: 2 }, ev("{ a: 1, … }"))).toBe(true);
    expect(matches({ a: 1, b: 2 }, ev("{ a: 1 }"))).toBe(false);
    expect(matches([1, 2, 3], ev("[1, …]"))).toBe(true);
    expect(matches("shift: 7 points", ev('"shift: …"'))).toBe(true);
    expect(matches(0.93998560298, ev("0.9399856..."))).toBe(true);
    expect(matches(0.9399, ev("0.9399856..."))).toBe(false);
    expect(matches(0.1 + 0.2, ev("0.3 // a note"))).toBe(true);
    expect(matches({ a: 1, b: undefined }, ev("{ a: 1 }"))).toBe(true);
  });
});
