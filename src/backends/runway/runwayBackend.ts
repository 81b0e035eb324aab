/**
 * Runway's developer API, built against API version `2024-11-06` (the `X-Runway-Version` every call sends;
 * `@runwayml/sdk` 4.12 and docs.dev.runwayml.com): `POST /v1/text_to_video` or `/v1/image_to_video` → a
 * task id; `GET /v1/tasks/{id}`; `DELETE /v1/tasks/{id}` cancels. Plain fetch + zod, like every backend.
 * Runway queues work past the account's concurrency as THROTTLED instead of refusing it, and bills nothing
 * for that wait. It has no list of tasks and no idempotency key: a create whose outcome is unknown is
 * reported, never resent (`canListJobs: false`). Output URLs are signed and expire in 24–48 h.
 */
import { GenerationError } from "../errors";
import { HttpClient, imageDataUri, originOf } from "../http";
import type { BackendCapabilities, CloudBackendOptions, GenerationBackend, GenerationRequest, JobRef, JobStatus, MediaDownload, ModelCapabilities, SubmitOptions } from "../types";
import { RUNWAY_MODELS, type RunwayModel } from "./models";
import { readRunwayError, reasonOfFailureCode, runwayCreateSchema, runwayTaskSchema, type RunwayTask } from "./schemas";
import { modelBasics } from "../modelBasics";
import { buildRunwayStill } from "./stillCall";

export const RUNWAY_BACKEND_ID = "runway";
export const RUNWAY_BASE_URL = "https://api.dev.runwayml.com";
export const RUNWAY_API_VERSION = "2024-11-06";

const LABEL = "Runway";
/** Runway's limit for an image sent inline as a data URI */
const MAX_DATA_URI_CHARS = 5 * 1024 * 1024;

/** Runway takes the API secret as `Authorization: Bearer <key>` with the version header. */
export type RunwayBackendOptions = CloudBackendOptions<RunwayModel>;

export class RunwayBackend implements GenerationBackend {
  readonly id = RUNWAY_BACKEND_ID;
  private readonly http: HttpClient;
  private readonly base: string;
  private readonly models: readonly RunwayModel[];

  constructor(private readonly o: RunwayBackendOptions) {
    this.base = (o.baseUrl ?? RUNWAY_BASE_URL).replace(/\/+$/, "");
    this.models = o.models ?? RUNWAY_MODELS;
    const clock = o.clock;
    this.http = new HttpClient({ fetch: o.fetch, provider: LABEL, providerId: RUNWAY_BACKEND_ID, secrets: [o.apiKey], readError: readRunwayError, ...(clock ? { now: () => clock.now() } : {}) });
  }

  capabilities(): BackendCapabilities {
    return runwayCapabilities(this.models);
  }

  async submit(request: GenerationRequest, options: SubmitOptions): Promise<JobRef> {
    const model = this.model(request.model);
    const call = buildRunwayCall(model, request);
    const task = await this.http.json(
      { method: "POST", url: `${this.base}/v1/${call.endpoint}`, headers: this.headers(), json: call.body, creates: true, ...(options.signal ? { signal: options.signal } : {}) },
      runwayCreateSchema,
    );
    return { backend: RUNWAY_BACKEND_ID, model: model.id, providerJobId: task.id };
  }

  async status(ref: JobRef, signal?: AbortSignal): Promise<JobStatus> {
    return this.toStatus(await this.task(ref, signal));
  }

  private task(ref: JobRef, signal?: AbortSignal): Promise<RunwayTask> {
    return this.http.json({ method: "GET", url: this.taskUrl(ref), headers: this.headers(), ...(signal ? { signal } : {}) }, runwayTaskSchema);
  }

  private toStatus(t: RunwayTask): JobStatus {
    const progress = typeof t.progress === "number" ? { progress: Math.min(1, Math.max(0, t.progress)) } : {};
    switch (t.status) {
      case "PENDING":
      case "THROTTLED":
        return { state: "queued", ...progress };
      case "SUCCEEDED": {
        const url = t.output?.[0];
        if (!url) return { state: "failed", error: this.http.error("transient", "Runway reported this shot finished but sent no video. Generate it again.") };
        return { state: "completed", mediaUrl: url };
      }
      case "FAILED":
        return { state: "failed", error: this.taskFailure(t) };
      case "CANCELLED":
        return { state: "failed", error: this.http.error("cancelled", "The shot was cancelled at Runway.") };
      default:
        // RUNNING, or a state Runway added later: keep polling rather than fail a paid job
        return { state: "running", ...progress };
    }
  }

  private taskFailure(t: RunwayTask): GenerationError {
    const code = t.failureCode ?? undefined;
    const said = this.http.detail(t.failure ?? undefined);
    const extra = code ? { providerCode: code } : {};
    switch (reasonOfFailureCode(code)) {
      case "content_policy":
        return this.http.error("content_policy", `The prompt was blocked by Runway's content moderation${said ? `: ${said}` : ""}. Reword the prompt or change the reference frame.`, extra);
      case "invalid_request":
        return this.http.error("invalid_request", `Runway could not use this shot's input${said ? `: ${said}` : ""}. Check the reference frames and the prompt.`, extra);
      default:
        return this.http.error("transient", `Runway could not finish this shot${said ? `: ${said}` : ""}. Generate it again.`, extra);
    }
  }

  async download(ref: JobRef, status: Extract<JobStatus, { state: "completed" }>, signal?: AbortSignal): Promise<MediaDownload> {
    const first = status.mediaUrl ?? (await this.freshOutput(ref, signal));
    try {
      return await this.fetchOutput(first, signal);
    } catch (e) {
      // an expired signed URL: Runway signs a fresh one on every task fetch, so ask once more
      if (!(e instanceof GenerationError) || e.reason !== "expired") throw e;
      const fresh = await this.freshOutput(ref, signal).catch(() => undefined);
      if (!fresh || fresh === first) throw e;
      return this.fetchOutput(fresh, signal);
    }
  }

  private fetchOutput(url: string, signal?: AbortSignal): Promise<MediaDownload> {
    // outputs live on Runway's CDN: the key stays with the API
    const headers = originOf(url) === originOf(this.base) ? this.headers() : undefined;
    return this.http.download({ url, ...(headers ? { headers } : {}), ...(signal ? { signal } : {}), defaultExtension: "mp4" });
  }

  private async freshOutput(ref: JobRef, signal?: AbortSignal): Promise<string> {
    const st = this.toStatus(await this.task(ref, signal));
    if (st.state === "failed") throw st.error;
    if (st.state !== "completed" || !st.mediaUrl) throw this.http.error("transient", "Runway has not finished this shot yet; Cutaway will check again.");
    return st.mediaUrl;
  }

  async cancel(ref: JobRef): Promise<void> {
    try {
      await this.http.send({ method: "DELETE", url: this.taskUrl(ref), headers: this.headers() });
    } catch (e) {
      // 404 / 400: already gone or finished; nothing left to stop
      if (e instanceof GenerationError && e.reason === "invalid_request") return;
      throw e;
    }
  }

  async testConnection(): Promise<void> {
    await this.http.send({ method: "GET", url: `${this.base}/v1/organization`, headers: this.headers() });
  }

  private model(id: string): RunwayModel {
    const m = this.models.find((x) => x.id === id);
    if (!m) throw this.http.error("invalid_request", `Runway model "${id}" is not one Cutaway knows; pick a model from the list.`);
    return m;
  }

  private headers(): Record<string, string> {
    return { authorization: `Bearer ${this.o.apiKey}`, "x-runway-version": RUNWAY_API_VERSION };
  }

  private taskUrl(ref: JobRef): string {
    return `${this.base}/v1/tasks/${encodeURIComponent(ref.providerJobId)}`;
  }
}

function refuse(message: string): GenerationError {
  return new GenerationError("invalid_request", message, { provider: RUNWAY_BACKEND_ID });
}

type RunwaySize = RunwayModel["sizes"][number];

/** The ratio offered for the sequence's aspect: exact, else the smallest that covers it, else the largest. */
function pickSize(m: RunwayModel, req: GenerationRequest, textOnly: boolean): RunwaySize {
  const allowed = textOnly && m.textRatios ? m.sizes.filter((s) => m.textRatios!.includes(s.label)) : m.sizes;
  const sizes = allowed.filter((s) => s.aspect === req.aspect).sort((a, b) => a.width * a.height - b.width * b.height);
  const exact = sizes.find((s) => s.width === req.size.width && s.height === req.size.height);
  const area = req.size.width * req.size.height;
  const size = exact ?? sizes.find((s) => s.width * s.height >= area) ?? sizes[sizes.length - 1];
  if (!size) {
    const offered = [...new Set(allowed.map((s) => s.aspect))].join(", ");
    throw refuse(`${m.label} cannot make ${req.aspect} video${textOnly ? " from a prompt alone" : ""} (it offers ${offered}).`);
  }
  return size;
}

function inlineImage(m: RunwayModel, img: NonNullable<GenerationRequest["firstFrame"]>): string {
  // sized before encoding: base64 of a large still is slow, and it would be refused anyway
  const length = `data:${img.mimeType};base64,`.length + 4 * Math.ceil(img.bytes.length / 3);
  if (length > MAX_DATA_URI_CHARS) throw refuse(`The reference frame is too large for ${m.label} (Runway takes at most 5 MB inline); export it smaller.`);
  return imageDataUri(img);
}

export interface RunwayCall {
  readonly endpoint: "text_to_video" | "image_to_video" | "text_to_image";
  readonly body: Record<string, unknown>;
}

/** The endpoint and body for one shot; what the model cannot take is refused before any money is spent. */
export function buildRunwayCall(m: RunwayModel, req: GenerationRequest): RunwayCall {
  if (m.still) return buildRunwayStill(m, req);
  if (!m.durationsSeconds.includes(req.durationSeconds)) {
    throw refuse(`${m.label} makes clips of ${m.durationsSeconds.join(", ")} s, not ${req.durationSeconds} s; pick one of those lengths.`);
  }
  if (req.prompt.trim() === "") throw refuse("The shot has no prompt; describe what it should show.");
  if (req.prompt.length > m.maxPromptChars) throw refuse(`The prompt is ${req.prompt.length} characters; ${m.label} takes at most ${m.maxPromptChars}. Shorten it.`);
  if (!req.firstFrame && !m.textToVideo) throw refuse(`${m.label} needs a reference frame to start from; add one or pick a text-to-video model.`);
  if (req.firstFrame && !m.imageToVideo) throw refuse(`${m.label} cannot start from a reference frame; pick another model or drop the frame.`);
  if (req.lastFrame && !m.lastFrame) throw refuse(`${m.label} cannot end on a given last frame; pick Veo 3.1 on Runway or drop the last frame.`);
  if (req.lastFrame && !req.firstFrame) throw refuse(`${m.label} needs a first frame whenever a last frame is given.`);
  const size = pickSize(m, req, !req.firstFrame);
  const common = {
    model: m.id,
    promptText: req.prompt,
    ratio: size.label,
    duration: req.durationSeconds,
    ...(m.seed && req.seed !== undefined ? { seed: req.seed } : {}),
    ...(m.fixedInput ?? {}),
  };
  if (!req.firstFrame) return { endpoint: "text_to_video", body: common };
  const first = inlineImage(m, req.firstFrame);
  const promptImage = req.lastFrame
    ? [
        { uri: first, position: "first" },
        { uri: inlineImage(m, req.lastFrame), position: "last" },
      ]
    : first;
  return { endpoint: "image_to_video", body: { ...common, promptImage } };
}

function modelCapabilities(m: RunwayModel): ModelCapabilities {
  return {
    ...modelBasics(m),
    textToVideo: m.textToVideo,
    imageToVideo: m.imageToVideo,
    lastFrame: m.lastFrame,
    negativePrompt: false,
    seed: m.seed,
    maxPromptChars: m.maxPromptChars,
    pricePerSecondUsd: m.pricePerSecondUsd,
    ...(m.audio !== undefined ? { audio: m.audio } : {}),
    ...(m.references ? { references: m.references } : {}),
    // a still is held for as long as the shot runs: no generation length to choose
    ...(m.still ? { still: true, durationsSeconds: [], pricePerImageUsd: m.pricePerImageUsd ?? 0 } : {}),
  };
}

export function runwayCapabilities(models: readonly RunwayModel[] = RUNWAY_MODELS): BackendCapabilities {
  return {
    backend: RUNWAY_BACKEND_ID,
    label: LABEL,
    needsKey: true,
    canListJobs: false,
    models: models.map(modelCapabilities),
    // Runway queues past the tier's concurrency as THROTTLED at no cost; it asks for polls no faster than 5 s
    concurrency: 4,
    requestsPerMinute: 60,
  };
}
