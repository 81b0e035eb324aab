/**
 * (Over 300 lines: one walk per item of issue 14, sharing one build and one fake provider.)
 * Issue 14, "an editor's afternoon", walked in Chromium on the workbench with the fake fal.ai
 * provider: what the editor sees for placeholders and drafts (2), drafts that survive tab switches
 * and reloads (3), plan rows with cost and coverage (4), prompts never made of file names (5),
 * Settings checks and labels (6), chips, plan and result that agree (7), the Jobs list by run (8),
 * and Copy prompt (10). Each test starts its own fake provider; screenshots go to test-artifacts/.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Page } from "playwright-core";
import { FalMode, type FalFakeJob } from "../fake/falMode";
import { FalPlatformMode } from "../fake/falPlatformMode";
import { ModelsListMode } from "../fake/modelsListMode";
import { FakeServer } from "../fake/server";
import { fakeMp4 } from "../support/media";
import { browserOrSkip, workbenchOnFake } from "./browser";

jest.setTimeout(150_000);

const root = path.resolve(__dirname, "../..");
const artifacts = path.join(root, "test-artifacts");
const exe = browserOrSkip();
const suite = exe ? describe : describe.skip;

const promptOf = (job: FalFakeJob): string => String((job.input as { prompt?: unknown } | null)?.prompt ?? "");

suite("an editor's afternoon in Chromium (issue 14)", () => {
  const workbench = workbenchOnFake(exe!, "workbench-afternoon-e2e", 150_000);
  let fake: FakeServer | null = null;
  let mode: FalMode;

  /** The workbench on a fresh fake provider (fal with the workbench's key, an OpenAI-style model list) and empty storage. */
  async function open(latencyMs = 400): Promise<Page> {
    mode = new FalMode(fakeMp4(16 * 1024, 7));
    mode.latencyMs = latencyMs;
    fake = await new FakeServer([mode, new FalPlatformMode(new Set(["workbench-fake-key"])), new ModelsListMode(new Set(["good-llm-key"]))]).start();
    const p = await workbench.open(fake, {
      viewport: { width: 1440, height: 1000 },
      // the browser's clipboard, observed: Copy prompt must hand it the prompt
      beforeLoad: (page) =>
        page.addInitScript(() => {
          const w = window as unknown as { copied: string[] };
          w.copied = [];
          Object.defineProperty(navigator, "clipboard", { value: { writeText: async (t: string) => void w.copied.push(t) }, configurable: true });
        }),
    });
    await ready(p);
    return p;
  }

  async function ready(p: Page): Promise<void> {
    await p.waitForSelector("[data-testid=timeline]");
    await p.waitForSelector("[data-testid=tab-fill][aria-selected=true]");
    await p.waitForFunction(() => /shot|gap|prompt|placeholder/i.test(document.querySelector("[data-testid=estimate]")?.textContent ?? ""));
  }

  const shoot = (p: Page, name: string) => p.screenshot({ path: path.join(artifacts, name), fullPage: true });
  const text = async (p: Page, sel: string) => (await p.locator(sel).first().textContent()) ?? "";
  const clips = (p: Page, origin: string) => p.locator(`[data-testid=clip][data-origin=${origin}]`);

  async function onFal(p: Page): Promise<void> {
    await p.selectOption("[data-testid=backend]", "fal");
    await p.waitForFunction(() => /\$/.test(document.querySelector("[data-testid=estimate]")?.textContent ?? ""));
  }

  async function generate(p: Page): Promise<void> {
    await p.click("[data-testid=generate]");
    await p.waitForFunction(() => Boolean(document.querySelector("[data-testid=confirm]")) || /Jobs \(\d+\)/.test(document.querySelector("[data-testid=tab-jobs]")?.textContent ?? "") || Boolean(document.querySelector("[data-testid=notices]")));
    if (await p.locator("[data-testid=confirm]").count()) await p.click("[data-testid=confirm-yes]");
  }

  it("Cutaway's results are never placeholders; drafts are upgraded from their own chip; 'Gap at playhead' goes when the gap is filled; shot numbers run on", async () => {
    const p = await open();
    expect(await p.locator("[data-testid=scope-playhead]").count()).toBe(1);
    expect(await p.locator("[data-testid=scope-drafts]").count()).toBe(0);
    expect(await text(p, "[data-testid=scope-placeholders]")).toMatch(/Placeholders\s*3/);

    // replace the three placeholders; the results are named "Cutaway 00N – B-ROLL …", which the B-ROLL rule matches
    await p.click("[data-testid=scope-placeholders]");
    await p.fill("[data-testid=prompt]", "B-ROLL of the harbour");
    await onFal(p);
    await generate(p);
    await p.waitForFunction(() => document.querySelectorAll("[data-testid=clip][data-origin=generated]").length === 3, undefined, { timeout: 60_000 });
    await p.waitForFunction(() => !/\d/.test(document.querySelector("[data-testid=scope-placeholders]")?.textContent ?? "1"));
    expect(await text(p, ".cw-hint")).toMatch(/No placeholders found/);

    // a slate in the playhead's hole: then the playhead is over picture, and its chip goes
    await p.click("[data-testid=scope-playhead]");
    await p.click("[data-testid=draft]");
    await p.waitForFunction(() => document.querySelectorAll("[data-testid=clip][data-origin=slate]").length > 0, undefined, { timeout: 30_000 });
    await p.waitForFunction(() => !document.querySelector("[data-testid=scope-playhead]"));
    const slates = await clips(p, "slate").count();
    await p.waitForSelector("[data-testid=scope-drafts]");
    expect(await text(p, "[data-testid=scope-drafts]")).toMatch(new RegExp(`Upgrade drafts\\s*${slates}`));
    expect(await text(p, "[data-testid=scope-placeholders]")).not.toMatch(/\d/);
    await shoot(p, "20-results-not-placeholders-drafts-chip.png");

    // the upgrade plan replaces the slate with the prompt it was drafted with
    await p.click("[data-testid=scope-drafts]");
    await p.waitForSelector("[data-testid=plan-row]");
    expect(await text(p, "[data-testid=plan]")).toMatch(/replaces Cutaway 00[45]/);

    // Jobs: two runs, oldest first, and the second run's numbers follow the first's
    await p.click("[data-testid=tab-jobs]");
    const runs = p.locator("[data-testid=run]");
    expect(await runs.count()).toBe(2);
    expect(await runs.nth(0).locator("b").first().textContent()).toMatch(/Replace 3 placeholders/);
    expect(await runs.nth(0).locator("[data-testid=job-shot]").allTextContents()).toEqual(["#1", "#2", "#3"]);
    expect((await runs.nth(1).locator("[data-testid=job-shot]").allTextContents())[0]).toBe("#4");
    await p.waitForFunction(() => document.querySelector("[data-testid=run] [data-testid=run-progress]")?.textContent === "3 of 3 done");
  });

  it("the Fill prompt, backend and model, the pasted script and the edited shot list survive tab switches and a reload", async () => {
    const p = await open();
    await p.fill("[data-testid=prompt]", "gulls over the harbour wall");
    await p.selectOption("[data-testid=backend]", "fal");
    const models = await p.locator("[data-testid=model] option").evaluateAll((o) => o.map((x) => (x as HTMLOptionElement).value));
    await p.selectOption("[data-testid=model]", models[1]!);
    await p.click("[data-testid=tab-script]");
    await p.fill("[data-testid=script]", "INT. LIGHTHOUSE KITCHEN - NIGHT\n\nA kettle rattles on an old iron stove.\n\nEXT. HARBOUR WALL - DAWN\n\nFishing boats rock against the pier.\n");
    await p.click("[data-testid=breakdown]");
    await p.waitForSelector("[data-testid=shot-prompt-0]");
    await p.fill("[data-testid=shot-prompt-0]", "Slow push-in on a rattling kettle");
    await p.fill("[data-testid=idea]", "a storm comes in");
    const check = async (): Promise<void> => {
      await p.click("[data-testid=tab-fill]");
      expect(await p.locator("[data-testid=prompt]").inputValue()).toBe("gulls over the harbour wall");
      expect(await p.locator("[data-testid=backend]").inputValue()).toBe("fal");
      expect(await p.locator("[data-testid=model]").inputValue()).toBe(models[1]);
      await p.click("[data-testid=tab-script]");
      expect(await p.locator("[data-testid=script]").inputValue()).toContain("A kettle rattles");
      expect(await p.locator("[data-testid=shot-prompt-0]").inputValue()).toBe("Slow push-in on a rattling kettle");
      expect(await p.locator("[data-testid=idea]").inputValue()).toBe("a storm comes in");
      expect(await text(p, "[data-testid=breakdown-summary]")).toMatch(/shots/);
    };
    await p.click("[data-testid=tab-jobs]");
    await p.click("[data-testid=tab-settings]");
    await check();
    await p.waitForTimeout(600); // the drafts are saved a quarter second after the last change
    await p.reload();
    await ready(p);
    await check();
  });

  it("plan rows show timecode, track, billed and used seconds and cost; a short gap offers a slate or leaving it out; no prompt is a file name, and shots with no words ask first", async () => {
    const p = await open();
    await p.click("[data-testid=scope-all-gaps]");
    await onFal(p);
    await p.waitForSelector("[data-testid=plan-row]");
    const first = p.locator("[data-testid=plan-row]").first();
    expect(await first.locator("[data-testid=plan-timecode]").textContent()).toBe("00:00:10:00");
    expect(await first.locator("[data-testid=plan-track]").textContent()).toBe("V2");
    expect(await first.locator("[data-testid=plan-seconds]").textContent()).toBe("bills 4 s, uses 0.71 s");
    expect(await first.locator("[data-testid=plan-cost]").textContent()).toMatch(/^\$\d+\.\d\d$/);
    expect(await first.locator("[data-testid=plan-short]").textContent()).toMatch(/17 frames to fill.*shortest clip is 4 s.*slate.*extend/);
    // the chip's range names the same track as the plan row
    expect(await text(p, "[data-testid=target-ranges] [data-testid=target-track]")).toBe("V2");
    // nothing near the first two gaps describes them: they ask, and nothing is sent
    const asks = p.locator("[data-testid=plan-prompt]");
    expect(await asks.count()).toBe(2);
    for (const row of await p.locator("[data-testid=plan-row]").all()) expect(await row.textContent()).not.toMatch(/\.mov|Interview|Harbour_Wide|B-roll matching/);
    await shoot(p, "21-plan-rows-short-gap-asks-for-prompt.png");
    await generate(p);
    await p.waitForFunction(() => /Nothing says what shots? 1/.test(document.querySelector("[data-testid=notices]")?.textContent ?? ""));
    expect(fake!.count("fal.submit")).toBe(0);

    // the 17-frame flash gap: a free slate instead of a 4 s render
    await first.locator("[data-testid=plan-slate]").click();
    await p.waitForFunction(() => document.querySelectorAll("[data-testid=clip][data-origin=slate]").length === 1, undefined, { timeout: 30_000 });
    await p.waitForFunction(() => document.querySelector("[data-testid=plan-row] [data-testid=plan-timecode]")?.textContent === "00:00:30:17");
    expect(fake!.count("fal.submit")).toBe(0);
    // describe the 2 s gap on its own row
    expect(await p.locator("[data-testid=plan-prompt]").count()).toBe(1);
    await p.fill("[data-testid=plan-prompt]", "waves breaking on the quay");
    await p.waitForFunction(() => document.querySelector("[data-testid=plan-row] .cw-ellipsis")?.textContent === "waves breaking on the quay");
    // leaving the 9.5 s hole out takes both its rows off the bill; Bring back restores them
    const before = await p.locator("[data-testid=plan-row]").count();
    const costBefore = await text(p, "[data-testid=estimate]");
    await p.locator("[data-testid=plan-row]", { hasText: "00:01:06:16" }).locator("[data-testid=plan-skip]").click();
    await p.waitForFunction((n) => document.querySelectorAll("[data-testid=plan-row]").length === n - 2, before);
    expect(await text(p, "[data-testid=plan-skipped]")).toMatch(/1 left out/);
    expect(await text(p, "[data-testid=estimate]")).not.toBe(costBefore);
    await p.click("[data-testid=plan-restore]");
    await p.waitForFunction((n) => document.querySelectorAll("[data-testid=plan-row]").length === n, before);
    // the 31 s hole is four shots that vary
    const rows = await p.locator("[data-testid=plan-row] .cw-ellipsis").allTextContents();
    const hole = rows.filter((r) => r.includes("Old town market"));
    expect(hole.length).toBe(4);
    expect(new Set(hole).size).toBe(4);
    expect(hole[0]).toMatch(/^Wide/);
    await generate(p);
    await p.waitForFunction(() => /Jobs \(\d+\)|Jobs$/.test(document.querySelector("[data-testid=tab-jobs]")?.textContent ?? ""));
    await p.waitForFunction((n) => document.querySelectorAll("[data-testid=clip][data-origin=generated]").length === n, before, { timeout: 60_000 });
    const sent = [...mode.jobs.values()].map(promptOf);
    expect(sent).toContain("waves breaking on the quay");
    for (const s of sent) expect(s).not.toMatch(/\.mov|Interview|Harbour_Wide|Cutaway \d/);
    expect(new Set(sent).size).toBe(sent.length);
  });

  it("Settings: each key is checked with its provider, a refused key is not saved, an unreachable script server is named, stale notices clear, every field is labelled, placeholder names are words", async () => {
    const p = await open();
    await p.click("[data-testid=tab-settings]");
    // every field the editor fills has a visible label
    const unlabelled = await p.locator("[data-testid=settings] input:not([type=checkbox]), [data-testid=settings] select, [data-testid=settings] textarea").evaluateAll((els) => els.filter((e) => !e.closest(".cw-labeled")?.querySelector(".cw-label")?.textContent?.trim()).length);
    expect(unlabelled).toBe(0);
    expect(await p.locator("[data-testid=settings] .cw-label").allTextContents()).toEqual(expect.arrayContaining(["Shots rendering at once", "Default style", "Ask before spending more than ($)"]));

    // fal: the stored key passes a real check; a typo is refused and not saved
    await p.click("[data-testid=key-test-fal]");
    await p.waitForFunction(() => document.querySelector("[data-testid=key-result-fal]")?.textContent === "fal.ai (fake provider) accepted the key.");
    await p.fill("[data-testid=key-input-fal]", "typo-key");
    await p.click("[data-testid=key-save-fal]");
    await p.waitForFunction(() => /not saved/.test(document.querySelector("[data-testid=key-result-fal]")?.textContent ?? ""));
    expect(fake!.requestsTo("fal.pricing").map((r) => r.headers["authorization"])).toEqual(["Key workbench-fake-key", "Key typo-key"]);
    await p.click("[data-testid=key-test-fal]");
    await p.waitForFunction(() => /accepted/.test(document.querySelector("[data-testid=key-result-fal]")?.textContent ?? ""));

    // the script LLM: a server that does not answer is named by its address
    const dead = http.createServer();
    await new Promise<void>((r) => dead.listen(0, "127.0.0.1", r));
    const deadUrl = `http://127.0.0.1:${(dead.address() as AddressInfo).port}/v1`;
    await new Promise<void>((r) => dead.close(() => r()));
    await p.fill("[data-testid=llm-base]", deadUrl);
    await p.click("[data-testid=llm-save]");
    await p.fill("[data-testid=key-input-openai-llm]", "good-llm-key");
    await p.click("[data-testid=key-save-openai-llm]");
    await p.waitForFunction((url) => (document.querySelector("[data-testid=notices]")?.textContent ?? "").includes(url), deadUrl, { timeout: 30_000 });
    expect(await text(p, "[data-testid=notices]")).not.toMatch(/internet connection/);
    await p.click("[data-testid=key-test-openai-llm]");
    await p.waitForFunction((url) => (document.querySelector("[data-testid=key-result-openai-llm]")?.textContent ?? "").includes(`could not reach the script-writing server at ${url}`), deadUrl, { timeout: 30_000 });
    await shoot(p, "22-settings-checks-and-labels.png");
    // pointed at a server that answers, the key passes and the stale notice goes
    await p.fill("[data-testid=llm-base]", `${fake!.baseUrl}/v1`);
    await p.click("[data-testid=llm-save]");
    await p.click("[data-testid=key-test-openai-llm]");
    await p.waitForFunction(() => /accepted the key/.test(document.querySelector("[data-testid=key-result-openai-llm]")?.textContent ?? ""));
    expect(await p.locator("[data-testid=notices]").count()).toBe(0);
    expect(fake!.requestsTo("llm.models").at(-1)!.headers["authorization"]).toBe("Bearer good-llm-key");

    // placeholder names as words, regular expressions only as the advanced option
    expect(await p.locator("[data-testid=placeholder-words]").inputValue()).toBe("PLACEHOLDER, TBD, TK, SLATE, SHOT 12, B-ROLL");
    expect(await text(p, "[data-testid=placeholder-matches]")).toMatch(/Matches now: SHOT 14.*PLACEHOLDER – drone over city/);
    // without PLACEHOLDER, the clip named "PLACEHOLDER – …" (plain video) no longer matches; the slug and the matte still do, by kind
    await p.fill("[data-testid=placeholder-words]", "TBD, SHOT 12");
    await p.click("[data-testid=save-placeholders]");
    await p.waitForFunction(() => (document.querySelector("[data-testid=placeholder-matches]")?.textContent ?? "") === "Matches now: SHOT 14, Color Matte");
    await p.click("[data-testid=placeholder-advanced]");
    expect(await p.locator("[data-testid=placeholder-regex]").inputValue()).toBe("\\bTBD\\b\n\\bSHOT\\s*\\d+\\b");
  });

  it("Jobs: one group per run, oldest first, rows with shot, timecode, track, cost and percent; 'Resuming N shots' clears when they land; Cancel all; Copy prompt", async () => {
    const p = await open(4000);
    await p.click("[data-testid=scope-all-gaps]");
    await p.fill("[data-testid=prompt]", "harbour town at dawn");
    await onFal(p);
    await generate(p);
    await p.click("[data-testid=tab-jobs]");
    await p.waitForSelector("[data-testid=job][data-state=running]");
    const run = p.locator("[data-testid=run]").first();
    const shots = await run.locator("[data-testid=job]").count();
    expect(await run.locator("[data-testid=run-progress]").textContent()).toMatch(new RegExp(`^\\d+ of ${shots} done`));
    const row = run.locator("[data-testid=job]").first();
    expect(await row.locator("[data-testid=job-shot]").textContent()).toBe("#1");
    expect(await row.locator("[data-testid=job-timecode]").textContent()).toMatch(/00:00:10:00/);
    expect(await row.locator("[data-testid=job-track]").textContent()).toMatch(/V2/);
    expect(await row.locator("[data-testid=job-cost]").textContent()).toMatch(/\$\d+\.\d\d/);
    expect(await run.locator("[data-testid=job-state]").allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/\d+ %/)]));
    expect(await run.locator("[data-testid=job-shot]").allTextContents()).toEqual(Array.from({ length: shots }, (_, i) => `#${i + 1}`));

    // a reload mid-run: the notice says what is resuming, and goes once all of it has landed
    await p.reload();
    await ready(p);
    await p.waitForFunction(() => /Resuming \d+ shots?/.test(document.querySelector("[data-testid=notices]")?.textContent ?? ""));
    await p.click("[data-testid=tab-jobs]");
    await p.waitForFunction((n) => document.querySelector("[data-testid=run-progress]")?.textContent === `${n} of ${n} done`, shots, { timeout: 60_000 });
    await p.waitForFunction(() => !/Resuming/.test(document.querySelector("[data-testid=notices]")?.textContent ?? ""));
    const copied = await run.locator("[data-testid=job]").first().locator(".cw-ellipsis").textContent();
    await run.locator("[data-testid=copy-prompt]").first().click();
    await p.waitForFunction(() => document.querySelector("[data-testid=copy-prompt]")?.textContent === "Copied");
    expect(await p.evaluate(() => (window as unknown as { copied: string[] }).copied)).toEqual([copied]);

    // a second run that takes long: cancel all of it at once; it is listed after the first
    mode.latencyMs = 120_000;
    await p.click("[data-testid=tab-fill]");
    await p.click("[data-testid=scope-placeholders]");
    await generate(p);
    await p.click("[data-testid=tab-jobs]");
    const second = p.locator("[data-testid=run]").nth(1);
    await second.locator("[data-testid=cancel-run]").waitFor();
    expect(await second.locator("b").first().textContent()).toMatch(/Replace 3 placeholders/);
    expect((await second.locator("[data-testid=job-shot]").allTextContents())[0]).toBe(`#${shots + 1}`);
    await second.locator("[data-testid=cancel-run]").click();
    await p.waitForFunction(() => document.querySelectorAll("[data-testid=run]")[1]?.querySelectorAll("[data-testid=job][data-state=cancelled]").length === 3, undefined, { timeout: 30_000 });
    expect(await second.locator("[data-testid=run-progress]").textContent()).toBe("0 of 3 done · 3 failed or cancelled");
    expect(await second.locator("[data-testid=cancel-run]").count()).toBe(0);
    await shoot(p, "23-jobs-by-run.png");
  });
});
