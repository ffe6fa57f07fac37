/**
 * Runs every js/ts code block in README.md, docs/*.md and examples/*.md, as a reader would
 * paste it, and checks its `//=>` lines (the conventions of examples.test.ts).
 *
 * - A block sees only what it imports (`import { runChart } from "pace-qi"` gives the public
 *   API; `node:fs`, `csv-parse/sync` and repository paths work too) plus the sample data it
 *   declares before its fence: `<!-- doctest: given rows, element -->` (test/docs/_fixtures.ts).
 *   A missing import is a failure, as it would be for the reader.
 * - `<!-- doctest: continue -->` runs the previous block of the same file first (a page that
 *   builds an example over several blocks).
 * - `<!-- doctest: skip-file — reason -->` anywhere in a page skips all its blocks.
 * - `<!-- doctest: skip — reason -->` skips a block that is not JavaScript a reader can run
 *   (a type signature, an Observable cell); the reason is required and shown in the test name.
 * - `node:fs` is a sandbox: reads come from the repository (or a declared sample file such as
 *   `events.json`), writes are kept in memory, so no block writes into the working tree.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, normalize, sep } from "node:path";
import * as csvSync from "csv-parse/sync";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as lib from "../../src/index.js";
import { runExample } from "./_doctest.js";
import { FILES, FIXTURES } from "./_fixtures.js";

const ROOT = join(import.meta.dirname, "../..");
const LANGS = new Set(["js", "javascript", "mjs", "cjs", "ts", "typescript"]);

interface MdBlock {
  file: string;
  line: number;
  lang: string;
  code: string;
  given: string[];
  skip: string | null;
  continues: boolean;
}

/** Code blocks of one markdown file with the doctest directives just above each fence. */
export function parseMarkdown(file: string, text: string): MdBlock[] {
  const lines = text.split("\n");
  const blocks: MdBlock[] = [];
  const skipFile = /<!--\s*doctest:\s*skip-file\s*[—:-]?\s*([\s\S]*?)\s*-->/.exec(text)?.[1] ?? null;
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(\w+)\s*$/.exec(lines[i]!);
    if (!fence) continue;
    let end = i + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end++;
    if (LANGS.has(fence[1]!)) {
      const directives = directivesAbove(lines, i);
      if (skipFile !== null) directives.skip = `${skipFile} (whole page)`;
      blocks.push({ file, line: i + 1, lang: fence[1]!, code: lines.slice(i + 1, end).join("\n"), ...directives });
    }
    i = end;
  }
  return blocks;
}

function directivesAbove(lines: string[], fence: number): Pick<MdBlock, "given" | "skip" | "continues"> {
  const out = { given: [] as string[], skip: null as string | null, continues: false };
  for (let k = fence - 1; k >= 0 && k >= fence - 3; k--) {
    const m = /^<!--\s*doctest:\s*([\s\S]*?)\s*-->\s*$/.exec(lines[k]!);
    if (!m) {
      if (lines[k]!.trim() === "") continue;
      break;
    }
    // A skip reason runs to the end of the comment (it may contain ";").
    const skipAt = m[1]!.search(/(^|;)\s*skip\b/);
    if (skipAt >= 0) out.skip = m[1]!.slice(skipAt).replace(/^;?\s*skip\s*[—:-]?\s*/, "");
    const rest = skipAt >= 0 ? m[1]!.slice(0, skipAt) : m[1]!;
    for (const part of rest.split(";").map((s) => s.trim()).filter(Boolean)) {
      if (part === "continue") out.continues = true;
      else if (part.startsWith("given ")) out.given.push(...part.slice(6).split(",").map((s) => s.trim()).filter(Boolean));
      else throw new Error(`unknown doctest directive "${part}" above line ${fence + 1}`);
    }
  }
  return out;
}

/** A sandboxed `node:fs`: reads from the repository or declared sample files, writes in memory. */
function sandboxFs(): Record<string, unknown> {
  const written = new Map<string, string>();
  const resolveIn = (p: string) => {
    const full = normalize(join(ROOT, p));
    if (!full.startsWith(ROOT + sep)) throw new Error(`doctest fs: ${p} is outside the repository`);
    return full;
  };
  const readFileSyncBox = (p: string, enc?: unknown) => {
    if (written.has(p)) return written.get(p);
    if (p in FILES) return FILES[p]!();
    return readFileSync(resolveIn(p), (enc ?? "utf8") as BufferEncoding);
  };
  const writeFileSyncBox = (p: string, data: unknown) => {
    if (typeof data !== "string" && !(data instanceof Uint8Array)) throw new TypeError(`doctest fs: writing ${typeof data} to ${p}`);
    written.set(p, String(data));
  };
  const fs = { readFileSync: readFileSyncBox, writeFileSync: writeFileSyncBox, existsSync: (p: string) => written.has(p) || p in FILES, mkdirSync: () => undefined, written };
  return { ...fs, default: fs };
}

/** `import … from "m"` statements become `const … = await __import("m")`. */
export function rewriteImports(code: string): string {
  return code.replace(/^import\s+([\s\S]*?)\s+from\s+["']([^"']+)["'];?/gm, (_, what: string, mod: string) => {
    const m = JSON.stringify(mod);
    const star = /^\*\s+as\s+([\w$]+)$/.exec(what.trim());
    if (star) return `const ${star[1]} = await __import(${m});`;
    const named = /^(?:([\w$]+)\s*,\s*)?\{([\s\S]*)\}$/.exec(what.trim());
    if (named) {
      const names = named[2]!.split(",").map((s) => s.trim()).filter(Boolean).map((s) => s.replace(/^type\s+/, "").replace(/\s+as\s+/, ": "));
      const def = named[1] ? `const ${named[1]} = (await __import(${m})).default;\n` : "";
      return `${def}const { ${names.join(", ")} } = await __import(${m});`;
    }
    return `const ${what.trim()} = (await __import(${m})).default;`;
  });
}

async function importFor(mod: string, fs: Record<string, unknown>): Promise<unknown> {
  if (mod === "pace-qi") return lib;
  if (mod === "node:fs" || mod === "fs") return fs;
  if (mod === "csv-parse/sync") return csvSync;
  if (mod.startsWith("./") || mod.startsWith("../")) return import(join(ROOT, mod));
  throw new Error(`doctest: a docs block imports "${mod}", which the doc test does not provide`);
}

function toJs(block: MdBlock, code: string): string {
  if (block.lang !== "ts" && block.lang !== "typescript") return code;
  // TypeScript's transpiler keeps comments, so `//=>` lines survive (esbuild would drop them).
  return ts.transpileModule(code, { compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, removeComments: false } }).outputText;
}

function markdownFiles(): string[] {
  const docs = readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`);
  const examples = readdirSync(join(ROOT, "examples")).filter((f) => f.endsWith(".md")).map((f) => `examples/${f}`);
  return ["README.md", ...docs.sort(), ...examples.sort()];
}

const blocks = markdownFiles().flatMap((f) => parseMarkdown(f, readFileSync(join(ROOT, f), "utf8")));
const runnable = blocks.filter((b) => b.skip === null);
const skipped = blocks.filter((b) => b.skip !== null);

describe("code blocks in README.md, docs/ and examples/", () => {
  it("finds the blocks, and every skip gives a reason", () => {
    expect(blocks.length).toBeGreaterThan(15);
    for (const b of skipped) expect(b.skip, `${b.file}:${b.line}`).not.toBe("");
  });

  it.each(runnable.map((b) => ({ title: `${b.file}:${b.line}`, b })))("$title", async ({ b }) => {
    const chain: MdBlock[] = [b];
    while (chain[0]!.continues) {
      const prev = blocks.filter((x) => x.file === b.file && x.line < chain[0]!.line).at(-1);
      if (!prev) throw new Error(`${b.file}:${b.line}: "continue" with no block above`);
      chain.unshift(prev);
    }
    const fs = sandboxFs();
    const scope: Record<string, unknown> = {
      __import: (m: string) => importFor(m, fs),
      require: (m: string) => {
        if (m === "pace-qi") return lib;
        throw new Error(`doctest: require("${m}") is not provided`);
      },
      console: { log: () => undefined, table: () => undefined, warn: () => undefined },
    };
    for (const name of chain.flatMap((x) => x.given)) {
      if (!(name in FIXTURES)) throw new Error(`${b.file}:${b.line}: no sample data named "${name}" in test/docs/_fixtures.ts`);
      scope[name] = FIXTURES[name]!();
    }
    const code = chain.map((x) => toJs(x, rewriteImports(x.code))).join("\n");
    await runExample(code.split("\n"), scope, `${b.file}:${b.line}`);
  });

  if (skipped.length > 0) it.skip.each(skipped.map((b) => ({ title: `${b.file}:${b.line} (skipped: ${b.skip})` })))("$title", () => {});
});
