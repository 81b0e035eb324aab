/**
 * Issue 16's done-when in real Chromium on the fake fal.ai provider: a Fountain scene with two
 * characters and one location → breakdown → Bible tab (an edited description, a frame of the cut
 * as a reference) → storyboard stills on an image model → Animate, each still becoming its shot;
 * every request carries the references its model takes.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { CAFE_SCENE } from "../bible/fixtures";
import { FalMode, falReferencesOf } from "../fake/falMode";
import { FakeServer } from "../fake/server";
import { fakeMp4 } from "../support/media";
import { browserOrSkip, workbenchOnFake } from "./browser";

jest.setTimeout(180_000);

const root = path.resolve(__dirname, "../..");
const artifacts = path.join(root, "test-artifacts");
const exe = browserOrSkip();
const suite = exe ? describe : describe.skip;
const DESCRIPTION = "sixty, silver bun, red wool scarf";

suite("the bible, storyboard and Animate in the workbench", () => {
  const workbench = workbenchOnFake(exe!, "workbench-bible-e2e", 150_000);

  async function generate(p: Page, button: string, confirm: string): Promise<void> {
    await p.click(`[data-testid=${button}]`);
    // above the confirm threshold the panel asks before spending
    const asked = await p.waitForSelector(`[data-testid=${confirm}-yes]`, { timeout: 3_000 }).catch(() => null);
    if (asked) await asked.click();
  }

  it("breakdown → bible → storyboard stills → Animate, with the right references in every request", async () => {
    const mode = new FalMode(fakeMp4(16 * 1024, 4));
    mode.latencyMs = 300;
    const p = await workbench.open(await new FakeServer([mode]).start());
    await p.waitForSelector("[data-testid=timeline]");

    // the breakdown seeds the bible
    await p.click("[data-testid=tab-script]");
    await p.fill("[data-testid=script]", CAFE_SCENE);
    await p.click("[data-testid=breakdown]");
    await p.waitForSelector("[data-testid=breakdown-summary]");
    await p.click("[data-testid=tab-bible]");
    await p.waitForSelector('[data-testid="bible-entry-character:mara"]');
    expect(await p.locator("[data-testid^=bible-entry-]").count()).toBe(3);

    // an edited description and a frame of the cut as Mara's and the café's reference
    await p.fill('[data-testid="bible-description-character:mara"]', DESCRIPTION);
    await p.click('[data-testid="bible-save-character:mara"]');
    await p.click('[data-testid="bible-frame-character:mara"]');
    await p.click('[data-testid="bible-frame-place:harbour-café"]');
    await p.waitForSelector('[data-testid="bible-entry-character:mara"] [data-testid^=bible-ref-]');
    await p.waitForSelector('[data-testid="bible-entry-place:harbour-café"] [data-testid^=bible-ref-]');
    await p.screenshot({ path: path.join(artifacts, "20-bible.png") });

    // storyboard: one still per shot on the image model, landing as drafts
    // the Script tab starts empty again after a tab switch; the bible keeps its edits through a second breakdown
    await p.click("[data-testid=tab-script]");
    await p.fill("[data-testid=script]", CAFE_SCENE);
    await p.click("[data-testid=breakdown]");
    await p.waitForSelector("[data-testid=breakdown-summary]");
    const shots = await p.locator("[data-testid=shot]").count();
    await p.selectOption("[data-testid=backend]", "fal");
    await p.selectOption("[data-testid=model]", "fal-ai/nano-banana-2");
    await generate(p, "script-generate", "script-confirm");
    // stills are drafts: the timeline shows them as slates until they are animated
    await p.waitForFunction((n) => document.querySelectorAll("[data-testid=clip][data-origin=slate]").length >= n, shots, { timeout: 90_000 });
    const stills = [...mode.jobs.values()];
    expect(stills).toHaveLength(shots);
    expect(stills.every((j) => j.endpoint === "fal-ai/nano-banana-2/edit")).toBe(true);
    expect(stills.filter((j) => String((j.input as { prompt?: unknown }).prompt).includes(DESCRIPTION)).length).toBeGreaterThan(0);
    await p.screenshot({ path: path.join(artifacts, "21-storyboard-stills.png") });

    // Animate: replace the stills, each one the first frame of its shot, with the bible's references
    // (stills are drafts: they are upgraded from the "Upgrade drafts" scope, never counted as placeholders)
    await p.click("[data-testid=tab-fill]");
    await p.click("[data-testid=scope-drafts]");
    await p.check("[data-testid=animate]");
    await p.selectOption("[data-testid=backend]", "fal");
    await p.selectOption("[data-testid=model]", "fal-ai/kling-video/o3/standard/reference-to-video");
    const before = mode.jobs.size;
    await generate(p, "generate", "confirm");
    const animated = () => [...mode.jobs.values()].slice(before).filter((j) => typeof (j.input as { start_image_url?: unknown }).start_image_url === "string");
    for (let i = 0; i < 600 && animated().length < shots; i++) await new Promise((r) => setTimeout(r, 100));
    expect(animated()).toHaveLength(shots);
    for (const j of animated()) {
      const r = falReferencesOf(j);
      expect(r.images + r.elements.length).toBeGreaterThan(0);
      expect(r.images + r.elements.length).toBeLessThanOrEqual(4);
    }
    await p.click("[data-testid=tab-jobs]");
    await p.waitForFunction((n) => document.querySelectorAll("[data-testid=job][data-state=placed]").length >= n, shots * 2, { timeout: 90_000 });
    // the stills are replaced: the cut plays the animated shots, generated clips over disabled stills
    expect(await p.locator("[data-testid=clip][data-origin=generated]").count()).toBeGreaterThanOrEqual(shots);
    expect(await p.locator("[data-testid^=job-bible-]").count()).toBeGreaterThan(0);
    await p.screenshot({ path: path.join(artifacts, "22-animated.png") });
    await p.close();
  });
});
