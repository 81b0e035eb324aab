/**
 * Retakes the README's screenshot (docs/workbench.png): the workbench on the fake fal.ai provider after
 * "All gaps" was generated — green clips over dashed ghosts of the holes they filled, one clip selected,
 * the hover card of a generated clip with its prompt, model and cost. Needs Chromium (CHROME_PATH or
 * /usr/bin/chromium) and a built workbench: `npx webpack --mode development --env only=workbench`, then
 * `node -r ts-node/register/transpile-only scripts/screenshot.ts [out.png]`.
 */
import path from "node:path";
import { browserOrSkip, launch, serveDir } from "../test/e2e/browser";
import { startFakeProvider } from "./fakeProvider";

async function main(): Promise<void> {
  const out = path.resolve(process.argv[2] ?? "docs/workbench.png");
  const exe = browserOrSkip();
  if (!exe) throw new Error("No Chromium: install it (sudo apt-get install -y chromium) or set CHROME_PATH.");
  const fake = await startFakeProvider(1500);
  const web = await serveDir(path.resolve("build/workbench"));
  const browser = await launch(exe);
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 600 } });
    await page.goto(`${web.url}?fake=${encodeURIComponent(fake.baseUrl)}`);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.waitForFunction(() => document.querySelector("[data-testid=estimate]")?.textContent?.includes("shot"));
    await page.click("[data-testid=scope-all-gaps]");
    await page.selectOption("[data-testid=backend]", "fal");
    await page.waitForFunction(() => /\$/.test(document.querySelector("[data-testid=estimate]")?.textContent ?? ""));
    await page.fill("[data-testid=prompt]", "Fishing boats unloading at first light, harbour wall, gulls");
    await page.click("[data-testid=generate]");
    await page.waitForFunction(() => Boolean(document.querySelector("[data-testid=confirm]")) || /Jobs \(\d+\)/.test(document.querySelector("[data-testid=tab-jobs]")?.textContent ?? ""));
    if (await page.locator("[data-testid=confirm]").count()) await page.click("[data-testid=confirm-yes]");
    await page.waitForFunction(() => document.querySelector("[data-testid=holes]")?.getAttribute("data-count") === "0", undefined, { timeout: 120_000 });
    // the panel's cost line catches up with the filled timeline
    await page.waitForFunction(() => /no gaps/.test(document.querySelector("[data-testid=estimate]")?.textContent ?? ""));
    await page.click("[data-testid=clip] >> text=Interview_Anna_02.mov");
    const clip = page.locator("[data-testid=clip][data-origin=generated]").nth(2);
    const box = (await clip.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector("[data-testid=hover-card]");
    await page.screenshot({ path: out });
    process.stdout.write(`wrote ${out}\n`);
  } finally {
    await browser.close();
    await web.close();
    await fake.stop();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
