/**
 * Chromium for the browser tests: Debian's /usr/bin/chromium (or CHROME_PATH), launched headless.
 * Without one the suite is skipped LOUDLY with the install command; in CI (CUTAWAY_REQUIRE_BROWSER=1)
 * a missing browser fails instead.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { chromium, type Browser } from "playwright-core";

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
