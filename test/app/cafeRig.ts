/**
 * The café scene on the fake fal.ai and Veo providers: the app on the strict stand-in, the breakdown
 * seeded into the bible, Mara's description edited and frames of the cut as her and the café's
 * references. Shared by the bible and storyboard tests.
 */
import type { GenerateRequest, ScriptBreakdownView } from "../../src/app/api";
import type { Cutaway } from "../../src/app/cutaway";
import { createScriptService } from "../../src/app/scriptService";
import { demoSequence } from "../../src/host/sim/demoSequence";
import { CAFE_SCENE } from "../bible/fixtures";
import { FalMode } from "../fake/falMode";
import { FakeServer } from "../fake/server";
import { VeoMode } from "../fake/veoMode";
import { fakeMp4 } from "../support/media";
import { cloudRig, type CloudRig } from "./cloudRig";

export const VEO_KEY = "AIzaSy-test-0123456789abcdefghij";
export const MARA = "sixty, silver bun, red wool scarf";

export interface CafeProviders {
  readonly server: FakeServer;
  readonly fal: FalMode;
  readonly veo: VeoMode;
}

export async function cafeProviders(): Promise<CafeProviders> {
  const media = fakeMp4(16 * 1024, 5);
  const fal = new FalMode(media);
  fal.queuedPolls = 1;
  const veo = new VeoMode(media, VEO_KEY);
  veo.pollsBeforeDone = 1;
  return { server: await new FakeServer([veo, fal]).start(), fal, veo };
}

export function openCafe(p: CafeProviders): Promise<CloudRig> {
  const base = p.server.baseUrl;
  return cloudRig(demoSequence(), { only: ["slate", "fal", "veo"], baseUrls: { fal: base, veo: base }, keys: { fal: "fal-key-for-tests", veo: VEO_KEY }, script: createScriptService(fetch), frameShade: 90 });
}

/** breakdown → bible with Mara's description edited and a frame of the cut as her reference */
export async function castAndBible(app: Cutaway): Promise<ScriptBreakdownView> {
  const breakdown = await app.breakdownScript(CAFE_SCENE, { stylePreset: "none", format: "fountain" });
  // the breakdown seeded the bible: two characters and the café
  expect(app.bible.getState().entries.map((e) => e.name)).toEqual(["Mara", "Jonah", "Harbour Café"]);
  expect(await app.bible.seedFromBreakdown(breakdown)).toBe(0);
  const mara = app.bible.getState().entries.find((e) => e.name === "Mara")!;
  await app.bible.updateEntry(mara.id, { description: MARA });
  await app.bible.addReferenceFromPlayhead(mara.id);
  const cafe = app.bible.getState().entries.find((e) => e.name === "Harbour Café")!;
  await app.bible.addReferenceFromPlayhead(cafe.id);
  return breakdown;
}

export const cut = (b: ScriptBreakdownView, backend: string, model: string): GenerateRequest => ({
  kind: "script-to-cut",
  scope: "script",
  shots: b.shots,
  destination: "playhead",
  stylePreset: "none",
  backend,
  model,
  takes: 1,
  continuity: false,
  placement: "all-at-once",
  mode: "generate",
});

/** Upgrade drafts: regenerate stills on an image model, or (animate) turn the approved ones into shots */
export const upgrade = (model: string, animate = false): GenerateRequest => ({ kind: "replace-placeholders", scope: "drafts", prompt: "", stylePreset: "none", backend: "fal", model, takes: 1, continuity: false, ...(animate ? { animate: true } : {}), placement: "all-at-once", mode: "generate" });

export const KLING_O3 = "fal-ai/kling-video/o3/standard/reference-to-video";
export const NANO_BANANA = "fal-ai/nano-banana-2";
