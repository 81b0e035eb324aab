/**
 * Chromium for the browser tests: Debian's /usr/bin/chromium (or CHROME_PATH), launched headless.
 * Without one the suite is skipped LOUDLY with the install command; in CI (CUTAWAY_REQUIRE_BROWSER=1)
 * a missing browser fails instead.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser, type Page } from "playwright-core";
import type { FakeServer } from "../fake/server";

export function chromePath(): string | null {
  const candidates = [process.env.CHROME_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].filter((x): x is string => Boolean(x));
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

export function browserOrSkip(): string | null {
  const p = chromePath();
  if (!p) {
    const msg = "\n*** Browser tests SKIPPED: no Chromium found. Install it with `sudo apt-get install -y chromium` (or set CHROME_PATH). ***\n";
    if (process.env.CUTAWAY_REQUIRE_BROWSER === "1") throw new Error(msg);
    process.stderr.write(msg);
  }
  return p;
}

export function launch(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
}

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".png": "image/png", ".map": "application/json" };

/** Serves a built folder on loopback; resolves to its base URL and a close function. */
export async function serveDir(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname).replace(/^\/+/, "") || "index.html";
    const file = path.resolve(dir, rel);
    if (!file.startsWith(path.resolve(dir)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

const ROOT = path.resolve(__dirname, "../..");

/** A fresh page on the suite's workbench, pointed at a fake provider, with empty local storage. */
export interface WorkbenchOnFake {
  open(fake: FakeServer, o?: { readonly viewport?: { width: number; height: number }; readonly beforeLoad?: (p: Page) => Promise<unknown> }): Promise<Page>;
}

/**
 * Registers, inside a describe, what every workbench suite on the fake provider needs: the workbench
 * built into the suite's own folder (webpack cleans its output and jest runs e2e files in parallel),
 * served on loopback, one Chromium; after each test its page and fake provider are closed, and any
 * uncaught error the page threw fails that test.
 */
export function workbenchOnFake(exe: string, outFolder: string, buildTimeoutMs = 120_000): WorkbenchOnFake {
  let browser: Browser;
  let web: { url: string; close: () => Promise<void> };
  let page: Page | null = null;
  let fake: FakeServer | null = null;
  const errors: string[] = [];

  beforeAll(async () => {
    const outDir = path.join(ROOT, "build", outFolder);
    execFileSync(path.join(ROOT, "node_modules/.bin/webpack"), ["--mode", "development", "--env", "only=workbench", "--output-path", outDir], { cwd: ROOT, stdio: "pipe" });
    fs.mkdirSync(path.join(ROOT, "test-artifacts"), { recursive: true });
    web = await serveDir(outDir);
    browser = await launch(exe);
  }, buildTimeoutMs);

  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  afterEach(async () => {
    await page?.close();
    await fake?.stop();
    page = null;
    fake = null;
    expect(errors.splice(0)).toEqual([]);
  });

  return {
    async open(server, o = {}) {
      fake = server;
      const p = await browser.newPage({ viewport: o.viewport ?? { width: 1440, height: 900 } });
      page = p;
      p.on("pageerror", (e) => errors.push(e.message));
      await o.beforeLoad?.(p);
      await p.goto(`${web.url}?fake=${encodeURIComponent(server.baseUrl)}`);
      await p.evaluate(() => localStorage.clear());
      await p.reload();
      return p;
    },
  };
}
