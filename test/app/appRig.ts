/** The whole app headless: stand-in Premiere (real adapter), in-memory files and keys, scripted backends. */
import type { BackendCatalog } from "../../src/app/ports";
import { createCutaway, type Cutaway } from "../../src/app/cutaway";
import type { SequenceSnapshot } from "../../src/core/timeline";
import type { GenerationBackend } from "../../src/backends/types";
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import { MemorySecretStore } from "../../src/host/memory/memorySecretStore";
import { FileSettingsStore } from "../../src/host/common/fileSettingsStore";
import { PremiereEditorHost } from "../../src/host/premiere/premiereEditorHost";
import { createPremiereSim, type PremiereSim } from "../../src/host/sim/premiereSim";
import { stateFromSnapshot } from "../../src/host/sim/seed";
import { scaledClock } from "../support/scaledClock";
import { ScriptedBackend, type Script } from "../jobs/scriptedBackend";

export interface AppRig {
  app: Cutaway;
  sim: PremiereSim;
  host: PremiereEditorHost;
  files: MemoryFileStore;
  backends: Map<string, ScriptedBackend>;
}

export function catalogOf(backends: Map<string, GenerationBackend>): BackendCatalog {
  return {
    ids: () => [...backends.keys()],
    capabilities: (id) => {
      const b = backends.get(id)!;
      const c = b.capabilities();
      return { ...c, backend: id, label: id === "slate" ? "Slates" : c.label, needsKey: false };
    },
    create: (id) => backends.get(id)!,
  };
}

export async function appRig(seq: SequenceSnapshot, script: Script = { pollsToComplete: 2 }, opts: { files?: MemoryFileStore; sim?: PremiereSim; backends?: Map<string, ScriptedBackend> } = {}): Promise<AppRig> {
  const files = opts.files ?? new MemoryFileStore();
  const sim = opts.sim ?? createPremiereSim(stateFromSnapshot(seq));
  const host = new PremiereEditorHost(sim.module, { sleep: sim.clock.sleep, files });
  const clock = scaledClock(200);
  const backends = opts.backends ?? new Map([["fake", new ScriptedBackend(script, clock.now)], ["slate", new ScriptedBackend({ pollsToComplete: 1 }, clock.now)]]);
  const app = createCutaway({ host, files, secrets: new MemorySecretStore(), settings: new FileSettingsStore(files), clock, backends: catalogOf(backends) });
  await app.start();
  return { app, sim, host, files, backends };
}

/** Resolves when every job of the request is settled and placement has run. */
export async function settle(rig: AppRig, requestId: string): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    const jobs = rig.app.engine.list().filter((j) => j.requestId === requestId);
    if (jobs.length && jobs.every((j) => ["downloaded", "placed", "failed"].includes(j.state))) {
      await new Promise((r) => setTimeout(r, 5));
      await rig.app.idle();
      return;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error("request did not settle");
}

/** Resolves when every job of the request is placed or failed and placement has run. */
export async function settlePlaced(app: Cutaway, requestId: string): Promise<void> {
  for (let i = 0; i < 3000; i++) {
    const jobs = app.engine.list().filter((j) => j.requestId === requestId);
    if (jobs.length && jobs.every((j) => j.state === "placed" || j.state === "failed")) {
      await app.idle();
      return;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error("request did not settle");
}
