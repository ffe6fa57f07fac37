/**
 * Issue #18, finding 2: the Mermaid text of `driverDiagramToMermaid` parsed and rendered by Mermaid
 * itself (node_modules/mermaid, its browser bundle) in headless Chromium, with hostile labels:
 * directives (`%%{init: …}%%`), comments, quotes, backticks, markup, `click` and `style` lines
 * smuggled into a label, very long labels. Each must parse, render every node with its label as
 * text, change no theme or style, run no script and fetch nothing. Needs Chromium at
 * /usr/bin/chromium (skipped without it, except under CI, where it fails).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { driverDiagramToMermaid, type DriverDiagram } from "../../src/drivers/index.js";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const MERMAID = join(ROOT, "node_modules/mermaid/dist/mermaid.min.js");
const CHROMIUM = "/usr/bin/chromium";
const missing = [!existsSync(MERMAID) && "node_modules/mermaid (npm ci)", !existsSync(CHROMIUM) && `${CHROMIUM} (apt-get install chromium)`].filter(Boolean);
if (missing.length > 0 && process.env.CI) throw new Error(`mermaid browser test needs ${missing.join(" and ")}`);

/** Serves a blank page and Mermaid's browser bundle, nothing else. */
function serve(): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === "/") res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end('<!DOCTYPE html><html><head><meta charset="utf-8"><title>mermaid</title></head><body><div id="out"></div></body></html>');
    else if (req.url === "/mermaid.min.js") res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(readFileSync(MERMAID));
    else res.writeHead(404).end("not found");
  });
  return new Promise((ok) => server.listen(0, "127.0.0.1", () => ok(server)));
}

const LEAK = "http://leak.invalid";
const HOSTILE: Record<string, string> = {
  directive: `%%{init: {'theme': 'dark', 'fontFamily': 'HostileFont', 'themeCSS': '.node rect { fill: rgb(255, 0, 0) !important } @import url(${LEAK}/css);', 'securityLevel': 'loose'}}%%`,
  onlyDirective: "%%{init: {}}%%",
  comment: "%% the rest is a comment",
  quotes: `He said "hi" & 'bye' #quot; #35;`,
  backticks: "`**markdown** ${x}` ``",
  markup: `<script>window.__ran = 1</script><img src="${LEAK}/img" onerror="window.__ran = 2"><b>bold</b>`,
  breakout: 'x"]\n  click n_aim call alert(1)\n  n_z["y',
  click: `click n_aim href "javascript:window.__ran = 3"`,
  style: "]) ; style n_aim fill:#f00\nclassDef aim fill:#f00",
  separators: "a\u2028b\u2029c\u0085d\r\ne",
  long: "a long label ".repeat(400),
};

function diagram(): DriverDiagram {
  const labels = Object.values(HOSTILE);
  return {
    aim: { id: "aim", statement: HOSTILE.directive! },
    nodes: labels.map((label, i) => ({ id: i === 0 ? "click" : `n${i}`, kind: i < 3 ? "primary" : i < 7 ? "secondary" : "change", label })),
    links: labels.map((_, i) => ({ from: i === 0 ? "click" : `n${i}`, to: i < 3 ? "aim" : i < 7 ? "click" : "n3", ...(i % 2 ? { strength: "weak" as const } : {}) })),
  } as DriverDiagram;
}

interface Rendered {
  parsed: unknown;
  error?: string;
  nodes: number;
  text: string;
  style: string;
  fills: string[];
  scripts: number;
  ran: number;
  handlers: number;
}

describe.skipIf(missing.length > 0)("Mermaid parses and renders driverDiagramToMermaid output (headless Chromium)", () => {
  let server: Server;
  let context: BrowserContext;
  let page: Page;
  let userDir: string;
  let base: string;
  const external: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    server = await serve();
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    userDir = mkdtempSync(join(tmpdir(), "pace-qi-mermaid-"));
    context = await chromium.launchPersistentContext(userDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
      viewport: { width: 1200, height: 900 },
    });
    context.on("request", (r) => {
      const u = r.url();
      if (!u.startsWith(base) && !u.startsWith("data:") && !u.startsWith("about:")) external.push(u);
    });
    page = await context.newPage();
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(`${base}/`);
    await page.addScriptTag({ url: "/mermaid.min.js" });
    // Mermaid's defaults (securityLevel "strict"), as a page embedding the exported text would have.
    await page.evaluate(() => (window as unknown as { mermaid: { initialize(c: object): void } }).mermaid.initialize({ startOnLoad: false }));
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await new Promise((ok) => server?.close(ok));
    if (userDir) rmSync(userDir, { recursive: true, force: true });
  });

  async function render(text: string, id: string): Promise<Rendered> {
    return (await page.evaluate(
      async ([text, id]) => {
        const m = (window as unknown as { mermaid: { parse(t: string): Promise<unknown>; render(id: string, t: string): Promise<{ svg: string }> } }).mermaid;
        const w = window as unknown as { __ran?: number };
        const out = document.getElementById("out")!;
        try {
          const parsed = await m.parse(text!);
          const { svg } = await m.render(id!, text!);
          out.innerHTML = svg;
          await new Promise((ok) => setTimeout(ok, 50)); // let an onerror handler fire, if one slipped through
          const root = out.querySelector("svg")!;
          return {
            parsed,
            nodes: root.querySelectorAll("g.node").length,
            text: root.textContent ?? "",
            style: Array.from(root.querySelectorAll("style"), (s) => s.textContent ?? "").join("\n"),
            fills: Array.from(root.querySelectorAll("g.node rect, g.node path, g.node polygon"), (e) => getComputedStyle(e).fill),
            scripts: document.querySelectorAll("script:not([src])").length,
            ran: w.__ran ?? 0,
            handlers: root.querySelectorAll("[onerror], [onclick], [onload], a[href^='javascript']").length,
          };
        } catch (e) {
          return { parsed: null, error: String(e), nodes: 0, text: "", style: "", fills: [], scripts: 0, ran: w.__ran ?? 0, handlers: 0 };
        }
      },
      [text, id],
    )) as Rendered;
  }

  it("renders a plain diagram (the reference for theme and styles)", async () => {
    const r = await render(driverDiagramToMermaid({ aim: { id: "aim", statement: "Aim" }, nodes: [{ id: "p", kind: "primary", label: "Driver" }], links: [{ from: "p", to: "aim" }] }), "plain");
    expect(r.error).toBeUndefined();
    expect(r.nodes).toBe(2);
    expect(r.style).not.toContain("HostileFont");
  });

  it("the check can fail: the directive unescaped in a label does take effect (the bug of issue #18)", async () => {
    const r = await render(`flowchart LR\n  n_aim(["Aim %%{init: {'fontFamily': 'HostileFont'}}%% here"])\n  n_p["Driver"]\n  n_aim --- n_p`, "unescaped");
    expect(r.error).toBeUndefined();
    expect(r.style).toContain("HostileFont");
  });

  it("parses and renders every hostile label as text; no directive takes effect", async () => {
    const d = diagram();
    const text = driverDiagramToMermaid(d);
    expect(text).not.toContain("%%");
    const r = await render(text, "hostile");
    expect(r.error).toBeUndefined();
    expect(r.parsed).toBeTruthy();
    expect(r.nodes).toBe(d.nodes.length + 1);
    // The labels arrive as text, directives and markup included.
    for (const s of ["%%{init: {'theme': 'dark'", "%%{init: {}}%%", "%% the rest is a comment", 'He said "hi" & \'bye\' #quot; #35;', "<script>window.__ran = 1</script>", "click n_aim href", "style n_aim fill:#f00", "a long label a long label"]) {
      expect(r.text).toContain(s);
    }
    // No directive, style or class line took effect: Mermaid's default theme, no red nodes.
    expect(r.style).not.toContain("HostileFont");
    expect(r.style).not.toContain("255, 0, 0");
    expect(r.style).not.toContain("leak.invalid");
    expect(r.fills).not.toContain("rgb(255, 0, 0)");
    expect(r.fills.length).toBeGreaterThan(0);
    expect({ scripts: r.scripts, ran: r.ran, handlers: r.handlers }).toEqual({ scripts: 0, ran: 0, handlers: 0 });
  });

  it.each(Object.entries(HOSTILE))("a diagram whose every label is the %s label parses and renders", async (name, label) => {
    const d: DriverDiagram = { aim: { id: "aim", statement: label }, nodes: [{ id: "p", kind: "primary", label }, { id: "c", kind: "change", label }], links: [{ from: "p", to: "aim" }, { from: "c", to: "p", strength: "weak" }] } as DriverDiagram;
    const r = await render(driverDiagramToMermaid(d, { classes: name.length % 2 === 0 }), `one-${name}`);
    expect(r.error).toBeUndefined();
    expect(r.nodes).toBe(3);
    expect(r.style).not.toContain("HostileFont");
    expect({ scripts: r.scripts, ran: r.ran, handlers: r.handlers }).toEqual({ scripts: 0, ran: 0, handlers: 0 });
  });

  it("raised no page error and made no request outside the test server", () => {
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  });
});
