/**
 * Headless Chromium smoke test of the browser bundle (dist/browser/pace-qi.js): a page imports it
 * as an ES module, analyses a series and renders it; the test checks the DOM and saves the
 * screenshots in docs/img. Needs `npm run build` first and Chromium at /usr/bin/chromium; without
 * them it is skipped, except under CI (process.env.CI), where it fails.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const BUNDLE = join(ROOT, "dist/browser/pace-qi.js");
const CHROMIUM = "/usr/bin/chromium";
const IMG = join(ROOT, "docs/img");

const missing = [!existsSync(BUNDLE) && "dist/browser/pace-qi.js (run `npm run build`)", !existsSync(CHROMIUM) && `${CHROMIUM} (apt-get install chromium)`].filter(Boolean);
const needBundle = !existsSync(BUNDLE) && process.env.PACE_QI_REQUIRE_BUILD;
if ((missing.length > 0 && process.env.CI) || needBundle) throw new Error(`browser test needs ${missing.join(" and ")}`);
if (missing.length > 0) console.warn(`Skipping the browser test: missing ${missing.join(" and ")}.`);

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json", ".svg": "image/svg+xml", ".css": "text/css" };

/** A static file server for the repository, on 127.0.0.1 at an ephemeral port. */
function serve(): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    const file = join(ROOT, path);
    if (!file.startsWith(ROOT + sep) || !existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" }).end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

interface PageResult {
  error?: string;
  exports?: number;
  summary?: string;
  html?: string;
  svg?: string;
  diagram?: string;
  chart?: { points: Array<{ index: number; y: number | null }>; signals: Array<{ points: number[]; assessment: string }> };
}

describe.skipIf(missing.length > 0)("browser bundle in headless Chromium", () => {
  let server: Server;
  let context: BrowserContext;
  let userDir: string;
  let base: string;
  const external: string[] = [];

  beforeAll(async () => {
    server = await serve();
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    userDir = mkdtempSync(join(tmpdir(), "pace-qi-chromium-"));
    context = await chromium.launchPersistentContext(userDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      viewport: { width: 800, height: 600 },
    });
    context.on("request", (r) => {
      const u = r.url();
      if (!u.startsWith(base) && !u.startsWith("data:") && !u.startsWith("about:")) external.push(u);
    });
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await new Promise((ok) => server?.close(ok));
    if (userDir) rmSync(userDir, { recursive: true, force: true });
  });

  async function open(view: string): Promise<{ page: Page; result: PageResult }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${base}/test/browser/page.html?view=${view}`);
    await page.waitForSelector("body[data-ready='1']", { timeout: 15_000 });
    const result = (await page.evaluate("window.__qi")) as PageResult;
    expect(errors).toEqual([]);
    expect(result.error).toBeUndefined();
    return { page, result };
  }

  /** DOM checks shared by the run and control charts. */
  async function checkChart(page: Page, result: PageResult): Promise<void> {
    const chart = result.chart!;
    const withValue = chart.points.filter((p) => p.y !== null).length;
    expect(await page.locator("#out svg .point").count()).toBe(withValue);
    const signalPoints = new Set(chart.signals.flatMap((s) => s.points));
    expect(await page.locator("#out svg .point.signal").count()).toBe(chart.points.filter((p) => p.y !== null && signalPoints.has(p.index)).length);
    for (const a of ["improvement", "deterioration", "neutral"]) {
      const expected = new Set(chart.signals.filter((s) => s.assessment === a).flatMap((s) => s.points)).size;
      if (expected === 0) expect(await page.locator(`#out svg .point.signal.${a}`).count()).toBe(0);
    }
    expect(await page.locator("#out svg").getAttribute("role")).toBe("img");
    expect(await page.locator("#out svg > desc").textContent()).toBe(result.summary);
    // Every point marker is laid out inside the SVG.
    const box = (await page.locator("#out svg").boundingBox())!;
    const inside = await page.locator("#out svg .point").evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.x, r.y, r.width, r.height]));
    for (const [x, y, w, h] of inside) {
      expect(w! > 0 && h! > 0).toBe(true);
      expect(x! >= box.x && y! >= box.y && x! + w! <= box.x + box.width && y! + h! <= box.y + box.height).toBe(true);
    }
  }

  it("renders a run chart from the bundle", async () => {
    const { page, result } = await open("run");
    expect(result.exports).toBeGreaterThan(50);
    await checkChart(page, result);
    expect(await page.locator("#out svg .point.signal.improvement").count()).toBeGreaterThan(0);
    expect(await page.locator("#out svg .annotation").count()).toBeGreaterThan(0);
    await page.locator("#out svg").screenshot({ path: join(IMG, "run-chart.png") });
    await page.close();
  }, 120_000);

  it("renders a p chart with stepped limits from the bundle", async () => {
    const { page, result } = await open("control");
    await checkChart(page, result);
    expect(await page.locator("#out svg .limit.upper").count()).toBeGreaterThan(0);
    await page.locator("#out svg").screenshot({ path: join(IMG, "control-chart.png") });
    await page.close();
  }, 120_000);

  it("renders the project report, with no requests beyond the page", async () => {
    const { page, result } = await open("report");
    const html = result.html!;
    const report = await context.newPage();
    await report.setViewportSize({ width: 1000, height: 800 });
    await report.setContent(html, { waitUntil: "load" });
    const project = JSON.parse(readFileSync(join(ROOT, "examples/pace-project.json"), "utf8")) as { measures: unknown[]; cycles: unknown[] };
    expect(await report.locator("section.measure").count()).toBe(project.measures.length);
    expect(await report.locator("section.measure svg.qi-run-chart").count()).toBe(project.measures.length);
    expect(await report.locator("svg.qi-driver-diagram .node").count()).toBeGreaterThan(5);
    expect(await report.locator("table.cycles tbody tr").count()).toBe(project.cycles.length);
    expect(await report.locator("script").count()).toBe(0);
    // Issue #18: the Content-Security-Policy is enforced — a script added to the page does not run,
    // and the report's own inline styles still apply.
    const csp = await report.evaluate(() => {
      const w = window as unknown as { __ran?: number };
      const s = document.createElement("script");
      s.textContent = "window.__ran = 1";
      document.body.append(s);
      return {
        policy: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? null,
        ran: w.__ran ?? 0,
        styled: getComputedStyle(document.body).fontFamily !== "" && document.styleSheets.length > 0 && document.styleSheets[0]!.cssRules.length > 0,
      };
    });
    expect(csp).toEqual({ policy: "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'", ran: 0, styled: true });
    await report.evaluate(() => document.querySelectorAll("body > script").forEach((e) => e.remove()));
    await report.screenshot({ path: join(IMG, "report.png"), fullPage: true });
    // The first screen of the report, for the README.
    await report.screenshot({ path: join(IMG, "report-top.png"), clip: { x: 0, y: 0, width: 1000, height: 1400 } });
    // Printed (A4), each measure starts a new page.
    await report.emulateMedia({ media: "print" });
    expect(await report.evaluate(() => getComputedStyle(document.querySelector("section.measure")!).breakBefore)).toBe("page");
    await report.close();
    await page.close();
  }, 120_000);

  it("parses hostile labels as text (DOMParser, image/svg+xml)", async () => {
    const { page, result } = await open("hostile");
    for (const markup of [result.svg!, result.diagram!]) {
      const parsed = await page.evaluate((s) => {
        const doc = new DOMParser().parseFromString(s, "image/svg+xml");
        return { errors: doc.getElementsByTagName("parsererror").length, scripts: doc.getElementsByTagName("script").length, bold: doc.getElementsByTagName("b").length, text: `${doc.querySelector("title")?.textContent ?? ""}\n${doc.querySelector("desc")?.textContent ?? ""}` };
      }, markup);
      expect(parsed).toMatchObject({ errors: 0, scripts: 0, bold: 0 });
      expect(parsed.text).toContain("</svg><script>alert(1)</script> & <b>bold</b>");
    }
    await page.close();
  }, 120_000);

  it("made no requests outside the test server", () => {
    expect(external).toEqual([]);
  });
});

