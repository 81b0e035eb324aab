import { InvalidInputError } from "../../src/core/errors";
import {
  DEFAULT_PLACEHOLDER_RULES,
  detectPlaceholders,
  findPictureHoles,
  findTrackGaps,
  targetFromInOut,
  targetFromPlayhead,
  targetsFromHoles,
  targetsFromMarkers,
  targetsFromPlaceholders,
  targetsFromSelection,
  wholeSequence,
} from "../../src/core/analysis";
import { framesToTicks, RATES, ticksToFrames } from "../../src/core/time";
import { snapshotBuilder, validateSnapshot } from "../../src/core/timeline";

const r = RATES.fps23_976;
const f = (n: number) => framesToTicks(n, r);

describe("gaps on a track", () => {
  const s = snapshotBuilder(r)
    .track([
      { at: 0, len: 100, name: "A" },
      { at: 117, len: 50, name: "B" }, // 17-frame gap
      { at: 215, len: 10, name: "C" }, // 48-frame gap
    ])
    .build();

  it("reports each gap with exact frames, timecode and neighbours", () => {
    const gaps = findTrackGaps(s.videoTracks[0]!, wholeSequence(s), r);
    expect(gaps.map((g) => g.frames)).toEqual([17, 48]);
    expect(gaps[0]!.range).toEqual({ start: f(100), end: f(117) });
    expect(gaps[0]!.before?.name).toBe("A");
    expect(gaps[0]!.after?.name).toBe("B");
    expect(gaps[0]!.startTimecode).toBe("00:00:04:04");
  });

  it("within a range, gaps are clipped to it", () => {
    const gaps = findTrackGaps(s.videoTracks[0]!, { start: f(105), end: f(300) }, r);
    expect(gaps.map((g) => [Number(ticksToFrames(g.range.start, r)), g.frames])).toEqual([
      [105, 12],
      [167, 48],
      [225, 75],
    ]);
  });

  it("ignores sub-frame slivers between clips that are a few ticks apart", () => {
    const base = snapshotBuilder(r).track([{ at: 0, len: 10 }]).build();
    const t = base.videoTracks[0]!;
    const c0 = t.clips[0]!;
    const sliver = { ...t, clips: [c0, { ...c0, id: "x", start: c0.end + 5n, end: c0.end + f(10) }] };
    expect(findTrackGaps(sliver, { start: 0n, end: c0.end + f(10) }, r)).toEqual([]);
  });
});

describe("picture holes", () => {
  it("a range covered by an enabled clip on any track is not a hole; a disabled clip does not cover", () => {
    const s = snapshotBuilder(r)
      .track([
        { at: 0, len: 100 },
        { at: 200, len: 100 },
      ])
      .track([
        { at: 90, len: 30, name: "cover" },
        { at: 150, len: 20, name: "off", enabled: false },
      ])
      .build();
    const holes = findPictureHoles(s, wholeSequence(s));
    expect(holes.map((h) => [Number(ticksToFrames(h.range.start, r)), h.frames])).toEqual([[120, 80]]);
    expect(holes[0]!.before?.name).toBe("cover");
  });

  it("a 29.97 DF hole lands on exact frames", () => {
    const df = RATES.fps29_97;
    const s = snapshotBuilder(df)
      .track([
        { at: 0, len: 1799 },
        { at: 1830, len: 10 },
      ])
      .build();
    const [h] = findPictureHoles(s, wholeSequence(s));
    expect(h!.frames).toBe(31);
    expect(h!.startTimecode).toBe("00:00:59;29");
    expect(h!.endTimecode).toBe("00:01:01;02");
  });
});

describe("placeholders", () => {
  const s = snapshotBuilder(r)
    .track([
      { at: 0, len: 48, name: "Interview A" },
      { at: 48, len: 48, name: "PLACEHOLDER – drone over city" },
      { at: 96, len: 48, name: "Colour Matte", kind: "colorMatte" },
      { at: 144, len: 48, name: "SHOT 14" },
      { at: 192, len: 48, name: "TKO boxing" },
      { at: 240, len: 48, name: "tk: wide street" },
      { at: 288, len: 48, name: "slate", enabled: false },
      {
        at: 336,
        len: 48,
        name: "Cutaway 003 – harbour",
        provenance: { prompt: "harbour at dawn", backend: "slate", model: "slate", jobId: "j1", createdAt: "2026-01-01T00:00:00Z", slate: true },
      },
    ])
    .build();

  it("finds names, mattes and Cutaway slates; whole-word TK only; disabled ones are already replaced", () => {
    const found = detectPlaceholders(s);
    expect(found.map((p) => [p.clip.name, p.reason])).toEqual([
      ["PLACEHOLDER – drone over city", "name"],
      ["Colour Matte", "media"],
      ["SHOT 14", "name"],
      ["tk: wide street", "name"],
      ["Cutaway 003 – harbour", "slate"],
    ]);
  });

  it("a slate target keeps the slate's prompt and replaces it", () => {
    const targets = targetsFromPlaceholders(s, detectPlaceholders(s));
    const slate = targets.find((t) => t.replacesClipId === "v1-8")!;
    expect(slate.prompt).toBe("harbour at dawn");
    expect(slate.range).toEqual({ start: f(336), end: f(384) });
  });

  it("a broken pattern in Settings is a typed, readable error", () => {
    expect(() => detectPlaceholders(s, { ...DEFAULT_PLACEHOLDER_RULES, namePatterns: ["(unclosed"] })).toThrow(InvalidInputError);
    expect(() => detectPlaceholders(s, { ...DEFAULT_PLACEHOLDER_RULES, namePatterns: ["(unclosed"] })).toThrow(/not a valid pattern/);
  });
});

describe("targets", () => {
  const s = snapshotBuilder(r)
    .track([
      { at: 0, len: 100, name: "A-roll 1", selected: true },
      { at: 148, len: 100, name: "A-roll 2" },
    ])
    .track([{ at: 20, len: 40, name: "Lower third", kind: "title" }], { name: "Titles" })
    .marker({ at: 150, len: 24, name: "BROLL", comments: "harbour cranes at dusk", color: 3 })
    .marker({ at: 200, name: "note", color: 1 })
    .playhead(120)
    .inOutFrames(10, 60)
    .build();

  it("the playhead's hole, with marker notes and neighbours as context", () => {
    const t = targetFromPlayhead(s);
    expect(t.range).toEqual({ start: f(100), end: f(148) });
    expect(t.context).toEqual(['after "A-roll 1"', 'before "A-roll 2"']);
  });

  it("selection B-roll stays below a title over its range", () => {
    const [t] = targetsFromSelection(s);
    expect(t!.baseTrackIndex).toBe(0);
    expect(t!.ceilingTrackIndex).toBe(1);
  });

  it("markers of one colour, with their comments as context", () => {
    const ts = targetsFromMarkers(s, { colorIndex: 3 });
    expect(ts).toHaveLength(1);
    expect(ts[0]!.range).toEqual({ start: f(150), end: f(174) });
    expect(ts[0]!.context).toEqual(["BROLL: harbour cranes at dusk"]);
  });

  it("in–out as a target, and holes within in–out only", () => {
    expect(targetFromInOut(s)!.range).toEqual({ start: f(10), end: f(60) });
    expect(targetsFromHoles(s, "inout")).toEqual([]);
    expect(targetsFromHoles(s, "all").map((t) => t.range)).toEqual([{ start: f(100), end: f(148) }]);
  });
});

describe("bad input", () => {
  it("overlapping clips are reported with a timecode, not a crash", () => {
    const s = snapshotBuilder(r).track([{ at: 0, len: 10 }]).build();
    const c = s.videoTracks[0]!.clips[0]!;
    const bad = { ...s, videoTracks: [{ ...s.videoTracks[0]!, clips: [c, { ...c, id: "b", start: f(5), end: f(20) }] }] };
    expect(() => validateSnapshot(bad)).toThrow(/overlapping at 00:00:00:05/);
  });
  it("zero tracks and an empty sequence give no targets", () => {
    const s = snapshotBuilder(r).build();
    expect(validateSnapshot(s)).toBe(s);
    expect(targetsFromHoles(s, "all")).toEqual([]);
    expect(targetFromPlayhead(s).range.end > 0n).toBe(true);
  });
  it("10,000 markers are fine; an unknown rate is refused", () => {
    const b = snapshotBuilder(r).track([{ at: 0, len: 10 }]);
    for (let i = 0; i < 10_000; i++) b.marker({ at: i, len: 1, color: i % 8 });
    const s = b.build();
    expect(targetsFromMarkers(s, { colorIndex: 2 })).toHaveLength(1250);
    expect(() => validateSnapshot({ ...s, rate: { num: 0, den: 1 } })).toThrow(InvalidInputError);
    expect(() => validateSnapshot({ ...s, frameSize: { width: Number.NaN, height: 1080 } })).toThrow(/frame size/);
  });
  it("a range that ends before it starts is refused with a typed error", () => {
    const s = snapshotBuilder(r).track([{ at: 0, len: 10 }]).build();
    expect(() => findPictureHoles(s, { start: f(10), end: f(5) })).toThrow(InvalidInputError);
  });
});
