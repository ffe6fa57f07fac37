// Issue #18: the memory `pace-qi analyse` keeps per row. Writes a CSV of N rows (x = 1…N, y a
// decimal with three places) to a temporary file, runs `analyse` on it in a child process
// (dist/cli/main.js in-process there) and reports the peak RSS and the peak heap used, each minus
// the child's baseline after loading the CLI, per row; and how the run ended (a summary, or the
// coded message naming the row limit). Run after `npm run build`:
//   node bench/analyse-memory.mjs [rows …]        (default: 1,000,000 and 10,000,000)
// Also the last step of `npm run bench` (task "analyse-memory"). Figures: docs/performance.md.
import { execFileSync } from "node:child_process";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

if (process.argv[2] === "--child") {
  // In the child: baseline, run, peaks.
  const { main } = await import(new URL("../dist/cli/main.js", import.meta.url).href);
  globalThis.gc?.();
  const base = process.memoryUsage();
  let peakHeap = base.heapUsed;
  const timer = setInterval(() => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed)), 20);
  let stderr = "";
  const io = { stdout: { write: () => true }, stderr: { write: (s) => ((stderr += s), true) } };
  const t = performance.now();
  const code = await main(["analyse", process.argv[3], "--x", "x", "--y", "y", ...process.argv.slice(4)], io);
  const ms = performance.now() - t;
  clearInterval(timer);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ code, ms, rss: maxRss - base.rss, heap: peakHeap - base.heapUsed, stderr: stderr.split("\n")[0] }));
  process.exit(0);
}

/** Write `rows` rows to `file`, streamed (never the whole file in memory). */
async function writeCsv(file, rows) {
  const out = createWriteStream(file);
  let s = 12345;
  const chunk = 100_000;
  out.write("x,y\n");
  for (let i = 0; i < rows; i += chunk) {
    let text = "";
    for (let k = i; k < Math.min(rows, i + chunk); k++) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      text += `${k + 1},${(100 + (s / 2 ** 32) * 20).toFixed(3)}\n`;
    }
    if (!out.write(text)) await new Promise((ok) => out.once("drain", ok));
  }
  await new Promise((ok) => out.end(ok));
}

const sizes = process.argv.slice(2).filter((a) => /^\d+$/.test(a)).map(Number);
const dir = mkdtempSync(join(tmpdir(), "pace-qi-bench-memory-"));
try {
  for (const rows of sizes.length > 0 ? sizes : [1_000_000, 10_000_000]) {
    const file = join(dir, `series-${rows}.csv`);
    await writeCsv(file, rows);
    const r = JSON.parse(execFileSync(process.execPath, ["--expose-gc", new URL(import.meta.url).pathname, "--child", file], { encoding: "utf8", maxBuffer: 1 << 20 }));
    // Refused at the row limit: the bytes are those of the rows read until then.
    const limit = /more than ([\d,]+) data rows/.exec(r.stderr);
    const held = limit ? Number(limit[1].replace(/,/g, "")) : rows;
    const per = (b) => `${(b / held).toFixed(0)} bytes/row${held !== rows ? ` of the ${held.toLocaleString("en-GB")} read` : ""}`;
    const how = r.code === 0 ? "analysed" : `exit ${r.code}: ${r.stderr}`;
    console.log(`analyse, ${rows.toLocaleString("en-GB")} rows: peak RSS +${(r.rss / 2 ** 20).toFixed(0)} MB (${per(r.rss)}), peak heap used +${(r.heap / 2 ** 20).toFixed(0)} MB (${per(r.heap)}), ${(r.ms / 1000).toFixed(1)} s; ${how} (target ≤ 64 bytes/row)`);
    rmSync(file, { force: true });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
