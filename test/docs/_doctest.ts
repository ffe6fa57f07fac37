/**
 * The machinery shared by the two example runners (JSDoc `@example` blocks in
 * examples.test.ts, markdown code blocks in markdown.test.ts): `//=>` expectations with `…`
 * wildcards and numeric tolerance, turned into checks. Conventions: see examples.test.ts.
 */
import { expect } from "vitest";

const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (...args: string[]) => (...a: unknown[]) => Promise<void>;

// ---------------------------------------------------------------------------------------------
// Expected values: `…` wildcards.

export const REST = Symbol("rest");
export class Wild {
  constructor(readonly pattern: string) {}
  test(s: unknown): boolean {
    if (typeof s !== "string") return false;
    const re = new RegExp("^" + this.pattern.split("…").map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[\\s\\S]*") + "$");
    return re.test(s);
  }
}
export class Truncated {
  constructor(readonly value: number, readonly digits: number) {}
}
export const ANY = Symbol("any");

/** Rewrite the expected text so that `…` becomes matchers. Strings and brackets are tracked. */
export function rewriteExpected(src: string): string {
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
export function matches(actual: unknown, expected: unknown): boolean {
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
    new AsyncFunction(code);
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
  for (let k = 0; k < code.length; k++) {
    const line = code[k]!;
    const at = line.indexOf("//=>");
    if (at < 0) {
      pending.push(line);
      // Flush when what is pending is a whole statement and the next line does not continue it.
      const next = code.slice(k + 1).find((l) => l.trim() !== "");
      const continues = next !== undefined && (/^\s*(\/\/=>|[.)\]}?:,+\-*/|&]|=>)/.test(next) || /^\s+\S/.test(next));
      if (!continues && complete(pending.join("\n"))) flush();
      continue;
    }
    const before = line.slice(0, at);
    const expr = [...pending, before].join("\n").trim().replace(/;$/, "");
    pending = [];
    let rhs = line.slice(at + 4).trim();
    // An expected value may go on over the next lines, each starting `//` (not `//=>`).
    while (!complete(`(\n${rewriteExpected(rhs)}\n)`) && /^\s*\/\/(?!=>)/.test(code[k + 1] ?? "x")) {
      rhs += "\n" + code[++k]!.replace(/^\s*\/\//, "");
    }
    const label = JSON.stringify(expr.split("\n").map((s) => s.trim()).join(" "));
    const thrown = /^throws\b\s*([A-Za-z_$][\w$]*)?\s*([\s\S]*)$/.exec(rhs);
    if (thrown) {
      const rest = thrown[2]!.trim();
      const expected = rest === "" || rest.startsWith("//") ? "__ANY" : rewriteExpected(rest);
      out.push(`__throws(${label}, () => (\n${expr}\n), ${thrown[1] ?? "Error"}, () => (\n${expected}\n));`);
      assertions++;
      continue;
    }
    const expected = rewriteExpected(rhs);
    out.push(`__check(${JSON.stringify(expr.split("\n").map((s) => s.trim()).join(" "))}, (\n${expr}\n), () => (\n${expected}\n));`);
    assertions++;
  }
  flush();
  return { body: out.join("\n"), assertions };
}

/**
 * Run one example's lines with `scope` (name → value) in scope and check every `//=>` line.
 * `where` (file:line) prefixes failure messages. The body runs as an async function, so a
 * block may `await`.
 */
export async function runExample(code: readonly string[], scope: Record<string, unknown>, where: string): Promise<number> {
  const names = Object.keys(scope).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  const { body, assertions } = compileBlock(code);
  const checks: Check[] = [];
  const fn = new AsyncFunction(...names, "__throws", "__check", "__wild", "__trunc", "__REST", "__ANY", `"use strict";\n${body}`);
  const throwsCheck = (line: string, run: () => unknown, cls: new (...a: never[]) => unknown, expected: () => unknown) => {
    let error: unknown = undefined;
    let threw = false;
    try {
      run();
    } catch (e) {
      threw = true;
      error = e;
    }
    if (!threw) expect.fail(`${where} ${line}: expected to throw ${cls.name}`);
    expect(error, `${where} ${line}`).toBeInstanceOf(cls);
    checks.push({ line, actual: error, expected: expected() });
  };
  await fn(
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
      expect(c.actual, `${where} ${c.line}`).toEqual(c.expected);
      expect.fail(`${where} ${c.line}: got ${JSON.stringify(c.actual)}`);
    }
  }
  return assertions;
}
