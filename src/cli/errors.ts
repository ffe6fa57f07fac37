/** A problem with the command line: exit code 2 with a short usage line. */
export class UsageError extends Error {
  override readonly name = "UsageError";
  /** The command whose usage line to print, or undefined for the top level. */
  readonly command: string | undefined;
  constructor(message: string, command?: string) {
    super(message);
    this.command = command;
  }
}

/**
 * A problem with a file or its contents: exit code 1. The message names the file and, where
 * there is one, the row and column (`cases.csv: row 418, column adm_date: …`); `details` lists
 * further problems of the same kind.
 */
export class DataError extends Error {
  override readonly name = "DataError";
  readonly details: readonly string[];
  constructor(message: string, details: readonly string[] = []) {
    super(message);
    this.details = details;
  }
}

/** Exit codes: 0 success, 1 bad data (files and their contents), 2 bad usage. */
export const EXIT_OK = 0;
export const EXIT_DATA = 1;
export const EXIT_USAGE = 2;

/** Shorten a value for a message, quoted: `'31/02/2021'`. */
export function quote(value: unknown): string {
  if (value === undefined || value === null) return "(blank)";
  const s = typeof value === "string" ? value : JSON.stringify(value) ?? String(value);
  if (s === "") return "(blank)";
  const short = s.length > 60 ? `${s.slice(0, 60)}…` : s;
  return `'${short.replace(/\r?\n/g, "\\n")}'`;
}
