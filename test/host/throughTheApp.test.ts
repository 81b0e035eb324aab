/**
 * Issue 12 "done when", through the whole app on the strictest stand-in: every use case on a cut
 * holding a title, a nested sequence, a colour matte, an adjustment layer, stills and dialogue on
 * A1–A2, at 23.976 and 29.97 DF, with no editor clip changed at any moment. And issue 12 item 13:
 * the undo steps an editor sees, and Undo never leaving the Jobs list claiming a clip is placed.
 */
import type { GenerateRequest, ShotDraft } from "../../src/app/api";
import type { BackendCapabilities } from "../../src/backends/types";
import { RATES, type FrameRate } from "../../src/core/time";
import { snapshotBuilder } from "../../src/core/timeline";
import { encodePng } from "../../src/backends/slate/png";
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import { createPremiereSim } from "../../src/host/sim/premiereSim";
import { stateFromSnapshot } from "../../src/host/sim/seed";
import { audioTracksOf } from "../../src/host/sim/simModel";
import { CUTAWAY_AUDIO_TRACK } from "../../src/host/premiere/cutawayAudio";
import { createCutaway } from "../../src/app/cutaway";
import { FileSettingsStore } from "../../src/host/common/fileSettingsStore";
import { MemorySecretStore } from "../../src/host/memory/memorySecretStore";
import { PremiereEditorHost } from "../../src/host/premiere/premiereEditorHost";
import { appRig, catalogOf, settlePlaced, type AppRig } from "../app/appRig";
import { ScriptedBackend } from "../jobs/scriptedBackend";
import { scaledClock } from "../support/scaledClock";
import { watchEditorClips } from "./helpers";
import { truthSequence } from "./truthSequence";

/** A model that takes first and last frames, for continuity. */
class FramesBackend extends ScriptedBackend {
  override capabilities(): BackendCapabilities {
    const c = super.capabilities();
    return { ...c, models: c.models.map((m) => ({ ...m, imageToVideo: true, lastFrame: true })) };
  }
}

const base: GenerateRequest = { kind: "fill-gaps", scope: "all-gaps", prompt: "harbour at dawn", stylePreset: "none", backend: "fake", model: "m", takes: 1, continuity: false, placement: "all-at-once", mode: "generate" };

async function strictRig(rate: FrameRate): Promise<AppRig & { violations: string[]; exported: bigint[] }> {
  const files = new MemoryFileStore();
  const exported: bigint[] = [];
  const sim = createPremiereSim(stateFromSnapshot(truthSequence(rate)), {
    // generated video carries sound, as most providers' does: it must never reach A1–A2
    probe: async (p) => (/\.png$/i.test(p) ? { media: "still", durationTicks: null, hasAudio: false } : { media: "video", durationTicks: 10n * 254_016_000_000n, hasAudio: true }),
    exportFrame: async (dir, name, _w, _h, at) => {
      exported.push(at);
      await files.writeAtomic(`${dir}/${name}`, encodePng(16, 9, new Uint8Array(16 * 9 * 3).fill(80)));
      return true;
    },
  });
  const violations = watchEditorClips(sim);
  const clock = scaledClock(200);
  const backends = new Map([
    ["fake", new FramesBackend({ pollsToComplete: 2 }, clock.now)],
    ["slate", new ScriptedBackend({ pollsToComplete: 1 }, clock.now)],
  ]);
  const rig = await appRig(truthSequence(rate), { pollsToComplete: 2 }, { files, sim, backends });
  return { ...rig, violations, exported };
}

const clipsOf = (rig: AppRig) => rig.sim.core.activeSequence()!.tracks.flatMap((t) => t.clips);
const cutawayClips = (rig: AppRig) => {
  const ours = new Set(rig.sim.core.state.items.filter((i) => i.metadata.CutawayProvenance).map((i) => i.id));
  return clipsOf(rig).filter((c) => ours.has(c.itemId));
};

type UseCase = (rig: AppRig & { exported: bigint[] }) => Promise<void>;

const useCases: Record<string, UseCase> = {
  "fill gaps": async (rig) => {
    const { requestId, preview } = await rig.app.run(base, { confirmed: true });
    await settlePlaced(rig.app, requestId);
    expect(cutawayClips(rig)).toHaveLength(preview.items.length);
    const audio = audioTracksOf(rig.sim.core.activeSequence()!);
    expect(audio.map((a) => a.name)).toEqual(["Audio 1", "Audio 2", CUTAWAY_AUDIO_TRACK]);
  },
  "replace placeholders": async (rig) => {
    const { requestId, preview } = await rig.app.run({ ...base, kind: "replace-placeholders", scope: "placeholders" }, { confirmed: true });
    expect(preview.items.map((i) => i.replaces)).toEqual(expect.arrayContaining(["PLACEHOLDER – harbour"]));
    await settlePlaced(rig.app, requestId);
    expect(cutawayClips(rig)).toHaveLength(preview.items.length);
    for (const name of preview.items.map((i) => i.replaces)) expect(clipsOf(rig).find((c) => c.name === name)!.disabled).toBe(true);
  },
  "B-roll": async (rig) => {
    const { requestId, preview } = await rig.app.run({ ...base, kind: "broll", scope: "selection" }, { confirmed: true });
    expect(preview.items).not.toHaveLength(0);
    await settlePlaced(rig.app, requestId);
    expect(cutawayClips(rig)).toHaveLength(preview.items.length);
  },
  "script → new sequence": async (rig) => {
    const editor = rig.sim.core.activeSequence()!;
    const shots: ShotDraft[] = [1, 2].map((n) => ({ id: `s${n}`, number: n, text: `Shot ${n}`, prompt: `harbour shot ${n}`, negativePrompt: "", durationSeconds: 4 }));
    const { requestId } = await rig.app.run({ ...base, kind: "script-to-cut", scope: "script", shots, destination: "new-sequence", sequenceName: "Rough cut", backend: "slate", model: "slate", mode: "draft" }, { confirmed: true });
    await settlePlaced(rig.app, requestId);
    const seq = rig.sim.core.activeSequence()!;
    expect([seq.name, seq.ticksPerFrame, seq.width, seq.height]).toEqual(["Rough cut", editor.ticksPerFrame, editor.width, editor.height]);
    expect(cutawayClips(rig)).toHaveLength(2);
  },
  "take swap": async (rig) => {
    const { requestId } = await rig.app.run({ ...base, takes: 2 }, { confirmed: true });
    await settlePlaced(rig.app, requestId);
    const before = cutawayClips(rig).map((c) => [c.start, c.end]);
    const take2 = rig.app.getState().jobs.find((j) => j.take === 2 && j.canUseTake)!;
    await rig.app.useTake(take2.id);
    expect(cutawayClips(rig).map((c) => [c.start, c.end])).toEqual(before);
    expect(rig.sim.core.undoStack.at(-1)!.name).toBe("Cutaway: use take 2");
  },
  "continuity frames": async (rig) => {
    const { requestId, preview } = await rig.app.run({ ...base, continuity: true }, { confirmed: true });
    await settlePlaced(rig.app, requestId);
    expect(rig.exported.length).toBeGreaterThan(0);
    const jobs = rig.app.engine.list().filter((j) => j.requestId === requestId);
    expect(jobs.every((j) => j.request.firstFramePath || j.request.lastFramePath)).toBe(true);
    expect(cutawayClips(rig)).toHaveLength(preview.items.length);
  },
};

describe.each([
  ["23.976", RATES.fps23_976],
  ["29.97 DF", RATES.fps29_97],
])("on a real-world cut at %s", (_label, rate) => {
  it.each(Object.keys(useCases))("%s works and no editor clip changes at any moment", async (name) => {
    const rig = await strictRig(rate);
    // the panel re-reads the timeline while Cutaway's own steps commit: it must never flash an error
    const hostMessages = new Set<string>();
    rig.app.subscribe((st) => void (st.hostMessage && hostMessages.add(st.hostMessage)));
    await useCases[name]!(rig);
    expect([...hostMessages]).toEqual([]);
    expect(rig.app.getState().notices.filter((n) => n.level !== "info")).toEqual([]);
    expect(rig.violations).toEqual([]);
    await rig.app.dispose();
  });
});

describe("undo steps (issue 12 item 13)", () => {
  it("filling 4 gaps with slates takes one prep step and one named edit step; after Undo the Jobs list offers Place again", async () => {
    const cut = snapshotBuilder(RATES.fps23_976, "Four gaps")
      .track([{ at: 0, len: 96 }, { at: 144, len: 96 }, { at: 288, len: 96 }, { at: 432, len: 96 }, { at: 576, len: 96 }])
      .track([{ at: 200, len: 48, name: "Lower third", media: null, kind: "title" }])
      .build();
    const rig = await appRig(cut);
    await rig.app.saveSettings({ placement: "as-they-arrive" });
    const { requestId, preview } = await rig.app.run({ ...base, mode: "draft", backend: "slate", model: "slate" }, { confirmed: true });
    expect(preview.items).toHaveLength(4);
    await settlePlaced(rig.app, requestId);
    expect(rig.sim.core.undoStack.map((u) => u.name)).toEqual(['Cutaway: create bin "Cutaway"', "Cutaway: prepare media", "Cutaway: fill 4 gaps"]);
    expect(rig.app.getState().jobs.map((j) => j.state)).toEqual(Array(4).fill("placed"));

    rig.sim.core.undo();
    await rig.app.refresh();
    const jobs = rig.app.getState().jobs;
    expect(jobs.map((j) => [j.state, j.canPlaceAgain, j.placedClipId])).toEqual(Array(4).fill(["downloaded", true, undefined]));

    await rig.app.placeAgain(jobs[0]!.id);
    expect(rig.app.getState().jobs.map((j) => j.state)).toEqual(["placed", "downloaded", "downloaded", "downloaded"]);
    expect(rig.sim.core.undoStack.at(-1)!.name).toBe("Cutaway: place shot 1 again");
    await rig.app.dispose();
  });
});

describe("events (issue 12 item 12)", () => {
  it("follows the editor's playhead and selection with no SELECTION_CHANGED event: a light poll while the panel is visible", async () => {
    const seq = snapshotBuilder(RATES.fps24, "Poll").track([{ at: 0, len: 48 }, { at: 96, len: 48 }]).build();
    const sim = createPremiereSim(stateFromSnapshot(seq));
    const files = new MemoryFileStore();
    const clock = scaledClock(200);
    let visible = false;
    const app = createCutaway({
      host: new PremiereEditorHost(sim.module, { sleep: sim.clock.sleep, files }),
      files,
      secrets: new MemorySecretStore(),
      settings: new FileSettingsStore(files),
      clock,
      backends: catalogOf(new Map([["slate", new ScriptedBackend({ pollsToComplete: 1 }, clock.now)]])),
      hostPoll: { everyMs: 2_000, visible: () => visible },
    });
    await app.start();
    const playhead = () => app.getState().sequence?.playheadTimecode;
    expect(playhead()).toBe("00:00:00:00");
    sim.core.mutate((s) => void (s.sequences[0]!.playhead = 72n * 10_584_000_000n), "selection");
    await new Promise((r) => setTimeout(r, 60));
    expect(playhead()).toBe("00:00:00:00"); // no event reached the panel, and it is hidden: nothing polls
    visible = true;
    for (let i = 0; i < 100 && playhead() !== "00:00:03:00"; i++) await new Promise((r) => setTimeout(r, 10));
    expect(playhead()).toBe("00:00:03:00");
    await app.dispose();
  });
});
