/**
 * What the editor sees in the workbench, in real Chromium: Spectrum-looking controls (not browser
 * grey), a timeline with a timecode ruler and named tracks, ghosts where Cutaway filled holes, a card
 * per clip, clicks and I/O keys that change the panel's targets as Premiere would, and a 360 px
 * window that still shows a usable timeline. Screenshots go to test-artifacts/.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { browserOrSkip, launch, serveDir } from "./browser";

const root = path.resolve(__dirname, "../..");
const artifacts = path.join(root, "test-artifacts");
// its own output folder: webpack cleans its output, and jest runs the e2e files in parallel
const outDir = path.join(root, "build/workbench-look-e2e");
const exe = browserOrSkip();
const suite = exe ? describe : describe.skip;

suite("the workbench's look and timeline in Chromium", () => {
  let browser: Browser;
  let server: { url: string; close: () => Promise<void> };
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    execFileSync(path.join(root, "node_modules/.bin/webpack"), ["--mode", "development", "--env", "only=workbench", "--output-path", outDir], { cwd: root, stdio: "pipe" });
    fs.mkdirSync(artifacts, { recursive: true });
    server = await serveDir(outDir);
    browser = await launch(exe!);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(width: number, height = 860): Promise<Page> {
    const p = await browser.newPage({ viewport: { width, height } });
    p.on("pageerror", (e) => errors.push(e.message));
    await p.goto(server.url);
    await p.evaluate(() => localStorage.clear());
    await p.reload();
    await p.waitForSelector("[data-testid=timeline]");
    await p.waitForFunction(() => document.querySelector("[data-testid=estimate]")?.textContent?.includes("shot"));
    return p;
  }

  afterEach(async () => {
    await page?.close();
    expect(errors).toEqual([]);
  });

  const style = (sel: string, props: string[]) =>
    page.$eval(sel, (el, ps) => Object.fromEntries(ps.map((k) => [k, getComputedStyle(el).getPropertyValue(k)])), props);
  /** what the same element looks like with no page styles: the browser's default */
  const browserDefault = (tag: string, props: string[]) =>
    page.evaluate(
      ([t, ps]) => {
        const frame = document.createElement("iframe");
        document.body.appendChild(frame);
        const el = frame.contentDocument!.createElement(t as string);
        frame.contentDocument!.body.appendChild(el);
        const out = Object.fromEntries((ps as string[]).map((k) => [k, frame.contentWindow!.getComputedStyle(el).getPropertyValue(k)]));
        frame.remove();
        return out;
      },
      [tag, props] as const,
    );
  const chipCount = async (scope: string) => Number((await page.locator(`[data-testid=scope-${scope}] b`).textContent()) ?? "NaN");

  it("dresses buttons, pickers, fields, checkboxes and tabs as Spectrum dark, with one draft button on the slate backend", async () => {
    page = await open(1440);
    const looks = ["background-color", "border-top-color", "border-top-left-radius", "color", "appearance", "font-weight", "height"];
    const cta = await style("[data-testid=draft]", looks);
    expect(cta).toMatchObject({ "background-color": "rgb(55, 142, 240)", "border-top-left-radius": "12px", color: "rgb(255, 255, 255)", "font-weight": "700", height: "24px" });
    expect(cta["background-color"]).not.toBe((await browserDefault("button", looks))["background-color"]);
    const secondary = await style("[data-testid=dry-run]", looks);
    expect(secondary["background-color"]).toBe("rgba(0, 0, 0, 0)"); // quiet: no grey slab
    const picker = await style("[data-testid=backend]", [...looks, "background-image"]);
    expect(picker).toMatchObject({ appearance: "none", "background-color": "rgb(47, 47, 47)", "border-top-color": "rgb(90, 90, 90)", "border-top-left-radius": "4px", color: "rgb(227, 227, 227)", height: "24px" });
    expect(picker["background-image"]).toContain("svg"); // Spectrum's chevron, not the native arrow
    expect(picker["background-color"]).not.toBe((await browserDefault("select", looks))["background-color"]);
    expect(await style("[data-testid=prompt]", looks)).toMatchObject({ "background-color": "rgb(37, 37, 37)", "border-top-color": "rgb(90, 90, 90)", "border-top-left-radius": "4px" });
    expect(await style("[data-testid=continuity]", looks)).toMatchObject({ appearance: "none", "border-top-color": "rgb(185, 185, 185)", "border-top-left-radius": "2px" });
    expect(await style("[data-testid=tab-fill]", ["border-bottom-color", "font-weight"])).toEqual({ "border-bottom-color": "rgb(255, 255, 255)", "font-weight": "700" });
    expect(await style("[data-testid=scope-all-gaps]", looks)).toMatchObject({ "background-color": "rgb(38, 128, 235)", "border-top-left-radius": "4px" });
    expect(await style("[data-testid=undo]", ["border-top-left-radius"])).toEqual({ "border-top-left-radius": "12px" }); // the workbench's own buttons too
    // the slate backend drafts either way: no second button that does the same
    expect(await page.locator("[data-testid=generate]").count()).toBe(0);
    expect(await page.locator("[data-testid=draft]").textContent()).toBe("Draft with slates");
    await page.screenshot({ path: path.join(artifacts, "20-spectrum-look.png") });
  });

  it("shows a timecode ruler, named tracks, ghosts where Cutaway filled holes and a card per clip", async () => {
    page = await open(1440);
    const labels = await page.locator("[data-testid=ruler-tick]").allTextContents();
    expect(labels.length).toBeGreaterThanOrEqual(4);
    expect(labels[0]).toBe("00:00:00:00");
    expect(labels.every((l) => /^\d\d:\d\d:\d\d:\d\d$/.test(l))).toBe(true); // 23.976 is non-drop: colons
    expect(await page.locator("[data-testid=track-name] b").allTextContents()).toEqual(["V3", "V2", "V1", "A1", "A2"]);
    expect(await page.locator("[data-testid=track-V1] [data-testid=track-name]").textContent()).toContain("A-roll");

    // the editor's clip: what and where, no prompt
    await page.hover("[data-testid=clip][data-origin=editor] >> text=Market_Walk.mov");
    expect(await page.locator("[data-testid=hover-card]").textContent()).toMatch(/Market_Walk\.mov.*V1 · 00:01:18:05 – 00:01:28:05 · 10.0 s.*The editor's clip/);
    expect(await page.locator("[data-testid=hover-prompt]").count()).toBe(0);

    expect(await page.locator("[data-testid=ghost]").count()).toBe(0);
    await page.click("[data-testid=scope-all-gaps]");
    await page.click("[data-testid=draft]");
    await page.waitForFunction(() => document.querySelector("[data-testid=holes]")?.getAttribute("data-count") === "0", undefined, { timeout: 20_000 });
    expect(await page.locator("[data-testid=ghost]").count()).toBe(4); // 17 frames, 2 s, 9.5 s, 31 s

    const slate = page.locator("[data-testid=clip][data-origin=slate]").first();
    await slate.hover();
    const card = page.locator("[data-testid=hover-card]");
    await card.waitFor();
    expect((await page.locator("[data-testid=hover-prompt]").textContent())?.length).toBeGreaterThan(3);
    expect(await page.locator("[data-testid=hover-model]").textContent()).toMatch(/^slate \/ /);
    expect(await page.locator("[data-testid=hover-cost]").textContent()).toBe("free (draft slate)");
    await page.screenshot({ path: path.join(artifacts, "21-ruler-ghosts-hover-card.png") });
    await page.mouse.move(5, 5);
    expect(await card.count()).toBe(0);
  });

  it("selects clips by click and shift-click, moves the playhead on the ruler, marks in/out with I and O — and the panel follows", async () => {
    page = await open(1440);
    expect(await page.locator("[data-testid=scope-selection] b").count()).toBe(0); // nothing selected yet
    await page.click("[data-testid=clip] >> text=Interview_Anna_01.mov");
    await page.waitForFunction(() => document.querySelector("[data-testid=scope-selection] b")?.textContent === "1");
    await page.click("[data-testid=clip] >> text=Interview_Anna_02.mov", { modifiers: ["Shift"] });
    await page.waitForFunction(() => document.querySelector("[data-testid=scope-selection] b")?.textContent === "2");
    expect(await page.locator("[data-testid=clip][data-selected=true]").count()).toBe(2);
    await page.click("[data-testid=scope-selection]");
    expect(await page.locator("[data-testid=target-ranges]").textContent()).toContain("00:00:10:17–00:00:30:17");
    await page.click("[data-testid=clip] >> text=Interview_Anna_01.mov", { modifiers: ["Shift"] });
    await page.waitForFunction(() => document.querySelector("[data-testid=scope-selection] b")?.textContent === "1");

    // the playhead: a click a quarter along the ruler
    const ruler = (await page.locator("[data-testid=ruler]").boundingBox())!;
    await page.mouse.click(ruler.x + ruler.width * 0.25, ruler.y + ruler.height / 2);
    const at = (await page.locator("[data-testid=wb-playhead]").textContent())!;
    expect(at).not.toBe("00:01:02:12");
    await page.waitForFunction((tc) => document.querySelector("[data-testid=sequence-line]")?.textContent?.endsWith(`playhead ${tc}`), at);
    await page.keyboard.press("i");
    await page.mouse.click(ruler.x + ruler.width * 0.4, ruler.y + ruler.height / 2);
    const out = (await page.locator("[data-testid=wb-playhead]").textContent())!;
    await page.keyboard.press("o");
    expect(await page.locator("[data-testid=wb-inout]").textContent()).toContain(`In ${at} · Out ${out}`);
    await page.click("[data-testid=scope-inout]");
    await page.waitForFunction((range) => document.querySelector("[data-testid=target-ranges]")?.textContent?.includes(range), `${at}–${out}`);

    // typing I into the prompt is typing, not marking
    await page.click("[data-testid=tab-fill]");
    await page.fill("[data-testid=prompt]", "");
    await page.type("[data-testid=prompt]", "io");
    expect(await page.locator("[data-testid=wb-inout]").textContent()).toContain(`In ${at} · Out ${out}`);
    await page.click("[data-testid=clear-inout]");
    await page.waitForFunction(() => document.querySelector("[data-testid=scope-inout]")?.getAttribute("title")?.includes("No in"));
    await page.screenshot({ path: path.join(artifacts, "22-selection-inout-playhead.png") });
  });

  it("keeps panel and timeline usable in a 360 px window: the timeline scrolls sideways instead of collapsing", async () => {
    page = await open(360, 800);
    const box = async (sel: string) => (await page.locator(sel).first().boundingBox())!;
    const panel = await box("[data-testid=panel]");
    expect(panel.width).toBeGreaterThanOrEqual(340);
    const scroll = await page.$eval("[data-testid=timeline-scroll]", (el) => ({ client: el.clientWidth, content: el.scrollWidth }));
    expect(scroll.client).toBeGreaterThanOrEqual(300);
    expect(scroll.content).toBeGreaterThanOrEqual(700); // it scrolls, it does not squeeze
    expect((await box("[data-testid=track-V1] [data-testid=track-name]")).width).toBeGreaterThanOrEqual(80);
    expect((await box("[data-testid=clip] >> text=Interview_Anna_01.mov")).width).toBeGreaterThanOrEqual(80);
    expect(await page.locator("[data-testid=ruler-tick]").count()).toBeGreaterThanOrEqual(4);
    // the editor can still reach the end of the sequence and read the ruler there
    await page.$eval("[data-testid=timeline-scroll]", (el) => el.scrollTo({ left: el.scrollWidth }));
    const head = await box("[data-testid=track-V1] [data-testid=track-name]");
    const scrollBox = await box("[data-testid=timeline-scroll]");
    expect(head.x).toBeLessThanOrEqual(scrollBox.x + 2); // track names stay in view while scrolling
    expect(await chipCount("all-gaps")).toBe(4);
    await page.screenshot({ path: path.join(artifacts, "23-narrow-360.png"), fullPage: true });
  });
});
