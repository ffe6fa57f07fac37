import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

/** A file to write once everything has been computed. */
export interface PlannedFile {
  path: string;
  content: string;
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
      await writeFile(tmp, f.content, "utf8");
    }
    for (let k = 0; k < files.length; k++) await rename(temps[k]!, files[k]!.path);
  } catch (e) {
    await Promise.all(temps.map((t) => rm(t, { force: true })));
    throw e;
  }
}

/** One CSV field, quoted when it needs to be (RFC 4180). */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const s = typeof value === "string" ? value : JSON.stringify(value);
  return needsQuotes(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

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

/** Rows of objects as CSV with the given columns, header first, `\n` line ends. */
export function toCsv(rows: readonly object[], columns: readonly string[]): string {
  const out: string[] = [columns.map(csvField).join(",")];
  for (const r of rows) {
    const rec = r as Record<string, unknown>;
    let line = "";
    for (let k = 0; k < columns.length; k++) line += (k > 0 ? "," : "") + csvField(rec[columns[k]!]);
    out.push(line);
  }
  return `${out.join("\n")}\n`;
}
