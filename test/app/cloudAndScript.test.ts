/**
 * Use cases through the real backends: fal.ai on the loopback fake provider (continuity frames as
 * reference images), script to rough cut through the script service, B-roll under transcript words.
 */
import type { GenerateRequest } from "../../src/app/api";
import { createScriptService } from "../../src/app/scriptService";
import { framesToTicks, snapToFrame, ticksFromSeconds } from "../../src/core/time";
import { demoSequence } from "../../src/host/sim/demoSequence";
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
  mode = new FalMode(fakeMp4(32 * 1024, 9));
  mode.queuedPolls = 1;
  server = await new FakeServer([mode]).start();
});
afterEach(() => server.stop());

function rig(): Promise<CloudRig> {
  return cloudRig(demoSequence(), { only: ["slate", "fal"], baseUrls: { fal: server.baseUrl }, keys: { fal: "fal-key-for-tests" }, script: createScriptService(fetch) });
}

const settle = settlePlaced;

const fill: GenerateRequest = { kind: "fill-gaps", scope: "all-gaps", prompt: "harbour at dawn", stylePreset: "none", backend: "fal", model: "fal-ai/veo3.1/fast", takes: 1, continuity: true, placement: "all-at-once", mode: "generate" };

test("fill gaps on fal: the frame before and after each gap is exported and sent as first and last frame", async () => {
  const r = await rig();
  const before = await r.host.snapshot();
  const { requestId, preview } = await r.app.run(fill, { confirmed: true });
  await settle(r.app, requestId);
  const after = await r.host.snapshot();
  expectUntouched(before, after);
  const placed = after.videoTracks.flatMap((t) => t.clips).filter((c) => c.provenance);
  expect(placed).toHaveLength(preview.items.length);
  const frame = framesToTicks(1, after.rate);
  for (const c of placed) {
    expect(r.exported).toContain(c.start - frame);
    if (c.end < before.end) expect(r.exported).toContain(c.end);
    expect(c.provenance).toMatchObject({ backend: "fal", model: "fal-ai/veo3.1/fast", prompt: expect.stringContaining("harbour at dawn"), slate: false });
    expect(c.provenance!.jobId.startsWith(requestId)).toBe(true);
  }
  const inputs = [...mode.jobs.values()];
  expect(inputs).toHaveLength(preview.items.length);
  for (const j of inputs) {
    expect(j.endpoint).toBe("fal-ai/veo3.1/fast/first-last-frame-to-video");
    expect(String((j.input as Record<string, unknown>)["first_frame_url"])).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
  }
  await r.app.dispose();
});

test("continuity off: nothing is exported and the text-to-video endpoint is used", async () => {
  const r = await rig();
  const { requestId } = await r.app.run({ ...fill, continuity: false, scope: "playhead" }, { confirmed: true });
  await settle(r.app, requestId);
  expect(r.exported).toEqual([]);
  const endpoints = [...mode.jobs.values()].map((j) => j.endpoint);
  expect(endpoints.length).toBeGreaterThan(0);
  expect(new Set(endpoints)).toEqual(new Set(["fal-ai/veo3.1/fast"]));
  await r.app.dispose();
});

const SCRIPT = `Title: Last Light

INT. LIGHTHOUSE - NIGHT

ELENA (70s, silver braid) polishes the great lens.

TOMAS
They switch it off at midnight.

EXT. CLIFF - DAWN

The great beam goes dark over the black water below.
`;

test("script to rough cut: a new sequence named after the script, shots end to end with their durations, drafted as slates", async () => {
  const r = await rig();
  const breakdown = await r.app.breakdownScript(SCRIPT, { stylePreset: "cinematic 35mm" });
  expect(breakdown.title).toBe("Last Light");
  const shots = breakdown.shots.map((s, i) => (i === 1 ? { ...s, prompt: "Close on weathered hands polishing brass" } : s));
  const { requestId } = await r.app.run({ ...fill, kind: "script-to-cut", scope: "script", shots, destination: "new-sequence", sequenceName: breakdown.title!, backend: "slate", model: "slate", mode: "draft", continuity: false }, { confirmed: true });
  await settle(r.app, requestId);
  const seq = await r.host.snapshot();
  expect(seq.name).toBe("Last Light");
  const clips = seq.videoTracks.flatMap((t) => t.clips).sort((a, b) => (a.start < b.start ? -1 : 1));
  expect(clips).toHaveLength(shots.length);
  expect(clips[0]!.start).toBe(0n);
  for (let i = 1; i < clips.length; i++) expect(clips[i]!.start).toBe(clips[i - 1]!.end);
  const secs = (c: (typeof clips)[number]) => Number(c.end - c.start) / 254_016_000_000;
  // ten words at 2.5 a second (a "(4s)" in action would be an age, never a duration: issue 14)
  expect(secs(clips.at(-1)!)).toBeCloseTo(4, 1);
  expect(clips.every((c) => c.provenance?.slate === true)).toBe(true);
  // the editor's words first; the bible (seeded by the breakdown) adds the description of who is in the shot
  expect(clips[1]!.provenance!.prompt).toBe("Close on weathered hands polishing brass. Elena: 70s, silver braid.");
  // the editor's original sequence is still there, untouched
  expect(r.sim.core.state.sequences.map((s) => s.name)).toEqual(expect.arrayContaining(["Last Light", demoSequence().name]));
  await r.app.dispose();
});

test("the shot list, the cost line and what lands agree: an age is not a duration and a long speech is several one-clip shots (issue 14 item 1)", async () => {
  const r = await rig();
  const speech = Array.from({ length: 50 }, (_, i) => `word${i}`).join(" ");
  const b = await r.app.breakdownScript(`INT. GARAGE - DAY\n\nTOMAS (60s) waits by the van.\n\nTOMAS (60s)\n${speech}.\n`, { stylePreset: "none" });
  expect(b.shots.every((s) => s.durationSeconds <= 8)).toBe(true);
  const preview = await r.app.preview({ ...fill, kind: "script-to-cut", scope: "script", shots: [...b.shots], destination: "new-sequence", sequenceName: "Garage", continuity: false });
  expect(preview.items).toHaveLength(b.shots.length);
  expect(preview.estimate.summary).toMatch(new RegExp(`^${b.shots.length} shots × 1 take`));
  await r.app.dispose();
});

test("B-roll under transcript words lands on the words' time ranges, above the picture", async () => {
  const r = await rig();
  const srt = "1\n00:00:12,000 --> 00:00:15,500\nHer name is Anna.\n\n2\n00:00:20,000 --> 00:00:23,500\nThe boats went out before dawn.\n\n3\n00:00:40,000 --> 00:00:44,000\nNobody fishes here now.\n";
  const words = await r.app.breakdownScript(srt, { stylePreset: "documentary handheld" });
  expect(words.shots.map((s) => s.sourceRange)).toEqual([{ startSeconds: 12, endSeconds: 15.5 }, { startSeconds: 20, endSeconds: 23.5 }, { startSeconds: 40, endSeconds: 44 }]);
  const before = await r.host.snapshot();
  const { requestId, preview } = await r.app.run({ ...fill, kind: "broll", scope: "script", shots: words.shots, backend: "slate", model: "slate", mode: "draft", continuity: false }, { confirmed: true });
  // the first stretch sits under the lower third: refused with a reason, never placed over the title
  expect(preview.warnings).toEqual(["No free track between the picture and the title on V2; free a track below the title and try again."]);
  await settle(r.app, requestId);
  const after = await r.host.snapshot();
  expectUntouched(before, after);
  const placed = after.videoTracks.flatMap((t) => t.clips).filter((c) => c.provenance).sort((a, b) => (a.start < b.start ? -1 : 1));
  const at = (seconds: number) => snapToFrame(ticksFromSeconds(seconds), after.rate, "nearest");
  expect(placed.map((c) => [c.start, c.end])).toEqual([
    [at(20), at(23.5)],
    [at(40), at(44)],
  ]);
  for (const c of placed) {
    const under = before.videoTracks.flatMap((t) => t.clips).filter((x) => x.start < c.end && x.end > c.start && x.mediaKind !== "graphic" && x.mediaKind !== "title");
    expect(c.trackIndex).toBeGreaterThan(Math.max(...under.map((x) => x.trackIndex)));
  }
  await r.app.dispose();
});

test("an image-to-video-only model is refused before spending unless continuity gives it a frame", async () => {
  const r = await rig();
  const kling = { ...fill, model: "fal-ai/kling-video/v4", scope: "playhead" as const };
  await expect(r.app.preview({ ...kling, continuity: false })).rejects.toThrow(/starts from a reference frame: turn on Continuity/);
  expect((await r.app.preview(kling)).estimate.shots).toBeGreaterThan(0);
  const fal = r.app.getState().providers.find((p) => p.id === "fal")!;
  expect(fal.models[0]!.textToVideo).toBe(true);
  expect(fal.models.find((m) => m.id === "fal-ai/kling-video/v4")).toMatchObject({ textToVideo: false, imageToVideo: true });
  expect(server.count("fal.submit")).toBe(0);
  await r.app.dispose();
});

test("marker notes become timed shots that land under their markers", async () => {
  const r = await rig();
  const before = await r.host.snapshot();
  const srt = await r.app.scriptFromMarkers();
  expect(srt).toContain("Drone: Drone shot rising over the harbour wall");
  const b = await r.app.breakdownScript(srt, { stylePreset: "drone aerial" });
  expect(b.format).toBe("transcript");
  expect(b.shots.map((s) => s.text)).toEqual(["Drone: Drone shot rising over the harbour wall", "B-roll: Fishing boats unloading at first light", "Market: Old town market, stalls opening, warm light"]);
  const boats = before.markers.find((m) => m.name === "B-roll")!;
  const shot = b.shots[1]!;
  expect(shot.prompt).toMatch(/Fishing boats unloading/);
  const { requestId } = await r.app.run({ ...fill, kind: "broll", scope: "script", shots: [shot], backend: "slate", model: "slate", mode: "draft", continuity: false }, { confirmed: true });
  await settle(r.app, requestId);
  const after = await r.host.snapshot();
  const placed = after.videoTracks.flatMap((t) => t.clips).filter((c) => c.provenance);
  expect(placed.map((c) => [c.start, c.end])).toEqual([[boats.start, boats.start + boats.duration]]);
  await r.app.dispose();
});
