/**
 * Luma Dream Machine (API v1, `https://api.lumalabs.ai/dream-machine/v1`, docs.lumalabs.ai checked
 * Nov 2026): `POST /generations` (video), `GET /generations/{id}`, `DELETE /generations/{id}`,
 * `GET /generations` to list. Keyframes take image URLs only: Luma has no upload API and its docs
 * ask for publicly reachable (CDN) URLs, so a data URI is not sent. A frame therefore needs the
 * studio's own image host (`uploadImage`); without one, first/last frames are refused up front with
 * an invalid_request that says so, and the models report no image-to-video.
 * Video assets are signed CDN links that expire: the engine downloads them at once.
 */
import { GenerationError } from "../errors";
import { HttpClient, originOf } from "../http";
import type { BackendCapabilities, CloudBackendOptions, FindJobOptions, GenerationBackend, GenerationRequest, ImageInput, JobRef, JobStatus, MediaDownload, ModelCapabilities, SubmitOptions } from "../types";
import { LUMA_MODELS, type LumaModel } from "./models";
import { generationListSchema, generationSchema, isModerated, readLumaError, type LumaGeneration } from "./schemas";
import { LostCreates } from "../lostCreates";
import { modelBasics } from "../modelBasics";

export const LUMA_BACKEND_ID = "luma";
export const LUMA_API_URL = "https://api.lumalabs.ai/dream-machine/v1";

/** Luma takes the key as `Authorization: Bearer <key>`, to the API origin only. */
export interface LumaBackendOptions extends CloudBackendOptions<LumaModel> {
  /** puts a frame somewhere Luma can fetch it (the studio's bucket) and returns its https URL */
  readonly uploadImage?: (image: ImageInput, name: string, signal?: AbortSignal) => Promise<string>;
}

const LABEL = "Luma";

export class LumaBackend implements GenerationBackend {
  readonly id = LUMA_BACKEND_ID;
  private readonly http: HttpClient;
  private readonly base: string;
  private readonly models: readonly LumaModel[];
  private readonly now: () => number;
  private readonly lost: LostCreates;

  constructor(private readonly o: LumaBackendOptions) {
    this.base = (o.baseUrl ?? LUMA_API_URL).replace(/\/+$/, "");
    this.models = o.models ?? LUMA_MODELS;
    const clock = o.clock;
    this.now = clock ? () => clock.now() : Date.now;
    this.lost = new LostCreates(this.now);
    this.http = new HttpClient({ fetch: o.fetch, provider: LABEL, providerId: LUMA_BACKEND_ID, secrets: [o.apiKey], readError: readLumaError, now: this.now });
  }

  capabilities(): BackendCapabilities {
    return lumaCapabilities(this.models, this.o.uploadImage !== undefined);
  }

  async submit(request: GenerationRequest, options: SubmitOptions): Promise<JobRef> {
    const model = this.model(request.model);
    const base = buildLumaBody(model, request, this.o.uploadImage !== undefined);
    const keyframes = await this.keyframes(request, options);
    this.lost.starting(options.idempotencyKey);
    const g = await this.http.json(
      { method: "POST", url: `${this.base}/generations`, headers: this.auth(), json: { ...base, ...(keyframes ? { keyframes } : {}) }, creates: true, ...(options.signal ? { signal: options.signal } : {}) },
      generationSchema,
    );
    this.lost.claim(g.id);
    return { backend: LUMA_BACKEND_ID, model: model.id, providerJobId: g.id };
  }

  private async keyframes(req: GenerationRequest, options: SubmitOptions): Promise<Record<string, { type: "image"; url: string }> | undefined> {
    const upload = this.o.uploadImage;
    if (!upload || (!req.firstFrame && !req.lastFrame)) return undefined;
    const out: Record<string, { type: "image"; url: string }> = {};
    if (req.firstFrame) out["frame0"] = { type: "image", url: await upload(req.firstFrame, `${options.idempotencyKey}-first`, options.signal) };
    if (req.lastFrame) out["frame1"] = { type: "image", url: await upload(req.lastFrame, `${options.idempotencyKey}-last`, options.signal) };
    return out;
  }

  async status(ref: JobRef, signal?: AbortSignal): Promise<JobStatus> {
    const g = await this.http.json({ method: "GET", url: this.url(ref.providerJobId), headers: this.auth(), ...(signal ? { signal } : {}) }, generationSchema);
    return this.toStatus(g);
  }

  private toStatus(g: LumaGeneration): JobStatus {
    switch (g.state) {
      case "queued":
        return { state: "queued" };
      case "completed": {
        const video = g.assets?.video;
        if (!video) return { state: "failed", error: this.http.error("transient", "Luma finished this shot but returned no video; Cutaway will generate it again.") };
        return { state: "completed", mediaUrl: video, ...(g.assets?.image ? { thumbnailUrl: g.assets.image } : {}) };
      }
      case "failed": {
        const said = this.http.detail(g.failure_reason ?? undefined);
        if (isModerated(g.failure_reason)) {
          return { state: "failed", error: this.http.error("content_policy", `The prompt or frame was blocked by Luma's moderation${said ? `: ${said}` : ""}. Reword the prompt or change the reference frame.`) };
        }
        return { state: "failed", error: this.http.error("transient", `Luma could not finish this shot${said ? `: ${said}` : ""}. Generate it again.`) };
      }
      default:
        // dreaming, or a state Luma adds later: keep polling rather than fail a paid job
        return { state: "running" };
    }
  }

  async download(ref: JobRef, status: Extract<JobStatus, { state: "completed" }>, signal?: AbortSignal): Promise<MediaDownload> {
    let url = status.mediaUrl;
    if (!url) {
      const st = await this.status(ref, signal);
      if (st.state === "failed") throw st.error;
      if (st.state !== "completed" || !st.mediaUrl) throw this.http.error("transient", "Luma has not finished this shot yet; Cutaway will check again.");
      url = st.mediaUrl;
    }
    // assets live on Luma's CDN: the key stays with the API
    const headers = originOf(url) === originOf(this.base) ? this.auth() : undefined;
    return this.http.download({ url, ...(headers ? { headers } : {}), ...(signal ? { signal } : {}), defaultExtension: "mp4" });
  }

  /** Luma has no cancel: deleting a generation is how a queued or dreaming one is stopped. */
  async cancel(ref: JobRef): Promise<void> {
    try {
      await this.http.send({ method: "DELETE", url: this.url(ref.providerJobId), headers: this.auth() });
    } catch (e) {
      if (e instanceof GenerationError && e.reason === "invalid_request") return;
      throw e;
    }
  }

  claimJobs(providerJobIds: readonly string[]): void {
    for (const id of providerJobIds) this.lost.claim(id);
  }

  /** Newest unclaimed generation with this prompt and model, created after this create started; "not listed yet" for a window before null. */
  async findJob(idempotencyKey: string, request: GenerationRequest, options: FindJobOptions = {}): Promise<JobRef | null> {
    if (options.sentAt !== undefined) this.lost.starting(idempotencyKey, options.sentAt);
    const list = await this.http.json({ method: "GET", url: `${this.base}/generations?limit=50&offset=0`, headers: this.auth() }, generationListSchema);
    const hit = this.lost
      .candidates(idempotencyKey, list.generations, (g) => Date.parse(g.created_at ?? ""))
      .find((g) => g.request?.["prompt"] === request.prompt && (!g.model || g.model === request.model));
    if (!hit) {
      const later = this.lost.lookAgain(idempotencyKey, { label: LABEL, id: LUMA_BACKEND_ID });
      if (later) throw later;
      return null;
    }
    this.lost.claim(hit.id);
    return { backend: LUMA_BACKEND_ID, model: request.model, providerJobId: hit.id };
  }

  async testConnection(): Promise<void> {
    await this.http.send({ method: "GET", url: `${this.base}/credits`, headers: this.auth() });
  }

  private url(id: string): string {
    return `${this.base}/generations/${encodeURIComponent(id)}`;
  }

  private model(id: string): LumaModel {
    const m = this.models.find((x) => x.id === id);
    if (!m) throw this.http.error("invalid_request", `Luma model "${id}" is not one Cutaway knows; pick a model from the list.`);
    return m;
  }

  private auth(): Record<string, string> {
    return { authorization: `Bearer ${this.o.apiKey}` };
  }
}

function refuse(message: string): GenerationError {
  return new GenerationError("invalid_request", message, { provider: LUMA_BACKEND_ID });
}

/** The create body without keyframes; everything Luma cannot take is refused before any money is spent. */
export function buildLumaBody(m: LumaModel, req: GenerationRequest, canHostFrames: boolean): Record<string, unknown> {
  if (!m.durationsSeconds.includes(req.durationSeconds)) throw refuse(`${m.label} makes clips of ${m.durationsSeconds.join(", ")} s, not ${req.durationSeconds} s; pick one of those lengths.`);
  if (!m.aspects.includes(req.aspect)) throw refuse(`${m.label} cannot make ${req.aspect} video (it offers ${m.aspects.join(", ")}).`);
  if (req.prompt.trim() === "") throw refuse("The shot has no prompt; describe what it should show.");
  if (req.prompt.length > m.maxPromptChars) throw refuse(`The prompt is ${req.prompt.length} characters; ${m.label} takes at most ${m.maxPromptChars}. Shorten it.`);
  if ((req.firstFrame || req.lastFrame) && !canHostFrames) {
    throw refuse(`Luma takes reference frames only as web links (it has no upload and does not accept embedded images), so ${m.label} cannot start or end on a frame here. Drop the frame, set an image host for Luma in Settings, or pick another backend.`);
  }
  const sizes = m.sizes.filter((s) => s.aspect === req.aspect).sort((a, b) => a.width * a.height - b.width * b.height);
  const area = req.size.width * req.size.height;
  const size = sizes.find((s) => s.width === req.size.width && s.height === req.size.height) ?? sizes.find((s) => s.width * s.height >= area) ?? sizes[sizes.length - 1];
  return {
    prompt: req.prompt,
    model: m.id,
    aspect_ratio: req.aspect,
    duration: `${req.durationSeconds}s`,
    ...(size ? { resolution: size.label } : {}),
  };
}

function modelCapabilities(m: LumaModel, canHostFrames: boolean): ModelCapabilities {
  return {
    ...modelBasics(m),
    imageToVideo: canHostFrames,
    lastFrame: canHostFrames,
    negativePrompt: false,
    seed: false,
    maxPromptChars: m.maxPromptChars,
    pricePerSecondUsd: m.pricePerSecondUsd,
  };
}

export function lumaCapabilities(models: readonly LumaModel[] = LUMA_MODELS, canHostFrames = false): BackendCapabilities {
  return {
    backend: LUMA_BACKEND_ID,
    label: LABEL,
    needsKey: true,
    canListJobs: true,
    models: models.map((m) => modelCapabilities(m, canHostFrames)),
    concurrency: 2,
    requestsPerMinute: 60,
  };
}
