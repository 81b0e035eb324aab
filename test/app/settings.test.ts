/** Settings as the editor types them: a wrong server or workflow is refused with the reason, nothing half-saved. */
import { demoSequence } from "../../src/host/sim/demoSequence";
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
