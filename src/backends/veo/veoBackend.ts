/**
 * Google Veo through the Gemini API. Built against REST `v1beta` (ai.google.dev/gemini-api/docs/video,
 * Veo 3.1 text, and the js-genai v2.18.0 converters), key in `x-goog-api-key`:
 * `POST /v1beta/models/{model}:predictLongRunning` → an operation; `GET /v1beta/{operation}` until `done`;
 * the video URI redirects to Google's storage (followed hop by hop by the shared HTTP client, the key never leaving the API origin).
 * Plain fetch + zod rather than `@google/genai`, whose download path writes files through Node APIs absent in UXP.
 * The Gemini API can neither list a client's Veo operations nor cancel one (see `cancel`), and takes no
 * idempotency key: a create whose outcome is unknown is reported, never resent (`canListJobs: false`).
 */
import { GenerationError } from "../errors";
import { HttpClient, base64, originOf, type ProviderErrorInfo } from "../http";
import type { BackendCapabilities, CloudBackendOptions, GenerationBackend, GenerationRequest, ImageInput, JobRef, JobStatus, MediaDownload, ModelCapabilities, SubmitOptions } from "../types";
import { VEO_MODELS, type VeoModel } from "./models";
import { httpStatusOfRpc, readRpcStatus, readVeoError, veoOperationSchema, veoSubmitSchema, type RpcStatus, type VeoOperation } from "./schemas";
import { modelBasics } from "../modelBasics";
import { checkReferences } from "../references";

export const VEO_BACKEND_ID = "veo";
export const VEO_BASE_URL = "https://generativelanguage.googleapis.com";
export const VEO_API_VERSION = "v1beta";

/** the key's name in Google's own UI, so "check it in Settings" points at the right key */
const LABEL = "Google AI Studio";
const KEY_HEADER = "x-goog-api-key";

/** Gemini takes the key as `x-goog-api-key`, to the API origin only (not across download redirects). */
export type VeoBackendOptions = CloudBackendOptions<VeoModel>;

export class VeoBackend implements GenerationBackend {
  readonly id = VEO_BACKEND_ID;
  private readonly http: HttpClient;
  private readonly base: string;
  private readonly origin: string;
  private readonly models: readonly VeoModel[];

  constructor(private readonly o: VeoBackendOptions) {
    this.base = (o.baseUrl ?? VEO_BASE_URL).replace(/\/+$/, "");
    this.origin = originOf(this.base);
    this.models = o.models ?? VEO_MODELS;
    const clock = o.clock;
    this.http = new HttpClient({
      fetch: o.fetch,
      provider: LABEL,
      providerId: VEO_BACKEND_ID,
      secrets: [o.apiKey],
      readError: readVeoError,
      ...(clock ? { now: () => clock.now() } : {}),
    });
  }

  capabilities(): BackendCapabilities {
    return veoCapabilities(this.models);
  }

  async submit(request: GenerationRequest, options: SubmitOptions): Promise<JobRef> {
    const model = this.model(request.model);
    const body = buildVeoBody(model, request);
    const op = await this.guard(
      this.http.json(
        {
          method: "POST",
          url: `${this.base}/${VEO_API_VERSION}/models/${encodeURIComponent(model.id)}:predictLongRunning`,
          headers: this.auth(),
          json: body,
          creates: true,
          ...(options.signal ? { signal: options.signal } : {}),
        },
        veoSubmitSchema,
      ),
    );
    return { backend: VEO_BACKEND_ID, model: model.id, providerJobId: op.name };
  }

  async status(ref: JobRef, signal?: AbortSignal): Promise<JobStatus> {
    return this.toStatus(await this.operation(ref, signal));
  }

  private async operation(ref: JobRef, signal?: AbortSignal): Promise<VeoOperation> {
    // the name comes back from the journal: each segment is encoded so it can only address an operation
    const path = ref.providerJobId.split("/").map(encodeURIComponent).join("/");
    return this.guard(this.http.json({ method: "GET", url: `${this.base}/${VEO_API_VERSION}/${path}`, headers: this.auth(), ...(signal ? { signal } : {}) }, veoOperationSchema));
  }

  private toStatus(op: VeoOperation): JobStatus {
    // Google reports neither a queue position nor progress for Veo: an unfinished operation is just running
    if (!op.done) return { state: "running" };
    if (op.error) return { state: "failed", error: this.operationFailure(op.error) };
    const res = op.response?.generateVideoResponse;
    const uri = res?.generatedSamples?.find((s) => s.video?.uri)?.video?.uri;
    const reasons = res?.raiMediaFilteredReasons ?? [];
    if ((res?.raiMediaFilteredCount ?? 0) > 0 || reasons.length > 0 || !uri) {
      // a finished operation without a video is Veo's filter too (it counts it, or says nothing at all)
      const said = this.http.detail(reasons.join(" "));
      return {
        state: "failed",
        error: this.http.error("content_policy", `Veo's safety filter blocked this shot${said ? `: ${said}` : ""}. Reword the prompt or change the reference frame.`, { providerCode: "RAI_MEDIA_FILTERED" }),
      };
    }
    return { state: "completed", mediaUrl: uri };
  }

  /** A finished operation's `error` (google.rpc.Status with a gRPC code), mapped like the same failure on a call. */
  private operationFailure(e: RpcStatus): GenerationError {
    const info = readRpcStatus(e);
    const said = this.http.detail(info.message);
    const extra = info.code ? { providerCode: info.code } : {};
    const status = httpStatusOfRpc(e.code);
    if (e.code === 1) return this.http.error("cancelled", "The shot was cancelled at Google.", extra);
    if (info.contentPolicy || info.quota || [401, 403, 429].includes(status)) return this.http.fromStatus(status, info);
    if (status === 400 || status === 404) {
      return this.http.error("invalid_request", `Veo refused this shot${said ? `: ${said}` : ""}. Check the model, duration, size and frames for this shot.`, extra);
    }
    return this.http.error("transient", `Veo could not finish this shot${said ? `: ${said}` : ""}. Generate it again.`, extra);
  }

  async download(ref: JobRef, status: Extract<JobStatus, { state: "completed" }>, signal?: AbortSignal): Promise<MediaDownload> {
    let url = status.mediaUrl;
    if (!url) {
      const st = this.toStatus(await this.operation(ref, signal));
      if (st.state === "failed") throw st.error;
      if (st.state !== "completed" || !st.mediaUrl) throw this.http.error("transient", "Veo has not finished this shot yet; Cutaway will check again.");
      url = st.mediaUrl;
    }
    // the key goes with the URI only while it points at the API itself
    const headers = originOf(url) === this.origin ? this.auth() : undefined;
    return this.guard(this.http.download({ url, ...(headers ? { headers } : {}), ...(signal ? { signal } : {}), defaultExtension: "mp4" }));
  }

  /**
   * The Gemini API has no cancel for Veo operations: this resolves without a call, the engine stops
   * polling, and Google still renders (and bills) the clip. Nothing is downloaded or placed.
   */
  async cancel(_ref: JobRef): Promise<void> {
    return;
  }

  async testConnection(): Promise<void> {
    await this.guard(this.http.send({ method: "GET", url: `${this.base}/${VEO_API_VERSION}/models?pageSize=1`, headers: this.auth() }));
  }

  /** Google answers a wrong key with 400 INVALID_ARGUMENT + reason API_KEY_INVALID, not 401: that is auth. */
  private async guard<T>(p: Promise<T>): Promise<T> {
    try {
      return await p;
    } catch (e) {
      if (e instanceof GenerationError && e.reason === "invalid_request" && e.details.providerCode === "API_KEY_INVALID") {
        const info: ProviderErrorInfo = { code: "API_KEY_INVALID" };
        throw this.http.fromStatus(401, info);
      }
      throw e;
    }
  }

  private model(id: string): VeoModel {
    const m = this.models.find((x) => x.id === id);
    if (!m) throw this.http.error("invalid_request", `Veo model "${id}" is not one Cutaway knows; pick a model from the list.`);
    return m;
  }

  private auth(): Record<string, string> {
    return { [KEY_HEADER]: this.o.apiKey };
  }
}

function refuse(message: string): GenerationError {
  return new GenerationError("invalid_request", message, { provider: VEO_BACKEND_ID });
}

type VeoSize = VeoModel["sizes"][number];

/** The size for the sequence's aspect among those rendered at this length: exact, else the smallest that covers it, else the largest. */
function pickSize(m: VeoModel, req: GenerationRequest): VeoSize {
  const sizes = m.sizes
    .filter((s) => s.aspect === req.aspect && (!s.durationsSeconds || s.durationsSeconds.includes(req.durationSeconds)))
    .sort((a, b) => a.width * a.height - b.width * b.height);
  const exact = sizes.find((s) => s.width === req.size.width && s.height === req.size.height);
  const area = req.size.width * req.size.height;
  const size = exact ?? sizes.find((s) => s.width * s.height >= area) ?? sizes[sizes.length - 1];
  if (!size) throw refuse(`${m.label} cannot make ${req.aspect} video at ${req.durationSeconds} s.`);
  return size;
}

function image(img: ImageInput): { bytesBase64Encoded: string; mimeType: string } {
  return { bytesBase64Encoded: base64(img.bytes), mimeType: img.mimeType };
}

/**
 * The `predictLongRunning` body; what the model cannot take is refused before any money is spent.
 * `personGeneration` is left to Google's default: its allowed values differ by mode and region, and a
 * wrong one fails the whole request.
 */
export function buildVeoBody(m: VeoModel, req: GenerationRequest): { instances: Record<string, unknown>[]; parameters: Record<string, unknown> } {
  if (!m.durationsSeconds.includes(req.durationSeconds)) {
    throw refuse(`${m.label} makes clips of ${m.durationsSeconds.join(", ")} s, not ${req.durationSeconds} s; pick one of those lengths.`);
  }
  if (!m.aspects.includes(req.aspect)) throw refuse(`${m.label} cannot make ${req.aspect} video (it offers ${m.aspects.join(", ")}).`);
  if (req.prompt.trim() === "") throw refuse("The shot has no prompt; describe what it should show.");
  if (req.prompt.length > m.maxPromptChars) throw refuse(`The prompt is ${req.prompt.length} characters; ${m.label} takes at most ${m.maxPromptChars}. Shorten it.`);
  if (req.firstFrame && !m.imageToVideo) throw refuse(`${m.label} cannot start from a reference frame; pick another model or drop the frame.`);
  if (req.lastFrame && !m.lastFrame) throw refuse(`${m.label} cannot end on a given last frame; pick Veo 3.1 or drop the last frame.`);
  if (req.lastFrame && !req.firstFrame) throw refuse(`${m.label} needs a first frame whenever a last frame is given.`);
  if (req.lastFrame && m.lastFrameDurationsSeconds && !m.lastFrameDurationsSeconds.includes(req.durationSeconds)) {
    throw refuse(`${m.label} ends on a given last frame only in ${m.lastFrameDurationsSeconds.join(", ")} s clips; change the length or drop the last frame.`);
  }
  checkReferences(m.label, m.references, req, refuse);
  const size = pickSize(m, req);
  const refs = req.referenceImages ?? [];
  return {
    instances: [
      {
        prompt: req.prompt,
        ...(req.firstFrame ? { image: image(req.firstFrame) } : {}),
        ...(req.lastFrame ? { lastFrame: image(req.lastFrame) } : {}),
        ...(refs.length ? { referenceImages: refs.map((r) => ({ image: image(r), referenceType: "asset" })) } : {}),
      },
    ],
    parameters: {
      aspectRatio: req.aspect,
      durationSeconds: req.durationSeconds,
      ...(size.label ? { resolution: size.label } : {}),
      ...(m.negativePrompt && req.negativePrompt ? { negativePrompt: req.negativePrompt } : {}),
      ...(m.seed && req.seed !== undefined ? { seed: req.seed } : {}),
    },
  };
}

function modelCapabilities(m: VeoModel): ModelCapabilities {
  return {
    ...modelBasics(m),
    sizes: m.sizes.map((s) => ({ width: s.width, height: s.height, aspect: s.aspect, ...(s.label ? { label: s.label } : {}) })),
    imageToVideo: m.imageToVideo,
    lastFrame: m.lastFrame,
    negativePrompt: m.negativePrompt,
    seed: m.seed,
    maxPromptChars: m.maxPromptChars,
    pricePerSecondUsd: m.pricePerSecondUsd,
    ...(m.audio !== undefined ? { audio: m.audio } : {}),
    ...(m.nativeExtend ? { nativeExtend: m.nativeExtend } : {}),
    ...(m.references ? { references: m.references } : {}),
  };
}

export function veoCapabilities(models: readonly VeoModel[] = VEO_MODELS): BackendCapabilities {
  return {
    backend: VEO_BACKEND_ID,
    label: "Google Veo",
    needsKey: true,
    canListJobs: false,
    models: models.map(modelCapabilities),
    // preview models allow 10 creates a minute; polls share the gate, so keep few jobs in flight
    concurrency: 2,
    requestsPerMinute: 30,
  };
}
