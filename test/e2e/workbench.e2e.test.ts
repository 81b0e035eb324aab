/**
 * The workbench in real Chromium: an editor's clicks, checked on the stand-in's timeline view.
 * Screenshots of the main states go to test-artifacts/.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { browserOrSkip, launch, serveDir } from "./browser";

const root = path.resolve(__dirname, "../..");
const artifacts = path.join(root, "test-artifacts");
const exe = browserOrSkip();
const suite = exe ? describe : describe.skip;

suite("workbench in Chromium", () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    execFileSync(path.join(root, "node_modules/.bin/webpack"), ["--mode", "development", "--env", "only=workbench"], { cwd: root, stdio: "pipe" });
    fs.mkdirSync(artifacts, { recursive: true });
    server = await serveDir(path.join(root, "build/workbench"));
    browser = await launch(exe!);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(server.url);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.waitForSelector("[data-testid=timeline]");
    await page.waitForFunction(() => document.querySelector("[data-testid=estimate]")?.textContent?.includes("shot"));
  });

  afterEach(async () => {
    await page.close();
    expect(errors).toEqual([]);
  });

  const clips = (origin: string) => page.locator(`[data-testid=clip][data-origin=${origin}]`);

  it("fills all gaps of the demo sequence with slates, shown on the timeline with no holes left", async () => {
    expect(await page.locator("[data-testid=holes]").getAttribute("data-count")).toBe("4");
    await page.screenshot({ path: path.join(artifacts, "01-demo-sequence.png") });
    await page.click("[data-testid=scope-all-gaps]");
    await page.click("[data-testid=draft]");
    await page.waitForFunction(() => document.querySelector("[data-testid=holes]")?.getAttribute("data-count") === "0", undefined, { timeout: 20_000 });
    expect(await clips("slate").count()).toBeGreaterThanOrEqual(4);
    await page.click("[data-testid=tab-jobs]");
    await page.waitForSelector("[data-testid=job][data-state=placed]");
    await page.screenshot({ path: path.join(artifacts, "02-gaps-filled-with-slates.png") });
  });

  it("replaces the placeholders above the originals, and Undo brings the originals back", async () => {
    await page.click("[data-testid=scope-placeholders]");
    await page.waitForFunction(() => document.querySelector("[data-testid=plan]")?.textContent?.includes("replaces"));
    await page.click("[data-testid=draft]");
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=clip][data-disabled=true]").length === 3, undefined, { timeout: 20_000 });
    await page.screenshot({ path: path.join(artifacts, "03-placeholders-replaced.png") });
    // shots that arrive together land as one batch: its edit step(s) and its media prep; undo them all
    expect(await page.locator("[data-testid=undo]").textContent()).toMatch(/Undo Cutaway: replace/);
    for (let i = 0; i < 12 && /Undo Cutaway: (replace|prepare media)/.test((await page.locator("[data-testid=undo]").textContent()) ?? ""); i++) await page.click("[data-testid=undo]");
    expect(await page.locator("[data-testid=clip][data-disabled=true]").count()).toBe(0);
    expect(await clips("slate").count()).toBe(0);
  });
});
