import type { Io } from "./io.js";
import type { ProgressSink } from "./progress.js";

// C0 controls other than tab and line feed, DEL, C1 controls (U+0080–U+009F, among them the
// one-byte CSI U+009B) and the bidirectional overrides and isolates ("Trojan Source").
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text made safe for a terminal (issue #18): every control character that could move the cursor,
 * recolour, retitle the window, write to the clipboard (OSC 52) or reorder what is shown is written
 * as a visible `\uXXXX` escape. Tab and line feed stay; `\r\n` becomes `\n`. In JSON text the
 * escape is the same character, so JSON printed to stdout still parses to the same values.
 *
 * @example
 * terminalSafe("North\u001b[31m") //=> "North\\u001b[31m"
 */
export function terminalSafe(text: string): string {
  const s = text.includes("\r\n") ? text.replace(/\r\n/g, "\n") : text;
  return s.replace(UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * {@link terminalSafe} for one cell of a text table: tab and line feed are escaped too
 * (`\u0009`, `\u000a`), so the cell stays on its line and the table is measured as it is shown.
 *
 * @example
 * terminalCell("North\u001b[31m\n") //=> "North\\u001b[31m\\u000a"
 */
export function terminalCell(text: string): string {
  return terminalSafe(text).replace(/[\t\n]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A sink that filters what is written to it; the unfiltered sink stays reachable as `raw` (the progress bar's own `\r` and erase-line codes). */
export interface SafeSink extends ProgressSink {
  raw: ProgressSink;
}

function safeSink(raw: ProgressSink): SafeSink {
  return {
    raw,
    get isTTY() {
      return raw.isTTY;
    },
    get columns() {
      return raw.columns;
    },
    write: (chunk: string) => raw.write(terminalSafe(String(chunk))),
  } as SafeSink;
}

/** The command's streams with every write passed through {@link terminalSafe}: cell values, file and group names never reach the terminal as control codes. */
export function safeIo(io: Io): Io {
  if ((io.stdout as Partial<SafeSink>).raw !== undefined) return io;
  return { stdout: safeSink(io.stdout as ProgressSink), stderr: safeSink(io.stderr) };
}
