/**
 * OpenAI's `/videos` API as gateways still serve it after the hosted Sora API shut down: a LiteLLM
 * proxy (any base URL) or OpenRouter's near-copy. Plain fetch + zod rather than the `openai` SDK,
 * whose upload path needs File/TextEncoder (absent in UXP) and which sends no idempotency key.
 * The generic variant can list jobs, so a create lost on the wire is reconciled instead of repeated;
 * OpenRouter has no list, so there the engine reports it instead. Image models (storyboard stills)
 * go to the generic gateway's `/images` endpoints through the openai SDK (stillJobs.ts).
 */
import type { Clock, Fetch, FileStore } from "../../platform/ports";
import { GenerationError } from "../errors";
import { HttpClient } from "../http";
import { buildVideoBody } from "./body";
import { backendIdOf, defaultLabel, OPENAI_VIDEOS_BACKEND_ID, OPENROUTER_BASE_URL, type OpenAIVideosVariant } from "./variant";
import type { BackendCapabilities, FindJobOptions, GenerationBackend, GenerationRequest, JobRef, JobStatus, MediaDownload, ModelCapabilities, SubmitOptions } from "../types";
import { GATEWAY_MODELS, OPENROUTER_MODELS, type OpenAIVideoModel } from "./models";
import { isContentPolicy, jobErrorOf, readVideoGatewayError, videoListSchema, videoSchema, type Video } from "./schemas";
import { LostCreates } from "../lostCreates";
import { modelBasics } from "../modelBasics";
import { GATEWAY_IMAGE_MODELS, type OpenAIImageModel } from "./imageModels";
import { GatewayStills, imageModelCapabilities } from "./stillJobs";
import { loadOpenAISdk, type OpenAISdkModule } from "./imageCall";

export { OPENAI_VIDEOS_BACKEND_ID, OPENROUTER_BACKEND_ID, OPENROUTER_BASE_URL, backendIdOf, type OpenAIVideosVariant } from "./variant";

export interface OpenAIVideosBackendOptions {
  readonly fetch: Fetch;
  /** sent as `Authorization: Bearer <key>`, only to the base URL */
  readonly apiKey: string;
  /** "http://host:4000/v1" for a LiteLLM proxy; required for the generic variant (there is no hosted default) */
  readonly baseUrl?: string;
  readonly variant?: OpenAIVideosVariant;
  /** the gateway's name in messages ("video gateway" unless the editor named it) */
  readonly label?: string;
  readonly clock?: Pick<Clock, "now">;
  /** model descriptors (default: the variant's list); add the editor's own ids with gatewayModel */
  readonly models?: readonly OpenAIVideoModel[];
  /** image models on the gateway's `/images` endpoints (generic variant; default GATEWAY_IMAGE_MODELS) */
  readonly imageModels?: readonly OpenAIImageModel[];
  /** where stills are kept the moment they arrive (without it, image models refuse to run) */
  readonly files?: FileStore;
  /** how the openai SDK is loaded for image calls (default: a lazy chunk; tests hand the module in) */
  readonly loadOpenAI?: () => Promise<OpenAISdkModule>;
}


export class OpenAIVideosBackend implements GenerationBackend {
  readonly id: string;
  private readonly http: HttpClient;
  private readonly base: string;
  private readonly variant: OpenAIVideosVariant;
  private readonly label: string;
  private readonly models: readonly OpenAIVideoModel[];
  private readonly now: () => number;
  private readonly lost: LostCreates;
  private readonly imageModels: readonly OpenAIImageModel[];
  private readonly stills: GatewayStills;

  constructor(private readonly o: OpenAIVideosBackendOptions) {
    this.variant = o.variant ?? "generic";
    this.id = backendIdOf(this.variant);
    const base = o.baseUrl ?? (this.variant === "openrouter" ? OPENROUTER_BASE_URL : "");
    if (!base) throw new GenerationError("invalid_request", "Enter your video gateway's base URL (for example http://localhost:4000/v1) in Settings.", { provider: OPENAI_VIDEOS_BACKEND_ID });
    this.base = base.replace(/\/+$/, "");
    this.label = o.label ?? defaultLabel(this.variant);
    this.models = o.models ?? (this.variant === "openrouter" ? OPENROUTER_MODELS : GATEWAY_MODELS);
    const clock = o.clock;
    this.now = clock ? () => clock.now() : Date.now;
    this.lost = new LostCreates(this.now);
    this.http = new HttpClient({ fetch: o.fetch, provider: this.label, providerId: this.id, secrets: [o.apiKey], readError: readVideoGatewayError, now: this.now });
    // OpenRouter makes images through chat completions, not /images
    this.imageModels = this.variant === "generic" ? (o.imageModels ?? GATEWAY_IMAGE_MODELS) : [];
    this.stills = new GatewayStills({ fetch: o.fetch, loadSdk: o.loadOpenAI ?? loadOpenAISdk, apiKey: o.apiKey, baseUrl: this.base, http: this.http, now: this.now, label: this.label, backendId: this.id }, o.files);
  }

  capabilities(): BackendCapabilities {
    return openAIVideosCapabilities(this.models, this.variant, this.label, this.imageModels);
  }

  async submit(request: GenerationRequest, options: SubmitOptions): Promise<JobRef> {
    const still = this.imageModels.find((m) => m.id === request.model);
    if (still) return this.stills.submit(still, request, options.idempotencyKey, options.signal);
    const model = this.model(request.model);
    const body = buildVideoBody(model, request, this.variant, this.label);
    this.lost.starting(options.idempotencyKey);
    const video = await this.http.json(
      {
        method: "POST",
        url: `${this.base}/videos`,
        headers: { ...this.auth(), "idempotency-key": options.idempotencyKey },
        json: body,
        creates: true,
        ...(options.signal ? { signal: options.signal } : {}),
      },
      videoSchema,
    );
    this.lost.claim(video.id);
    return this.ref(model.id, video.id);
  }

  async status(ref: JobRef, signal?: AbortSignal): Promise<JobStatus> {
    if (GatewayStills.isStill(ref)) return this.stills.status(ref, this.imageModels.find((m) => m.id === ref.model));
    const v = await this.http.json({ method: "GET", url: this.videoUrl(ref), headers: this.auth(), ...(signal ? { signal } : {}) }, videoSchema);
    return this.toStatus(v);
  }

  private toStatus(v: Video): JobStatus {
    const progress = typeof v.progress === "number" ? Math.min(1, Math.max(0, v.progress / 100)) : undefined;
    const withProgress = progress !== undefined ? { progress } : {};
    switch (v.status) {
      case "queued":
      case "pending":
        return { state: "queued", ...withProgress };
      case "completed":
        return {
          state: "completed",
          mediaUrl: this.contentUrl(v.id, "video"),
          ...(this.variant === "generic" ? { thumbnailUrl: this.contentUrl(v.id, "thumbnail") } : {}),
          ...(typeof v.expires_at === "number" ? { expiresAt: v.expires_at * 1000 } : {}),
          ...(typeof v.usage?.cost === "number" ? { costUsd: v.usage.cost } : {}),
        };
      case "failed":
        return { state: "failed", error: this.jobFailure(v) };
      case "cancelled":
        return { state: "failed", error: this.http.error("cancelled", `The shot was cancelled at ${this.label}.`) };
      case "expired":
        return { state: "failed", error: this.http.error("expired", `This job is no longer available at ${this.label} (it expired). Generate the shot again.`) };
      default:
        // in_progress, or a state a gateway added later: keep polling rather than fail a paid job
        return { state: "running", ...withProgress };
    }
  }

  private jobFailure(v: Video): GenerationError {
    const { code, message } = jobErrorOf(v);
    const said = this.http.detail(message);
    const extra = code ? { providerCode: code } : {};
    if (isContentPolicy(code, message)) {
      return this.http.error("content_policy", `The prompt was blocked by ${this.label}'s content policy${said ? `: ${said}` : ""}. Reword the prompt or change the reference frame.`, extra);
    }
    return this.http.error("transient", `${this.label} could not finish this shot${said ? `: ${said}` : ""}. Generate it again.`, extra);
  }

  async download(ref: JobRef, status: Extract<JobStatus, { state: "completed" }>, signal?: AbortSignal): Promise<MediaDownload> {
    if (GatewayStills.isStill(ref)) return this.stills.download(ref);
    const url = status.mediaUrl ?? this.contentUrl(ref.providerJobId, "video");
    try {
      return await this.http.download({ url, headers: this.auth(), ...(signal ? { signal } : {}), defaultExtension: "mp4" });
    } catch (e) {
      // "completed" with no video before its expiry: a LiteLLM-proxied Veo block, not a lost file
      if (e instanceof GenerationError && e.reason === "expired" && e.details.status === 404 && status.expiresAt !== undefined && this.now() < status.expiresAt) {
        throw this.http.error(
          "content_policy",
          `${this.label} reported this shot finished but has no video for it: the model most likely blocked it under its content policy. Reword the prompt or change the reference frame.`,
          { status: 404 },
        );
      }
      throw e;
    }
  }

  /** The gateway's preview still (generic variant only); the key stays with the gateway. */
  async thumbnail(ref: JobRef, signal?: AbortSignal): Promise<MediaDownload> {
    if (this.variant !== "generic") throw this.http.error("invalid_request", `${this.label} offers no thumbnails.`);
    return this.http.download({ url: this.contentUrl(ref.providerJobId, "thumbnail"), headers: this.auth(), ...(signal ? { signal } : {}), defaultExtension: "png" });
  }

  async cancel(ref: JobRef): Promise<void> {
    // a still has no job left at the gateway: it was finished when it arrived
    if (GatewayStills.isStill(ref)) return;
    try {
      await this.http.send({ method: "DELETE", url: this.videoUrl(ref), headers: this.auth() });
    } catch (e) {
      // 404 / 400: already gone or finished; nothing left to stop
      if (e instanceof GenerationError && e.reason === "invalid_request") return;
      throw e;
    }
  }

  claimJobs(providerJobIds: readonly string[]): void {
    for (const id of providerJobIds) this.lost.claim(id);
  }

  /**
   * The gateway's most recent job with this request's prompt and model, created after this create
   * started. A gateway that echoes `metadata.idempotency_key` is matched on that first. Missing from
   * the list: "not listed yet" (retryable) for a window, and only then null.
   */
  async findJob(idempotencyKey: string, request: GenerationRequest, options: FindJobOptions = {}): Promise<JobRef | null> {
    if (this.imageModels.some((m) => m.id === request.model)) return this.stills.find(request.model, idempotencyKey);
    if (options.sentAt !== undefined) this.lost.starting(idempotencyKey, options.sentAt);
    if (this.variant !== "generic") {
      throw this.http.error("invalid_request", `${this.label} cannot list jobs; check its dashboard before sending this shot again.`, { outcomeUnknown: true });
    }
    const list = await this.http.json({ method: "GET", url: `${this.base}/videos?limit=50&order=desc`, headers: this.auth() }, videoListSchema);
    const byKey = this.lost
      .unclaimed(list.data)
      .filter((v) => v.metadata?.["idempotency_key"] === idempotencyKey)
      .sort((a, b) => (b.created_at ?? 0) - (a.created_at ?? 0));
    const byPrompt = this.lost
      .candidates(idempotencyKey, list.data, (v) => (typeof v.created_at === "number" ? v.created_at * 1000 : undefined))
      .filter((v) => v.prompt === request.prompt && (!v.model || v.model === request.model));
    const newest = byKey[0] ?? byPrompt[0];
    if (!newest) {
      const later = this.lost.lookAgain(idempotencyKey, { label: this.label, id: this.id });
      if (later) throw later;
      return null;
    }
    this.lost.claim(newest.id);
    return this.ref(request.model, newest.id);
  }

  async testConnection(): Promise<void> {
    // OpenRouter's model list answers without a key; GET /key needs a valid one and costs nothing
    const url = this.variant === "generic" ? `${this.base}/videos?limit=1` : `${this.base}/key`;
    await this.http.send({ method: "GET", url, headers: this.auth() });
  }

  private ref(model: string, id: string): JobRef {
    return { backend: this.id, model, providerJobId: id };
  }

  private model(id: string): OpenAIVideoModel {
    const m = this.models.find((x) => x.id === id);
    if (!m) throw this.http.error("invalid_request", `${this.label} model "${id}" is not one Cutaway knows; pick a model from the list or add its id in Settings.`);
    return m;
  }

  private auth(): Record<string, string> {
    return { authorization: `Bearer ${this.o.apiKey}` };
  }

  private videoUrl(ref: JobRef): string {
    return `${this.base}/videos/${encodeURIComponent(ref.providerJobId)}`;
  }

  private contentUrl(id: string, variant: "video" | "thumbnail"): string {
    const base = `${this.base}/videos/${encodeURIComponent(id)}/content`;
    // OpenRouter picks an output by index and has no thumbnail variant
    return this.variant === "openrouter" ? `${base}?index=0` : `${base}?variant=${variant}`;
  }
}

function modelCapabilities(m: OpenAIVideoModel, variant: OpenAIVideosVariant): ModelCapabilities {
  return {
    ...modelBasics(m),
    imageToVideo: m.imageToVideo,
    lastFrame: variant === "openrouter" && m.lastFrame,
    negativePrompt: false,
    seed: variant === "openrouter" && m.seed,
    maxPromptChars: m.maxPromptChars,
    pricePerSecondUsd: m.pricePerSecondUsd,
    ...(m.audio !== undefined ? { audio: m.audio } : {}),
  };
}

export function openAIVideosCapabilities(
  models: readonly OpenAIVideoModel[] = GATEWAY_MODELS,
  variant: OpenAIVideosVariant = "generic",
  label = defaultLabel(variant),
  imageModels: readonly OpenAIImageModel[] = variant === "generic" ? GATEWAY_IMAGE_MODELS : [],
): BackendCapabilities {
  return {
    backend: backendIdOf(variant),
    label,
    needsKey: true,
    canListJobs: variant === "generic",
    models: [...models.map((m) => modelCapabilities(m, variant)), ...imageModels.map(imageModelCapabilities)],
    concurrency: 2,
    requestsPerMinute: 30,
  };
}
