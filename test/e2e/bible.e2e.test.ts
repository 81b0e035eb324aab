/**
 * Issue 16's done-when in real Chromium on the fake fal.ai provider: a Fountain scene with two
 * characters and one location → breakdown → Bible tab (an edited description, a frame of the cut
 * as a reference) → storyboard stills on an image model, the plan pricing both steps → the Storyboard
 * tab (one frame's prompt edited and regenerated, all approved but one) → Animate, each approved still
 * becoming its shot and the unapproved one staying a still; every request carries the references its
 * model takes for the entries its shot names.
 */
import path from "node:path";
import type { Page } from "playwright-core";
import { CAFE_SCENE } from "../bible/fixtures";
import { FalMode, falReferencesOf } from "../fake/falMode";
import { FakeServer } from "../fake/server";
import { encodePng } from "../../src/backends/slate/png";
import { fakeMp4 } from "../support/media";
import { browserOrSkip, workbenchOnFake } from "./browser";

jest.setTimeout(180_000);

const root = path.resolve(__dirname, "../..");
const artifacts = path.join(root, "test-artifacts");
const exe = browserOrSkip();
const suite = exe ? describe : describe.skip;
const DESCRIPTION = "sixty, silver bun, red wool scarf";
const EDIT = "Mara behind the counter, low angle, steam rising from the urn";

/** which of the entries with references a prompt names (the fake appends its own "@Image1 is …" tags) */
function named(prompt: string): { mara: boolean; cafe: boolean } {
  const own = prompt.replace(/ @(Element|Image)\d+ is [^.]+\./g, "");
  return { mara: /\bMara\b/.test(own), cafe: /Harbour Café/i.test(own) };
}

suite("the bible, storyboard and Animate in the workbench", () => {
  const workbench = workbenchOnFake(exe!, "workbench-bible-e2e", 150_000);

  async function generate(p: Page, button: string, confirm: string): Promise<void> {
    await p.click(`[data-testid=${button}]`);
    // above the confirm threshold the panel asks before spending
    const asked = await p.waitForSelector(`[data-testid=${confirm}-yes]`, { timeout: 3_000 }).catch(() => null);
    if (asked) await asked.click();
  }

  it("breakdown → bible → storyboard stills → edit, regenerate, approve → Animate the approved, with the right references in every request", async () => {
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
    // the café's reference is a photo the editor picks in the open dialog (the browser's file chooser here)
    const [chooser] = await Promise.all([p.waitForEvent("filechooser"), p.click('[data-testid="bible-pick-place:harbour-café"]')]);
    await chooser.setFiles({ name: "cafe-front.png", mimeType: "image/png", buffer: Buffer.from(encodePng(32, 18, new Uint8Array(32 * 18 * 3).fill(140))) });
    await p.waitForSelector('[data-testid="bible-entry-character:mara"] [data-testid^=bible-ref-]');
    await p.waitForSelector('[data-testid="bible-entry-place:harbour-café"] [data-testid^=bible-ref-]');
    expect(await p.textContent('[data-testid="bible-entry-place:harbour-café"] [data-testid^=bible-ref-]')).toContain("cafe-front.png");
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
    // before anything is spent the plan prices both steps: the stills, then Animate on a video model
    await p.waitForSelector("[data-testid=animate-estimate]");
    await p.selectOption("[data-testid=animate-model]", "fal-ai/kling-video/o3/standard/reference-to-video");
    await p.waitForFunction(() => /^Then Animate on Kling O3.*: \d+ shots, [\d.]+ s ≈ \$[\d.]+ — both steps ≈ \$[\d.]+$/.test(document.querySelector("[data-testid=animate-estimate]")?.textContent ?? ""));
    await generate(p, "script-generate", "script-confirm");
    // stills are drafts: the timeline shows them as slates until they are animated
    await p.waitForFunction((n) => document.querySelectorAll("[data-testid=clip][data-origin=slate]").length >= n, shots, { timeout: 90_000 });
    const stills = [...mode.jobs.values()];
    expect(stills).toHaveLength(shots);
    expect(stills.every((j) => j.endpoint === "fal-ai/nano-banana-2/edit")).toBe(true);
    expect(stills.filter((j) => String((j.input as { prompt?: unknown }).prompt).includes(DESCRIPTION)).length).toBeGreaterThan(0);
    await p.screenshot({ path: path.join(artifacts, "21-storyboard-stills.png") });

    // the Storyboard tab: the stills in timeline order, with thumbnails
    await p.click("[data-testid=tab-storyboard]");
    await p.waitForFunction((n) => document.querySelectorAll("[data-testid=storyboard-frame]").length === n, shots);
    await p.waitForSelector("[data-testid=storyboard-thumb]");
    expect(await p.locator("[data-testid=storyboard-frame][data-approved=yes]").count()).toBe(0);

    // one frame's prompt edited in place and regenerated: a new still above, the old one disabled
    const frame = await p.inputValue("[data-testid=storyboard-prompt-1]");
    await p.fill("[data-testid=storyboard-prompt-1]", `${EDIT}. ${frame}`);
    await generate(p, "storyboard-regenerate-1", "storyboard-confirm");
    const regenerated = () => [...mode.jobs.values()].slice(shots).filter((j) => String((j.input as { prompt?: unknown }).prompt).includes(EDIT));
    for (let i = 0; i < 600 && regenerated().length < 1; i++) await new Promise((r) => setTimeout(r, 100));
    expect(regenerated()).toHaveLength(1);
    expect(regenerated()[0]!.endpoint).toMatch(/^fal-ai\/nano-banana-2/);
    await p.waitForFunction(() => document.querySelectorAll("[data-testid=clip][data-origin=slate][data-disabled=true]").length === 1, undefined, { timeout: 60_000 });
    await p.waitForFunction((edit) => (document.querySelector("[data-testid=storyboard-prompt-1]") as HTMLTextAreaElement | null)?.value.includes(edit) && document.querySelectorAll("[data-testid=storyboard-frame]").length > 0, EDIT);
    expect(await p.locator("[data-testid=storyboard-frame]").count()).toBe(shots);
    expect(await p.textContent("[data-testid=storyboard-status-1]")).toBe("Not approved");

    // approve all but the last frame
    await p.click("[data-testid=storyboard-approve-all]");
    await p.waitForFunction((n) => document.querySelectorAll("[data-testid=storyboard-frame][data-approved=yes]").length === n, shots);
    await p.click(`[data-testid=storyboard-approve-${shots - 1}]`);
    await p.waitForFunction((n) => document.querySelectorAll("[data-testid=storyboard-frame][data-approved=yes]").length === n, shots - 1);
    await p.screenshot({ path: path.join(artifacts, "22-storyboard-review.png") });

    // Animate from the review: the approved stills, each the first frame of its shot, with the bible's
    // references, the cost shown first (Fill › Upgrade drafts › Animate sends the same request)
    await p.selectOption("[data-testid=storyboard-animate-model]", "fal|fal-ai/kling-video/o3/standard/reference-to-video");
    await p.waitForFunction(() => /1 still not approved: left as still\./.test(document.querySelector("[data-testid=storyboard-animate-cost]")?.textContent ?? ""));
    expect(await p.textContent("[data-testid=storyboard-animate-cost]")).toMatch(new RegExp(`${shots - 1} shots?.*\\$`));
    expect(await p.textContent("[data-testid=storyboard-animate]")).toBe(`Animate ${shots - 1} approved`);
    const before = mode.jobs.size;
    await generate(p, "storyboard-animate", "storyboard-animate-confirm");
    const animated = () => [...mode.jobs.values()].slice(before).filter((j) => typeof (j.input as { start_image_url?: unknown }).start_image_url === "string");
    for (let i = 0; i < 600 && animated().length < shots - 1; i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 500));
    expect(animated()).toHaveLength(shots - 1);
    expect([...mode.jobs.values()].slice(before)).toHaveLength(shots - 1);
    // the edited frame's prompt is its shot's
    expect(animated().filter((j) => falReferencesOf(j).prompt.includes(EDIT))).toHaveLength(1);
    for (const j of animated()) {
      // Kling O3 takes a character as an element and a place as an image: Mara and the café have frames, Jonah none
      const r = falReferencesOf(j);
      const n = named(r.prompt);
      expect({ elements: r.elements.length, images: r.images }).toEqual({ elements: n.mara ? 1 : 0, images: n.cafe ? 1 : 0 });
    }
    await p.click("[data-testid=tab-jobs]");
    // every still (and the regenerated one), then every animated shot, placed
    await p.waitForFunction((n) => document.querySelectorAll("[data-testid=job][data-state=placed]").length >= n, shots + 1 + shots - 1, { timeout: 90_000 });
    // the cut plays the animated shots over disabled stills; the unapproved still stays, enabled
    expect(await p.locator("[data-testid=clip][data-origin=generated][data-disabled=false]").count()).toBeGreaterThanOrEqual(shots - 1);
    expect(await p.locator("[data-testid=clip][data-origin=slate][data-disabled=false]").count()).toBe(1);
    expect(await p.locator("[data-testid=clip][data-origin=slate][data-disabled=true]").count()).toBe(shots);
    const bibleRows = await p.locator("[data-testid^=job-bible-]").allTextContents();
    expect(bibleRows.filter((t) => /Mara/.test(t)).length).toBeGreaterThan(0);
    expect(bibleRows.every((t) => /Harbour Café/.test(t))).toBe(true);
    await p.click("[data-testid=tab-storyboard]");
    await p.waitForFunction(() => document.querySelectorAll("[data-testid=storyboard-frame]").length === 1);
    await p.screenshot({ path: path.join(artifacts, "23-animated.png") });
    await p.close();
  });
});
