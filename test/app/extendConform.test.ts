/** Extend, bridge, conform and take stacks end to end on the strict stand-in with scripted providers. */
import type { ShotRequest } from "../../src/app/api";
import { framesToTicks, RATES, ticksFromSeconds, ticksToTimecode, type FrameRate } from "../../src/core/time";
import { snapshotBuilder, type Clip, type Provenance, type SequenceSnapshot } from "../../src/core/timeline";
import { expectUntouched } from "../host/helpers";
import { settle } from "./appRig";
import { growRig } from "./growRig";

/** the pinned frame is one frame of the 24 fps generated media (Premiere keeps source in/out on the media's frames) */
const MEDIA_FRAME = ticksFromSeconds(1) / 24n;

jest.setTimeout(30_000);

const prov = (over: Partial<Provenance>): Provenance => ({ prompt: "gulls over the harbour wall", backend: "slate", model: "m", jobId: "draft-1", createdAt: "2026-12-01T10:00:00.000Z", slate: true, ...over });
const cutawayClips = (s: SequenceSnapshot): Clip[] => s.videoTracks.flatMap((t) => t.clips).filter((c) => c.provenance);

const extend = (edge: "head" | "tail", frames: number): ShotRequest => ({ kind: "extend", edge, frames, backend: "fake", model: "veo", takes: 1, mode: "generate", placement: "all-at-once" });

const RATES_TO_TEST: [string, FrameRate][] = [
  ["23.976", RATES.fps23_976],
  ["25", RATES.fps25],
  ["29.97 DF", RATES.fps29_97],
  ["59.94", RATES.fps59_94],
];

describe.each(RATES_TO_TEST)("extend at %s", (_label, rate) => {
  const f = (n: number) => framesToTicks(n, rate);
  // A sits at one minute (a drop-frame minute); a lower third covers the first frames after A's tail on V2
  const seq = () =>
    snapshotBuilder(rate)
      .track([{ at: 1800, len: 200, name: "Harbour_Wide.mov", selected: true }, { at: 2400, len: 100, name: "Market.mov" }])
      .track([{ at: 2010, len: 20, name: "Lower third", media: null, kind: "title" }])
      .track([])
      .build();

  it("tail: starts on A's last frame, edge to edge, on the lowest free track, A untouched", async () => {
    const rig = await growRig(seq());
    const before = await rig.host.snapshot();
    const { requestId, preview } = await rig.app.runShots(extend("tail", 48), { confirmed: true });
    expect(preview.items).toHaveLength(1);
    expect(preview.items[0]!.trackName).toBe("V3");
    expect(preview.items[0]!.startTimecode).toBe(ticksToTimecode(f(2000), rate));
    await settle(rig, requestId);
    const after = await rig.host.snapshot();
    expectUntouched(before, after);
    const [c] = cutawayClips(after);
    expect(c).toMatchObject({ trackIndex: 2, start: f(2000), end: f(2048), inPoint: MEDIA_FRAME });
    expect(rig.exported).toEqual([f(1999)]);
    expect(rig.fake.requests[0]!.firstFrame).toBeDefined();
    expect(rig.fake.requests[0]!.lastFrame).toBeUndefined();
    expect(rig.sim.core.undoStack.at(-1)!.name).toBe("Cutaway: extend, 1 shot");
    await rig.app.dispose();
  });

  it("head: ends on A's first frame, lands on V2 where it is free, cut from the end of the generated clip", async () => {
    const rig = await growRig(seq());
    const before = await rig.host.snapshot();
    const { requestId } = await rig.app.runShots(extend("head", 30), { confirmed: true });
    await settle(rig, requestId);
    const after = await rig.host.snapshot();
    expectUntouched(before, after);
    const [c] = cutawayClips(after);
    expect(c).toMatchObject({ trackIndex: 1, start: f(1770), end: f(1800) });
    // the generated clip's pinned last frame (one 24 fps media frame) is never shown; in/out sit on media frames
    expect(c!.outPoint).toBeLessThanOrEqual(ticksFromSeconds(4) - MEDIA_FRAME);
    expect(c!.outPoint).toBeGreaterThan(ticksFromSeconds(4) - 2n * MEDIA_FRAME);
    expect(c!.inPoint % MEDIA_FRAME).toBe(0n);
    expect(rig.exported).toEqual([f(1800)]);
    // providers want a first frame whenever a last one is given: the head starts on the same frame
    expect(rig.fake.requests[0]!.lastFrame).toBeDefined();
    expect(rig.fake.requests[0]!.firstFrame).toEqual(rig.fake.requests[0]!.lastFrame);
    await rig.app.dispose();
  });
});

describe("extend: limits and refusals", () => {
  const rate = RATES.fps25;
  const seq = snapshotBuilder(rate).track([{ at: 100, len: 100, name: "A.mov", selected: true }]).build();

  it("clamps to the model's longest clip and says so before anything is spent", async () => {
    const rig = await growRig(seq);
    const { preview } = await rig.app.runShots({ ...extend("tail", 1000), mode: "dry-run" });
    expect(preview.items[0]!.generationSeconds).toBe(8);
    expect(preview.warnings.join(" ")).toMatch(/at most 8 s: extending by 198 frames, not 1000/);
    expect(preview.estimate.usd).toBeCloseTo(1.6);
    expect(rig.fake.calls.create).toBe(0);
    await rig.app.dispose();
  });

  it("refuses a text-only model with the models that can", async () => {
    const rig = await growRig(seq);
    await expect(rig.app.previewShots({ ...extend("tail", 24), model: "t2v" })).rejects.toThrow(/Text only cannot start from a given frame.*Models that can: Veo-like, Cheap 480p, Kling-like\./);
    await expect(rig.app.previewShots({ ...extend("head", 24), model: "cheap" })).rejects.toThrow(/Cheap 480p cannot end on a given frame.*Models that can: Veo-like, Kling-like\./);
    await rig.app.dispose();
  });
});

describe("extend as a draft", () => {
  it("drafts an extension with a slate: nothing sent to a paid provider, no frame exported", async () => {
    const rate = RATES.fps25;
    const f = (n: number) => framesToTicks(n, rate);
    const rig = await growRig(snapshotBuilder(rate).track([{ at: 0, len: 100, name: "A.mov", selected: true }]).build());
    const { requestId, preview } = await rig.app.runShots({ ...extend("tail", 50), mode: "draft" });
    expect(preview.estimate.takes).toBe(1);
    await settle(rig, requestId);
    const [c] = cutawayClips(await rig.host.snapshot());
    expect(c).toMatchObject({ start: f(100), end: f(150), trackIndex: 1 });
    expect(c!.provenance!.backend).toBe("slate");
    expect(rig.fake.calls.create).toBe(0);
    expect(rig.backends.get("slate")!.calls.create).toBe(1);
    expect(rig.exported).toEqual([]);
    await expect(rig.app.previewShots({ kind: "conform", scope: "sequence", backend: "slate", model: "m", takes: 1, mode: "generate" })).rejects.toThrow(/pick a model other than slates/);
    await rig.app.dispose();
  });
});

describe("bridge", () => {
  it("fills the gap from A's last frame to B's first frame, and names the models that can", async () => {
    const rate = RATES.fps23_976;
    const f = (n: number) => framesToTicks(n, rate);
    const rig = await growRig(snapshotBuilder(rate).track([{ at: 0, len: 100, name: "A.mov" }, { at: 196, len: 100, name: "B.mov" }]).playhead(150).build());
    const before = await rig.host.snapshot();
    const preview = await rig.app.previewShots({ kind: "bridge", scope: "playhead", backend: "fake", model: "veo", takes: 1, mode: "generate" });
    expect(preview.capableModels.map((m) => m.label)).toEqual(["Veo-like", "Kling-like"]);
    // 96 frames and the pinned one are just over 4 s: a 6 s clip, cut before it reaches B's frame
    expect(preview.items[0]!.generationSeconds).toBe(6);
    expect(preview.items[0]!.note).toMatch(/cut into “B.mov” comes before the shot reaches its first frame/);
    const { requestId } = await rig.app.runShots({ kind: "bridge", scope: "playhead", backend: "fake", model: "veo", takes: 1, mode: "generate", placement: "all-at-once" }, { confirmed: true });
    await settle(rig, requestId);
    const after = await rig.host.snapshot();
    expectUntouched(before, after);
    expect(rig.exported).toEqual([f(99), f(196)]);
    expect(rig.fake.requests[0]!.firstFrame).toBeDefined();
    expect(rig.fake.requests[0]!.lastFrame).toBeDefined();
    expect(cutawayClips(after)[0]).toMatchObject({ trackIndex: 1, start: f(100), end: f(196) });
    await rig.app.dispose();
  });

  it("refuses a model that cannot end on a frame", async () => {
    const rig = await growRig(snapshotBuilder(RATES.fps25).track([{ at: 0, len: 100 }, { at: 150, len: 100 }]).playhead(120).build());
    await expect(rig.app.previewShots({ kind: "bridge", scope: "all", backend: "fake", model: "cheap", takes: 1, mode: "generate" })).rejects.toThrow(/Cheap 480p cannot start on one frame and end on another/);
    await rig.app.dispose();
  });
});

describe("conform a mixed run", () => {
  const rate = RATES.fps25;
  const mixed = (w = 1920, h = 1080) =>
    snapshotBuilder(rate)
      .frameSize(w, h)
      .track([
        { at: 0, len: 50, name: "Interview.mov" },
        { at: 50, len: 40, name: "Slate 1", media: "/m/s1.png", provenance: prov({ jobId: "s1", seed: 11 }) },
        { at: 90, len: 40, name: "Slate 2", media: "/m/s2.png", provenance: prov({ jobId: "s2" }) },
        { at: 130, len: 40, name: "Slate 3", media: "/m/s3.png", provenance: prov({ jobId: "s3" }) },
        { at: 170, len: 30, name: "Board 1", media: "/m/b1.png", provenance: prov({ backend: "storyboard", model: "img", slate: false, jobId: "b1" }) },
        { at: 200, len: 30, name: "Board 2", media: "/m/b2.png", provenance: prov({ backend: "storyboard", model: "img", slate: false, jobId: "b2" }) },
        { at: 230, len: 60, name: "Final shot", media: "/m/final.mp4", provenance: prov({ backend: "fake", model: "veo", slate: false, jobId: "f1" }) },
      ])
      .build();
  const conform: ShotRequest = { kind: "conform", scope: "sequence", backend: "fake", model: "veo", takes: 1, mode: "generate", placement: "all-at-once" };

  it("shows the cost first, skips the final, and lands finals above the drafts, which stay below disabled", async () => {
    const rig = await growRig(mixed());
    const before = await rig.host.snapshot();
    const dry = await rig.app.runShots({ ...conform, mode: "dry-run" });
    expect(dry.preview.items.map((i) => i.replaces)).toEqual(["Slate 1", "Slate 2", "Slate 3", "Board 1", "Board 2"]);
    expect(dry.preview.skipped).toEqual([{ name: "Final shot", reason: "Already final on Veo-like." }]);
    expect(dry.preview.estimate.usd).toBeCloseTo(5 * 4 * 0.2);
    expect(rig.fake.calls.create).toBe(0);

    const { requestId } = await rig.app.runShots(conform, { confirmed: true });
    await settle(rig, requestId);
    const after = await rig.host.snapshot();
    const drafts = before.videoTracks[0]!.clips.filter((c) => c.provenance && c.name !== "Final shot");
    expectUntouched(before, after, new Set(drafts.map((c) => c.id)));
    const finals = after.videoTracks[1]!.clips;
    expect(finals.map((c) => [c.start, c.end])).toEqual(drafts.map((c) => [c.start, c.end]));
    expect(finals.every((c) => c.provenance?.model === "veo" && c.provenance.prompt === "gulls over the harbour wall")).toBe(true);
    // the seed a draft was made with is carried to its final; the others get their own
    expect(rig.fake.requests.filter((r) => r.seed === 11)).toHaveLength(1);
    expect(rig.sim.core.undoStack.at(-1)!.name).toBe("Cutaway: conform 5 drafts");
    // a second conform finds nothing left to do
    await expect(rig.app.previewShots(conform)).rejects.toThrow(/Nothing to conform: all 6 shots are final already/);
    await rig.app.dispose();
  });

  it("a draft made without words is not sent to a paid model: the editor is asked for a prompt first", async () => {
    const seq = snapshotBuilder(rate).track([{ at: 0, len: 50, name: "Slate 1", media: "/m/s1.png", provenance: prov({ jobId: "s1", prompt: "" }) }]).build();
    const rig = await growRig(seq);
    const preview = await rig.app.previewShots(conform);
    expect(preview.items.map((i) => i.needsPrompt)).toEqual([true]);
    await expect(rig.app.runShots(conform, { confirmed: true })).rejects.toThrow(/Nothing says what shot 1 .* should show.*Nothing was sent/);
    expect(rig.fake.calls.create).toBe(0);
    await rig.app.dispose();
  });

  it("on a 4K sequence says per shot that the model tops out lower, and still runs", async () => {
    const rig = await growRig(mixed(3840, 2160));
    const preview = await rig.app.previewShots(conform);
    expect(preview.items).toHaveLength(5);
    expect(preview.items.every((i) => i.note === "Veo-like tops out at 1080p; this 2160p sequence will show it scaled up.")).toBe(true);
    await expect(rig.app.previewShots({ ...conform, resolution: 2160 })).rejects.toThrow(/does not render 2160p; it offers 720p, 1080p/);
    await rig.app.dispose();
  });

  it("counts shots from a cheaper, lower-resolution model as drafts", async () => {
    const seq = snapshotBuilder(rate).track([{ at: 0, len: 50, name: "Cheap shot", media: "/m/c.mp4", provenance: prov({ backend: "fake", model: "cheap", slate: false, jobId: "c1" }) }]).build();
    const rig = await growRig(seq);
    const preview = await rig.app.previewShots(conform);
    expect(preview.items.map((i) => i.replaces)).toEqual(["Cheap shot"]);
    await rig.app.dispose();
  });
});

describe("conform keeps the frames a draft was made with", () => {
  it("a cheap draft made from the neighbouring frame is conformed from the same frame file", async () => {
    const rate = RATES.fps25;
    const rig = await growRig(snapshotBuilder(rate).track([{ at: 0, len: 100, name: "A.mov" }, { at: 150, len: 100, name: "B.mov" }]).build());
    const draft = await rig.app.run({ kind: "fill-gaps", scope: "all-gaps", prompt: "boats at dawn", stylePreset: "none", backend: "fake", model: "cheap", takes: 1, continuity: true, placement: "all-at-once", mode: "generate" }, { confirmed: true });
    await settle(rig, draft.requestId);
    const made = rig.app.engine.list().find((j) => j.requestId === draft.requestId)!;
    expect(made.request.firstFramePath).toBeDefined();
    const { requestId, preview } = await rig.app.runShots({ kind: "conform", scope: "sequence", backend: "fake", model: "veo", takes: 1, mode: "generate", placement: "all-at-once" }, { confirmed: true });
    expect(preview.items.map((i) => i.replaces)).toEqual([expect.stringMatching(/^Cutaway 001/)]);
    await settle(rig, requestId);
    const final = rig.app.engine.list().find((j) => j.requestId === requestId)!;
    expect(final.request.firstFramePath).toBe(made.request.firstFramePath);
    expect(final.request.prompt).toBe("boats at dawn");
    expect(rig.exported).toHaveLength(1); // the draft's export, not a second one
    await rig.app.dispose();
  });
});

describe("take stacks across models", () => {
  it("makes a take per model, each with its model and cost, and swaps the take in one undo step", async () => {
    const rate = RATES.fps25;
    const rig = await growRig(snapshotBuilder(rate).track([{ at: 0, len: 100, name: "A.mov", selected: true }]).build());
    const req: ShotRequest = { ...extend("tail", 50), takeModels: [{ backend: "fake", model: "veo" }, { backend: "other", model: "k" }] };
    const { requestId, preview } = await rig.app.runShots(req, { confirmed: true });
    expect(preview.estimate.takes).toBe(2);
    expect(preview.estimate.summary).toMatch(/on Veo-like \+ Kling-like/);
    await settle(rig, requestId);
    const placed = cutawayClips(await rig.host.snapshot());
    expect(placed).toHaveLength(1);
    const takes = rig.app.takesForClip(rig.app.getState().jobs.find((j) => j.take === 1)!.placedClipId);
    expect(takes.map((t) => [t.take, t.backend, t.model, t.active, t.canUse])).toEqual([
      [1, "fake", "veo", true, false],
      [2, "other", "k", false, true],
    ]);
    expect(takes.every((t) => t.costUsd > 0)).toBe(true);
    expect(rig.other.requests[0]!.durationSeconds).toBe(5); // its own shortest clip that covers the trim
    // both takes are in the bin, named by model
    const bin = rig.sim.core.state.items.find((i) => i.kind === "bin" && i.name === "Cutaway")!;
    const names = rig.sim.core.state.items.filter((i) => i.parentId === bin.id).map((i) => i.name);
    expect(names.some((n) => n.includes("[Kling-like]"))).toBe(true);

    await rig.app.useTake(takes[1]!.jobId);
    const after = cutawayClips(await rig.host.snapshot());
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ start: placed[0]!.start, end: placed[0]!.end });
    expect(after[0]!.provenance).toMatchObject({ backend: "other", model: "k", take: 2 });
    expect(rig.sim.core.undoStack.at(-1)!.name).toBe("Cutaway: use take 2");
    expect(rig.app.takesForClip(placed[0]!.id).find((t) => t.take === 2)!.active).toBe(true);
    await rig.app.dispose();
  });
});
