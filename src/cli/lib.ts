// The CLI's only door into the library. The build keeps these two imports external, so the bin
// uses the package's own ESM build (dist/index.js, dist/render/index.js) instead of a second copy.
export * from "../index.js";
export * from "../render/index.js";
