import fc from "fast-check";
import { targetsFromHoles, targetsFromPlaceholders, detectPlaceholders, targetsEndToEnd } from "../../src/core/analysis";
import { capPrompt, chooseDuration, chooseSize, planPlacements, type GenerationLimits, type Target } from "../../src/core/plan";
import { framesToTicks, RATES, ticksFromSeconds, ticksToFrames } from "../../src/core/time";
import { snapshotBuilder } from "../../src/core/timeline";

const r = RATES.fps23_976;
const f = (n: number) => framesToTicks(n, r);

const veoLike: GenerationLimits = {
  durationsSeconds: [4, 6, 8],
  aspects: ["16:9", "9:16"],
  sizes: [
    { width: 1280, height: 720, aspect: "16:9" },
    { width: 1920, height: 1080, aspect: "16:9" },
    { width: 720, height: 1280, aspect: "9:16" },
  ],
  fps: 24,
  maxPromptChars: 60,
};

describe("planning gaps", () => {
  const s = snapshotBuilder(r)
    .track([
      { at: 0, len: 100 },
      { at: 117, len: 100 }, // 17-frame gap
      { at: 265, len: 100 }, // 48-frame (2 s) gap
    ])
    .track([{ at: 100, len: 10, name: "over the first gap" }])
    .build();

  it("a 17-frame gap becomes exactly 17 frames ending on the next clip's first frame", () => {
    const plan = planPlacements(s, targetsFromHoles(s, "all", "a lighthouse"), veoLike);
    const p = plan.placements[0]!;
    expect(p.range).toEqual({ start: f(110), end: f(117) }); // V2 covers 100–110
    const q = plan.placements[1]!;
    expect(q.range).toEqual({ start: f(217), end: f(265) });
    expect(ticksToFrames(q.sourceOut - q.sourceIn, r)).toBe(48n);
    expect(q.range.end).toBe(s.videoTracks[0]!.clips[2]!.start);
    expect(q.generationSeconds).toBe(4);
  });

  it("goes on the lowest free track above, never onto a clip; else one new top track", () => {
    const plan = planPlacements(s, targetsFromHoles(s, "all", "x"), veoLike);
    expect(plan.placements.map((p) => p.trackIndex)).toEqual([1, 1]);
    const t: Target = { id: "t", range: { start: f(95), end: f(105) }, prompt: "x", baseTrackIndex: 0, kind: "broll" };
    const p2 = planPlacements(s, [t], veoLike).placements[0]!;
    expect(p2.trackIndex).toBe(2);
    expect(p2.newTrack).toBe(true);
  });

  it("skips locked tracks", () => {
    const locked = snapshotBuilder(r).track([{ at: 0, len: 10 }, { at: 20, len: 10 }]).track([], { locked: true }).build();
    const p = planPlacements(locked, targetsFromHoles(locked, "all", "x"), veoLike).placements[0]!;
    expect(p.trackIndex).toBe(2);
  });

  it("picks the smallest allowed duration ≥ the range", () => {
    expect(chooseDuration(ticksFromSeconds(4), veoLike)).toBe(4);
    expect(chooseDuration(ticksFromSeconds(4) + 1n, veoLike)).toBe(6);
    expect(chooseDuration(ticksFromSeconds(9), veoLike)).toBeNull();
    expect(chooseDuration(ticksFromSeconds(2.5), { ...veoLike, durationsSeconds: [], minSeconds: 1, maxSeconds: 20 })).toBe(3);
  });

  it("splits a 31 s gap into frame-aligned 8 s parts that tile it exactly", () => {
    const long = snapshotBuilder(r).track([{ at: 0, len: 24 }, { at: 24 + 743, len: 24 }]).build(); // 743 frames ≈ 31 s
    const plan = planPlacements(long, targetsFromHoles(long, "all", "x"), veoLike);
    const parts = plan.placements;
    expect(parts.length).toBe(4);
    expect(parts[0]!.range.start).toBe(f(24));
    expect(parts[parts.length - 1]!.range.end).toBe(f(767));
    for (let i = 1; i < parts.length; i++) expect(parts[i]!.range.start).toBe(parts[i - 1]!.range.end);
    for (const p of parts) expect(ticksToFrames(p.range.start, r) * 1n).toBe(ticksToFrames(p.range.start, r));
    expect(parts.map((p) => p.part)).toEqual([1, 2, 3, 4].map((index) => ({ index, of: 4 })));
    const noSplit = planPlacements(long, targetsFromHoles(long, "all", "x"), veoLike, { split: false });
    expect(noSplit.placements).toEqual([]);
    expect(noSplit.warnings[0]!.code).toBe("too_long");
  });

  it("tiles any gap exactly (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), (len) => {
        const seq = snapshotBuilder(r).track([{ at: 0, len: 10 }, { at: 10 + len, len: 10 }]).build();
        const ps = planPlacements(seq, targetsFromHoles(seq, "all", "x"), veoLike).placements;
        const total = ps.reduce((acc, p) => acc + (p.sourceOut - p.sourceIn), 0n);
        return total === f(10 + len) - f(10) && ps.every((p) => ticksFromSeconds(p.generationSeconds) >= p.sourceOut);
      }),
      { numRuns: 200 },
    );
  });

  it("placeholders are replaced above, with the original named for disabling", () => {
    const ph = snapshotBuilder(r).track([{ at: 0, len: 48, name: "SHOT 14" }]).build();
    const p = planPlacements(ph, targetsFromPlaceholders(ph, detectPlaceholders(ph)), veoLike).placements[0]!;
    expect(p.trackIndex).toBe(1);
    expect(p.replacesClipId).toBe("v1-1");
  });

  it("script shots end to end on one new track", () => {
    const seq = snapshotBuilder(r).track([{ at: 0, len: 500 }]).build();
    const shots = [1, 2, 3].map((i) => ({ id: `s${i}`, durationTicks: ticksFromSeconds(2), prompt: `shot ${i}` }));
    const ps = planPlacements(seq, targetsEndToEnd(seq, shots, f(100), "new-track"), veoLike).placements;
    expect(ps.map((p) => p.trackIndex)).toEqual([1, 1, 1]);
    expect(ps[1]!.range.start).toBe(ps[0]!.range.end);
    expect(ps.map((p) => p.name)).toEqual(["Cutaway 001 – shot 1", "Cutaway 002 – shot 2", "Cutaway 003 – shot 3"]);
  });
});

describe("aspect, size and prompt", () => {
  it("matches the sequence frame", () => {
    expect(chooseSize({ width: 1920, height: 1080 }, veoLike)).toEqual({ aspect: "16:9", size: { width: 1920, height: 1080 } });
    expect(chooseSize({ width: 1080, height: 1920 }, veoLike)).toEqual({ aspect: "9:16", size: { width: 720, height: 1280 } });
  });
  it("caps prompts at a word boundary", () => {
    const p = capPrompt("a slow dolly shot along a harbour wall at dawn with gulls wheeling overhead", 40);
    expect(p.length).toBeLessThanOrEqual(40);
    expect(p).toBe("a slow dolly shot along a harbour wall");
  });
  it("refuses an empty or inverted range with a typed error", () => {
    const seq = snapshotBuilder(r).track([{ at: 0, len: 10 }]).build();
    expect(() => planPlacements(seq, [{ id: "bad", range: { start: f(10), end: f(5) }, prompt: "", baseTrackIndex: 0, kind: "gap" }], veoLike)).toThrow(/ends before it starts/);
  });
});
