/**
 * Stills as jobs on the gateway backend: the images call answers at once, so the "job" is the still
 * kept on disk (receivedStills.ts) before submit returns, and its ref points there. Status and
 * download read it back; findJob after a lost answer or a reload finds it by the idempotency key, and
 * never sends a paid call again: no kept still means the editor decides (the call may have been billed).
 */
import { GenerationError } from "../errors";
import type { HttpClient } from "../http";
import { ReceivedStills } from "../receivedStills";
import type { GenerationRequest, JobRef, JobStatus, MediaDownload, ModelCapabilities } from "../types";
import { callImages, runtimeSendsFiles, type ImageCallDeps } from "./imageCall";
import type { OpenAIImageModel } from "./imageModels";

export const STILL_JOB_PREFIX = "still-";

export class GatewayStills {
  private readonly kept: ReceivedStills | null;

  constructor(
    private readonly deps: ImageCallDeps & { readonly backendId: string; readonly http: HttpClient },
    files: import("../../platform/ports").FileStore | undefined,
  ) {
    this.kept = files ? new ReceivedStills(files) : null;
  }

  static isStill(ref: JobRef): boolean {
    return ref.providerJobId.startsWith(STILL_JOB_PREFIX) && typeof ref.urls?.["still"] === "string";
  }

  async submit(m: OpenAIImageModel, req: GenerationRequest, key: string, signal?: AbortSignal): Promise<JobRef> {
    const kept = this.store();
    // a still already answered for this key (a retried submit after a reload): never paid twice
    const already = await kept.find(key);
    if (already) return this.ref(m.id, key, already);
    const still = await callImages(this.deps, m, req, signal);
    let path: string;
    try {
      path = await kept.keep(key, still.bytes, still.ext);
    } catch {
      throw this.deps.http.error("transient", `${this.deps.label} made this still, but Cutaway could not keep it on disk. Cutaway will not pay for it again by itself; free some disk space and retry.`, { outcomeUnknown: true });
    }
    return this.ref(m.id, key, path);
  }

  async status(ref: JobRef, m: OpenAIImageModel | undefined): Promise<JobStatus> {
    if (await this.store().exists(ref.urls!["still"]!)) return { state: "completed", ...(m ? { costUsd: m.pricePerImageUsd } : {}) };
    return { state: "failed", error: this.deps.http.error("expired", "The still Cutaway received is no longer in its folder; generate it again.") };
  }

  download(ref: JobRef): Promise<MediaDownload> {
    return this.store().read(ref.urls!["still"]!);
  }

  async find(model: string, key: string): Promise<JobRef> {
    const path = await this.store().find(key);
    if (path) return this.ref(model, key, path);
    throw this.deps.http.error(
      "invalid_request",
      `The connection to ${this.deps.label} dropped while it made this still, so Cutaway never received it and cannot ask for it again (the call may have been billed). Retry sends it again and pays again.`,
      { outcomeUnknown: true },
    );
  }

  private store(): ReceivedStills {
    if (!this.kept) throw new GenerationError("invalid_request", "This build cannot keep stills from the gateway's image models on disk; pick another model.", { provider: this.deps.backendId });
    return this.kept;
  }

  private ref(model: string, key: string, path: string): JobRef {
    return { backend: this.deps.backendId, model, providerJobId: `${STILL_JOB_PREFIX}${key}`, urls: { still: path } };
  }
}

export function imageModelCapabilities(m: OpenAIImageModel): ModelCapabilities {
  const aspects = [...new Set(m.sizes.map((s) => s.aspect))];
  return {
    id: m.id,
    label: m.label,
    // a still is held for as long as the shot runs: no generation length to choose
    durationsSeconds: [],
    aspects,
    sizes: m.sizes,
    fps: 24,
    imageToVideo: false,
    lastFrame: false,
    negativePrompt: false,
    seed: false,
    maxPromptChars: m.maxPromptChars,
    pricePerSecondUsd: 0,
    still: true,
    pricePerImageUsd: m.pricePerImageUsd,
    ...(m.references && runtimeSendsFiles() ? { references: m.references } : {}),
    ...(m.typicalRenderSeconds !== undefined ? { typicalRenderSeconds: m.typicalRenderSeconds } : {}),
  };
}
