// The `pace-qi` bin. The build adds the `#!/usr/bin/env node` line.
import { isMainThread } from "node:worker_threads";
import { main } from "./main.js";

// The same file is the code of the check's worker thread (checkWorker.ts): there it only answers.
if (isMainThread) {
  // `pace-qi analyse data.csv | head`: the reader closing the pipe early is not an error.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });

  main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`pace-qi: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\nPlease report it with the command you ran.\n`);
      process.exitCode = 70;
    },
  );
}
