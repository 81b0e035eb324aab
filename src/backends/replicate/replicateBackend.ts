/**
 * Replicate's predictions API (HTTP API v1, replicate.com/docs/reference/http, checked Nov 2026):
 * create on an official model (`POST /models/{owner}/{name}/predictions`), poll
 * `GET /predictions/{id}`, cancel `POST /predictions/{id}/cancel`. Replicate takes no idempotency
 * key, but it lists a token's predictions, so a create lost on the wire is found again (same model,
 * created after this create started, same prompt) instead of being paid for twice.
 * Output files live on replicate.delivery for about an hour: the engine downloads at once, and a
 * 404/410 after that is `expired`.
 */
import { GenerationError } from "../errors";
import { HttpClient, originOf } from "../http";
import type { BackendCapabilities, CloudBackendOptions, FindJobOptions, GenerationBackend, GenerationRequest, JobRef, JobStatus, MediaDownload, SubmitOptions } from "../types";
import { buildReplicateCall, replicateCapabilities } from "./input";
import { REPLICATE_MODELS, type ReplicateModel } from "./models";
import { errorText, isFlagged, outputUrl, predictionListSchema, predictionSchema, readReplicateError, type Prediction } from "./schemas";
import { LostCreates } from "../lostCreates";

export const REPLICATE_BACKEND_ID = "replicate";
export const REPLICATE_API_URL = "https://api.replicate.com/v1";

/** Replicate takes the token as `Authorization: Bearer <token>`; outputs are fetched without it. */
export type ReplicateBackendOptions = CloudBackendOptions<ReplicateModel>;

const LABEL = "Replicate";
/** Replicate deletes API outputs after an hour */
const OUTPUT_TTL_MS = 60 * 60_000;
/** candidates read one by one during reconciliation (the list carries no inputs) */
const MAX_CANDIDATES = 10;

export class ReplicateBackend implements GenerationBackend {
  readonly id = REPLICATE_BACKEND_ID;
  private readonly http: HttpClient;
  private readonly base: string;
  private readonly models: readonly ReplicateModel[];
  private readonly now: () => number;
  private readonly lost: LostCreates;

  constructor(private readonly o: ReplicateBackendOptions) {
    this.base = (o.baseUrl ?? REPLICATE_API_URL).replace(/\/+$/, "");
    this.models = o.models ?? REPLICATE_MODELS;
    const clock = o.clock;
    this.now = clock ? () => clock.now() : Date.now;
    this.lost = new LostCreates(this.now);
    this.http = new HttpClient({ fetch: o.fetch, provider: LABEL, providerId: REPLICATE_BACKEND_ID, secrets: [o.apiKey], readError: readReplicateError, now: this.now });
  }

  capabilities(): BackendCapabilities {
    return replicateBackendCapabilities(this.models);
  }

  async submit(request: GenerationRequest, options: SubmitOptions): Promise<JobRef> {
    const model = this.model(request.model);
    const call = buildReplicateCall(model, request);
    this.lost.starting(options.idempotencyKey);
    const p = await this.http.json(
      { method: "POST", url: `${this.base}/models/${call.endpoint.model}/predictions`, headers: this.auth(), json: { input: call.input }, creates: true, ...(options.signal ? { signal: options.signal } : {}) },
      predictionSchema,
    );
    this.lost.claim(p.id);
    return this.ref(model.id, p);
  }

  async status(ref: JobRef, signal?: AbortSignal): Promise<JobStatus> {
    const p = await this.http.json({ method: "GET", url: this.getUrl(ref), headers: this.auth(), ...(signal ? { signal } : {}) }, predictionSchema);
    return this.toStatus(p);
  }

  private toStatus(p: Prediction): JobStatus {
    switch (p.status) {
      case "starting":
        return { state: "queued" };
      case "succeeded": {
        if (p.data_removed) return { state: "failed", error: this.expired() };
        const url = outputUrl(p.output);
        if (!url) return { state: "failed", error: this.http.error("transient", "Replicate finished this shot but returned no video; Cutaway will generate it again.") };
        const done = p.completed_at ? Date.parse(p.completed_at) : NaN;
        return { state: "completed", mediaUrl: url, ...(Number.isNaN(done) ? {} : { expiresAt: done + OUTPUT_TTL_MS }) };
      }
      case "failed":
        return { state: "failed", error: this.failure(p) };
      case "canceled":
      case "aborted":
        return { state: "failed", error: this.http.error("cancelled", "The shot was cancelled at Replicate.") };
      default:
        // processing, or a state Replicate adds later: keep polling rather than fail a paid job
        return { state: "running" };
    }
  }

  private failure(p: Prediction): GenerationError {
    const message = errorText(p.error);
    const said = this.http.detail(message);
    if (isFlagged(message)) {
      return this.http.error("content_policy", `The prompt or frame was flagged by the model's safety checker on Replicate${said ? `: ${said}` : ""}. Reword the prompt or change the reference frame.`);
    }
    // a model rejecting its input fails the prediction rather than the create
    if (message && /invalid|must be|not (a )?valid|unsupported|out of range|too (long|large|small)/i.test(message)) {
      return this.http.error("invalid_request", `Replicate could not run this shot: ${said}. Check the model, duration and frames for this shot.`);
    }
    return this.http.error("transient", `Replicate could not finish this shot${said ? `: ${said}` : ""}. Generate it again.`);
  }

  private expired(): GenerationError {
    return this.http.error("expired", "The finished clip is no longer available at Replicate (outputs are kept about an hour). Generate the shot again.");
  }

  async download(ref: JobRef, status: Extract<JobStatus, { state: "completed" }>, signal?: AbortSignal): Promise<MediaDownload> {
    let url = status.mediaUrl;
    if (!url) {
      const st = await this.status(ref, signal);
      if (st.state === "failed") throw st.error;
      if (st.state !== "completed" || !st.mediaUrl) throw this.http.error("transient", "Replicate has not finished this shot yet; Cutaway will check again.");
      url = st.mediaUrl;
    }
    // output files sit on replicate.delivery: the token stays with the API
    const headers = originOf(url) === originOf(this.base) ? this.auth() : undefined;
    try {
      return await this.http.download({ url, ...(headers ? { headers } : {}), ...(signal ? { signal } : {}), defaultExtension: "mp4" });
    } catch (e) {
      if (e instanceof GenerationError && e.reason === "expired") throw this.expired();
      throw e;
    }
  }

  async cancel(ref: JobRef): Promise<void> {
    try {
      await this.http.send({ method: "POST", url: this.cancelUrl(ref), headers: this.auth() });
    } catch (e) {
      // 404 / 422: already finished or gone; nothing left to stop
      if (e instanceof GenerationError && e.reason === "invalid_request") return;
      throw e;
    }
  }

  claimJobs(providerJobIds: readonly string[]): void {
    for (const id of providerJobIds) this.lost.claim(id);
  }

  /** Newest unclaimed prediction of this model, created after this create started, with this prompt; "not listed yet" for a window before null. */
  async findJob(idempotencyKey: string, request: GenerationRequest, options: FindJobOptions = {}): Promise<JobRef | null> {
    if (options.sentAt !== undefined) this.lost.starting(idempotencyKey, options.sentAt);
    const model = this.model(request.model);
    const call = buildReplicateCall(model, request);
    const list = await this.http.json({ method: "GET", url: `${this.base}/predictions`, headers: this.auth() }, predictionListSchema);
    const candidates = this.lost
      .candidates(idempotencyKey, list.results, (p) => (p.created_at !== undefined ? Date.parse(p.created_at) : undefined))
      .filter((p) => !p.model || p.model === call.endpoint.model)
      .slice(0, MAX_CANDIDATES);
    const promptField = call.endpoint.fields.prompt;
    for (const c of candidates) {
      const full = c.input ? c : await this.http.json({ method: "GET", url: `${this.base}/predictions/${encodeURIComponent(c.id)}`, headers: this.auth() }, predictionSchema);
      if (full.input?.[promptField] === request.prompt) {
        this.lost.claim(full.id);
        return this.ref(model.id, full);
      }
    }
    const later = this.lost.lookAgain(idempotencyKey, { label: LABEL, id: REPLICATE_BACKEND_ID });
    if (later) throw later;
    return null;
  }

  async testConnection(): Promise<void> {
    await this.http.send({ method: "GET", url: `${this.base}/account`, headers: this.auth() });
  }

  private ref(model: string, p: Prediction): JobRef {
    const get = this.ownUrl(p.urls?.get);
    const cancel = this.ownUrl(p.urls?.cancel);
    return { backend: REPLICATE_BACKEND_ID, model, providerJobId: p.id, ...(get || cancel ? { urls: { ...(get ? { get } : {}), ...(cancel ? { cancel } : {}) } } : {}) };
  }

  private model(id: string): ReplicateModel {
    const m = this.models.find((x) => x.id === id);
    if (!m) throw this.http.error("invalid_request", `Replicate model "${id}" is not one Cutaway knows; pick a model from the list.`);
    return m;
  }

  private auth(): Record<string, string> {
    return { authorization: `Bearer ${this.o.apiKey}` };
  }

  /** A URL from a reply, only if it points at the API itself (the token is never sent elsewhere). */
  private ownUrl(url: string | undefined): string | undefined {
    return url && originOf(url) === originOf(this.base) ? url : undefined;
  }

  private getUrl(ref: JobRef): string {
    return this.ownUrl(ref.urls?.["get"]) ?? `${this.base}/predictions/${encodeURIComponent(ref.providerJobId)}`;
  }

  private cancelUrl(ref: JobRef): string {
    return this.ownUrl(ref.urls?.["cancel"]) ?? `${this.base}/predictions/${encodeURIComponent(ref.providerJobId)}/cancel`;
  }
}

export function replicateBackendCapabilities(models: readonly ReplicateModel[] = REPLICATE_MODELS): BackendCapabilities {
  return {
    backend: REPLICATE_BACKEND_ID,
    label: LABEL,
    needsKey: true,
    canListJobs: true,
    models: models.map(replicateCapabilities),
    concurrency: 4,
    // Replicate allows 600 creates/min and 3000 other calls/min per account; stay well under both
    requestsPerMinute: 300,
  };
}
