/** The stand-in is strict where Premiere is, so code that passes here does not surprise us in Premiere. */
import { RATES } from "../../src/core/time";
import { snapshotBuilder } from "../../src/core/timeline";
import { premiereModuleProof } from "../../src/host/premiere/premiereApi";
import { createPremiereSim } from "../../src/host/sim/premiereSim";
import { stateFromSnapshot } from "../../src/host/sim/seed";
import { dumpState, stateFromDescription } from "../../src/host/sim/simJson";

async function setup() {
  const sim = createPremiereSim(stateFromSnapshot(snapshotBuilder(RATES.fps24).track([{ at: 0, len: 48 }]).build()));
  const { module: ppro, core } = sim;
  const project = await ppro.Project.getActiveProject();
  const seq = (await project.getActiveSequence())!;
  const item = (await seq.getVideoTrack(0)).getTrackItems(ppro.Constants.TrackItemType.CLIP, false)[0]!;
  return { ppro, core, project, seq, item, sim };
}

describe("the Premiere stand-in", () => {
  it("type-checks against the official declarations (the proof compiles only if they match)", () => {
    expect(premiereModuleProof).toBe(true);
  });

  it("refuses to create an action outside lockedAccess (Premiere 26.3)", async () => {
    const { item } = await setup();
    expect(() => item.createSetDisabledAction(true)).toThrow(/outside project.lockedAccess/);
  });

  it("does nothing until the action runs inside executeTransaction, then is one undo step", async () => {
    const { ppro, project, item, core } = await setup();
    project.lockedAccess(() => {
      item.createSetDisabledAction(true); // created, never added
    });
    expect(await item.isDisabled()).toBe(false);
    project.lockedAccess(() => {
      expect(project.executeTransaction((c) => void c.addAction(item.createSetDisabledAction(true)), "Disable")).toBe(true);
    });
    // the commit made the track item read before it stale: read it again
    const again = async () => (await (await (await project.getActiveSequence())!.getVideoTrack(0)).getTrackItems(ppro.Constants.TrackItemType.CLIP, false))[0]!;
    await expect(item.isDisabled()).rejects.toThrow(/script object is no longer valid/);
    expect(await (await again()).isDisabled()).toBe(true);
    expect(core.undo()).toBe("Disable");
    expect(await (await again()).isDisabled()).toBe(false);
  });

  it("refuses actions held from an earlier lockedAccess and async lockedAccess callbacks", async () => {
    const { project, item, core } = await setup();
    let held: object | null = null;
    project.lockedAccess(() => {
      held = item.createSetDisabledAction(true);
    });
    // a throw inside the transaction callback makes Premiere answer false, with nothing applied
    let ok = true;
    project.lockedAccess(() => void (ok = project.executeTransaction((c) => void c.addAction(held!), "late")));
    expect(ok).toBe(false);
    expect(String(core.lastCallbackError)).toMatch(/earlier lockedAccess/);
    expect(core.undoStack).toEqual([]);
    expect(() => project.lockedAccess((async () => undefined) as () => void)).toThrow(/must be synchronous/);
  });

  it("answers importFiles with a boolean only, and refuses an overwrite given the cast ClipProjectItem", async () => {
    const { ppro, project, seq, sim } = await setup();
    const root = await project.getRootItem();
    const ok = await project.importFiles(["/x/a.mp4"], true, ppro.ProjectItem.cast(root), false);
    expect(ok).toBe(true);
    expect((await root.getItems()).find((i) => i.name === "a.mp4")).toBeUndefined(); // imports take seconds to be listable
    await sim.clock.sleep(4_000);
    const imported = (await root.getItems()).find((i) => i.name === "a.mp4")!;
    const clipItem = ppro.ClipProjectItem.cast(imported);
    const editor = ppro.SequenceEditor.getEditor(seq);
    project.lockedAccess(() => {
      expect(() => editor.createOverwriteItemAction(clipItem as never, ppro.TickTime.TIME_ZERO, 1, 1)).toThrow(/plain ProjectItem/);
    });
  });

  it("fails the whole transaction (and changes nothing) when it would add two new tracks", async () => {
    const { ppro, project, seq, sim } = await setup();
    const root = await project.getRootItem();
    await project.importFiles(["/x/a.png"], true, ppro.ProjectItem.cast(root), false);
    await sim.clock.sleep(4_000);
    const still = (await root.getItems()).find((i) => i.name === "a.png")!;
    const editor = ppro.SequenceEditor.getEditor(seq);
    let ok = true;
    project.lockedAccess(() => {
      ok = project.executeTransaction((c) => {
        c.addAction(editor.createOverwriteItemAction(still, ppro.TickTime.createWithTicks("0"), 1, 1));
        c.addAction(editor.createOverwriteItemAction(still, ppro.TickTime.createWithTicks("0"), 2, 1));
      }, "two tracks");
    });
    expect(ok).toBe(false);
    expect(await seq.getVideoTrackCount()).toBe(1);
  });

  it("answers enum values that are not the typings' ordinals, so a hard-coded number fails", async () => {
    const { ppro, seq } = await setup();
    const track = await seq.getVideoTrack(0);
    expect(ppro.Constants.TrackItemType.CLIP).not.toBe(1);
    expect(() => track.getTrackItems(1 as never, false)).toThrow(/read the value from ppro.Constants/);
  });

  it("answers the sequence start and end as in/out when nothing is marked, and models dialogue on A1–A2", async () => {
    const { seq, sim } = await setup();
    expect([(await seq.getInPoint()).ticks, (await seq.getOutPoint()).ticks]).toEqual(["0", (await seq.getEndTime()).ticks]);
    const audio = sim.core.activeSequence()!.audioTracks!;
    expect(audio.map((a) => a.clips.length)).toEqual([1]); // the builder's default: one audio track, holding V1's sound
  });

  it("keeps times in ticks: TickTime carries an integer string", () => {
    const { module: ppro } = createPremiereSim(stateFromSnapshot(snapshotBuilder().build()));
    expect(ppro.TickTime.createWithTicks("10594584000").ticks).toBe("10594584000");
    expect(() => ppro.TickTime.createWithTicks("1.5")).toThrow(/integer/);
  });
});

describe("seeding and dumping the stand-in as JSON", () => {
  it("seeds from a readable description and dumps what the adapter did, with timecodes", async () => {
    const state = stateFromDescription({ name: "Seq", rate: "29.97", tracks: [{ clips: [{ at: 0, len: 30, name: "A" }, { at: 1800, len: 30, name: "B" }] }], playhead: 1798 });
    const sim = createPremiereSim(state);
    const dump = dumpState(sim.core.state) as { sequences: { rate: string; playhead: string; tracks: { clips: { name: string; start: string }[] }[] }[] };
    expect(dump.sequences[0]!.rate).toBe("30000/1001");
    expect(dump.sequences[0]!.playhead).toBe("00:00:59;28");
    expect(dump.sequences[0]!.tracks[0]!.clips.map((c) => [c.name, c.start])).toEqual([["A", "00:00:00;00"], ["B", "00:01:00;02"]]);
    expect(() => stateFromDescription({ name: "x", rate: "24", tracks: [{ clips: [{ at: -1, len: 0 }] }] })).toThrow(/not valid at tracks.0.clips.0.at/);
  });
});
