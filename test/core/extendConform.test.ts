import fc from "fast-check";
import { bridgeCapable, extendTarget, findBridges, findDrafts, modelKey, pickExtendClip, pinnedFrameTicks, pinnedPlacement, type ConformFinal } from "../../src/core/analysis";
import { planPlacements, type GenerationLimits } from "../../src/core/plan";
import { framesToTicks, RATES, ticksFromSeconds, ticksToFrames, ticksToTimecode, type FrameRate } from "../../src/core/time";
import { snapshotBuilder, type Provenance } from "../../src/core/timeline";

const limits: GenerationLimits = { durationsSeconds: [4, 6, 8], aspects: ["16:9"], sizes: [{ width: 1280, height: 720, aspect: "16:9" }], fps: 24, maxPromptChars: 500 };
const prov = (over: Partial<Provenance> = {}): Provenance => ({ prompt: "gulls over the harbour", backend: "fake", model: "m", jobId: "j1", createdAt: "2026-12-01T10:00:00.000Z", slate: false, ...over });

const RATE_CASES: [string, FrameRate, string][] = [
  ["23.976", RATES.fps23_976, ":"],
  ["25", RATES.fps25, ":"],
  ["29.97 DF", RATES.fps29_97, ";"],
  ["59.94", RATES.fps59_94, ";"],
];

describe.each(RATE_CASES)("extend at %s", (_label, rate, sep) => {
  const f = (n: number) => framesToTicks(n, rate);
  // A on V1 at 1 min (a drop-frame minute boundary), a clip on V2 right after A's tail, V3 empty
  const seq = snapshotBuilder(rate)
    .track([{ at: 1800, len: 200, name: "A", selected: true }, { at: 2300, len: 100, name: "B" }])
    .track([{ at: 2000, len: 30, name: "title over the tail" }])
    .track([])
    .playhead(2000)
    .build();

  it("tail: N frames from A's last frame, edge to edge, on the lowest track free over the whole range", () => {
    const ext = extendTarget(seq, { edge: "tail", frames: 48, maxSeconds: 8 });
    expect(ext.clip.name).toBe("A");
    expect(ext.target.range).toEqual({ start: f(2000), end: f(2048) });
    expect(ticksToFrames(ext.target.range.end - ext.target.range.start, rate)).toBe(48n);
    expect(ext.pin).toEqual({ role: "first", at: f(1999) });
    const [p] = planPlacements(seq, [ext.target], limits).placements;
    expect(p!.trackIndex).toBe(2); // V2 holds a clip inside the range: V3
    expect(ticksToTimecode(p!.range.start, rate)).toContain(sep);
  });

  it("head: N frames ending on A's first frame; lands on V2 where it is free", () => {
    const ext = extendTarget(seq, { edge: "head", frames: 30, maxSeconds: 8 });
    expect(ext.target.range).toEqual({ start: f(1770), end: f(1800) });
    expect(ext.pin).toEqual({ role: "last", at: f(1800) });
    const [p] = planPlacements(seq, [ext.target], limits).placements;
    expect(p!.trackIndex).toBe(1);
  });

  it("clamps to the longest clip the model makes, less the pinned frame", () => {
    const ext = extendTarget(seq, { edge: "tail", frames: 10_000, maxSeconds: 8, mediaFps: limits.fps });
    expect(ext.clampedBy).toBe("model");
    // the pinned frame is one 24 fps frame of the generated media, whatever the sequence rate
    expect(ext.frames).toBe(ticksToFrames(ticksFromSeconds(8) - pinnedFrameTicks(seq, 24), rate));
    const planned = planPlacements(seq, [ext.target], limits).placements;
    expect(planned).toHaveLength(1); // never split: one generated shot
    const pinned = pinnedPlacement(planned[0]!, ext.pin.role, seq, limits)!;
    expect(pinned.generationSeconds).toBe(8);
    expect(pinned.sourceIn).toBe(pinnedFrameTicks(seq, 24));
    expect(pinned.sourceOut - pinned.sourceIn).toBe(ext.target.range.end - ext.target.range.start);
    expect(pinned.sourceOut).toBeLessThanOrEqual(ticksFromSeconds(8));
  });

  it("a head shot uses the generated clip's last frames, never its pinned last frame", () => {
    const ext = extendTarget(seq, { edge: "head", frames: 24, maxSeconds: 8, mediaFps: limits.fps });
    const pinned = pinnedPlacement(planPlacements(seq, [ext.target], limits).placements[0]!, ext.pin.role, seq, limits)!;
    expect(pinned.sourceOut).toBe(ticksFromSeconds(pinned.generationSeconds) - pinnedFrameTicks(seq, 24));
    expect(pinned.sourceOut - pinned.sourceIn).toBe(f(24));
  });
});

describe("extend: which clip, and limits", () => {
  const r = RATES.fps25;
  const f = (n: number) => framesToTicks(n, r);
  it("without a selection, takes the clip whose edge is nearest the playhead", () => {
    const seq = snapshotBuilder(r).track([{ at: 0, len: 100, name: "A" }, { at: 150, len: 100, name: "B" }]).playhead(140).build();
    expect(pickExtendClip(seq, "tail")!.name).toBe("A");
    expect(pickExtendClip(seq, "head")!.name).toBe("B");
  });
  it("names the editor's clips the extension will play over", () => {
    const seq = snapshotBuilder(r).track([{ at: 0, len: 100, name: "A", selected: true }, { at: 100, len: 50, name: "B" }]).build();
    expect(extendTarget(seq, { edge: "tail", frames: 24, maxSeconds: 8 }).covers.map((c) => c.name)).toEqual(["B"]);
    expect(extendTarget(seq, { edge: "head", frames: 24, maxSeconds: 8, clipId: "v1-2" }).covers.map((c) => c.name)).toEqual(["A"]);
  });

  it("a head extension at the sequence start is clamped to the time there is, and refused at 0", () => {
    const seq = snapshotBuilder(r).track([{ at: 10, len: 100, name: "A", selected: true }]).build();
    const ext = extendTarget(seq, { edge: "head", frames: 50, maxSeconds: 8 });
    expect(ext.frames).toBe(10n);
    expect(ext.clampedBy).toBe("sequence-start");
    const zero = snapshotBuilder(r).track([{ at: 0, len: 100, name: "A", selected: true }]).build();
    expect(() => extendTarget(zero, { edge: "head", frames: 5, maxSeconds: 8 })).toThrow(/no time before it/);
  });
  it("refuses zero frames and a missing clip with sentences", () => {
    const seq = snapshotBuilder(r).track([]).build();
    expect(() => extendTarget(seq, { edge: "tail", frames: 0, maxSeconds: 8 })).toThrow(/whole number of frames/);
    expect(() => extendTarget(seq, { edge: "tail", frames: 5, maxSeconds: 8 })).toThrow(/Select a clip/);
  });

  it("never lands over another clip, always edge to edge (property)", () => {
    const rates = [RATES.fps23_976, RATES.fps25, RATES.fps29_97, RATES.fps59_94];
    const clip = fc.record({ at: fc.integer({ min: 0, max: 600 }), len: fc.integer({ min: 1, max: 120 }) });
    fc.assert(
      fc.property(fc.constantFrom(...rates), fc.array(fc.array(clip, { maxLength: 5 }), { minLength: 1, maxLength: 4 }), fc.integer({ min: 1, max: 400 }), fc.constantFrom("head" as const, "tail" as const), (rate, tracks, frames, edge) => {
        const b = snapshotBuilder(rate);
        // clips of a track must not overlap: each starts a random gap after the previous one ends
        for (const t of tracks) {
          let cursor = 0;
          b.track(
            t.map((c) => {
              const at = cursor + (c.at % 60);
              cursor = at + c.len;
              return { at, len: c.len };
            }),
          );
        }
        const seq = b.playhead(200).build();
        if (!seq.videoTracks.some((t) => t.clips.length)) return true;
        let ext;
        try {
          ext = extendTarget(seq, { edge, frames, maxSeconds: 8 });
        } catch {
          return edge === "head"; // only a head at frame 0 is refused
        }
        const { range } = ext.target;
        const edgeOk = edge === "tail" ? range.start === ext.clip.end : range.end === ext.clip.start;
        const [p] = planPlacements(seq, [ext.target], limits).placements;
        const track = seq.videoTracks[p!.trackIndex];
        const free = !track || track.clips.every((c) => c.end <= range.start || c.start >= range.end);
        return edgeOk && p!.trackIndex > ext.clip.trackIndex && free && ticksToFrames(range.end - range.start, rate) === ext.frames;
      }),
      { numRuns: 300 },
    );
  });
});

describe("bridges", () => {
  const r = RATES.fps23_976;
  const f = (n: number) => framesToTicks(n, r);
  const seq = snapshotBuilder(r).track([{ at: 0, len: 100, name: "A" }, { at: 148, len: 100, name: "B" }, { at: 300, len: 10, name: "C" }]).playhead(120).build();

  it("a hole between A and B starts on A's last frame and ends on B's first", () => {
    const [b] = findBridges(seq, "playhead");
    expect(b!.before.name).toBe("A");
    expect(b!.after.name).toBe("B");
    expect(b!.target.range).toEqual({ start: f(100), end: f(148) });
    expect(b!.firstFrameAt).toBe(f(99));
    expect(b!.lastFrameAt).toBe(f(148));
    expect(findBridges(seq, "all").map((x) => x.after.name)).toEqual(["B", "C"]);
  });

  it("only models taking a first and a last frame at that length can bridge", () => {
    const models = [
      { id: "veo", label: "Veo 3.1", imageToVideo: true, lastFrame: true, durationsSeconds: [4, 6, 8], lastFrameDurationsSeconds: [8] },
      { id: "kling", label: "Kling", imageToVideo: true, lastFrame: true, durationsSeconds: [5, 10] },
      { id: "i2v", label: "First frame only", imageToVideo: true, lastFrame: false, durationsSeconds: [4, 8] },
      { id: "t2v", label: "Text only", imageToVideo: false, lastFrame: false, durationsSeconds: [4, 8] },
    ];
    expect(bridgeCapable(models, 2).map((m) => m.id)).toEqual(["veo", "kling"]);
    expect(bridgeCapable(models, 9).map((m) => m.id)).toEqual(["kling"]);
  });
});

describe("conform", () => {
  const r = RATES.fps25;
  const final: ConformFinal = { backend: "fal", model: "veo", modelLabel: "Veo 3.1", maxShortSide: 1080, seed: true };
  const run = snapshotBuilder(r)
    .frameSize(3840, 2160)
    .track([
      { at: 0, len: 50, name: "Interview.mov" },
      { at: 50, len: 40, name: "Slate 1", provenance: prov({ slate: true, backend: "slate", model: "slate", jobId: "s1", seed: 11 }), media: "/m/s1.png", kind: "still" },
      { at: 90, len: 40, name: "Slate 2", provenance: prov({ slate: true, backend: "slate", model: "slate", jobId: "s2" }), media: "/m/s2.png", kind: "still" },
      { at: 130, len: 40, name: "Slate 3", provenance: prov({ slate: true, backend: "slate", model: "slate", jobId: "s3" }), media: "/m/s3.png", kind: "still" },
      { at: 170, len: 30, name: "Board 1", provenance: prov({ backend: "storyboard", model: "img", jobId: "b1" }), media: "/m/b1.png", kind: "still" },
      { at: 200, len: 30, name: "Board 2", provenance: prov({ backend: "storyboard", model: "img", jobId: "b2" }), media: "/m/b2.png", kind: "still" },
      { at: 230, len: 60, name: "Final", provenance: prov({ backend: "fal", model: "veo", jobId: "f1" }) },
      { at: 290, len: 20, name: "Old draft", provenance: prov({ slate: true, backend: "slate", model: "slate", jobId: "s0" }), enabled: false },
      { at: 310, len: 45, name: "Cheap", provenance: prov({ backend: "fal", model: "wan-480p", jobId: "c1", seed: 5 }) },
    ])
    .build();

  it("finds 3 slates, 2 stills and a cheap shot, skips the final, ignores the editor's clips and replaced drafts", () => {
    const a = findDrafts(run, { scope: "sequence", final, draftModels: new Set([modelKey("fal", "wan-480p")]) });
    expect(a.drafts.map((d) => [d.clip.name, d.kind])).toEqual([
      ["Slate 1", "slate"],
      ["Slate 2", "slate"],
      ["Slate 3", "slate"],
      ["Board 1", "still"],
      ["Board 2", "still"],
      ["Cheap", "cheap"],
    ]);
    expect(a.skipped.map((x) => [x.clip.name, x.reason])).toEqual([["Final", "Already final on Veo 3.1."]]);
  });

  it("keeps each draft's exact range and spec, and says per shot when the model tops out below the 4K sequence", () => {
    const a = findDrafts(run, { scope: "sequence", final, draftModels: new Set() });
    const s1 = a.drafts[0]!;
    expect(s1.target.range).toEqual({ start: s1.clip.start, end: s1.clip.end });
    expect(s1.target.replacesClipId).toBe(s1.clip.id);
    expect(s1.spec).toMatchObject({ prompt: "gulls over the harbour", seed: 11, jobId: "s1" });
    expect(a.drafts.every((d) => d.note === "Veo 3.1 tops out at 1080p; this 2160p sequence will show it scaled up.")).toBe(true);
    const noSeed = findDrafts(run, { scope: "sequence", final: { ...final, seed: false, maxShortSide: 2160 }, draftModels: new Set() });
    expect(noSeed.drafts[0]!.spec.seed).toBeUndefined();
    expect(noSeed.drafts[0]!.note).toBeUndefined();
    const placed = planPlacements(run, a.drafts.map((d) => d.target), limits).placements;
    expect(placed.every((p) => p.trackIndex === 1 && p.replacesClipId)).toBe(true);
    expect(placed.reduce((n, p) => n + (p.range.end - p.range.start), 0n)).toBe(framesToTicks(40 * 3 + 30 * 2, r));
  });

  it("selection scope conforms only the selected drafts", () => {
    const sel = { ...run, selection: [run.videoTracks[0]!.clips[2]!.id] };
    expect(findDrafts(sel, { scope: "selection", final, draftModels: new Set() }).drafts.map((d) => d.clip.name)).toEqual(["Slate 2"]);
  });
});
