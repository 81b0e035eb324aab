/**
 * The browser workbench entry: the same panel, wired to the in-memory Premiere seeded with the demo
 * sequence, files mirrored to localStorage (a reload is a panel reload), and the offline backends.
 * `?fake=<url>` adds fal.ai pointed at the fake provider (`npm start` runs one), so cloud jobs with
 * queues, progress, faults and cancel can be tried with no key and no network.
 */
import React from "react";
import { createRoot } from "react-dom/client";
import { createCutaway } from "../app/cutaway";
import { createScriptService } from "../app/scriptService";
import { apiKeyName } from "../app/settings";
import { createBackendCatalog } from "../backends/catalog";
import { encodePng } from "../backends/slate/png";
import { FileSettingsStore } from "../host/common/fileSettingsStore";
import { MemorySecretStore } from "../host/memory/memorySecretStore";
import { systemClock } from "../host/memory/systemClock";
import { PremiereEditorHost } from "../host/premiere/premiereEditorHost";
import { demoSequence } from "../host/sim/demoSequence";
import { createPremiereSim } from "../host/sim/premiereSim";
import { realClock } from "../host/sim/simClock";
import { stateFromSnapshot } from "../host/sim/seed";
import { deserializeState, serializeState } from "../host/sim/simJson";
import { BrowserFileStore, clearWorkbenchStorage } from "../workbench/browserFiles";
import { BrowserImagePicker } from "../workbench/browserImagePicker";
import { Workbench } from "../workbench/Workbench";

const SIM_KEY = "cutaway.workbench.sim";
const storage = window.localStorage;
const files = new BrowserFileStore(storage);

function loadState() {
  const saved = storage.getItem(SIM_KEY);
  if (saved) {
    try {
      return deserializeState(saved);
    } catch {
      storage.removeItem(SIM_KEY);
    }
  }
  return stateFromSnapshot(demoSequence());
}

const sim = createPremiereSim(loadState(), {
  projectPath: "/projects/Harbour Story/Harbour Story.prproj",
  // Premiere's late imports and frame files, on real time but shortened so the workbench stays quick
  clock: realClock(),
  strict: { importDelayMs: 400, exportFrameDelayMs: 200 },
  probe: async (path) => {
    if (!(await files.exists(path))) return null;
    return /\.png$/i.test(path) ? { media: "still", durationTicks: null, hasAudio: false } : { media: "video", durationTicks: 10n * 254_016_000_000n, hasAudio: false };
  },
  exportFrame: async (dir, name, width, height) => {
    // a grey still stands in for the neighbouring frame
    const w = Math.max(16, Math.min(width, 640));
    const h = Math.max(16, Math.min(height, 360));
    await files.writeAtomic(`${dir}/${name}`, encodePng(w, h, new Uint8Array(w * h * 3).fill(96)));
    return true;
  },
});
sim.core.onChange(() => storage.setItem(SIM_KEY, serializeState(sim.core.state)));

const fake = new URLSearchParams(window.location.search).get("fake");
const browserFetch: typeof fetch = (input, init) => window.fetch(input, init);
const catalog = createBackendCatalog({
  fetch: browserFetch,
  clock: systemClock,
  files,
  only: fake ? ["slate", "fal"] : ["slate"],
  ...(fake ? { baseUrls: { fal: fake }, labels: { fal: " (fake provider)" } } : {}),
});
const secrets = new MemorySecretStore();
// the fake provider takes any key; one is stored so the panel behaves as it does for a real account
if (fake) void secrets.set(apiKeyName("fal"), "workbench-fake-key");

const host = new PremiereEditorHost(sim.module, { files });
const app = createCutaway({ host, files, secrets, settings: new FileSettingsStore(files), clock: systemClock, backends: catalog, script: createScriptService(browserFetch), ...(fake ? { renderPriors: false } : {}), hostPoll: { everyMs: 1000, visible: () => document.visibilityState !== "hidden" }, imagePicker: new BrowserImagePicker(files) });
(window as unknown as { cutaway: unknown }).cutaway = { app, sim };

const reset = (): void => {
  clearWorkbenchStorage(storage);
  window.location.reload();
};

createRoot(document.getElementById("root")!).render(<Workbench api={app} core={sim.core} onReset={reset} fakeProvider={Boolean(fake)} />);
void app.start();
