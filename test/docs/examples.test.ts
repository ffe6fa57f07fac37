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
// Expected values: `…` wildcards.

const REST = Symbol("rest");
class Wild {
  constructor(readonly pattern: string) {}
  test(s: unknown): boolean {
    if (typeof s !== "string") return false;
    const re = new RegExp("^" + this.pattern.split("…").map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[\\s\\S]*") + "$");
    return re.test(s);
  }
}
class Truncated {
  constructor(readonly value: number, readonly digits: number) {}
}
const ANY = Symbol("any");

/** Rewrite the expected text so that `…` becomes matchers. Strings and brackets are tracked. */
function rewriteExpected(src: string): string {
  let out = "";
  const stack: string[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '"' || c === "'" || c === "`") {
      let j = i + 1;
      while (j < src.length && src[j] !== c) j += src[j] === "\\" ? 2 : 1;
      const lit = src.slice(i, j + 1);
      out += lit.includes("…") ? `__wild(${lit})` : lit;
      i = j + 1;
      continue;
    }
    if (c === "/" && src[i + 1] === "/") {
      // A note: keep it as a JS comment.
      const j = src.indexOf("\n", i);
      out += j < 0 ? src.slice(i) : src.slice(i, j);
      i = j < 0 ? src.length : j;
      continue;
    }
    const num = /^-?\d+\.\d+(\.\.\.|…)/.exec(src.slice(i));
    if (num && !/[\w.]/.test(src[i - 1] ?? "")) {
      const digits = num[0].replace(/(\.\.\.|…)$/, "");
      out += `__trunc(${digits}, ${digits.split(".")[1]!.length})`;
      i += num[0].length;
      continue;
    }
    if (c === "…" || src.startsWith("...", i)) {
      const top = stack.at(-1);
      out += top === "{" ? "[__REST]: true" : top === "[" ? "__REST" : "__ANY";
      i += c === "…" ? 1 : 3;
      continue;
    }
    if (c === "{" || c === "[" || c === "(") stack.push(c);
    if (c === "}" || c === "]" || c === ")") stack.pop();
    out += c;
    i++;
  }
  return out;
}

const closeNumber = (a: number, e: number): boolean =>
  Object.is(a, e) || a === e || Math.abs(a - e) <= 1e-9 * Math.max(Math.abs(a), Math.abs(e));

/** toEqual-like deep comparison with numeric tolerance and the `…` matchers. */
function matches(actual: unknown, expected: unknown): boolean {
  if (expected === ANY) return true;
  if (expected instanceof Wild) return expected.test(actual);
  if (expected instanceof Truncated) {
    return typeof actual === "number" && Math.abs(actual - expected.value) < 10 ** -expected.digits;
  }
  if (typeof expected === "number") return typeof actual === "number" && closeNumber(actual, expected);
  if (expected === null || typeof expected !== "object") return Object.is(actual, expected);
  if (actual === null || typeof actual !== "object") return false;
  if (expected instanceof Date) return actual instanceof Date && actual.getTime() === expected.getTime();
  if (Array.isArray(expected)) {
    const a = ArrayBuffer.isView(actual) ? Array.from(actual as unknown as ArrayLike<unknown>) : actual;
    if (!Array.isArray(a)) return false;
    const restAt = expected.indexOf(REST);
    if (restAt >= 0) {
      const head = expected.slice(0, restAt);
      const tail = expected.slice(restAt + 1);
      if (a.length < head.length + tail.length) return false;
      return head.every((e, k) => matches(a[k], e)) && tail.every((e, k) => matches(a[a.length - tail.length + k], e));
    }
    return a.length === expected.length && expected.every((e, k) => matches(a[k], e));
  }
  const exp = expected as Record<string | symbol, unknown>;
  const act = actual as Record<string, unknown>;
  const partial = exp[REST] === true;
  const defined = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);
  const ek = defined(exp as Record<string, unknown>);
  if (!partial && defined(act).length !== ek.length) return false;
  return ek.every((k) => matches(act[k], exp[k]));
}

// ---------------------------------------------------------------------------------------------
// Turning a block into a function body.

interface Check {
  line: string;
  actual: unknown;
  expected: unknown;
}

/** Does `code` parse as a complete statement list? */
function complete(code: string): boolean {
  try {
    new Function(code);
    return true;
  } catch {
    return false;
  }
}

export function compileBlock(code: readonly string[]): { body: string; assertions: number } {
  const out: string[] = [];
  let pending: string[] = [];
  let assertions = 0;
  const flush = () => {
    if (pending.length > 0) out.push(pending.join("\n"));
    pending = [];
  };
  code.forEach((line, k) => {
    const at = line.indexOf("//=>");
    if (at < 0) {
      pending.push(line);
      // Flush when what is pending is a whole statement and the next line does not continue it.
      const next = code.slice(k + 1).find((l) => l.trim() !== "");
      const continues = next !== undefined && (/^\s*(\/\/=>|[.)\]}?:,+\-*/|&]|=>)/.test(next) || /^\s+\S/.test(next));
      if (!continues && complete(pending.join("\n"))) flush();
      return;
    }
    const before = line.slice(0, at);
    const expr = [...pending, before].join("\n").trim().replace(/;$/, "");
    pending = [];
    const rhs = line.slice(at + 4).trim();
    const label = JSON.stringify(expr.split("\n").map((s) => s.trim()).join(" "));
    const thrown = /^throws\b\s*([A-Za-z_$][\w$]*)?\s*([\s\S]*)$/.exec(rhs);
    if (thrown) {
      const rest = thrown[2]!.trim();
      const expected = rest === "" || rest.startsWith("//") ? "__ANY" : rewriteExpected(rest);
      out.push(`__throws(${label}, () => (\n${expr}\n), ${thrown[1] ?? "Error"}, () => (\n${expected}\n));`);
      assertions++;
      return;
    }
    const expected = rewriteExpected(rhs);
    out.push(`__check(${JSON.stringify(expr.split("\n").map((s) => s.trim()).join(" "))}, (\n${expr}\n), () => (\n${expected}\n));`);
    assertions++;
  });
  flush();
  return { body: out.join("\n"), assertions };
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
    const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
    const { body } = compileBlock(block.code);
    const checks: Check[] = [];
    const fn = new Function(
      ...names,
      "__throws",
      "__check",
      "__wild",
      "__trunc",
      "__REST",
      "__ANY",
      `"use strict";\n${body}`,
    ) as (...args: unknown[]) => void;
    const throwsCheck = (line: string, run: () => unknown, cls: new (...a: never[]) => unknown, expected: () => unknown) => {
      let error: unknown = undefined;
      let threw = false;
      try {
        run();
      } catch (e) {
        threw = true;
        error = e;
      }
      if (!threw) expect.fail(`${block.file}:${block.line} ${line}: expected to throw ${cls.name}`);
      expect(error, `${block.file}:${block.line} ${line}`).toBeInstanceOf(cls);
      checks.push({ line, actual: error, expected: expected() });
    };
    fn(
      ...names.map((n) => scope[n]),
      throwsCheck,
      (line: string, actual: unknown, expected: () => unknown) => checks.push({ line, actual, expected: expected() }),
      (s: string) => new Wild(s),
      (v: number, d: number) => new Truncated(v, d),
      REST,
      ANY,
    );
    for (const c of checks) {
      if (!matches(c.actual, c.expected)) {
        // toEqual for a readable diff; if it happens to agree, still fail.
        expect(c.actual, `${block.file}:${block.line} ${c.line}`).toEqual(c.expected);
        expect.fail(`${block.file}:${block.line} ${c.line}: got ${JSON.stringify(c.actual)}`);
      }
    }
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
