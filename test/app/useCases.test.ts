/** The editor's use cases end to end, headless: real adapter on the stand-in, real engine and journal. */
import type { GenerateRequest } from "../../src/app/api";
import { findPictureHoles, wholeSequence } from "../../src/core/analysis";
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import { demoSequence } from "../../src/host/sim/demoSequence";
import { createPremiereSim } from "../../src/host/sim/premiereSim";
import { stateFromSnapshot } from "../../src/host/sim/seed";
import { expectUntouched } from "../host/helpers";
import { appRig, settle } from "./appRig";

const base: GenerateRequest = { kind: "fill-gaps", scope: "all-gaps", prompt: "harbour at dawn", stylePreset: "none", backend: "fake", model: "m", takes: 1, continuity: false, placement: "all-at-once", mode: "generate" };

describe("fill gaps", () => {
  it("fills every gap of the demo sequence with clips of exactly the gap's length, in one undo step", async () => {
    const rig = await appRig(demoSequence());
    const before = await rig.host.snapshot();
    await rig.app.saveSettings({ placement: "all-at-once" });
    const { requestId, preview } = await rig.app.run(base, { confirmed: true });
    expect(preview.items.map((i) => i.trackName)).toEqual(Array(preview.items.length).fill("V2"));
    await settle(rig, requestId);
    const after = await rig.host.snapshot();
    expect(findPictureHoles(after, wholeSequence(after))).toEqual([]);
    expectUntouched(before, after);
    const placed = after.videoTracks.flatMap((t) => t.clips).filter((c) => c.provenance);
    expect(placed).toHaveLength(preview.items.length);
    // one prompt for every gap: each shot gets its own framing, never the same prompt twice
    expect(placed.every((c) => c.provenance!.prompt.endsWith("harbour at dawn") && c.provenance!.backend === "fake")).toBe(true);
    expect(new Set(placed.map((c) => c.provenance!.prompt)).size).toBe(placed.length);
    const names = rig.sim.core.undoStack.map((u) => u.name);
    expect(names.filter((n) => n.startsWith("Cutaway: fill"))).toEqual([`Cutaway: fill ${preview.items.length} gaps`]);
    const bin = rig.sim.core.state.items.find((i) => i.kind === "bin" && i.name === "Cutaway")!;
    expect(rig.sim.core.state.items.filter((i) => i.parentId === bin.id)).toHaveLength(preview.items.length);
    await rig.app.dispose();
  });

  it("places each shot as it arrives, each its own undo step, when the editor chose that", async () => {
    const rig = await appRig(demoSequence());
    await rig.app.saveSettings({ placement: "as-they-arrive" });
    const { requestId, preview } = await rig.app.run({ ...base, scope: "playhead" }, { confirmed: true });
    expect(preview.items).toHaveLength(2); // the 9.5 s hole under the playhead: 8 s + 1.5 s
    await settle(rig, requestId);
    const steps = rig.sim.core.undoStack.map((u) => u.name).filter((n) => n.startsWith("Cutaway: fill"));
    expect(steps.length).toBeGreaterThanOrEqual(1);
    expect(findPictureHoles(await rig.host.snapshot(), wholeSequence(demoSequence())).map((h) => h.frames)).toEqual([17, 48, 744]);
    await rig.app.dispose();
  });

  it("a dry run returns the plan and cost without sending anything", async () => {
    const rig = await appRig(demoSequence());
    const { preview } = await rig.app.run({ ...base, mode: "dry-run" });
    expect(preview.items.length).toBeGreaterThan(0);
    expect(preview.estimate.usd).toBeGreaterThan(0);
    expect(rig.backends.get("fake")!.calls.create).toBe(0);
    await rig.app.dispose();
  });
});

describe("replace placeholders", () => {
  it("puts generated shots above the placeholders and disables the originals", async () => {
    const rig = await appRig(demoSequence());
    const before = await rig.host.snapshot();
    const { requestId, preview } = await rig.app.run({ ...base, kind: "replace-placeholders", scope: "placeholders" }, { confirmed: true });
    expect(preview.items.map((i) => i.replaces)).toEqual(["SHOT 14", "Color Matte", "PLACEHOLDER – drone over city"]);
    await settle(rig, requestId);
    const after = await rig.host.snapshot();
    const originals = before.videoTracks[0]!.clips.filter((c) => ["SHOT 14", "Color Matte", "PLACEHOLDER – drone over city"].includes(c.name));
    expectUntouched(before, after, new Set(originals.map((c) => c.id)));
    await rig.app.dispose();
  });

  it("drafts with slates, then upgrades all slates to generated shots in one command", async () => {
    const rig = await appRig(demoSequence());
    const draft = await rig.app.run({ ...base, mode: "draft" }, { confirmed: true });
    await settle(rig, draft.requestId);
    const drafted = await rig.host.snapshot();
    const slates = drafted.videoTracks.flatMap((t) => t.clips).filter((c) => c.provenance?.slate);
    expect(slates).toHaveLength(draft.preview.items.length);
    const upgrade = await rig.app.run({ ...base, kind: "replace-placeholders", scope: "drafts", prompt: "" }, { confirmed: true });
    // each slate becomes the shot it stood for: its own recorded prompt
    expect(upgrade.preview.items.map((i) => i.prompt).sort()).toEqual(slates.map((c) => c.provenance!.prompt).sort());
    await settle(rig, upgrade.requestId);
    const after = await rig.host.snapshot();
    for (const s of slates) expect(after.videoTracks[s.trackIndex]!.clips.find((c) => c.id === s.id)!.enabled).toBe(false);
    await rig.app.dispose();
  });
});

describe("cost and safety", () => {
  it("a budget cap stops submission before any request reaches the provider", async () => {
    const rig = await appRig(demoSequence());
    await rig.app.saveSettings({ budgetUsd: 1 });
    await expect(rig.app.run(base, { confirmed: true })).rejects.toThrow(/over your budget/);
    expect(rig.backends.get("fake")!.calls.create).toBe(0);
    expect(rig.app.getState().notices.at(-1)!.message).toMatch(/over your budget/);
    await rig.app.dispose();
  });

  it("asks before spending above the confirm threshold", async () => {
    const rig = await appRig(demoSequence());
    await rig.app.saveSettings({ confirmAboveUsd: 0.5 });
    await expect(rig.app.run(base)).rejects.toThrow(/Generate\?/);
    expect(rig.backends.get("fake")!.calls.create).toBe(0);
    await rig.app.dispose();
  });
});

describe("takes", () => {
  it("puts every take in the bin, the first on the timeline, and swaps take 2 in place in one undo step", async () => {
    const rig = await appRig(demoSequence());
    const { requestId } = await rig.app.run({ ...base, scope: "playhead", takes: 2 }, { confirmed: true });
    await settle(rig, requestId);
    const first = await rig.host.snapshot();
    const take2 = rig.app.getState().jobs.find((j) => j.requestId === requestId && j.take === 2 && j.canUseTake)!;
    expect(take2).toBeDefined();
    await rig.app.useTake(take2.id);
    const after = await rig.host.snapshot();
    const placedBefore = first.videoTracks.flatMap((t) => t.clips).filter((c) => c.provenance);
    const placedAfter = after.videoTracks.flatMap((t) => t.clips).filter((c) => c.provenance);
    expect(placedAfter.map((c) => [c.start, c.end])).toEqual(placedBefore.map((c) => [c.start, c.end]));
    expect(placedAfter.filter((c) => c.provenance!.take === 2)).toHaveLength(1);
    expect(rig.sim.core.undoStack.at(-1)!.name).toBe("Cutaway: use take 2");
    await rig.app.dispose();
  });
});

describe("reload mid-generation", () => {
  it("a new app on the same journal places every shot once, none twice", async () => {
    const files = new MemoryFileStore();
    const sim = createPremiereSim(stateFromSnapshot(demoSequence()));
    const a = await appRig(demoSequence(), { pollsToComplete: 6 }, { files, sim });
    const { requestId, preview } = await a.app.run({ ...base, placement: "as-they-arrive" }, { confirmed: true });
    await new Promise((r) => setTimeout(r, 40));
    await a.app.dispose(); // the panel reloads
    const b = await appRig(demoSequence(), { pollsToComplete: 2 }, { files, sim, backends: a.backends });
    await settle(b, requestId);
    const after = await b.host.snapshot();
    const placed = after.videoTracks.flatMap((t) => t.clips).filter((c) => c.provenance);
    expect(placed).toHaveLength(preview.items.length);
    expect(new Set(placed.map((c) => c.provenance!.jobId)).size).toBe(preview.items.length);
    expect(a.backends.get("fake")!.calls.accepted).toBe(preview.items.length);
    await b.app.dispose();
  });
});
