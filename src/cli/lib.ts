// The CLI's only door into the library: the public API and nothing else. The build bundles the
// library code the CLI uses into dist/cli/index.js (tsup.config.ts: loading the ESM build's
// ~190 files cost more than the code). (The timescales command uses paceTimescales, with its
// onProgress callback, for what once needed the private case-record reader.)
export * from "../index.js";
