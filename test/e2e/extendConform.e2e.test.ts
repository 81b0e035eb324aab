/**
 * The Extend tab in the workbench, in real Chromium on the fake fal.ai provider: extend a selected
 * clip's tail with a second take from another model and swap it in from the take switcher, then
 * draft the gaps with slates and conform them to finals in place, the final already made skipped.
 * Screenshots go to test-artifacts/.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { FalMode } from "../fake/falMode";
import { FakeServer } from "../fake/server";
import { fakeMp4 } from "../support/media";
import { browserOrSkip, workbenchOnFake } from "./browser";

jest.setTimeout(120_000);

const root = path.resolve(__dirname, "../..");
const artifacts = path.join(root, "test-artifacts");
const exe = browserOrSkip();
const suite = exe ? describe : describe.skip;

suite("Extend tab in the workbench (fake fal.ai)", () => {
  const workbench = workbenchOnFake(exe!, "workbench-grow-e2e");

  async function open(): Promise<Page> {
    const mode = new FalMode(fakeMp4(16 * 1024, 3));
    mode.queuedPolls = 1;
    const p = await workbench.open(await new FakeServer([mode]).start());
    await p.waitForSelector("[data-testid=timeline]");
    await p.waitForFunction(() => document.querySelector("[data-testid=estimate]")?.textContent?.includes("shot"));
    return p;
  }

  const shoot = (p: Page, name: string) => p.screenshot({ path: path.join(artifacts, name) });

  /** Spend: Generate (or Conform), answering the confirmation when the estimate asks for one. */
  async function spend(p: Page): Promise<void> {
    await p.click("[data-testid=grow-generate]");
    await p.waitForFunction(() => Boolean(document.querySelector("[data-testid=grow-confirm]")) || /Jobs \(\d+\)/.test(document.querySelector("[data-testid=tab-jobs]")?.textContent ?? ""));
    if (await p.locator("[data-testid=grow-confirm]").count()) await p.click("[data-testid=grow-confirm-yes]");
  }

  it("extends a selected clip's tail edge to edge with two takes from two models, and swaps the take in one undo step", async () => {
    const p = await open();
    const market = p.locator("[data-testid=track-V1] [data-testid=clip]", { hasText: "Market_Walk.mov" });
    const end = await market.getAttribute("data-end");
    await market.click();
    await p.click("[data-testid=tab-grow]");
    await p.selectOption("[data-testid=backend]", "fal");
    await p.selectOption("[data-testid=grow-mode]", "extend-tail");
    await p.fill("[data-testid=grow-frames]", "48");
    await p.selectOption("[data-testid=grow-take2]", "fal|fal-ai/wan/v2.7");
    await p.waitForFunction(() => /1 shot × 2 takes.*\$.*\+ Wan 2\.7/.test(document.querySelector("[data-testid=grow-estimate]")?.textContent ?? ""));
    await shoot(p, "30-extend-tail-plan.png");
    await spend(p);

    const extended = p.locator(`[data-testid=clip][data-origin=generated][data-start="${end}"]`);
    await extended.waitFor({ timeout: 60_000 });
    const start = BigInt(end!);
    expect(BigInt((await extended.getAttribute("data-end"))!) - start).toBe(48n * 10_594_584_000n); // 48 frames at 23.976
    expect(await market.getAttribute("data-end")).toBe(end); // the editor's clip is untouched
    await shoot(p, "31-extended-tail.png");

    // the take switcher on the selected generated clip: each take with its model and cost
    await extended.click();
    await p.waitForSelector("[data-testid=take-switcher]");
    const rows = await p.locator("[data-testid=take]").allTextContents();
    expect(rows[0]).toMatch(/take 1.*veo3\.1.*\$\d+\.\d\d.*on the timeline/);
    expect(rows[1]).toMatch(/take 2.*wan\/v2\.7.*\$\d+\.\d\d/);
    await p.click("[data-testid=take-use-2]");
    await p.waitForFunction(() => document.querySelector("[data-testid=take][data-active=true]")?.textContent?.includes("take 2"));
    expect(await p.locator("[data-testid=undo]").textContent()).toMatch(/Undo Cutaway: use take 2/);
    expect(await p.locator(`[data-testid=clip][data-origin=generated][data-start="${end}"]`).count()).toBe(1);
    await p.click("[data-testid=tab-jobs]");
    // the second take's row names its model and its cost
    const jobRows = await p.locator("[data-testid=job]").evaluateAll((els) => els.map((e) => [e.querySelector("[data-testid=job-model]")?.textContent ?? "", e.querySelector("[data-testid=job-cost]")?.textContent ?? ""]));
    expect(jobRows.some(([model, cost]) => /wan\/v2\.7/.test(model!) && /\$\d/.test(cost!))).toBe(true);
    await shoot(p, "32-take-2-from-another-model.png");
  });

  it("conforms slate drafts to finals in place, the drafts disabled below and a final skipped", async () => {
    const p = await open();
    // one final first: extend the outro's head on fal (it ends, and starts, on the outro's first frame)
    await p.locator("[data-testid=track-V1] [data-testid=clip]", { hasText: "Outro_Sunset.mov" }).click();
    await p.click("[data-testid=tab-grow]");
    await p.selectOption("[data-testid=backend]", "fal");
    await p.selectOption("[data-testid=model]", "fal-ai/veo3.1/fast");
    await p.selectOption("[data-testid=grow-mode]", "extend-head");
    await p.fill("[data-testid=grow-frames]", "24");
    await p.waitForFunction(() => /\$/.test(document.querySelector("[data-testid=grow-estimate]")?.textContent ?? ""));
    await spend(p);
    await p.waitForFunction(() => document.querySelectorAll("[data-testid=clip][data-origin=generated]").length === 1, undefined, { timeout: 60_000 });

    // draft every remaining gap with slates
    await p.click("[data-testid=tab-fill]");
    await p.click("[data-testid=scope-all-gaps]");
    // drafts carry the words their finals are made from (a wordless draft is never sent to a paid model)
    await p.fill("[data-testid=prompt]", "harbour town at dawn");
    await p.click("[data-testid=draft]");
    await p.waitForFunction(() => document.querySelector("[data-testid=holes]")?.getAttribute("data-count") === "0", undefined, { timeout: 30_000 });
    const slates = await p.locator("[data-testid=clip][data-origin=slate]").count();
    expect(slates).toBeGreaterThanOrEqual(4);

    await p.click("[data-testid=tab-grow]");
    await p.selectOption("[data-testid=grow-mode]", "conform");
    // each slate is replaced; one longer than the model's longest clip is conformed in parts
    await p.waitForFunction((n) => Array.from(document.querySelectorAll("[data-testid=grow-item]")).filter((x) => x.textContent?.includes("replaces")).length === n, slates);
    const items = await p.locator("[data-testid=grow-item]").count();
    expect(await p.locator("[data-testid=grow-skipped]").allTextContents()).toEqual([expect.stringMatching(/Already final on Veo 3\.1 Fast/)]);
    expect(await p.locator("[data-testid=grow-estimate]").textContent()).toMatch(new RegExp(`${items} shots × 1 take.*\\$`));
    await shoot(p, "33-conform-plan.png");
    await spend(p);
    await p.waitForFunction(() => document.querySelectorAll("[data-testid=clip][data-origin=slate][data-disabled=false]").length === 0, undefined, { timeout: 60_000 });
    expect(await p.locator("[data-testid=clip][data-origin=slate][data-disabled=true]").count()).toBe(slates);
    await p.waitForFunction((n) => document.querySelectorAll("[data-testid=clip][data-origin=generated]").length === n, items + 1, { timeout: 60_000 });
    expect(await p.locator("[data-testid=holes]").getAttribute("data-count")).toBe("0");
    await shoot(p, "34-conformed-in-place.png");
  });
});
