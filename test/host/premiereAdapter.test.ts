/** The real Premiere adapter on the strict stand-in: reads, fills, replaces, refuses — and never moves the editor's clips. */
import { detectPlaceholders, findPictureHoles, targetsFromHoles, targetsFromPlaceholders, targetsFromSelection, wholeSequence } from "../../src/core/analysis";
import { planPlacements } from "../../src/core/plan";
import { framesToTicks, RATES, ticksPerFrame } from "../../src/core/time";
import { snapshotBuilder } from "../../src/core/timeline";
import { HostError } from "../../src/app/hostError";
import { demoSequence } from "../../src/host/sim/demoSequence";
import { nativePath } from "../../src/host/premiere/paths";
import { editorClips, expectUntouched, land, LIMITS, resolved, standIn, undoCutaway } from "./helpers";

describe("reading the active sequence", () => {
  it("reads the demo sequence exactly: tracks, clips, markers, playhead, in/out, rate and size", async () => {
    const demo = demoSequence();
    const { host } = standIn(demo);
    const s = await host.snapshot();
    expect(s.rate).toEqual(RATES.fps23_976);
    expect(s.frameSize).toEqual({ width: 1920, height: 1080 });
    expect(s.videoTracks.map((t) => t.clips.map((c) => [c.name, c.start, c.end, c.inPoint, c.outPoint, c.enabled]))).toEqual(
      demo.videoTracks.map((t) => t.clips.map((c) => [c.name, c.start, c.end, c.inPoint, c.outPoint, c.enabled])),
    );
    expect(s.markers.map((m) => [m.comments, m.start, m.duration, m.colorIndex])).toEqual(demo.markers.map((m) => [m.comments, m.start, m.duration, m.colorIndex]));
    expect([s.playhead, s.inPoint, s.outPoint, s.end]).toEqual([demo.playhead, demo.inPoint, demo.outPoint, demo.end]);
    // the gaps an editor sees: 17 frames, 2 s, 9.5 s, 31 s
    expect(findPictureHoles(s, wholeSequence(s)).map((h) => h.frames)).toEqual([17, 48, 228, 744]);
    expect(detectPlaceholders(s).map((p) => p.clip.name)).toEqual(["SHOT 14", "Color Matte", "PLACEHOLDER – drone over city"]);
  });

  it("answers a clear error when no sequence is open, and refuses placements instead of guessing", async () => {
    const { sim, host } = standIn(demoSequence());
    sim.core.mutate((st) => void (st.activeGuid = null));
    await expect(host.snapshot()).rejects.toThrow(HostError);
    await expect(host.snapshot()).rejects.toThrow(/No sequence is open/);
    const r = await host.applyPlacements(resolved([]), "Cutaway: fill");
    expect(r.applied).toEqual([]);
  });
});

describe("filling gaps", () => {
  it("fills every gap above the cut in named undo steps, frame-exact, and undoing them takes it all back", async () => {
    const { sim, host } = standIn(demoSequence());
    const before = await host.snapshot();
    const plan = planPlacements(before, targetsFromHoles(before, "all", "harbour at dawn"), LIMITS);
    const r = await land(host, resolved(plan.placements), "Cutaway: fill 4 gaps");
    expect(r.refused).toEqual([]);
    expect(r.applied).toHaveLength(plan.placements.length);
    const after = await host.snapshot();
    for (const p of plan.placements) {
      const c = after.videoTracks[p.trackIndex]!.clips.find((x) => x.start === p.range.start)!;
      expect([c.end, c.name, c.provenance?.jobId]).toEqual([p.range.end, `shot-${String(p.shotNumber).padStart(3, "0")}.mp4`, `job-${p.id}`]);
    }
    expect(findPictureHoles(after, wholeSequence(after))).toEqual([]);
    expectUntouched(before, after);
    expect(sim.core.undoStack.at(-1)!.name).toBe("Cutaway: fill 4 gaps");
    expect(undoCutaway(sim.core, "Cutaway: fill 4 gaps")).toEqual(["Cutaway: fill 4 gaps", "Cutaway: prepare media"]);
    const undone = await host.snapshot();
    expect(editorClips(undone)).toEqual(editorClips(before));
    expect(undone.videoTracks.flatMap((t) => t.clips).filter((c) => c.provenance)).toEqual([]);
  });

  it.each([
    ["23.976", RATES.fps23_976],
    ["29.97 DF", RATES.fps29_97],
  ])("lands on exact frames at %s", async (_label, rate) => {
    const seq = snapshotBuilder(rate, "rate test").track([{ at: 0, len: 101 }, { at: 118, len: 77 }, { at: 1000, len: 13 }]).build();
    const { host } = standIn(seq);
    const before = await host.snapshot();
    const plan = planPlacements(before, targetsFromHoles(before, "all", "x"), LIMITS);
    const r = await land(host, resolved(plan.placements), "Cutaway: fill");
    expect(r.refused).toEqual([]);
    const after = await host.snapshot();
    const placed = after.videoTracks[1]!.clips;
    const tpf = ticksPerFrame(rate)!;
    expect(placed[0]!.start).toBe(framesToTicks(101, rate));
    expect(placed[0]!.end).toBe(framesToTicks(118, rate));
    expect(placed.at(-1)!.end).toBe(framesToTicks(1000, rate));
    for (const c of placed) expect([c.start % tpf, c.end % tpf]).toEqual([0n, 0n]);
    expectUntouched(before, after);
  });

  it("ignores a hole shorter than one frame", async () => {
    const rate = RATES.fps23_976;
    const seq = snapshotBuilder(rate).track([{ at: 0, len: 24 }, { at: 24, len: 24 }]).build();
    const { sim, host } = standIn(seq);
    // the editor nudged the second clip by a few ticks: a sliver, not a gap
    sim.core.editorEdit("nudge", (d) => {
      const c = d.sequences[0]!.tracks[0]!.clips[1]!;
      c.start += 1000n;
      c.end += 1000n;
    });
    const s = await host.snapshot();
    expect(findPictureHoles(s, { start: 0n, end: framesToTicks(48, rate) })).toEqual([]);
    expect(planPlacements(s, targetsFromHoles(s, "all", "x"), LIMITS).placements).toEqual([]);
  });

  it("refuses a range the editor filled after planning, with a reason, and lands the others", async () => {
    const { sim, host } = standIn(demoSequence());
    const before = await host.snapshot();
    const plan = planPlacements(before, targetsFromHoles(before, "all", "harbour"), LIMITS);
    const first = plan.placements[0]!;
    sim.core.editorEdit("editor fills the gap", (d) => {
      const track = d.sequences[0]!.tracks[first.trackIndex]!;
      track.clips.unshift({ uid: 9999, start: first.range.start, end: first.range.end, inPoint: 0n, outPoint: first.range.end - first.range.start, name: "editor's own shot", itemId: d.items[2]!.id, disabled: false });
      track.clips.sort((a, b) => (a.start < b.start ? -1 : 1));
    });
    const edited = await host.snapshot();
    const r = await land(host, resolved(plan.placements), "Cutaway: fill");
    expect(r.refused).toEqual([{ placementId: first.id, code: "occupied", reason: expect.stringMatching(/^V2 at 00:00:10:00 is no longer empty/) }]);
    expect(r.applied.map((a) => a.placementId)).toEqual(plan.placements.slice(1).map((p) => p.id));
    const after = await host.snapshot();
    expectUntouched(edited, after);
    expect(after.videoTracks[first.trackIndex]!.clips.find((c) => c.start === first.range.start)!.name).toBe("editor's own shot");
  });
});

describe("B-roll over a selection", () => {
  it("covers the selected A-roll clips on the track above, leaving the A-roll as it was", async () => {
    const seq = snapshotBuilder(RATES.fps25, "interview")
      .track([{ at: 0, len: 100, name: "A1", selected: true }, { at: 100, len: 150, name: "A2" }, { at: 250, len: 50, name: "A3", selected: true }])
      .build();
    const { host } = standIn(seq);
    const before = await host.snapshot();
    expect(before.selection).toHaveLength(2);
    const plan = planPlacements(before, targetsFromSelection(before, "city at night"), LIMITS);
    const r = await land(host, resolved(plan.placements), "Cutaway: B-roll over 2 clips");
    expect(r.refused).toEqual([]);
    const after = await host.snapshot();
    expect(after.videoTracks).toHaveLength(2);
    expect(after.videoTracks[1]!.clips.map((c) => [c.start, c.end])).toEqual([
      [0n, framesToTicks(100, RATES.fps25)],
      [framesToTicks(250, RATES.fps25), framesToTicks(300, RATES.fps25)],
    ]);
    expectUntouched(before, after);
  });
});

describe("replacing placeholders", () => {
  it("places the new shots above, disables the originals, and undoing Cutaway's steps restores everything", async () => {
    const { sim, host } = standIn(demoSequence());
    const before = await host.snapshot();
    const found = detectPlaceholders(before);
    const plan = planPlacements(before, targetsFromPlaceholders(before, found, "drone over the harbour"), LIMITS);
    const r = await land(host, resolved(plan.placements), "Cutaway: replace 3 placeholders");
    expect(r.refused).toEqual([]);
    const after = await host.snapshot();
    const originals = new Set(found.map((p) => p.clip.id));
    expectUntouched(before, after, originals);
    for (const p of found) {
      const above = after.videoTracks.slice(p.clip.trackIndex + 1).flatMap((t) => t.clips).find((c) => c.start === p.clip.start && c.provenance);
      expect(above?.end).toBe(p.clip.end);
    }
    undoCutaway(sim.core, "Cutaway: replace 3 placeholders");
    const undone = await host.snapshot();
    expect(editorClips(undone)).toEqual(editorClips(before));
  });

  it("recognises its own slates as placeholders, with their prompts, so a drafted cut can be upgraded", async () => {
    const { host } = standIn(demoSequence());
    const before = await host.snapshot();
    const plan = planPlacements(before, targetsFromHoles(before, "all", "fishing boats"), LIMITS);
    await land(host, resolved(plan.placements, { ext: "png", slate: true }), "Cutaway: draft 4 slates");
    const after = await host.snapshot();
    const slates = detectPlaceholders(after).filter((p) => p.reason === "slate");
    expect(slates).toHaveLength(plan.placements.length);
    expect(targetsFromPlaceholders(after, slates).every((t) => t.prompt === "fishing boats")).toBe(true);
    // stills take the default still duration in Premiere: each slate still ends on its planned frame
    for (const p of plan.placements) expect(after.videoTracks.flatMap((t) => t.clips).find((c) => c.start === p.range.start && c.provenance)!.end).toBe(p.range.end);
  });
});

describe("failures leave the sequence as it was", () => {
  it("a failing action mid-transaction changes nothing on the timeline", async () => {
    const { sim, host } = standIn(demoSequence());
    const before = await host.snapshot();
    const plan = planPlacements(before, targetsFromHoles(before, "all", "x"), LIMITS);
    const items = resolved(plan.placements);
    await host.importMedia(items.map((i) => i.mediaPath), "Cutaway");
    sim.core.faults.failTransaction = { skip: 1, action: 1, times: 2 }; // the prep succeeds; the timeline edit fails, and so does the retry that lets one clip make the audio track
    const r = await host.applyPlacements(items, "Cutaway: fill");
    expect(r.applied).toEqual([]);
    expect(new Set(r.refused.map((x) => x.code))).toEqual(new Set(["host_refused"]));
    const after = await host.snapshot();
    expect(after.videoTracks.map((t) => t.clips.length)).toEqual(before.videoTracks.map((t) => t.clips.length));
    expectUntouched(before, after);
    expect(sim.core.undoStack.map((u) => u.name)).not.toContain("Cutaway: fill");
  });

  it("a locked track takes nothing: the shot is refused with a reason and the track is avoided next time", async () => {
    const seq = snapshotBuilder(RATES.fps24).track([{ at: 0, len: 24 }, { at: 72, len: 24 }]).track([], { locked: true }).build();
    const { host } = standIn(seq);
    const before = await host.snapshot();
    expect(before.videoTracks[1]!.locked).toBe(false); // Premiere has no lock getter: unknown until it refuses
    const plan = planPlacements(before, targetsFromHoles(before, "all", "x"), LIMITS);
    const r = await land(host, resolved(plan.placements), "Cutaway: fill");
    expect(r.refused).toEqual([{ placementId: plan.placements[0]!.id, code: "not_placed", reason: expect.stringContaining("is the track locked?") }]);
    const next = await host.snapshot();
    expect(next.videoTracks[1]!.locked).toBe(true);
    const replan = planPlacements(next, targetsFromHoles(next, "all", "x"), LIMITS);
    expect(replan.placements[0]!.newTrack).toBe(true);
    const r2 = await land(host, resolved(replan.placements, { dir: "/m2" }), "Cutaway: fill");
    expect(r2.refused).toEqual([]);
    expectUntouched(before, await host.snapshot());
  });
});

describe("import", () => {
  it("finds each imported item by its path when two files share a name", async () => {
    const { sim, host } = standIn(demoSequence());
    const paths = ["/a/shot-001.mp4", "/b/shot-001.mp4"];
    const imported = await host.importMedia(paths, "Cutaway");
    expect(imported.map((i) => i.name)).toEqual(["shot-001.mp4", "shot-001.mp4"]);
    expect(new Set(imported.map((i) => i.projectItemId)).size).toBe(2);
    for (const i of imported) expect(nativePath(sim.core.item(i.projectItemId).mediaPath)).toBe(i.path);
    // imported twice into one bin: the bin is created once and found again by name
    await host.importMedia(["/c/x.mp4"], "Cutaway");
    expect(sim.core.state.items.filter((i) => i.kind === "bin" && i.name === "Cutaway")).toHaveLength(1);
  });

  it("reports a failed import in words, and nothing lands", async () => {
    const { host } = standIn(demoSequence(), { probe: async () => null });
    await expect(host.importMedia(["/missing.mp4"], "Cutaway")).rejects.toThrow(/could not import \/missing.mp4/);
  });
});
