// The `pace-qi` bin. The build adds the `#!/usr/bin/env node` line.
import { main } from "./main.js";

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
