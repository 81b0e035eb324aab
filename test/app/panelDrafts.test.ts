/** Drafts (issue 14 item 3) live in the preferences store: a new panel on the same files finds them; damage falls back to empty. */
import { createCutaway } from "../../src/app/cutaway";
import { EMPTY_DRAFTS } from "../../src/app/panelDrafts";
import { ResumeNotice } from "../../src/app/resumeNotice";
import { FileSettingsStore } from "../../src/host/common/fileSettingsStore";
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import { MemorySecretStore } from "../../src/host/memory/memorySecretStore";
import { PremiereEditorHost } from "../../src/host/premiere/premiereEditorHost";
import { demoSequence } from "../../src/host/sim/demoSequence";
import { createPremiereSim } from "../../src/host/sim/premiereSim";
import { stateFromSnapshot } from "../../src/host/sim/seed";
import type { JobView, Notice } from "../../src/app/api";
import { catalogOf } from "./appRig";
import { ScriptedBackend } from "../jobs/scriptedBackend";
import { scaledClock } from "../support/scaledClock";

function panel(files: MemoryFileStore, settings = new FileSettingsStore(files)) {
  const clock = scaledClock(200);
  const host = new PremiereEditorHost(createPremiereSim(stateFromSnapshot(demoSequence())).module, { sleep: async () => undefined });
  return createCutaway({ host, files, secrets: new MemorySecretStore(), settings, clock, backends: catalogOf(new Map([["slate", new ScriptedBackend({ pollsToComplete: 1 }, clock.now)]])) });
}

describe("panel drafts", () => {
  it("what was typed is found again by the next panel on the same preferences", async () => {
    const files = new MemoryFileStore();
    const first = panel(files);
    await first.start();
    await first.saveDraft({ fill: { prompt: "gulls over the wall", backend: "fal", model: "fal-ai/veo3.1" } });
    await first.saveDraft({ script: { text: "INT. KITCHEN - NIGHT", shots: [{ id: "shot-1", number: 1, text: "A kettle", prompt: "kettle close-up", negativePrompt: "", durationSeconds: 3 }] } });
    expect(first.getState().drafts.fill.prompt).toBe("gulls over the wall");
    await first.dispose();
    const second = panel(files);
    await second.start();
    const d = second.getState().drafts;
    expect(d.fill).toMatchObject({ prompt: "gulls over the wall", backend: "fal", model: "fal-ai/veo3.1", scope: "all-gaps" });
    expect(d.script.text).toBe("INT. KITCHEN - NIGHT");
    expect(d.script.shots.map((s) => s.prompt)).toEqual(["kettle close-up"]);
    // settings saved later keep the drafts
    await second.saveSettings({ concurrency: 2 });
    const third = panel(files);
    await third.start();
    expect(third.getState().drafts.script.shots).toHaveLength(1);
    await second.dispose();
    await third.dispose();
  });

  it("a damaged draft falls back to empty without losing the other settings", async () => {
    const files = new MemoryFileStore();
    const store = new FileSettingsStore(files);
    await store.save({ concurrency: 2, drafts: { fill: { prompt: 42 }, script: "garbage" } });
    const app = panel(files, store);
    await app.start();
    expect(app.getState().settings.concurrency).toBe(2);
    expect(app.getState().drafts.script).toEqual(EMPTY_DRAFTS.script);
    expect(app.getState().drafts.fill.prompt).toBe("");
    await app.dispose();
  });
});

describe("the resume notice", () => {
  it("goes once every resumed shot has landed, failed or been cancelled", () => {
    const shown: Notice[] = [];
    const n = new ResumeNotice({ say: (x) => shown.push(x), dismiss: (id) => shown.splice(shown.findIndex((x) => x.id === id), 1) });
    n.begin(["a", "b"], "Resuming 2 shots from before the panel was closed.");
    const job = (id: string, state: JobView["state"]) => ({ id, state }) as JobView;
    n.settle([job("a", "placed"), job("b", "running")]);
    expect(shown.map((x) => x.message)).toEqual(["Resuming 2 shots from before the panel was closed."]);
    n.settle([job("a", "placed"), job("b", "cancelled")]);
    expect(shown).toEqual([]);
  });
});
