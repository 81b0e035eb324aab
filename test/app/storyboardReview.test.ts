/**
 * Storyboard review on the strict stand-in and the fake fal.ai provider: stills from an image model
 * are approved, edited and regenerated in place; Animate takes the approved ones only, each with its
 * frame's prompt; the storyboard's plan prices Animate before either step is spent.
 */
import type { Cutaway } from "../../src/app/cutaway";
import type { PremiereEditorHost } from "../../src/host/premiere/premiereEditorHost";
import type { PremiereSim } from "../../src/host/sim/premiereSim";
import { samePath } from "../../src/host/premiere/paths";
import { clickClip } from "../../src/workbench/editorGestures";
import type { FalMode } from "../fake/falMode";
import type { FakeServer } from "../fake/server";
import { settlePlaced } from "./appRig";
import { cafeProviders, castAndBible, cut, openCafe, upgrade, KLING_O3, MARA, NANO_BANANA, type CafeProviders } from "./cafeRig";

jest.setTimeout(40_000);

let providers: CafeProviders;
let server: FakeServer;
let fal: FalMode;
beforeEach(async () => {
  providers = await cafeProviders();
  ({ server, fal } = providers);
});
afterEach(() => server.stop());

const promptOf = (j: { input: unknown }): string => String((j.input as { prompt?: unknown }).prompt ?? "");
const startsFromStill = (j: { input: unknown }): boolean => typeof (j.input as { start_image_url?: unknown }).start_image_url === "string";

async function clips(host: PremiereEditorHost) {
  return (await host.snapshot()).videoTracks.flatMap((t) => t.clips);
}

/** the café's storyboard: one still per shot on Nano Banana 2, placed */
async function storyboard(): Promise<{ app: Cutaway; host: PremiereEditorHost; sim: PremiereSim; shots: number }> {
  const { app, host, sim } = await openCafe(providers);
  const b = await castAndBible(app);
  const { requestId } = await app.run(cut(b, "fal", NANO_BANANA), { confirmed: true });
  await settlePlaced(app, requestId);
  return { app, host, sim, shots: b.shots.length };
}

test("the stills are listed in timeline order with their shot numbers, unapproved; Animate with none approved says how to approve", async () => {
  const { app, shots } = await storyboard();
  const frames = app.storyboard.getState().frames;
  expect(frames).toHaveLength(shots);
  expect(frames.map((f) => f.shotNumber)).toEqual(Array.from({ length: shots }, (_v, i) => i + 1));
  expect(frames.every((f) => !f.approved && f.model === NANO_BANANA && f.prompt.length > 0)).toBe(true);
  expect([...frames].sort((a, b) => a.startTimecode.localeCompare(b.startTimecode))).toEqual(frames);
  await expect(app.preview(upgrade(KLING_O3, true))).rejects.toThrow(new RegExp(`None of the ${shots} storyboard stills is approved yet\\. In the Storyboard tab, Approve`));
  await app.dispose();
});

test("Animate takes the approved stills, not the selection: the plan says how many are left as stills, and they stay on the timeline", async () => {
  const { app, host, sim, shots } = await storyboard();
  const frames = app.storyboard.getState().frames;
  await app.storyboard.approve([frames[0]!.mediaPath, frames[2]!.mediaPath]);
  expect(app.storyboard.getState().approvedCount).toBe(2);
  // a selected still is not an approved one
  const items = new Map(sim.core.state.items.map((i) => [i.id, i.mediaPath]));
  const seq = sim.core.state.sequences.find((q) => q.guid === sim.core.state.activeGuid)!;
  clickClip(sim.core, seq.tracks.flatMap((t) => t.clips).find((c) => samePath(items.get(c.itemId) ?? "", frames[1]!.mediaPath))!.uid, false);
  await app.refresh();
  const plan = await app.preview(upgrade(KLING_O3, true));
  expect(plan.items.map((i) => i.replaces)).toHaveLength(2);
  expect(plan.warnings).toContain(`${shots - 2} stills not approved: left as stills.`);
  const before = fal.jobs.size;
  const { requestId } = await app.run(upgrade(KLING_O3, true), { confirmed: true });
  await settlePlaced(app, requestId);
  expect(app.getState().requests.find((x) => x.id === requestId)!.label).toBe("Animate 2 stills");
  const sent = [...fal.jobs.values()].slice(before);
  expect(sent).toHaveLength(2);
  expect(sent.every(startsFromStill)).toBe(true);
  const after = await clips(host);
  const still = (m: string) => after.find((c) => c.mediaPath === m)!;
  expect(still(frames[0]!.mediaPath).enabled).toBe(false);
  expect(still(frames[2]!.mediaPath).enabled).toBe(false);
  for (const f of frames.filter((_f, i) => i !== 0 && i !== 2)) expect(still(f.mediaPath).enabled).toBe(true);
  // the storyboard now shows the stills still waiting
  expect(app.storyboard.getState().frames.map((f) => f.mediaPath)).toEqual(frames.filter((_f, i) => i !== 0 && i !== 2).map((f) => f.mediaPath));
  await app.dispose();
});

test("regenerate one still with its prompt edited in place: the image model gets the edit, the new still lands above the old (disabled), unapproved, as the same shot", async () => {
  const { app, host } = await storyboard();
  const frames = app.storyboard.getState().frames;
  const old = frames[1]!;
  const edit = `Mara at the counter, low angle, steam rising. Mara: ${MARA}.`;
  await app.storyboard.approve([old.mediaPath]);
  await app.storyboard.editPrompt(old.mediaPath, edit);
  expect(app.storyboard.getState().frames[1]).toMatchObject({ prompt: edit, edited: true, approved: true });
  // a video model does not make a still
  await expect(app.storyboard.regenerate(old.mediaPath, { backend: "fal", model: KLING_O3 })).rejects.toThrow(/pick an image model/);
  const before = fal.jobs.size;
  const { requestId } = await app.storyboard.regenerate(old.mediaPath, { confirmed: true });
  await settlePlaced(app, requestId);
  const sent = [...fal.jobs.values()].slice(before);
  expect(app.getState().requests.find((x) => x.id === requestId)!.label).toBe("Regenerate 1 still");
  expect(sent).toHaveLength(1);
  expect(sent[0]!.endpoint).toMatch(/^fal-ai\/nano-banana-2/);
  expect(promptOf(sent[0]!)).toContain("Mara at the counter, low angle, steam rising");
  // the bible's description is in the prompt once, not added again to an edit that has it
  expect(promptOf(sent[0]!).split(MARA)).toHaveLength(2);
  const now = await clips(host);
  const was = now.find((c) => c.mediaPath === old.mediaPath)!;
  const redone = now.find((c) => c.provenance?.jobId.startsWith(requestId))!;
  expect(was.enabled).toBe(false);
  expect(redone.trackIndex).toBeGreaterThan(was.trackIndex);
  expect([redone.start, redone.end]).toEqual([was.start, was.end]);
  const shown = app.storyboard.getState().frames;
  expect(shown).toHaveLength(frames.length);
  expect(shown[1]).toMatchObject({ mediaPath: redone.mediaPath, shotNumber: old.shotNumber, approved: false, edited: false });
  expect(shown[1]!.prompt).toContain("Mara at the counter, low angle, steam rising");
  await app.dispose();
});

test("a frame's edited prompt is what Animate sends for that shot", async () => {
  const { app } = await storyboard();
  const frames = app.storyboard.getState().frames;
  await app.storyboard.editPrompt(frames[0]!.mediaPath, "Rain on the window, the café's neon through it");
  await app.storyboard.approveAll();
  const plan = await app.preview(upgrade(KLING_O3, true));
  expect(plan.items[0]!.prompt).toContain("Rain on the window, the café's neon through it");
  expect(plan.items.slice(1).every((i) => !i.prompt.includes("Rain on the window"))).toBe(true);
  const before = fal.jobs.size;
  const { requestId } = await app.run(upgrade(KLING_O3, true), { confirmed: true });
  await settlePlaced(app, requestId);
  const sent = [...fal.jobs.values()].slice(before);
  expect(sent.filter((j) => promptOf(j).includes("Rain on the window, the café's neon through it"))).toHaveLength(1);
  await app.dispose();
});

test("a storyboard's plan shows what Animate will cost on the backend's first image-to-video model, or the one picked, as Animate's own plan does", async () => {
  const { app } = await openCafe(providers);
  const b = await castAndBible(app);
  const fal = app.getState().providers.find((p) => p.id === "fal")!;
  const first = fal.models.find((m) => m.imageToVideo && !m.still)!;
  const board = await app.preview(cut(b, "fal", NANO_BANANA));
  expect(board.animate).toMatchObject({ model: first.id, shots: b.shots.length });
  expect(board.animate!.usd).toBeGreaterThan(0);
  expect(board.animate!.models.map((m) => m.id)).toContain(KLING_O3);
  expect(board.animate!.models.map((m) => m.id)).not.toContain(NANO_BANANA);
  expect(board.animate!.summary).toMatch(/^Then Animate on .+: \d+ shots, [\d.]+ s ≈ \$[\d.]+ — both steps ≈ \$[\d.]+$/);
  const picked = await app.preview({ ...cut(b, "fal", NANO_BANANA), animateModel: KLING_O3 });
  expect(picked.animate!.model).toBe(KLING_O3);
  expect(picked.animate!.summary).toContain(`both steps ≈ $${(picked.estimate.usd + picked.animate!.usd).toFixed(2)}`);
  // a video plan has no second step to price
  expect((await app.preview(cut(b, "fal", KLING_O3))).animate).toBeUndefined();

  const { requestId } = await app.run(cut(b, "fal", NANO_BANANA), { confirmed: true });
  await settlePlaced(app, requestId);
  await app.storyboard.approveAll();
  for (const [model, priced] of [[first.id, board.animate!], [KLING_O3, picked.animate!]] as const) {
    const own = await app.preview(upgrade(model, true));
    expect(own.items).toHaveLength(priced.shots);
    expect(own.estimate.usd).toBeCloseTo(priced.usd, 2);
    expect(own.estimate.totalSeconds).toBeCloseTo(priced.seconds, 1);
  }
  await app.dispose();
});

test("a still becomes a bible entry's reference, from the image model that made it", async () => {
  const { app } = await storyboard();
  const frame = app.storyboard.getState().frames[0]!;
  const jonah = app.bible.getState().entries.find((e) => e.name === "Jonah")!;
  await app.storyboard.useAsReference(frame.mediaPath, jonah.id);
  const refs = app.bible.getState().entries.find((e) => e.id === jonah.id)!.references;
  expect(refs).toEqual([expect.objectContaining({ path: frame.mediaPath, origin: "image-model", note: NANO_BANANA })]);
  await app.dispose();
});
