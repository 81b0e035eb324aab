/**
 * The browser workbench entry: the same panel, wired to the in-memory Premiere seeded with the demo
 * sequence, files mirrored to localStorage (a reload is a panel reload), and the offline backends.
 */
import React from "react";
import { createRoot } from "react-dom/client";
import { createCutaway } from "../app/cutaway";
import type { BackendCatalog } from "../app/ports";
import { encodePng } from "../backends/slate/png";
import { SlateBackend } from "../backends/slate/slateBackend";
import type { GenerationBackend } from "../backends/types";
import { FileSettingsStore } from "../host/common/fileSettingsStore";
import { MemorySecretStore } from "../host/memory/memorySecretStore";
import { systemClock } from "../host/memory/systemClock";
import { PremiereEditorHost } from "../host/premiere/premiereEditorHost";
import { demoSequence } from "../host/sim/demoSequence";
import { createPremiereSim } from "../host/sim/premiereSim";
import { stateFromSnapshot } from "../host/sim/seed";
import { deserializeState, serializeState } from "../host/sim/simJson";
import { BrowserFileStore, clearWorkbenchStorage } from "../workbench/browserFiles";
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

const slate = new SlateBackend();
const backends = new Map<string, GenerationBackend>([["slate", slate]]);
const catalog: BackendCatalog = {
  ids: () => [...backends.keys()],
  capabilities: (id) => backends.get(id)!.capabilities(),
  create: (id) => backends.get(id)!,
};

const host = new PremiereEditorHost(sim.module);
const app = createCutaway({ host, files, secrets: new MemorySecretStore(), settings: new FileSettingsStore(files), clock: systemClock, backends: catalog });
(window as unknown as { cutaway: unknown }).cutaway = { app, sim };

const reset = (): void => {
  clearWorkbenchStorage(storage);
  window.location.reload();
};

createRoot(document.getElementById("root")!).render(<Workbench api={app} core={sim.core} onReset={reset} />);
void app.start();
