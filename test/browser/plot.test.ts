/**
 * The notebook path of examples/observable.md in headless Chromium: the browser bundle with
 * Observable Plot (UMD, d3 as a global) and Hypertext Literal (Observable's `html`).
 * `timescaleSeries(d, { x: "date" })` must give Plot a time (utc) x scale — ISO strings give an
 * ordinal one — and `html(markup(svg))` must give an SVG element where `` html`${svg}` `` gives
 * text. Needs `npm run build` and Chromium at /usr/bin/chromium; skipped without them (said by
 * `npm test` in its summary), except under CI or PACE_QI_REQUIRE_BUILD for the bundle.
 */
import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const CHROMIUM = "/usr/bin/chromium";
const NEEDED = ["dist/browser/pace-qi.js", "node_modules/@observablehq/plot/dist/plot.umd.min.js", "node_modules/d3/dist/d3.min.js", "node_modules/htl/src/index.js"];
const missing = [...NEEDED.filter((f) => !existsSync(join(ROOT, f))), ...(existsSync(CHROMIUM) ? [] : [CHROMIUM])];
if (missing.length > 0 && (process.env.CI || process.env.PACE_QI_REQUIRE_BUILD)) throw new Error(`the Plot browser test needs ${missing.join(", ")}`);
if (missing.length > 0) console.warn(`Skipping the Plot browser test: missing ${missing.join(", ")}.`);

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8" };

function serve(): Promise<Server> {
  const server = createServer((req, res) => {
    const file = join(ROOT, normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname)));
    if (!file.startsWith(ROOT + sep) || !existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

describe.skipIf(missing.length > 0)("Observable Plot and html in headless Chromium", () => {
  let server: Server;
  let context: BrowserContext;
  let userDir: string;

  beforeAll(async () => {
    server = await serve();
    userDir = mkdtempSync(join(tmpdir(), "pace-qi-plot-"));
    context = await chromium.launchPersistentContext(userDir, { executablePath: CHROMIUM, headless: true, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"], viewport: { width: 820, height: 900 } });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await new Promise((ok) => server?.close(ok));
    if (userDir) rmSync(userDir, { recursive: true, force: true });
  });

  it("timescaleSeries(d, { x: \"date\" }) draws on a time axis; html(markup(svg)) is an SVG element", async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/test/browser/plot.html`);
    await page.waitForSelector("body[data-ready='1']", { timeout: 30_000 });
    const r = (await page.evaluate("window.__plot")) as Record<string, unknown>;
    expect(errors).toEqual([]);
    expect(r.error).toBeUndefined();
    expect(r.points as number).toBeGreaterThan(10);
    expect(r.xIsDate).toBe(true);
    expect((r.firstX as string).slice(0, 10)).toBe(r.firstString);
    expect(r.xScale).toBe("utc");
    expect(r.ordinalScale).toBe("point"); // what ISO strings give: one tick per distinct day
    expect((r.xDomain as string[])[0]!.slice(0, 10) <= (r.firstString as string)).toBe(true);
    expect(r.dots).toBe(r.points);
    expect(r.escapedIsText).toBe(true);
    expect(r.markupTag).toBe("svg");
    expect(r.markupPoints as number).toBeGreaterThan(5);
    await page.screenshot({ path: join(tmpdir(), "pace-qi-plot.png"), fullPage: true });
    await page.close();
  }, 120_000);
});
