import { terminalSafe } from "./terminal.js";
/** Where progress goes: a TTY stream (stderr) or nothing. */
export interface ProgressSink {
  isTTY?: boolean;
  columns?: number;
  write(chunk: string): unknown;
}

/** A progress bar on stderr for long work. Silent unless the sink is a TTY. */
export interface Progress {
  /** Report `done` of `total` (bytes, rows…). */
  update(done: number, total: number): void;
  /** Clear the bar. */
  done(): void;
}

const SILENT: Progress = { update() {}, done() {} };

function mb(n: number): string {
  return `${(n / 1_048_576).toFixed(1)} MB`;
}

/**
 * Hand-written: no declared library draws one (a progress-bar package would be a new dependency
 * for 30 lines), and its cost is nil: `update` returns after one `Date.now()` comparison unless
 * 100 ms have passed, so it draws at most 10 times a second whatever the row count.
 *
 * A throttled bar (`Reading cases.csv [#####-----] 48% 19.6/41.0 MB`), drawn at most every 100 ms
 * and only after the work has taken half a second, so quick runs stay quiet.
 */
export function progressBar(filtered: ProgressSink | undefined, unsafeLabel: string, unit: "bytes" | "rows" = "bytes"): Progress {
  if (filtered === undefined || filtered.isTTY !== true) return SILENT;
  // The bar's own \r and erase-line codes go to the unfiltered stream; the label (a file name) is filtered.
  const sink = (filtered as { raw?: ProgressSink }).raw ?? filtered;
  const label = terminalSafe(unsafeLabel);
  const started = Date.now();
  let last = 0;
  let drawn = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - started < 500 || now - last < 100) return;
      last = now;
      const frac = total > 0 ? Math.min(1, done / total) : 0;
      const width = 24;
      const fill = Math.round(frac * width);
      const amount = unit === "bytes" ? `${mb(done)}/${mb(total)}` : `${done.toLocaleString("en-GB")}/${total.toLocaleString("en-GB")}`;
      let line = `${label} [${"#".repeat(fill)}${"-".repeat(width - fill)}] ${Math.floor(frac * 100)}% ${amount}`;
      const cols = sink.columns ?? 80;
      if (line.length > cols - 1) line = line.slice(0, cols - 1);
      sink.write(`\r${line}\x1b[K`);
      drawn = true;
    },
    done() {
      if (drawn) sink.write("\r\x1b[K");
      drawn = false;
    },
  };
}
