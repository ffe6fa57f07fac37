import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The real built binary: the tests run it as an analyst would. */
export const BIN = resolve(dirname(fileURLToPath(import.meta.url)), "../../dist/cli/index.js");
export const HAVE_BIN = existsSync(BIN);

if (!HAVE_BIN) {
  const msg = `test/cli: ${BIN} is missing — run \`npm run build\` first. CLI tests are skipped.`;
  if (process.env.CI || process.env.PACE_QI_REQUIRE_BUILD) throw new Error(`${msg} (CI or npm test: failing instead of skipping)`);
  console.warn(msg);
}

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run `node dist/cli/index.js ...args` in `cwd`. */
export function run(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, ...env }, maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof (err as { code?: unknown }).code === "number" ? ((err as { code: number }).code) : -1;
      done({ code, stdout, stderr });
    });
  });
}

/** A fresh temp directory with the given files. */
export function tempDir(files: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "pace-qi-cli-"));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

/** Files in a directory (sorted), or [] when it does not exist. */
export function listing(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

/** A monthly series as CSV: month (ISO or UK), value. */
export function monthlyCsv(values: readonly (number | null)[], uk = false, start = 2023): string {
  const lines = ["month,value"];
  values.forEach((v, i) => {
    const y = start + Math.floor(i / 12);
    const m = String((i % 12) + 1).padStart(2, "0");
    lines.push(`${uk ? `01/${m}/${y}` : `${y}-${m}-01`},${v ?? ""}`);
  });
  return `${lines.join("\n")}\n`;
}
