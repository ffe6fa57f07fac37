/**
 * QiErrorCode is the closed list of every code thrown (issue #16). This reads src/ with the
 * TypeScript compiler and collects every string literal that sits where a QiErrorCode is expected
 * — `new QiError("…")`, `{ code: "…" }` in an issue that becomes a QiError, helpers whose code
 * parameter is typed QiErrorCode — plus, by text, every `new QiError("…")`. Each must be in
 * QI_ERROR_CODES and documented in docs/reliability.md; each listed code must be thrown somewhere.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { QI_ERROR_CODES, type QiErrorCode } from "../../src/_lib/error.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir)) {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (f.endsWith(".ts") && !f.endsWith(".d.ts")) out.push(p);
  }
  return out;
}

/** Every string literal in src/ whose contextual type is exactly the QiErrorCode union, by file. */
function typedCodes(files: readonly string[]): Map<string, Set<string>> {
  const program = ts.createProgram(files, { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true, noEmit: true, skipLibCheck: true, types: [] });
  const checker = program.getTypeChecker();
  const listed = new Set<string>(QI_ERROR_CODES);
  const isCodeUnion = (t: ts.Type | undefined): boolean => {
    if (t === undefined) return false;
    const members = t.isUnion() ? t.types : [t];
    if (members.length !== listed.size) return false;
    return members.every((m) => m.isStringLiteral() && listed.has(m.value));
  };
  const found = new Map<string, Set<string>>();
  for (const sf of program.getSourceFiles()) {
    if (!files.includes(path.resolve(sf.fileName))) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node) && isCodeUnion(checker.getContextualType(node))) {
        const set = found.get(node.text) ?? new Set<string>();
        set.add(path.relative(root, sf.fileName));
        found.set(node.text, set);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return found;
}

describe("QiErrorCode: the closed list of thrown codes", () => {
  const files = sourceFiles(path.join(root, "src")).map((f) => path.resolve(f));
  const typed = typedCodes(files);
  const byText = new Set<string>();
  for (const f of files) for (const m of readFileSync(f, "utf8").matchAll(/new QiError\(\s*"([^"]+)"/g)) byText.add(m[1]!);
  const docs = readFileSync(path.join(root, "docs/reliability.md"), "utf8");
  const section = docs.slice(docs.indexOf("## Error codes (`QiError.code`)"), docs.indexOf("## Validation issue codes"));

  it("finds the codes (the scan works)", () => {
    expect(typed.size).toBeGreaterThan(20);
    expect(byText.has("invalid-option")).toBe(true);
  });

  it("every code thrown in src/ is in QI_ERROR_CODES", () => {
    const listed = new Set<string>(QI_ERROR_CODES);
    const missing = [...new Set([...typed.keys(), ...byText])].filter((c) => !listed.has(c));
    expect(missing).toEqual([]);
  });

  it("every listed code is thrown somewhere (no dead codes)", () => {
    expect(QI_ERROR_CODES.filter((c) => !typed.has(c) && !byText.has(c))).toEqual([]);
  });

  it("every listed code has a row in docs/reliability.md (meaning, typical path, example)", () => {
    const undocumented = QI_ERROR_CODES.filter((c) => {
      const row = section.split("\n").find((l) => l.startsWith(`| \`${c}\` |`));
      return row === undefined || row.split(" | ").length < 4;
    });
    expect(undocumented).toEqual([]);
  });

  it("the list is closed: no string outside it type-checks as a QiErrorCode", () => {
    // @ts-expect-error "not-a-code" is not a QiErrorCode (fails to compile if the list is reopened with `string & {}`)
    const bad: QiErrorCode = "not-a-code";
    expect(QI_ERROR_CODES).not.toContain(bad);
    expect(new Set(QI_ERROR_CODES).size).toBe(QI_ERROR_CODES.length);
  });
});
