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
