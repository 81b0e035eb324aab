/**
 * A rig for extend / bridge / conform: the strict stand-in with frame export, scripted backends whose
 * models take first and last frames (and one cheap draft model), and drafts seeded into the Cutaway bin.
 */
import { GenerationError } from "../../src/backends/errors";
import { encodePng } from "../../src/backends/slate/png";
import type { BackendCapabilities, GenerationRequest, ModelCapabilities, SubmitOptions } from "../../src/backends/types";
import type { SequenceSnapshot } from "../../src/core/timeline";
import { MemoryFileStore } from "../../src/host/memory/memoryFileStore";
import { createPremiereSim } from "../../src/host/sim/premiereSim";
import { stateFromSnapshot } from "../../src/host/sim/seed";
import { ROOT_BIN_ID } from "../../src/host/sim/simModel";
import { ScriptedBackend } from "../jobs/scriptedBackend";
import { appRig, type AppRig } from "./appRig";

const model = (m: Partial<ModelCapabilities> & { id: string }): ModelCapabilities => ({
  label: m.id,
  durationsSeconds: [4, 6, 8],
  aspects: ["16:9"],
  sizes: [
    { width: 1280, height: 720, aspect: "16:9" },
    { width: 1920, height: 1080, aspect: "16:9" },
  ],
  fps: 24,
  imageToVideo: true,
  lastFrame: true,
  negativePrompt: false,
  seed: true,
  maxPromptChars: 500,
  pricePerSecondUsd: 0.2,
  ...m,
});

/**
 * Scripted provider with the given models; it keeps every request it accepted. As strict as the real
 * ones about frames: a last frame needs a first, and a model takes only the frames it says it does.
 */
export class FramedBackend extends ScriptedBackend {
  readonly requests: GenerationRequest[] = [];
  constructor(private readonly models: ModelCapabilities[], now: () => number) {
    super({ pollsToComplete: 1 }, now);
  }
  override capabilities(): BackendCapabilities {
    return { ...super.capabilities(), models: this.models };
  }
  override async submit(req: GenerationRequest, o: SubmitOptions) {
    const m = this.models.find((x) => x.id === req.model);
    if (!m) throw new GenerationError("invalid_request", `No model ${req.model}.`);
    if (req.lastFrame && !req.firstFrame) throw new GenerationError("invalid_request", `${m.label} needs a first frame whenever a last frame is given.`);
    if ((req.firstFrame && !m.imageToVideo) || (req.lastFrame && !m.lastFrame)) throw new GenerationError("invalid_request", `${m.label} does not take that frame.`);
    this.requests.push(req);
    return super.submit(req, o);
  }
}

export const FINAL = model({ id: "veo", label: "Veo-like" });
export const CHEAP = model({ id: "cheap", label: "Cheap 480p", sizes: [{ width: 854, height: 480, aspect: "16:9" }], pricePerSecondUsd: 0.05, lastFrame: false });
export const TEXT_ONLY = model({ id: "t2v", label: "Text only", imageToVideo: false, lastFrame: false });
export const OTHER = model({ id: "k", label: "Kling-like", durationsSeconds: [5, 10], pricePerSecondUsd: 0.1 });

export interface GrowRig extends AppRig {
  exported: bigint[];
  fake: FramedBackend;
  other: FramedBackend;
}

/** Moves seeded clips that carry provenance into the Cutaway bin, where the adapter reads provenance. */
function draftsInCutawayBin(s: SequenceSnapshot) {
  const state = stateFromSnapshot(s);
  const bin = { id: `item-${state.nextItem++}`, kind: "bin" as const, name: "Cutaway", parentId: ROOT_BIN_ID, mediaPath: "", media: "video" as const, durationTicks: null, hasAudio: false, inPoint: null, outPoint: null, colorLabel: 0, metadata: {} };
  state.items.push(bin);
  for (const it of state.items) if (it.metadata["CutawayProvenance"]) it.parentId = bin.id;
  return state;
}

export async function growRig(seq: SequenceSnapshot): Promise<GrowRig> {
  const files = new MemoryFileStore();
  const exported: bigint[] = [];
  const sim = createPremiereSim(draftsInCutawayBin(seq), {
    projectPath: "/projects/Harbour/Harbour.prproj",
    exportFrame: async (dir, name, _w, _h, at) => {
      exported.push(at);
      await files.writeAtomic(`${dir}/${name}`, encodePng(16, 9, new Uint8Array(16 * 9 * 3).fill(80)));
      return true;
    },
  });
  const now = Date.now;
  const fake = new FramedBackend([FINAL, CHEAP, TEXT_ONLY], now);
  const other = new FramedBackend([OTHER], now);
  const slate = new ScriptedBackend({ pollsToComplete: 1 }, now);
  const rig = await appRig(seq, {}, { files, sim, backends: new Map<string, ScriptedBackend>([["fake", fake], ["other", other], ["slate", slate]]) });
  await rig.app.saveSettings({ confirmAboveUsd: 100 });
  return { ...rig, exported, fake, other };
}
