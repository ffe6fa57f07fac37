/**
 * The CLI output docs/cli.md shows is what the CLI prints (user trial 16: the worked analyse
 * example showed a note the CLI had stopped printing two versions before). Each output block —
 * a fence with no language right after a ```sh block, with at most one line of prose between
 * ("prints") — is checked against the sh block run by bash in a temporary directory (with
 * `examples/` linked in, `pace-qi` the built CLI). A line "…" stands for any lines; the other
 * lines must be the output's, in order and without gaps between two "…", from its first line to
 * its last. Needs `npm run build` (skipped without it, as test/cli is).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { BIN, HAVE_BIN } from "../cli/helpers.js";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));

interface Shown {
  line: number;
  command: string;
  output: string[];
}

/** The sh blocks of a page followed by an output block. */
export function shownOutputs(text: string): Shown[] {
  const lines = text.split("\n");
  const blocks: { start: number; end: number; lang: string }[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!fence) continue;
    let end = i + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end++;
    blocks.push({ start: i, end, lang: fence[1]! });
    i = end;
  }
  const out: Shown[] = [];
  for (let k = 1; k < blocks.length; k++) {
    const [sh, o] = [blocks[k - 1]!, blocks[k]!];
    if (sh.lang !== "sh" || o.lang !== "") continue;
    const between = lines.slice(sh.end + 1, o.start).filter((l) => l.trim() !== "");
    if (between.length > 1) continue;
    out.push({ line: o.start + 1, command: lines.slice(sh.start + 1, sh.end).join("\n"), output: lines.slice(o.start + 1, o.end) });
  }
  return out;
}

/** Whether `actual` is `shown`, each "…" standing for any lines (none too). */
function matches(shown: readonly string[], actual: readonly string[]): boolean {
  const segments: string[][] = [[]];
  for (const l of shown) if (l.trim() === "…") segments.push([]);
  else segments[segments.length - 1]!.push(l);
  let at = 0;
  for (let s = 0; s < segments.length; s++) {
    const seg = segments[s]!;
    const first = s === 0;
    const last = s === segments.length - 1;
    let found = -1;
    for (let i = at; i + seg.length <= actual.length; i++) {
      if (seg.every((l, k) => actual[i + k] === l) && (!last || i + seg.length === actual.length)) {
        found = i;
        break;
      }
      if (first) break;
    }
    if (found < 0) return false;
    at = found + seg.length;
  }
  return true;
}

const SHOWN = shownOutputs(readFileSync(join(ROOT, "docs/cli.md"), "utf8"));

describe.skipIf(!HAVE_BIN)("docs/cli.md: every output shown is what the CLI prints", { timeout: 120_000 }, () => {
  it("finds the worked examples (analyse ×2, funnel)", () => {
    expect(SHOWN.map((s) => /pace-qi (\w+)/.exec(s.command)![1])).toEqual(["analyse", "analyse", "funnel"]);
  });
  it("'…' stands for any lines; the rest must be the output's, in order", () => {
    expect(matches(["a", "…", "d"], ["a", "b", "c", "d"])).toBe(true);
    expect(matches(["a", "…", "c"], ["a", "b", "c", "d"])).toBe(false);
    expect(matches(["b", "…"], ["a", "b"])).toBe(false);
    expect(matches(["a", "c"], ["a", "b", "c"])).toBe(false);
  });
  for (const s of SHOWN) {
    it(`the output at docs/cli.md line ${s.line}`, () => {
      const dir = mkdtempSync(join(tmpdir(), "pace-qi-docs-"));
      symlinkSync(join(ROOT, "examples"), join(dir, "examples"));
      const script = `pace-qi() { ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} "$@"; }\n${s.command}\n`;
      let actual: string;
      try {
        actual = execFileSync("bash", ["-c", `${script}`], { cwd: dir, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      } catch (e) {
        const err = e as { stdout: string; stderr: string };
        actual = `${err.stdout}${err.stderr}`;
      }
      const lines = actual.replace(/\n$/, "").split("\n");
      if (!matches(s.output, lines)) expect(lines.join("\n")).toBe(s.output.join("\n"));
    });
  }
});
