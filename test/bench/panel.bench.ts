/**
 * panel: what the editor feels of the panel.
 * - panel.bundle: the UXP bundle, minified and gzipped (target < 250 KB with React); the LLM chunk apart
 * - panel.first_render: cold loads of the workbench in Chromium, navigation → panel ready with targets
 * - panel.row_update: a job's completion in the engine → its row showing it in the Jobs list
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromePath, launch, serveDir } from "../e2e/browser";
import { median, round } from "./stats";

const root = path.resolve(__dirname, "../..");
const webpack = path.join(root, "node_modules/.bin/webpack");

function bundle(): Record<string, unknown> {
  const t0 = performance.now();
  execFileSync(webpack, ["--mode", "production", "--env", "only=plugin"], { cwd: root, stdio: "pipe" });
  const build = performance.now() - t0;
  const gz = (f: string) => (fs.existsSync(f) ? gzipSync(fs.readFileSync(f), { level: 9 }).length : 0);
  const main = gz(path.join(root, "dist/index.js"));
  return { bench: "panel.bundle", n: 1, median_ms: round(build), gzip_kb: round(main / 1024, 1), lazy_llm_gzip_kb: round(gz(path.join(root, "dist/llm.js")) / 1024, 1), min_kb: round(fs.statSync(path.join(root, "dist/index.js")).size / 1024, 1), target_kb: 250 };
}

async function browser(): Promise<Array<Record<string, unknown>>> {
  const exe = chromePath();
  if (!exe) {
    console.error("*** panel browser benches SKIPPED: no Chromium. Install it with `sudo apt-get install -y chromium` (or set CHROME_PATH). ***");
    return [{ bench: "panel.first_render", n: 0, skipped: "no chromium" }];
  }
  execFileSync(webpack, ["--mode", "production", "--env", "only=workbench"], { cwd: root, stdio: "pipe" });
  const server = await serveDir(path.join(root, "build/workbench"));
  const b = await launch(exe);
  const loads: number[] = [];
  const rows: number[] = [];
  try {
    for (let i = 0; i < 7; i++) {
      const ctx = await b.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await ctx.newPage();
      await page.goto(server.url);
      await page.waitForFunction(() => performance.getEntriesByName("cutaway:ready").length > 0, undefined, { timeout: 30_000 });
      await page.waitForSelector("[data-testid=panel]");
      if (i > 0) loads.push(await page.evaluate(() => performance.getEntriesByName("cutaway:ready")[0]!.startTime)); // the first load warms the disk cache
      if (i === 6) rows.push(...(await rowUpdates(page)));
      await ctx.close();
    }
  } finally {
    await b.close();
    await server.close();
  }
  return [
    { bench: "panel.first_render", n: loads.length, median_ms: round(median(loads)), chromium: path.basename(exe) },
    { bench: "panel.row_update", n: rows.length, median_ms: round(median(rows)) },
  ];
}

/** Generates slates for every gap with the Jobs tab open; per job, engine "downloaded" → row shows it. */
async function rowUpdates(page: import("playwright-core").Page): Promise<number[]> {
  await page.click("[data-testid=tab-jobs]");
  return page.evaluate(async () => {
    const w = window as unknown as { cutaway: { app: { engine: { subscribe(l: (j: { id: string; state: string }) => void): void }; run(r: unknown, o: unknown): Promise<{ requestId: string }> } } };
    const done = new Map<string, number>();
    const shown = new Map<string, number>();
    w.cutaway.app.engine.subscribe((j) => {
      if (j.state === "downloaded" && !done.has(j.id)) done.set(j.id, performance.now());
    });
    const seen = (): void => {
      for (const el of Array.from(document.querySelectorAll<HTMLElement>("[data-testid=job]"))) {
        const id = el.dataset["job"] ?? "";
        const st = el.dataset["state"];
        if (done.has(id) && !shown.has(id) && (st === "downloaded" || st === "placed")) shown.set(id, performance.now());
      }
    };
    new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, attributes: true });
    await w.cutaway.app.run({ kind: "fill-gaps", scope: "all-gaps", prompt: "harbour at dawn", stylePreset: "none", backend: "slate", model: "slate", takes: 1, continuity: false, placement: "all-at-once", mode: "generate" }, { confirmed: true });
    for (let i = 0; i < 600 && (shown.size === 0 || shown.size < done.size); i++) await new Promise((r) => setTimeout(r, 20));
    return [...shown].map(([id, t]) => t - done.get(id)!);
  });
}

export async function run(): Promise<Array<Record<string, unknown>>> {
  return [bundle(), ...(await browser())];
}
