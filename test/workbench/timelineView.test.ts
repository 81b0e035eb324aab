/**
 * The workbench timeline's arithmetic and the editor's hand gestures on the stand-in: ruler labels an
 * editor would read in Premiere, ghosts only where Cutaway filled a hole, and selection / in–out /
 * playhead changes that the panel (through the real adapter) sees as it would in Premiere.
 */
import { framesToTicks, RATES, ticksPerFrame, type FrameRate } from "../../src/core/time";
import { snapshotBuilder, type Provenance } from "../../src/core/timeline";
import { PremiereEditorHost } from "../../src/host/premiere/premiereEditorHost";
import { provenanceFields, readProvenance, withFields } from "../../src/host/premiere/provenance";
import { createPremiereSim } from "../../src/host/sim/premiereSim";
import { stateFromSnapshot } from "../../src/host/sim/seed";
import { clearInOut, clearSelection, clickClip, markIn, markOut, movePlayhead } from "../../src/workbench/editorGestures";
import { costLabel } from "../../src/workbench/HoverCard";
import { activeSequence, formerHoles, pictureHoles, rulerTicks } from "../../src/workbench/timelineModel";

const ours = (slate = false): Provenance => ({ prompt: "harbour at dawn", backend: slate ? "slate" : "fal", model: "m1", jobId: "job-1", createdAt: "2026-12-01T10:00:00.000Z", slate, costUsd: slate ? 0 : 0.8 });
const f = (n: number, r: FrameRate = RATES.fps23_976) => framesToTicks(n, r);

function sim(build: ReturnType<typeof snapshotBuilder>) {
  const s = createPremiereSim(stateFromSnapshot(build.build()));
  const seq = () => activeSequence(s.core.state)!;
  const items = () => new Map(s.core.state.items.map((i) => [i.id, i]));
  return { ...s, seq, items };
}

describe("the ruler", () => {
  it("labels whole minutes of 29.97 drop-frame with the first label that exists (;02), where Premiere puts them", () => {
    const r = RATES.fps29_97;
    const ticks = rulerTicks(f(30 * 60 * 5, r), r, 600);
    const minute = ticks.find((t) => t.label.startsWith("00:01:00"))!;
    expect(minute.label).toBe("00:01:00;02");
    expect(minute.at).toBe(f(1800, r)); // frame 1800 carries the label 00:01:00;02
    const tenth = rulerTicks(f(30 * 60 * 11, r), r, 2000).find((t) => t.label.startsWith("00:10:00"))!;
    expect(tenth.label).toBe("00:10:00;00"); // every tenth minute keeps its ;00
  });

  it("labels non-drop rates with colons on whole seconds, and keeps labels apart at any width", () => {
    const r = RATES.fps25;
    const span = f(25 * 125, r);
    for (const width of [200, 360, 720, 1400, 4000]) {
      const ticks = rulerTicks(span, r, width);
      expect(ticks[0]!.label).toBe("00:00:00:00");
      expect(ticks.every((t) => /^\d\d:\d\d:\d\d:00$/.test(t.label))).toBe(true);
      const gapPx = (Number(ticks[1]!.at - ticks[0]!.at) / Number(span)) * width;
      expect(gapPx).toBeGreaterThanOrEqual(84);
    }
    expect(rulerTicks(span, r, 4000).length).toBeGreaterThan(rulerTicks(span, r, 360).length);
  });
});

describe("ghosts of holes Cutaway filled", () => {
  const base = () => snapshotBuilder(RATES.fps23_976).track([
    { at: 0, len: 48, name: "A.mov" },
    { at: 96, len: 48, name: "B.mov" },
    { at: 192, len: 48, name: "C.mov" },
  ]);

  it("outlines a hole after a Cutaway clip filled it, and nothing where the editor filled one", () => {
    const s = sim(base().track([{ at: 48, len: 48, name: "Cutaway 001", provenance: ours() }, { at: 144, len: 48, name: "Editor's cutaway.mov" }]));
    expect(pictureHoles(s.seq())).toEqual([]);
    expect(formerHoles(s.seq(), s.items())).toEqual([{ start: f(48), end: f(96) }]);
  });

  it("outlines only the part Cutaway filled, while the rest is still a hole", () => {
    const s = sim(base().track([{ at: 48, len: 24, name: "Cutaway 001", provenance: ours(true) }]));
    expect(formerHoles(s.seq(), s.items())).toEqual([{ start: f(48), end: f(72) }]);
    expect(pictureHoles(s.seq()).map((h) => h.range)).toEqual([{ start: f(72), end: f(96) }, { start: f(144), end: f(192) }]);
  });

  it("draws no ghost over a replaced placeholder (the original is only disabled), and none once the fill is undone", () => {
    const s = sim(
      snapshotBuilder(RATES.fps23_976)
        .track([{ at: 0, len: 48, name: "A.mov" }, { at: 48, len: 48, name: "PLACEHOLDER", enabled: false }, { at: 96, len: 48, name: "B.mov" }])
        .track([{ at: 48, len: 48, name: "Cutaway 001", provenance: ours() }]),
    );
    expect(formerHoles(s.seq(), s.items())).toEqual([]);
    const t = sim(base().track([{ at: 48, len: 48, name: "Cutaway 001", provenance: ours() }]));
    t.core.editorEdit("Undo fill", (d) => void (activeSequence(d)!.tracks[1]!.clips = []));
    expect(formerHoles(t.seq(), t.items())).toEqual([]);
  });

  it("says what a clip cost: the bill, free for slates, or that it was not recorded", () => {
    expect(costLabel(ours())).toBe("$0.80");
    expect(costLabel(ours(true))).toBe("free (draft slate)");
    const { costUsd: _drop, ...old } = ours();
    expect(costLabel(old)).toBe("not recorded");
  });

  it("keeps the cost in the provenance Premiere stores, so the card can show it after a reload", () => {
    const stored = withFields("", provenanceFields(ours())).xml;
    expect(readProvenance(stored)?.costUsd).toBe(0.8);
  });
});

describe("the editor's hands on the stand-in, as the panel sees them", () => {
  const demo = () =>
    snapshotBuilder(RATES.fps23_976)
      .track([{ at: 0, len: 48, name: "A.mov" }, { at: 96, len: 48, name: "B.mov" }, { at: 192, len: 48, name: "C.mov" }])
      .track([{ at: 48, len: 24, name: "Reference.mov" }], { locked: true });

  it("click selects one clip, shift-click adds and removes, a click on empty track clears; locked tracks refuse", async () => {
    const s = sim(demo());
    const host = new PremiereEditorHost(s.module, { sleep: s.clock.sleep });
    let events = 0;
    host.onChange(() => events++);
    const [a, b, c] = s.seq().tracks[0]!.clips.map((x) => x.uid);
    clickClip(s.core, a!, false);
    clickClip(s.core, c!, true);
    expect((await host.snapshot()).selection.length).toBe(2);
    clickClip(s.core, c!, true);
    clickClip(s.core, b!, true);
    expect(s.seq().selection).toEqual([a, b]);
    clickClip(s.core, c!, false);
    expect(s.seq().selection).toEqual([c]);
    expect(events).toBe(0); // Premiere's global SELECTION_CHANGED has been seen not to fire: the panel polls while visible (app/hostPoll.ts)
    clickClip(s.core, s.seq().tracks[1]!.clips[0]!.uid, true);
    expect(s.seq().selection).toEqual([c]);
    clearSelection(s.core);
    expect((await host.snapshot()).selection).toEqual([]);
    expect(s.core.undoStack).toHaveLength(0); // selecting is not an edit
  });

  it("the playhead lands on a frame; I and O mark at the playhead, and a mark past the other drops it", async () => {
    const s = sim(demo());
    const host = new PremiereEditorHost(s.module, { sleep: s.clock.sleep });
    const tpf = ticksPerFrame(RATES.fps23_976)!;
    movePlayhead(s.core, f(30) + tpf / 2n);
    expect(s.seq().playhead).toBe(f(30));
    movePlayhead(s.core, -5n);
    expect(s.seq().playhead).toBe(0n);
    movePlayhead(s.core, f(50));
    markIn(s.core);
    movePlayhead(s.core, f(150));
    markOut(s.core);
    let snap = await host.snapshot();
    expect([snap.playhead, snap.inPoint, snap.outPoint]).toEqual([f(150), f(50), f(150)]);
    movePlayhead(s.core, f(170));
    markIn(s.core); // after the out: the out goes
    expect([s.seq().inPoint, s.seq().outPoint]).toEqual([f(170), null]);
    movePlayhead(s.core, f(100));
    markOut(s.core); // before the in: the in goes
    expect([s.seq().inPoint, s.seq().outPoint]).toEqual([null, f(100)]);
    clearInOut(s.core);
    snap = await host.snapshot();
    expect([snap.inPoint, snap.outPoint]).toEqual([null, null]);
    expect(s.core.undoStack).toHaveLength(0);
  });
});
