#!/usr/bin/env node
// Write the JSON Schema of every pace-qi document to schemas/<name>.schema.json.
// Run after the build (it imports the built library): `npm run build && node scripts/write-schemas.mjs`.
// Output is deterministic (stable key order from zod, 2-space indent, trailing newline), so the
// files can be committed and diffed.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { jsonSchemas } = await import(new URL("../dist/index.js", import.meta.url).href);
if (typeof jsonSchemas !== "function") {
  console.error("write-schemas: dist/index.js does not export jsonSchemas(); build first (npm run build)");
  process.exit(1);
}
const outDir = join(root, "schemas");
mkdirSync(outDir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  const file = join(outDir, `${name}.schema.json`);
  writeFileSync(file, `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote ${file.slice(root.length + 1)}`);
}
