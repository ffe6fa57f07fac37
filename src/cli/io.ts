import type { ProgressSink } from "./progress.js";

/** What a command may touch besides files: its output streams. */
export interface Io {
  stdout: { write(chunk: string): unknown };
  stderr: ProgressSink;
}
