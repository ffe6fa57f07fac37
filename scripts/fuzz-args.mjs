// The `--seconds N [--seed N]` arguments shared by the CLI fuzzers (fuzz-cli.mjs, fuzz-csv.mjs):
// a bad value prints the script's usage and exits 2. The seed defaults to the clock, and each
// run prints it, so a failure is reproduced with --seed.
export function fuzzArgs(script, argv = process.argv.slice(2)) {
  const flag = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 && argv[i + 1] !== undefined ? Number(argv[i + 1]) : fallback;
  };
  const seconds = flag("--seconds", 30);
  const seed = flag("--seed", (Date.now() % 2 ** 31) >>> 0);
  if (!(seconds > 0) || !Number.isInteger(seed)) {
    console.error(`usage: node scripts/${script} [--seconds N] [--seed N]`);
    process.exit(2);
  }
  return { seconds, seed };
}
