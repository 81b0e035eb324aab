/**
 * The backends as this session configures them: one client per provider, built on first use with its
 * key, server address and ComfyUI workflow, and dropped when any of those change. What a backend can
 * do is asked of the configured client (a workflow decides its own inputs), named as the catalog names it.
 */
import { GenerationError } from "../backends/errors";
import type { BackendCapabilities, GenerationBackend } from "../backends/types";
import type { BackendCatalog } from "./ports";
import type { Settings } from "./settings";

export class BackendClients {
  private readonly clients = new Map<string, GenerationBackend>();

  constructor(
    private readonly catalog: BackendCatalog,
    private readonly settings: () => Settings,
    /** the keys in memory for this session, by provider */
    readonly keys: Map<string, string>,
  ) {}

  get(id: string): GenerationBackend | null {
    if (!this.catalog.ids().includes(id)) return null;
    let b = this.clients.get(id);
    if (!b) {
      const s = this.settings();
      const baseUrl = s.baseUrls[id];
      b = this.catalog.create(id, { apiKey: this.keys.get(id) ?? null, workflow: s.comfyWorkflow, ...(baseUrl ? { baseUrl } : {}) });
      this.clients.set(id, b);
    }
    return b;
  }

  capabilities(id: string): BackendCapabilities {
    const listed = this.catalog.capabilities(id);
    const configured = this.get(id)?.capabilities();
    return configured ? { ...configured, label: listed.label } : listed;
  }

  /** refused before anything is planned to run: a backend that needs a key has one */
  requireKey(id: string): void {
    const c = this.catalog.capabilities(id);
    if (c.needsKey && !this.keys.has(id)) throw new GenerationError("auth", `Add your ${c.label} key in Settings first.`);
  }

  /** the next use builds the client again (a new key for one provider, or new settings for all) */
  forget(id?: string): void {
    if (id === undefined) this.clients.clear();
    else this.clients.delete(id);
  }
}
