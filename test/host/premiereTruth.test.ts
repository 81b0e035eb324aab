/**
 * What real Premiere 26.x does that the adapter must survive (issue 12), each on the strict stand-in
 * with its switch on. Every test here failed on the adapter before the fix.
 */
import { detectPlaceholders, findPictureHoles, targetsFromHoles, targetsFromPlaceholders, targetsFromTrackGaps, wholeSequence } from "../../src/core/analysis";
import { planPlacements } from "../../src/core/plan";
import { RATES } from "../../src/core/time";
import { snapshotBuilder } from "../../src/core/timeline";
import { encodePng } from "../../src/backends/slate/png";
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import { CUTAWAY_AUDIO_TRACK } from "../../src/host/premiere/cutawayAudio";
import { PremiereEditorHost } from "../../src/host/premiere/premiereEditorHost";
import { demoSequence } from "../../src/host/sim/demoSequence";
import { createPremiereSim } from "../../src/host/sim/premiereSim";
import { stateFromSnapshot } from "../../src/host/sim/seed";
import { audioTracksOf } from "../../src/host/sim/simModel";
import { expectUntouched, land, LIMITS, resolved, standIn, watchEditorClips } from "./helpers";
import { truthSequence } from "./truthSequence";

describe("1. clips without a usable project item", () => {
  it("reads titles, graphics, adjustment layers and nested sequences as occupied ranges, without throwing", async () => {
    const { host } = standIn(truthSequence(RATES.fps23_976));
    const s = await host.snapshot();
    const kinds = Object.fromEntries(s.videoTracks.flatMap((t) => t.clips).map((c) => [c.name, c.mediaKind]));
    expect(kinds).toMatchObject({ "Title – Harbour": "title", "Adjustment Layer": "adjustment", "Nested – opening": "sequence", "Color Matte": "colorMatte", "Still_Map.png": "still", "Interview_A.mov": "video" });
    expect(s.videoTracks[1]!.clips.map((c) => [c.start, c.end])).toEqual(truthSequence(RATES.fps23_976).videoTracks[1]!.clips.map((c) => [c.start, c.end]));
  });
});

describe("2. objects go stale after a commit", () => {
  it("replaces a placeholder: the original is read again after the prep commit and disabled", async () => {
    const { host } = standIn(truthSequence(RATES.fps25));
    const before = await host.snapshot();
    const found = detectPlaceholders(before).filter((p) => p.clip.name.startsWith("PLACEHOLDER"));
    const plan = planPlacements(before, targetsFromPlaceholders(before, found, "harbour"), LIMITS);
    const r = await land(host, resolved(plan.placements), "Cutaway: replace 1 placeholder");
    expect(r.refused).toEqual([]);
    const after = await host.snapshot();
    expect(after.videoTracks[0]!.clips.find((c) => c.name.startsWith("PLACEHOLDER"))!.enabled).toBe(false);
    expectUntouched(before, after, new Set(found.map((p) => p.clip.id)));
  });
});

describe("3. new tracks", () => {
  it("puts several clips on one new track: the first makes it, the rest follow in a step of the same name", async () => {
    const seq = snapshotBuilder(RATES.fps24).track([{ at: 0, len: 240 }]).build();
    const { sim, host } = standIn(seq);
    const before = await host.snapshot();
    const base = planPlacements(before, targetsFromHoles(before, "all", "x"), LIMITS).placements;
    expect(base).toEqual([]);
    const targets = [0, 96, 192].map((at, i) => ({ id: `t${i}`, range: { start: BigInt(at) * 10_584_000_000n, end: BigInt(at + 24) * 10_584_000_000n }, prompt: "x", baseTrackIndex: 0, kind: "playhead" as const, forceNewTrack: true }));
    const plan = planPlacements(before, targets, LIMITS);
    const r = await land(host, resolved(plan.placements), "Cutaway: place 3 shots");
    expect(r.refused).toEqual([]);
    const after = await host.snapshot();
    expect(after.videoTracks).toHaveLength(2);
    expect(after.videoTracks[1]!.clips).toHaveLength(3);
    expect(sim.core.undoStack.map((u) => u.name).filter((n) => n.startsWith("Cutaway: place"))).toEqual(["Cutaway: place 3 shots", "Cutaway: place 3 shots"]);
  });

  it("keeps generated sound on one dedicated, reused audio track, never on the editor's dialogue tracks", async () => {
    const { sim, host } = standIn(truthSequence(RATES.fps24), { probe: async () => ({ media: "video", durationTicks: 10n * 254_016_000_000n, hasAudio: true }) });
    const violations = watchEditorClips(sim);
    const before = await host.snapshot();
    const plan = planPlacements(before, targetsFromHoles(before, "all", "harbour"), LIMITS);
    const r1 = await land(host, resolved(plan.placements.slice(0, 2)), "Cutaway: fill 2 gaps");
    const r2 = await land(host, resolved(plan.placements.slice(2), { dir: "/m2" }), "Cutaway: fill 1 gap");
    expect([...r1.refused, ...r2.refused]).toEqual([]);
    const audio = audioTracksOf(sim.core.activeSequence()!);
    expect(audio.map((a) => a.name)).toEqual(["Audio 1", "Audio 2", CUTAWAY_AUDIO_TRACK]);
    expect(audio[2]!.clips).toHaveLength(plan.placements.length);
    expect(violations).toEqual([]);
    // the first apply makes and names the track in a second step of its name; the next reuses it in one
    const steps = sim.core.undoStack.map((u) => u.name).filter((n) => n.startsWith("Cutaway: fill"));
    expect(steps).toEqual(["Cutaway: fill 2 gaps", "Cutaway: fill 2 gaps", "Cutaway: fill 1 gap"]);
  });
});

describe("4. stills keep the default still duration on overwrite", () => {
  it.each([
    ["the demo cut", demoSequence()],
    ["the truth cut", truthSequence(RATES.fps23_976)],
  ])("slates fill %s without touching any editor clip at any moment", async (_l, seq) => {
    const { sim, host } = standIn(seq);
    const violations = watchEditorClips(sim);
    const before = await host.snapshot();
    const plan = planPlacements(before, targetsFromHoles(before, "all", "slate"), LIMITS);
    const r = await land(host, resolved(plan.placements, { ext: "png", slate: true }), "Cutaway: draft slates");
    expect(r.refused).toEqual([]);
    expect(violations).toEqual([]);
    const after = await host.snapshot();
    expect(findPictureHoles(after, wholeSequence(after))).toEqual([]);
    for (const p of plan.placements) expect(after.videoTracks.flatMap((t) => t.clips).find((c) => c.provenance?.shotId === p.id)!.end).toBe(p.range.end);
  });

  it("refuses a still that could only cut a clip or cover a title, with a reason, and changes nothing", async () => {
    const seq = snapshotBuilder(RATES.fps24)
      .track([{ at: 0, len: 24 }, { at: 48, len: 48 }])
      .track([{ at: 60, len: 30, name: "Editor's B-roll.mov" }])
      .track([{ at: 20, len: 30, name: "Lower third", media: null, kind: "title" }])
      .build();
    const { sim, host } = standIn(seq);
    const violations = watchEditorClips(sim);
    const before = await host.snapshot();
    const plan = planPlacements(before, targetsFromTrackGaps(before, 0, "slate"), LIMITS);
    expect(plan.placements.map((p) => p.trackIndex)).toEqual([1]);
    const r = await land(host, resolved(plan.placements, { ext: "png", slate: true }), "Cutaway: draft 1 slate");
    expect(r.refused.map((x) => x.code)).toEqual(["still_would_cut"]);
    expect(violations).toEqual([]);
    expectUntouched(before, await host.snapshot());
  });
});

describe("5. provenance XMP", () => {
  it("writes provenance into packets that lack the namespace or carry fields as attributes, and reads it back", async () => {
    const { host } = standIn(demoSequence());
    const before = await host.snapshot();
    const plan = planPlacements(before, targetsFromHoles(before, "all", "a <b> & \"c\""), LIMITS);
    await land(host, resolved(plan.placements), "Cutaway: fill");
    // a second run over the same media: the packet now has the fields, as attributes
    const again = await host.snapshot();
    expect(again.videoTracks.flatMap((t) => t.clips).filter((c) => c.provenance).map((c) => c.provenance!.prompt)).toEqual(plan.placements.map(() => 'a <b> & "c"'));
  });
});

describe("6. imports are slow to appear", () => {
  it("re-lists the bin with backoff for ~10 s and matches paths as the OS does (case, separators)", async () => {
    const { host } = standIn(demoSequence(), { strict: { importDelayMs: 8_000 }, probe: async (p) => ({ media: "video", durationTicks: 10n * 254_016_000_000n, hasAudio: false, diskPath: p.toUpperCase() }) });
    const got = await host.importMedia(["/projects/Demo/Cutaway Media/shot-001.mp4"], "Cutaway");
    expect(got.map((g) => g.path)).toEqual(["/projects/Demo/Cutaway Media/shot-001.mp4"]);
  });

  it("gives up with a sentence after about 10 s", async () => {
    const { host } = standIn(demoSequence(), { strict: { importDelayMs: 60_000 } });
    await expect(host.importMedia(["/m/late.mp4"], "Cutaway")).rejects.toThrow(/did not appear in the "Cutaway" bin within 10 s/);
  });
});

describe("8. createSequence", () => {
  it("makes the new sequence active with the editor's frame rate and size", async () => {
    const { host } = standIn(snapshotBuilder(RATES.fps23_976, "Edit").frameSize(3840, 2160).track([{ at: 0, len: 24 }]).build());
    const guid = await host.createSequence("Rough cut");
    const s = await host.snapshot();
    expect([s.sequenceId, s.name, s.rate, s.frameSize]).toEqual([guid, "Rough cut", RATES.fps23_976, { width: 3840, height: 2160 }]);
  });
});

describe("9. exportSequenceFrame answers before the file exists", () => {
  function exporting(write: boolean) {
    const files = new MemoryFileStore();
    const sim = createPremiereSim(stateFromSnapshot(demoSequence()), {
      exportFrame: async (dir, name) => {
        if (write) await files.writeAtomic(`${dir}/${name}`, encodePng(16, 9, new Uint8Array(16 * 9 * 3)));
        return true;
      },
    });
    return { files, host: new PremiereEditorHost(sim.module, { sleep: sim.clock.sleep, files }) };
  }

  it("waits for the file before answering its path", async () => {
    const { files, host } = exporting(true);
    const path = await host.exportFrame(0n, "/projects/Demo/Cutaway Media/.frames/f.png", { width: 16, height: 9 });
    expect(await files.exists(path)).toBe(true);
    expect(await files.size(path)).toBeGreaterThan(0);
  });

  it("gives up with a sentence when the file never lands", async () => {
    const { host } = exporting(false);
    await expect(host.exportFrame(0n, "/p/.frames/f.png", { width: 16, height: 9 })).rejects.toThrow(/no complete file appeared within 10 s/);
  });
});

describe("10. swapTake reads the timeline back", () => {
  it("reports a swap the track did not take", async () => {
    const { sim, host } = standIn(demoSequence());
    const before = await host.snapshot();
    const plan = planPlacements(before, targetsFromHoles(before, "all", "x"), LIMITS);
    const [first] = resolved(plan.placements.slice(0, 1));
    const r = await land(host, [first!], "Cutaway: fill 1 gap");
    const clipId = r.applied[0]!.clipId;
    sim.core.editorEdit("lock", (d) => void (d.sequences[0]!.tracks[first!.trackIndex]!.locked = true));
    const take = { ...first!, mediaPath: "/projects/Demo/Cutaway Media/shot-001-t2.mp4", provenance: { ...first!.provenance, jobId: "job-t2", take: 2 } };
    await host.importMedia([take.mediaPath], "Cutaway");
    const swap = await host.swapTake(clipId, take, "Cutaway: use take 2");
    expect(swap.applied).toEqual([]);
    expect(swap.refused[0]!.code).toBe("not_placed");
  });
});
