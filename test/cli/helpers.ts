import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

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

/**
 * Run `pace-qi ...args` in `cwd` as the built binary does, in this test process: `main` of
 * dist/cli/main.js (the same bundle as dist/cli/index.js, without the process wiring) with
 * stdout and stderr captured, in `cwd`. Starting `node dist/cli/index.js` for each of the ~180
 * cases was most of the suite's time (see scripts/test.mjs); {@link runBin} still does, for the
 * tests of the binary itself (exit codes, the shim, pipes, memory limits, an environment of its own).
 *
 * The CLI resolves relative paths against the process's working directory, so each call takes
 * a lock, changes into `cwd`, runs, and changes back: the CLI tests are `describe.concurrent`,
 * and two commands must never see each other's directory. (Vitest runs each worker in its own
 * process, the `forks` pool, where `process.chdir` works; test code of this folder uses absolute
 * paths, so nothing else depends on the working directory while a command holds it.) What the
 * shim adds is reproduced: an uncaught error is exit 70 with the "internal error" message.
 */
export async function run(args: readonly string[], cwd: string): Promise<Run> {
  const main = await cliMain();
  const release = await lock();
  const out = { stdout: "", stderr: "" };
  const io = { stdout: { write: (c: string) => (out.stdout += c) }, stderr: { write: (c: string) => (out.stderr += c) } };
  const home = process.cwd();
  let code: number;
  try {
    process.chdir(cwd);
    code = await main(args, io);
  } catch (e) {
    out.stderr += `pace-qi: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\nPlease report it with the command you ran.\n`;
    code = 70;
  } finally {
    process.chdir(home);
    release();
  }
  return { code, ...out };
}

type Main = (argv: readonly string[], io: { stdout: { write(c: string): unknown }; stderr: { write(c: string): unknown } }) => Promise<number>;
let loaded: Promise<Main> | undefined;

/** `main` of the built CLI (dist/cli/main.js), imported once per worker. */
function cliMain(): Promise<Main> {
  loaded ??= import(pathToFileURL(join(dirname(BIN), "main.js")).href).then((m: { main: Main }) => m.main);
  return loaded;
}

let queue: Promise<void> = Promise.resolve();

/** One command at a time in this process: resolves to the function that lets the next one in. */
function lock(): Promise<() => void> {
  let release!: () => void;
  const next = new Promise<void>((done) => (release = done));
  const turn = queue.then(() => release);
  queue = queue.then(() => next);
  return turn;
}

/** Run the real binary, `node dist/cli/index.js ...args`, in `cwd` (a child process). */
export function runBin(args: readonly string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
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
