/**
 * Extend, bridge, conform and takes across models through the real fal backend on the loopback fake
 * provider at 23.976, 25, 29.97 DF and 59.94: the frames reach the right endpoint and fields, finals
 * land above their drafts.
 */
import type { ShotRequest } from "../../src/app/api";
import { framesToTicks, RATES, ticksFromSeconds, type FrameRate } from "../../src/core/time";
import { snapshotBuilder, type SequenceSnapshot } from "../../src/core/timeline";
import { FalMode } from "../fake/falMode";
import { FakeServer } from "../fake/server";
import { expectUntouched } from "../host/helpers";
import { fakeMp4 } from "../support/media";
import { settlePlaced } from "./appRig";
import { cloudRig, type CloudRig } from "./cloudRig";

jest.setTimeout(30_000);

let server: FakeServer;
let mode: FalMode;
beforeEach(async () => {
  mode = new FalMode(fakeMp4(16 * 1024, 3));
  mode.queuedPolls = 1;
  server = await new FakeServer([mode]).start();
});
afterEach(() => server.stop());

async function rig(seq: SequenceSnapshot, only: string[] = ["slate", "fal"]): Promise<CloudRig> {
  const r = await cloudRig(seq, { only, baseUrls: { fal: server.baseUrl }, keys: { fal: "fal-key-for-tests" } });
  await r.app.saveSettings({ confirmAboveUsd: 100 });
  return r;
}

const rate = RATES.fps23_976;
const f = (n: number) => framesToTicks(n, rate);
const base = { backend: "fal", model: "fal-ai/veo3.1/fast", takes: 1, mode: "generate", placement: "all-at-once" } as const;
const inputOf = (i: number) => mode.jobs.get(`req-${i}`)!.input as Record<string, unknown>;

test("a bridge on fal goes to the first+last-frame endpoint with A's last and B's first frame", async () => {
  const r = await rig(snapshotBuilder(rate).track([{ at: 0, len: 100, name: "A.mov" }, { at: 196, len: 100, name: "B.mov" }]).playhead(150).build());
  const before = await r.host.snapshot();
  const preview = await r.app.previewShots({ ...base, kind: "bridge", scope: "playhead" });
  expect(preview.capableModels.map((m) => m.model)).toEqual(expect.arrayContaining(["fal-ai/veo3.1/fast", "fal-ai/veo3.1", "fal-ai/kling-video/v4"]));
  const { requestId } = await r.app.runShots({ ...base, kind: "bridge", scope: "playhead" }, { confirmed: true });
  await settlePlaced(r.app, requestId);
  expect(mode.jobs.get("req-1")!.endpoint).toBe("fal-ai/veo3.1/fast/first-last-frame-to-video");
  expect(inputOf(1)["first_frame_url"]).toMatch(/^data:image\/png;base64,/);
  expect(inputOf(1)["last_frame_url"]).toMatch(/^data:image\/png;base64,/);
  expect(r.exported).toEqual([f(99), f(196)]);
  const after = await r.host.snapshot();
  expectUntouched(before, after);
  expect(after.videoTracks[1]!.clips.map((c) => [c.start, c.end])).toEqual([[f(100), f(196)]]);
  await r.app.dispose();
});

test("slates drafted on the cut are conformed to fal in place; a second take from another fal model swaps in one step", async () => {
  const r = await rig(snapshotBuilder(rate).track([{ at: 0, len: 48, name: "A.mov" }, { at: 96, len: 48, name: "B.mov" }, { at: 192, len: 48, name: "C.mov" }]).build());
  const draft = await r.app.run({ kind: "fill-gaps", scope: "all-gaps", prompt: "harbour at dawn", stylePreset: "none", backend: "fal", model: "x", takes: 1, continuity: false, placement: "all-at-once", mode: "draft" }, { confirmed: true });
  await settlePlaced(r.app, draft.requestId);
  const drafted = await r.host.snapshot();
  const slates = drafted.videoTracks.flatMap((t) => t.clips).filter((c) => c.provenance?.slate);
  expect(slates).toHaveLength(2);
  const conform: ShotRequest = { ...base, kind: "conform", scope: "sequence", takeModels: [{ backend: "fal", model: "fal-ai/veo3.1/fast" }, { backend: "fal", model: "fal-ai/wan/v2.7" }] };
  const dry = await r.app.runShots({ ...conform, mode: "dry-run" });
  expect(dry.preview.estimate.summary).toMatch(/2 shots × 2 takes.*Veo 3.1 Fast \(fal\.ai\) \+ Wan 2\.7/);
  expect(mode.jobs.size).toBe(0);
  const { requestId } = await r.app.runShots(conform, { confirmed: true });
  await settlePlaced(r.app, requestId);
  const after = await r.host.snapshot();
  expectUntouched(drafted, after, new Set(slates.map((s) => s.id)));
  const finals = after.videoTracks.flatMap((t) => t.clips).filter((c) => c.enabled && c.provenance && !c.provenance.slate);
  // each final sits right above its own draft
  expect(finals.map((c) => c.trackIndex)).toEqual(slates.map((c) => c.trackIndex + 1));
  expect(finals.map((c) => [c.start, c.end])).toEqual(slates.map((c) => [c.start, c.end]));
  // each final keeps its own draft's prompt (two gaps drafted from one typed prompt vary their framing)
  expect(slates.every((c) => c.provenance?.prompt?.includes("harbour at dawn"))).toBe(true);
  expect(finals.map((c) => [c.provenance?.prompt, c.provenance?.model])).toEqual(slates.map((c) => [c.provenance?.prompt, "fal-ai/veo3.1/fast"]));
  const takes = r.app.takesForClip(finals[0]!.id);
  expect(takes.map((t) => t.model)).toEqual(["fal-ai/veo3.1/fast", "fal-ai/wan/v2.7"]);
  await r.app.useTake(takes[1]!.jobId);
  const swapped = (await r.host.snapshot()).videoTracks[finals[0]!.trackIndex]!.clips.find((c) => c.start === finals[0]!.start)!;
  expect(swapped.provenance?.model).toBe("fal-ai/wan/v2.7");
  expect([swapped.start, swapped.end]).toEqual([finals[0]!.start, finals[0]!.end]);
  expect(r.sim.core.undoStack.at(-1)!.name).toBe("Cutaway: use take 2");
  await r.app.dispose();
});

test("the plan names Veo 3.1's own scene extension and its limits, and extends from the frame instead", async () => {
  const r = await rig(snapshotBuilder(rate).track([{ at: 0, len: 100, name: "A.mov", selected: true }]).build(), ["slate", "veo"]);
  const preview = await r.app.previewShots({ ...base, backend: "veo", model: "veo-3.1-fast-generate-preview", kind: "extend", edge: "tail", frames: 24 });
  expect(preview.warnings.join(" ")).toMatch(/Veo 3\.1 Fast \(Google\) also has its own scene extension \(\+7 s per call, tail only/);
  expect(preview.items).toHaveLength(1);
  await r.app.dispose();
});

const RATES_TO_TEST: [string, FrameRate][] = [
  ["23.976", RATES.fps23_976],
  ["25", RATES.fps25],
  ["29.97 DF", RATES.fps29_97],
  ["59.94", RATES.fps59_94],
];

describe.each(RATES_TO_TEST)("extend on fal at %s", (_label, rate) => {
  const f = (n: number) => framesToTicks(n, rate);
  it("extend a tail on fal starts from the clip's last frame on the image-to-video endpoint", async () => {
    const r = await rig(snapshotBuilder(rate).track([{ at: 0, len: 100, name: "A.mov", selected: true }]).build());
    const req: ShotRequest = { ...base, kind: "extend", edge: "tail", frames: 72 };
    const { requestId } = await r.app.runShots(req, { confirmed: true });
    await settlePlaced(r.app, requestId);
    expect(mode.jobs.get("req-1")!.endpoint).toBe("fal-ai/veo3.1/fast/image-to-video");
    expect(inputOf(1)["duration"]).toBe("4s");
    expect(r.exported).toEqual([f(99)]);
    const c = (await r.host.snapshot()).videoTracks[1]!.clips[0]!;
    // the pinned frame skipped is one frame of fal's 24 fps media, whatever the sequence rate
    expect([c.start, c.end, c.inPoint]).toEqual([f(100), f(172), ticksFromSeconds(1) / 24n]);
    await r.app.dispose();
  });

  it("extend a head on fal ends (and starts) on the clip's first frame on the first+last-frame endpoint", async () => {
    const r = await rig(snapshotBuilder(rate).track([{ at: 100, len: 100, name: "A.mov", selected: true }]).build());
    const { requestId } = await r.app.runShots({ ...base, kind: "extend", edge: "head", frames: 24 }, { confirmed: true });
    await settlePlaced(r.app, requestId);
    expect(mode.jobs.get("req-1")!.endpoint).toBe("fal-ai/veo3.1/fast/first-last-frame-to-video");
    expect(inputOf(1)["first_frame_url"]).toBe(inputOf(1)["last_frame_url"]);
    expect(r.exported).toEqual([f(100)]);
    const c = (await r.host.snapshot()).videoTracks[1]!.clips[0]!;
    expect([c.start, c.end]).toEqual([f(76), f(100)]);
    await r.app.dispose();
  });
});
