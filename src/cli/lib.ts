// The CLI's only door into the library: the public API and nothing else. The build keeps these
// imports external, so the bin uses the package's own ESM build (dist/index.js, …) instead of a
// second copy. (The timescales command uses paceTimescales, with its onProgress callback, for
// what once needed the private case-record reader.)
export * from "../index.js";
