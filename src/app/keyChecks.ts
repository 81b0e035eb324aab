/**
 * Settings › Test, and the check before a key is saved: one free call per provider that needs a
 * valid key (fal: the Platform API's pricing; Veo, Runway, Luma, Replicate, gateways: a list or
 * account call; the script LLM: its model list). A key the provider refuses is reported as refused;
 * a provider Cutaway cannot reach right now is said as such, naming the server.
 */
import { GenerationError } from "../backends/errors";
import { LlmUnavailable } from "../script/llm/llmPort";
import type { BackendCatalog } from "./ports";
import type { Settings } from "./settings";

export interface KeyCheck {
  readonly ok: boolean;
  /** the provider said the key is not valid: it must not be saved */
  readonly refused: boolean;
  readonly message: string;
}

/** the script service's LLM test, with the options it takes (declared in cutaway.ts, which builds this) */
export interface KeyCheckDeps<O extends { readonly apiKey: string | null }> {
  readonly backends: BackendCatalog;
  readonly script: { testLlm?(options: O): Promise<void> } | undefined;
  readonly llmKeyId: string;
  readonly settings: () => Settings;
  readonly options: () => O;
}

export class KeyChecks<O extends { readonly apiKey: string | null }> {
  constructor(private readonly d: KeyCheckDeps<O>) {}

  async check(provider: string, key: string | null): Promise<KeyCheck> {
    if (provider === this.d.llmKeyId) return this.llm(key);
    if (!this.d.backends.ids().includes(provider)) return { ok: false, refused: false, message: `Cutaway has no provider called ${provider} in this build.` };
    const caps = this.d.backends.capabilities(provider);
    if (caps.needsKey && !key) return { ok: false, refused: false, message: `Add your ${caps.label} key first, then test it.` };
    const s = this.d.settings();
    const baseUrl = s.baseUrls[provider];
    const b = this.d.backends.create(provider, { apiKey: key, workflow: s.comfyWorkflow, ...(baseUrl ? { baseUrl } : {}) });
    if (!b.testConnection) return { ok: true, refused: false, message: `${caps.label} are made on this computer: nothing to connect to.` };
    try {
      await b.testConnection();
      return { ok: true, refused: false, message: `${caps.label} accepted the key.` };
    } catch (e) {
      const message = e instanceof Error ? e.message : `${caps.label} could not be checked.`;
      return { ok: false, refused: e instanceof GenerationError && e.reason === "auth", message };
    }
  }

  private async llm(key: string | null): Promise<KeyCheck> {
    if (!this.d.script?.testLlm) return { ok: false, refused: false, message: "Script writing is not available in this build." };
    if (!key) return { ok: false, refused: false, message: "Add your script-writing (OpenAI) key first, then test it." };
    try {
      await this.d.script.testLlm({ ...this.d.options(), apiKey: key });
      const base = this.d.settings().llmBaseUrl;
      return { ok: true, refused: false, message: base ? `The script-writing server at ${base} accepted the key.` : "OpenAI accepted the key." };
    } catch (e) {
      return { ok: false, refused: e instanceof LlmUnavailable && e.reason === "auth", message: e instanceof Error ? e.message : "The script-writing key could not be checked." };
    }
  }
}
