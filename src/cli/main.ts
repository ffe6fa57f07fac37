import { analyseCommand } from "./analyse.js";
import { checkCommand } from "./check.js";
import { demoCommand } from "./demo.js";
import { funnelCommand } from "./funnel.js";
import { summaryCommand } from "./measuresSummary.js";
import { DataError, EXIT_DATA, EXIT_OK, EXIT_USAGE, UsageError, quote } from "./errors.js";
import { HELP, MAIN_HELP, USAGE } from "./help.js";
import type { Io } from "./io.js";
import { QiError } from "./lib.js";
import { reportCommand } from "./report.js";
import { safeIo } from "./terminal.js";
import { timescalesCommand } from "./timescales.js";

declare const __PACE_QI_VERSION__: string;

const COMMANDS: Record<string, (argv: readonly string[], io: Io) => Promise<number>> = {
  analyse: analyseCommand,
  analyze: analyseCommand,
  timescales: timescalesCommand,
  check: checkCommand,
  report: reportCommand,
  demo: demoCommand,
  funnel: funnelCommand,
  summary: summaryCommand,
};
/** The commands as usage errors list them (`analyze` is an alias). */
const COMMAND_NAMES = Object.keys(COMMANDS).filter((c) => c !== "analyze").join(", ");

function version(): string {
  return typeof __PACE_QI_VERSION__ === "string" ? __PACE_QI_VERSION__ : "0.0.0-dev";
}

/** Run the CLI with `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: readonly string[], unsafeIo: Io): Promise<number> {
  const io = safeIo(unsafeIo); // no control codes from cells, file or group names reach the terminal
  const [first, ...rest] = argv;
  let command: string | undefined;
  try {
    if (first === undefined) {
      io.stderr.write(MAIN_HELP);
      return EXIT_USAGE;
    }
    if (first === "--help" || first === "-h" || first === "help") {
      const topic = first === "help" ? rest[0] : undefined;
      if (topic !== undefined) {
        const name = topic === "analyze" ? "analyse" : topic;
        if (!Object.hasOwn(HELP, name)) throw new UsageError(`unknown command ${quote(topic)}`);
        io.stdout.write(HELP[name]!);
      } else io.stdout.write(MAIN_HELP);
      return EXIT_OK;
    }
    if (first === "--version" || first === "-v" || first === "-V") {
      io.stdout.write(`${version()}\n`);
      return EXIT_OK;
    }
    if (first.startsWith("-")) throw new UsageError(`unknown option ${quote(first)} (options go after the command)`);
    // Own keys only: `constructor`, `toString` and `__proto__` are not commands (they were Object's methods).
    const run = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
    if (run === undefined) throw new UsageError(`unknown command ${quote(first)}; commands: ${COMMAND_NAMES}`);
    command = first === "analyze" ? "analyse" : first;
    if (rest.includes("--help") || rest.includes("-h")) {
      io.stdout.write(HELP[command]!);
      return EXIT_OK;
    }
    return await run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      const cmd = e.command ?? command;
      io.stderr.write(`pace-qi${cmd ? ` ${cmd}` : ""}: ${e.message}\nUsage: ${USAGE[cmd ?? ""] ?? USAGE[""]}\n`);
      return EXIT_USAGE;
    }
    if (e instanceof DataError) {
      io.stderr.write(`pace-qi: ${e.message}\n${e.details.map((d) => `  ${d}\n`).join("")}`);
      return EXIT_DATA;
    }
    if (e instanceof QiError) {
      io.stderr.write(`pace-qi: ${e.message}\n`);
      return EXIT_DATA;
    }
    const err = e as NodeJS.ErrnoException;
    if (typeof err?.code === "string" && typeof err.path === "string") {
      io.stderr.write(`pace-qi: ${err.path}: cannot write (${err.code})\n`);
      return EXIT_DATA;
    }
    throw e;
  }
}
