import { mkdir, open, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/** A file to write once everything has been computed. */
export interface PlannedFile {
  path: string;
  /** The text, or chunks of it (for large files: each chunk can be dropped once written). */
  content: string | Iterable<string>;
}

/**
 * Write every planned file or none: each goes to a temporary name beside its target first, and
 * only when all are written are they renamed into place. A failure removes the temporaries, so
 * a run that fails leaves no half-written outputs behind.
 */
export async function writeAll(files: readonly PlannedFile[]): Promise<void> {
  const temps: string[] = [];
  const tag = `.pace-qi-${process.pid}-${Date.now().toString(36)}.tmp`;
  try {
    for (const f of files) {
      await mkdir(dirname(f.path), { recursive: true });
      const tmp = `${f.path}${tag}`;
      temps.push(tmp);
      if (typeof f.content === "string") await writeFile(tmp, f.content, "utf8");
      else {
        const handle = await open(tmp, "w");
        try {
          for (const chunk of f.content) await handle.write(chunk, null, "utf8");
        } finally {
          await handle.close();
        }
      }
    }
    for (let k = 0; k < files.length; k++) await rename(temps[k]!, files[k]!.path);
  } catch (e) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    throw e;
  }
}

/**
 * One CSV field, quoted when it needs to be (RFC 4180), and safe to open in a spreadsheet: text
 * beginning with `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with `'` so Excel and
 * LibreOffice show it instead of running it as a formula (OWASP, "CSV Injection"). Numbers —
 * and text that is just a number, like `-5` or `+3.2` — are left as they are.
 */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let s = typeof value === "string" ? value : JSON.stringify(value);
  if (s.length > 0 && FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return needsQuotes(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

function needsQuotes(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  if (s.charCodeAt(0) <= 32 || s.charCodeAt(n - 1) <= 32) return true;
  for (let k = 0; k < n; k++) {
    const c = s.charCodeAt(k);
    if (c === 44 || c === 34 || c === 10 || c === 13) return true; // , " \n \r
  }
  return false;
}

/**
 * Rows of objects as CSV with the given columns, header first, `\n` line ends, in chunks of
 * about 1 MB (see {@link PlannedFile}): large files never sit in memory as one string.
 */
export function* toCsv(rows: readonly object[], columns: readonly string[]): Generator<string> {
  let chunk = `${columns.map(csvField).join(",")}\n`;
  for (const r of rows) {
    const rec = r as Record<string, unknown>;
    for (let k = 0; k < columns.length; k++) chunk += (k > 0 ? "," : "") + csvField(rec[columns[k]!]);
    chunk += "\n";
    if (chunk.length > 1 << 20) {
      yield chunk;
      chunk = "";
    }
  }
  yield chunk;
}
