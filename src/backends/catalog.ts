/**
 * The backends Cutaway ships, as the app's BackendCatalog: capabilities are static data (shown
 * before any key is entered), instances are made with the editor's key and base URL.
 */
import type { Clock, Fetch, FileStore } from "../platform/ports";
import { GenerationError } from "./errors";
import { FAL_BACKEND_ID, FalBackend, falBackendCapabilities } from "./fal/falBackend";
import { OPENAI_VIDEOS_BACKEND_ID, OPENROUTER_BACKEND_ID, OpenAIVideosBackend, openAIVideosCapabilities } from "./openaiVideos/openaiVideosBackend";
import { OPENROUTER_MODELS } from "./openaiVideos/models";
import { COMFYUI_BACKEND_ID, ComfyUIBackend, comfyUICapabilities, comfyWorkflow } from "./comfyui";
import { LUMA_BACKEND_ID, LumaBackend, lumaCapabilities } from "./luma";
import { REPLICATE_BACKEND_ID, ReplicateBackend, replicateBackendCapabilities } from "./replicate";
import { RUNWAY_BACKEND_ID, RunwayBackend, runwayCapabilities } from "./runway";
import { SlateBackend } from "./slate/slateBackend";
import { VEO_BACKEND_ID, VeoBackend, veoCapabilities } from "./veo";
import type { BackendCapabilities, BackendCatalog, GenerationBackend } from "./types";

export interface CatalogOptions {
  readonly fetch: Fetch;
  readonly clock: Pick<Clock, "now">;
  /** base URLs that replace the providers' own (the workbench points fal at the fake provider) */
  readonly baseUrls?: Readonly<Record<string, string>>;
  /** limit the list (the workbench offers only what works offline) */
  readonly only?: readonly string[];
  /** label suffix, e.g. " (fake provider)" */
  readonly labels?: Readonly<Record<string, string>>;
  /** where stills that arrive with their create are kept at once (the gateway's image models need it) */
  readonly files?: FileStore;
  /** how the openai SDK is loaded for the gateway's image calls (tests hand the module in) */
  readonly loadOpenAI?: () => Promise<typeof import("openai")>;
}

interface Entry {
  readonly capabilities: () => BackendCapabilities;
  readonly create: (apiKey: string, baseUrl: string | undefined, workflow: string | null) => GenerationBackend;
}

export function createBackendCatalog(o: CatalogOptions): BackendCatalog {
  const slate = new SlateBackend();
  // parsed once: the panel asks for capabilities on every cost-line update
  let comfySample: BackendCapabilities | undefined;
  const entries: Record<string, Entry> = {
    slate: { capabilities: () => slate.capabilities(), create: () => slate },
    [FAL_BACKEND_ID]: {
      capabilities: () => falBackendCapabilities(),
      create: (apiKey, baseUrl) => new FalBackend({ fetch: o.fetch, apiKey, clock: o.clock, ...(baseUrl ? { baseUrl } : {}) }),
    },
    [OPENAI_VIDEOS_BACKEND_ID]: {
      capabilities: () => openAIVideosCapabilities(),
      create: (apiKey, baseUrl) => new OpenAIVideosBackend({ fetch: o.fetch, apiKey, clock: o.clock, variant: "generic", ...(baseUrl ? { baseUrl } : {}), ...(o.files ? { files: o.files } : {}), ...(o.loadOpenAI ? { loadOpenAI: o.loadOpenAI } : {}) }),
    },
    [OPENROUTER_BACKEND_ID]: {
      capabilities: () => openAIVideosCapabilities(OPENROUTER_MODELS, "openrouter"),
      create: (apiKey, baseUrl) => new OpenAIVideosBackend({ fetch: o.fetch, apiKey, clock: o.clock, variant: "openrouter", ...(baseUrl ? { baseUrl } : {}) }),
    },
    [VEO_BACKEND_ID]: {
      capabilities: () => veoCapabilities(),
      create: (apiKey, baseUrl) => new VeoBackend({ fetch: o.fetch, apiKey, clock: o.clock, ...(baseUrl ? { baseUrl } : {}) }),
    },
    [RUNWAY_BACKEND_ID]: {
      capabilities: () => runwayCapabilities(),
      create: (apiKey, baseUrl) => new RunwayBackend({ fetch: o.fetch, apiKey, clock: o.clock, ...(baseUrl ? { baseUrl } : {}) }),
    },
    [REPLICATE_BACKEND_ID]: {
      capabilities: () => replicateBackendCapabilities(),
      create: (apiKey, baseUrl) => new ReplicateBackend({ fetch: o.fetch, apiKey, clock: o.clock, ...(baseUrl ? { baseUrl } : {}) }),
    },
    [LUMA_BACKEND_ID]: {
      capabilities: () => lumaCapabilities(),
      create: (apiKey, baseUrl) => new LumaBackend({ fetch: o.fetch, apiKey, clock: o.clock, ...(baseUrl ? { baseUrl } : {}) }),
    },
    [COMFYUI_BACKEND_ID]: {
      capabilities: () => (comfySample ??= comfyUICapabilities([editorWorkflow(SAMPLE_WORKFLOW)])),
      create: (apiKey, baseUrl, workflow) => {
        if (!workflow?.trim()) throw new GenerationError("invalid_request", "Paste your ComfyUI workflow (exported with \"Export (API)\") in Settings first.", { provider: COMFYUI_BACKEND_ID });
        // several workers behind one panel: "http://gpu1:8188, http://gpu2:8188"
        const servers = baseUrl ? baseUrl.split(/[,\s]+/).filter(Boolean) : undefined;
        return new ComfyUIBackend({ fetch: o.fetch, workflows: [editorWorkflow(workflow)], token: apiKey || null, clock: o.clock, ...(servers ? { servers } : {}) });
      },
    },
  };
  const ids = Object.keys(entries).filter((id) => !o.only || o.only.includes(id));
  const entry = (id: string): Entry => {
    const e = ids.includes(id) ? entries[id] : undefined;
    if (!e) throw new GenerationError("invalid_request", `The backend "${id}" is not available in this build; pick another in the panel.`);
    return e;
  };
  return {
    ids: () => ids,
    capabilities: (id) => {
      const c = entry(id).capabilities();
      const suffix = o.labels?.[id];
      return suffix ? { ...c, label: `${c.label}${suffix}` } : c;
    },
    create: (id, config) => {
      try {
        return entry(id).create(config.apiKey ?? "", config.baseUrl ?? o.baseUrls?.[id], config.workflow ?? null);
      } catch (e) {
        // a backend that cannot be made (no gateway URL yet) answers every call with why
        if (e instanceof GenerationError) return unavailable(id, entry(id).capabilities(), e);
        throw e;
      }
    },
  };
}

/** the shape of an editor's workflow, shown before one is pasted (ComfyUI's capabilities come from it) */
const SAMPLE_WORKFLOW = JSON.stringify({ "1": { class_type: "CLIPTextEncode", inputs: { text: "{{prompt}}" } } });

function editorWorkflow(json: string) {
  return comfyWorkflow({ id: "workflow", label: "Your ComfyUI workflow", workflow: json });
}

function unavailable(id: string, caps: BackendCapabilities, why: GenerationError): GenerationBackend {
  const fail = async (): Promise<never> => {
    throw why;
  };
  return { id, capabilities: () => caps, submit: fail, status: fail, download: fail, cancel: async () => undefined, testConnection: fail };
}
