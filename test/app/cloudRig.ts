/**
 * The whole app headless on the loopback fake providers: the strict stand-in with the real adapter,
 * in-memory files and keys, the real backend catalog pointed at the fake server, continuity frames
 * written as small PNGs (their sequence times recorded).
 */
import { createCutaway, type AppDeps, type Cutaway } from "../../src/app/cutaway";
import { apiKeyName } from "../../src/app/settings";
import { createBackendCatalog } from "../../src/backends/catalog";
import { encodePng } from "../../src/backends/slate/png";
import type { SequenceSnapshot } from "../../src/core/timeline";
import { FileSettingsStore } from "../../src/host/common/fileSettingsStore";
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import { MemorySecretStore } from "../../src/host/memory/memorySecretStore";
import { PremiereEditorHost } from "../../src/host/premiere/premiereEditorHost";
import { createPremiereSim, type PremiereSim } from "../../src/host/sim/premiereSim";
import { stateFromSnapshot } from "../../src/host/sim/seed";
import { scaledClock } from "../support/scaledClock";

export interface CloudRig {
  readonly app: Cutaway;
  readonly sim: PremiereSim;
  readonly host: PremiereEditorHost;
  readonly files: MemoryFileStore;
  /** sequence times of the frames exported for continuity, extend and references */
  readonly exported: bigint[];
}

export interface CloudRigOptions {
  /** the fake server's base URL, per backend that should use it */
  readonly baseUrls: Readonly<Record<string, string>>;
  readonly only: readonly string[];
  /** stored keys, by backend */
  readonly keys: Readonly<Record<string, string>>;
  readonly script?: AppDeps["script"];
  /** the grey level of the exported frames (tests that compare frames tell them apart) */
  readonly frameShade?: number;
}

export async function cloudRig(seq: SequenceSnapshot, o: CloudRigOptions): Promise<CloudRig> {
  const files = new MemoryFileStore();
  const exported: bigint[] = [];
  const sim = createPremiereSim(stateFromSnapshot(seq), {
    projectPath: "/projects/Harbour/Harbour.prproj",
    exportFrame: async (dir, name, _w, _h, at) => {
      exported.push(at);
      await files.writeAtomic(`${dir}/${name}`, encodePng(16, 9, new Uint8Array(16 * 9 * 3).fill(o.frameShade ?? 80)));
      return true;
    },
  });
  const host = new PremiereEditorHost(sim.module, { sleep: sim.clock.sleep, files });
  const clock = scaledClock(200);
  const secrets = new MemorySecretStore();
  for (const [backend, key] of Object.entries(o.keys)) await secrets.set(apiKeyName(backend), key);
  const backends = createBackendCatalog({ fetch, clock, only: [...o.only], baseUrls: o.baseUrls });
  const app = createCutaway({ host, files, secrets, settings: new FileSettingsStore(files), clock, backends, ...(o.script ? { script: o.script } : {}) });
  await app.start();
  return { app, sim, host, files, exported };
}
