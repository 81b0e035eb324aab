/** Settings as the editor types them: a wrong server or workflow is refused with the reason, nothing half-saved. */
import { createCutaway } from "../../src/app/cutaway";
import { createBackendCatalog } from "../../src/backends/catalog";
import { FileSettingsStore } from "../../src/host/common/fileSettingsStore";
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import { MemorySecretStore } from "../../src/host/memory/memorySecretStore";
import { systemClock } from "../../src/host/memory/systemClock";
import { PremiereEditorHost } from "../../src/host/premiere/premiereEditorHost";
import { demoSequence } from "../../src/host/sim/demoSequence";
import { createPremiereSim } from "../../src/host/sim/premiereSim";
import { stateFromSnapshot } from "../../src/host/sim/seed";
import { appRig } from "./appRig";

test("a server address that is not a URL is refused and the saved ones stay", async () => {
  const rig = await appRig(demoSequence());
  await rig.app.saveSettings({ baseUrls: { "openai-videos": "http://localhost:4000/v1" } });
  await expect(rig.app.saveSettings({ baseUrls: { "openai-videos": "localhost 4000" } })).rejects.toThrow(/not a server address for openai-videos/);
  expect(rig.app.getState().settings.baseUrls).toEqual({ "openai-videos": "http://localhost:4000/v1" });
  await rig.app.saveSettings({ baseUrls: { comfyui: "http://gpu1:8188, http://gpu2:8188" } });
  expect(rig.app.getState().settings.baseUrls["comfyui"]).toBe("http://gpu1:8188, http://gpu2:8188");
  await rig.app.dispose();
});

test("a ComfyUI workflow without {{prompt}} or not in API format is refused with what to do", async () => {
  const rig = await appRig(demoSequence());
  await expect(rig.app.saveSettings({ comfyWorkflow: '{"3": {"class_type": "KSampler", "inputs": {"seed": 1}}}' })).rejects.toThrow(/no \{\{prompt\}\} placeholder/);
  await expect(rig.app.saveSettings({ comfyWorkflow: '{"nodes": [], "links": []}' })).rejects.toThrow(/API format/);
  expect(rig.app.getState().settings.comfyWorkflow).toBeNull();
  await rig.app.saveSettings({ comfyWorkflow: '{"6": {"class_type": "CLIPTextEncode", "inputs": {"text": "{{prompt}}"}}}' });
  expect(rig.app.getState().settings.comfyWorkflow).toContain("{{prompt}}");
  await rig.app.dispose();
});

test("ComfyUI's abilities come from the editor's saved workflow, not a sample", async () => {
  const files = new MemoryFileStore();
  const sim = createPremiereSim(stateFromSnapshot(demoSequence()));
  const app = createCutaway({ host: new PremiereEditorHost(sim.module, { sleep: sim.clock.sleep }), files, secrets: new MemorySecretStore(), settings: new FileSettingsStore(files), clock: systemClock, backends: createBackendCatalog({ fetch, clock: systemClock, only: ["comfyui"] }) });
  await app.start();
  const comfy = () => app.getState().providers.find((p) => p.id === "comfyui")!.models[0]!;
  expect(comfy().imageToVideo).toBe(false);
  await app.saveSettings({ comfyWorkflow: JSON.stringify({ "6": { class_type: "CLIPTextEncode", inputs: { text: "{{prompt}}" } }, "7": { class_type: "CLIPTextEncode", inputs: { text: "{{negative}}" } }, "9": { class_type: "LoadImage", inputs: { image: "{{image}}" } } }) });
  expect(comfy().imageToVideo).toBe(true);
  await app.dispose();
});

describe("bad numbers never drop a cap", () => {
  test("a budget of -1, NaN, Infinity, \"1,000\", \"1,5\" or \"fifty\" is refused with what to type, and the cap stays", async () => {
    const rig = await appRig(demoSequence());
    await rig.app.saveSettings({ budgetUsd: 20 });
    const cases: Array<[number | string, RegExp]> = [
      [-1, /cannot be negative.*type 0 to stop all spending/],
      ["-5", /cannot be negative/],
      [Number.NaN, /must be an amount in dollars, like 50 or 2\.50/],
      [Number.POSITIVE_INFINITY, /must be an amount in dollars/],
      ["1,000", /“1,000” is ambiguous .*like 1000 or 2\.50/],
      ["1,5", /ambiguous/],
      ["fifty", /must be an amount in dollars, like 50 or 2\.50, not “fifty”/],
      [1e12, /more than Cutaway can hold to/],
    ];
    for (const [value, sentence] of cases) {
      await expect(rig.app.saveSettings({ budgetUsd: value })).rejects.toThrow(sentence);
      expect(rig.app.getState().settings.budgetUsd).toBe(20);
    }
    // the refusal is told to the editor, not swallowed
    expect(rig.app.getState().notices.some((n) => /ambiguous/.test(n.message))).toBe(true);
    await rig.app.dispose();
  });

  test("amounts read unambiguously are taken: \"$50\", \"$1,000\", \"1,000.50\", \" 12.5 \"; empty is an explicit \"no cap\"", async () => {
    const rig = await appRig(demoSequence());
    for (const [typed, usd] of [["$50", 50], ["$1,000", 1000], ["1,000.50", 1000.5], [" 12.5 ", 12.5], ["0", 0]] as const) {
      await rig.app.saveSettings({ budgetUsd: typed });
      expect(rig.app.getState().settings.budgetUsd).toBe(usd);
    }
    await rig.app.saveSettings({ budgetUsd: "" });
    expect(rig.app.getState().settings.budgetUsd).toBeNull();
    await rig.app.dispose();
  });

  test("confirm-above and concurrency refuse what they cannot use instead of resetting to a default", async () => {
    const rig = await appRig(demoSequence());
    await rig.app.saveSettings({ confirmAboveUsd: "$2.50", concurrency: 2 });
    for (const v of [Number.NaN, -1, "", "1,000"]) await expect(rig.app.saveSettings({ confirmAboveUsd: v })).rejects.toThrow(/“Ask above”/);
    for (const v of [0, 17, 2.5, Number.NaN, "four"]) await expect(rig.app.saveSettings({ concurrency: v })).rejects.toThrow(/Shots at once must be a whole number from 1 to 16/);
    await expect(rig.app.saveSettings({ wordsPerSecond: 0 })).rejects.toThrow(/Narration speed/);
    expect(rig.app.getState().settings).toMatchObject({ confirmAboveUsd: 2.5, concurrency: 2 });
    await rig.app.dispose();
  });

  test("a settings file whose limits cannot be read holds them at their strictest, not at none", async () => {
    const files = new MemoryFileStore();
    await files.writeAtomic(files.join(await files.dataFolder(), "settings.json"), JSON.stringify({ budgetUsd: "$50", confirmAboveUsd: -3, concurrency: 0 }));
    const rig = await appRig(demoSequence(), undefined, { files });
    expect(rig.app.getState().settings).toMatchObject({ budgetUsd: 0, confirmAboveUsd: 0, concurrency: 1 });
    await rig.app.dispose();
    // a file without them gets the defaults
    const fresh = await appRig(demoSequence());
    expect(fresh.app.getState().settings).toMatchObject({ budgetUsd: null, confirmAboveUsd: 5, concurrency: 4 });
    await fresh.app.dispose();
  });
});
