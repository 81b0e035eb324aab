/**
 * fal.ai's queue: one submit, then status (with queue position), result and cancel through the
 * URLs the submit hands back. fal keeps a queued request alive until it runs and does not bill
 * queue time or its own server errors, which is why it is Cutaway's first cloud backend.
 * The queue cannot list a client's requests, but fal's Platform API can (platformRequests.ts): a
 * create whose answer was lost is found there (same endpoint, after the create went out, the very
 * input sent) and collected. It is listed only once rendered, so the search keeps going for the
 * render plus the list's lag; only then is the editor told to check the dashboard. It is never
 * resent automatically: fal takes no idempotency key.
 */
import { GenerationError } from "../errors";
import { HttpClient, originOf } from "../http";
import { LIST_LAG_WINDOW_MS, LostCreates } from "../lostCreates";
import type { BackendCapabilities, CloudBackendOptions, FindJobOptions, GenerationBackend, GenerationRequest, JobRef, JobStatus, MediaDownload, SubmitOptions } from "../types";
import { buildFalCall, falCapabilities } from "./input";
import { FAL_PLATFORM_URL, listRequests, sameInput, sentAt } from "./platformRequests";
import { FAL_MODELS, type FalModelDescriptor } from "./models";
import { falResultSchema, falStatusSchema, falSubmitSchema, readFalError } from "./schemas";

export const FAL_BACKEND_ID = "fal";
export const FAL_QUEUE_URL = "https://queue.fal.run";
export { FAL_PLATFORM_URL };

/** fal sends the key as `Authorization: Key <key>`, to the queue and Platform API origins only. */
export interface FalBackendOptions extends CloudBackendOptions<FalModelDescriptor> {
  /** fal's Platform API (default https://api.fal.ai/v1; with a custom `baseUrl`, that server's /v1, as the fake provider serves both) */
  readonly platformUrl?: string;
}

const LABEL = "fal.ai";
/** how long a lost create may take to render before fal lists it (queue wait included) */
const RENDER_ALLOWANCE_MS = 10 * 60_000;

export class FalBackend implements GenerationBackend {
  readonly id = FAL_BACKEND_ID;
  private readonly http: HttpClient;
  private readonly base: string;
  private readonly platform: string;
  private readonly models: readonly FalModelDescriptor[];
  private readonly lost: LostCreates;

  constructor(private readonly o: FalBackendOptions) {
    this.base = (o.baseUrl ?? FAL_QUEUE_URL).replace(/\/+$/, "");
    this.platform = (o.platformUrl ?? (o.baseUrl ? `${this.base}/v1` : FAL_PLATFORM_URL)).replace(/\/+$/, "");
    this.models = o.models ?? FAL_MODELS;
    const clock = o.clock;
    const now = clock ? () => clock.now() : Date.now;
    this.lost = new LostCreates(now);
    this.http = new HttpClient({ fetch: o.fetch, provider: LABEL, providerId: FAL_BACKEND_ID, secrets: [o.apiKey], readError: readFalError, now });
  }

  capabilities(): BackendCapabilities {
    return falBackendCapabilities(this.models);
  }

  async submit(request: GenerationRequest, options: SubmitOptions): Promise<JobRef> {
    const model = this.model(request.model);
    const call = buildFalCall(model, request);
    this.lost.starting(options.idempotencyKey);
    const res = await this.http.json(
      { method: "POST", url: `${this.base}/${call.endpoint.id}`, headers: this.auth(), json: call.input, creates: true, ...(options.signal ? { signal: options.signal } : {}) },
      falSubmitSchema,
    );
    this.lost.claim(res.request_id);
    const derived = this.requestUrls(call.endpoint.id, res.request_id);
    return {
      backend: FAL_BACKEND_ID,
      model: model.id,
      providerJobId: res.request_id,
      urls: {
        endpoint: call.endpoint.id,
        status: this.ownUrl(res.status_url) ?? derived.status,
        response: this.ownUrl(res.response_url) ?? derived.response,
        cancel: this.ownUrl(res.cancel_url) ?? derived.cancel,
      },
    };
  }

  async status(ref: JobRef, signal?: AbortSignal): Promise<JobStatus> {
    const urls = this.urlsOf(ref);
    const st = await this.http.json({ method: "GET", url: urls.status, headers: this.auth(), ...(signal ? { signal } : {}) }, falStatusSchema);
    switch (st.status) {
      case "IN_QUEUE":
        return { state: "queued", ...(typeof st.queue_position === "number" ? { queuePosition: st.queue_position } : {}) };
      case "IN_PROGRESS":
        return { state: "running" };
      case "CANCELLED":
      case "CANCELED":
        return { state: "failed", error: this.http.error("cancelled", "The shot was cancelled at fal.ai.") };
      case "COMPLETED":
        if (st.error && /cancel/i.test(st.error)) return { state: "failed", error: this.http.error("cancelled", "The shot was cancelled at fal.ai.") };
        return this.result(urls.response, signal);
      default:
        // a state fal added later: keep polling rather than fail a paid job
        return { state: "running" };
    }
  }

  /** The result of a finished request: the video, or why it failed (fal reports failures here). */
  private async result(url: string, signal?: AbortSignal): Promise<JobStatus> {
    try {
      const r = await this.http.json({ method: "GET", url, headers: this.auth(), ...(signal ? { signal } : {}) }, falResultSchema);
      if ("images" in r) return { state: "completed", mediaUrl: r.images[0]!.url };
      return { state: "completed", mediaUrl: r.video.url, ...(r.thumbnail?.url ? { thumbnailUrl: r.thumbnail.url } : {}) };
    } catch (e) {
      // the status said COMPLETED, so a 404 here is the result not handed over yet (or a hiccup), never a bad request
      if (e instanceof GenerationError && e.details.status === 404) {
        throw this.http.error("transient", "fal.ai reports this shot finished but has not handed over its result yet; Cutaway will ask again.", { status: 404 });
      }
      // a job that ended badly is a final answer; a hiccup reading it is not
      if (e instanceof GenerationError && !e.retryable && e.reason !== "auth" && e.reason !== "quota") return { state: "failed", error: e };
      throw e;
    }
  }

  async download(ref: JobRef, status: Extract<JobStatus, { state: "completed" }>, signal?: AbortSignal): Promise<MediaDownload> {
    const url = status.mediaUrl ?? (await this.freshMediaUrl(ref, signal));
    // fal media lives on a public CDN: the key stays with the queue
    const headers = originOf(url) === originOf(this.base) ? this.auth() : undefined;
    return this.http.download({ url, ...(headers ? { headers } : {}), ...(signal ? { signal } : {}), defaultExtension: "mp4" });
  }

  private async freshMediaUrl(ref: JobRef, signal?: AbortSignal): Promise<string> {
    const st = await this.result(this.urlsOf(ref).response, signal);
    if (st.state === "failed") throw st.error;
    if (st.state !== "completed" || !st.mediaUrl) throw this.http.error("transient", "fal.ai has not finished this shot yet; Cutaway will check again.");
    return st.mediaUrl;
  }

  /** A free call that needs a valid key (the Platform API's price of the first model, GET /models/pricing). */
  async testConnection(): Promise<void> {
    const model = this.models[0]?.endpoints[0]?.id ?? "fal-ai/veo3.1/fast";
    await this.http.send({ method: "GET", url: `${this.platform}/models/pricing?endpoint_id=${encodeURIComponent(model)}`, headers: this.auth() });
  }

  async cancel(ref: JobRef): Promise<void> {
    try {
      await this.http.send({ method: "PUT", url: this.urlsOf(ref).cancel, headers: this.auth() });
    } catch (e) {
      // 400 "already completed" / 404: nothing left to stop
      if (e instanceof GenerationError && e.reason === "invalid_request") return;
      throw e;
    }
  }

  claimJobs(providerJobIds: readonly string[]): void {
    for (const id of providerJobIds) this.lost.claim(id);
  }

  /**
   * The request a lost create made, from the Platform API: same endpoint, sent after the create
   * went out, the input Cutaway sent. Not listed yet: a retryable error saying when to look again.
   * Not listed once the window has passed: an error that sends the editor to the dashboard (never
   * null, which would resend a create fal may be rendering and billing).
   */
  async findJob(idempotencyKey: string, request: GenerationRequest, options: FindJobOptions = {}): Promise<JobRef | null> {
    if (options.sentAt !== undefined) this.lost.starting(idempotencyKey, options.sentAt);
    const model = this.model(request.model);
    const call = buildFalCall(model, request);
    let listed;
    try {
      listed = await listRequests(this.http, this.platform, this.auth(), call.endpoint.id, this.lost.since(idempotencyKey));
    } catch (e) {
      if (e instanceof GenerationError && !e.retryable) throw this.notFound(`fal.ai would not show its request list to Cutaway${e.details.status ? ` (HTTP ${e.details.status})` : ""}`);
      throw e;
    }
    const hit = this.lost
      .candidates(idempotencyKey, listed.map((r) => ({ ...r, id: r.request_id })), sentAt)
      .find((r) => (r.endpoint_id === undefined || r.endpoint_id === call.endpoint.id) && sameInput(call.input, r.json_input));
    if (hit) {
      this.lost.claim(hit.id);
      return { backend: FAL_BACKEND_ID, model: model.id, providerJobId: hit.id, urls: { endpoint: call.endpoint.id, ...this.requestUrls(call.endpoint.id, hit.id) } };
    }
    const wait = this.lost.notListed(idempotencyKey, LIST_LAG_WINDOW_MS + RENDER_ALLOWANCE_MS);
    if (wait === null) throw this.notFound(`Cutaway did not find it among your fal.ai requests of the last ${Math.round((LIST_LAG_WINDOW_MS + RENDER_ALLOWANCE_MS) / 60_000)} minutes`);
    throw this.http.error("transient", `fal.ai lists a request only once it has rendered, and this shot is not listed yet; Cutaway will look again in ${wait} s before deciding anything.`, { outcomeUnknown: true, retryAfterSeconds: wait });
  }

  private notFound(why: string): GenerationError {
    return this.http.error("invalid_request", `The connection to fal.ai dropped while Cutaway sent this shot, and ${why}. Check your fal.ai dashboard (Requests) before sending it again.`, { outcomeUnknown: true });
  }

  private model(id: string): FalModelDescriptor {
    const m = this.models.find((x) => x.id === id);
    if (!m) throw this.http.error("invalid_request", `fal.ai model "${id}" is not one Cutaway knows; pick a model from the list.`);
    return m;
  }

  private auth(): Record<string, string> {
    return { authorization: `Key ${this.o.apiKey}` };
  }

  /** A URL from a response, only if it points at the queue itself (the key is never sent elsewhere). */
  private ownUrl(url: string | undefined): string | undefined {
    return url && originOf(url) === originOf(this.base) ? url : undefined;
  }

  /** Status, result and cancel live under owner/app only, not the full endpoint path (fal-js parseEndpointId). */
  private requestUrls(endpointId: string, requestId: string): { status: string; response: string; cancel: string } {
    const app = endpointId.split("/").slice(0, 2).join("/");
    const root = `${this.base}/${app}/requests/${encodeURIComponent(requestId)}`;
    return { status: `${root}/status`, response: root, cancel: `${root}/cancel` };
  }

  private urlsOf(ref: JobRef): { status: string; response: string; cancel: string } {
    const endpoint = ref.urls?.endpoint ?? this.models.find((m) => m.id === ref.model)?.endpoints[0]?.id;
    if (!endpoint) throw this.http.error("invalid_request", `Cutaway no longer knows the fal.ai model "${ref.model}" of this job.`);
    const d = this.requestUrls(endpoint, ref.providerJobId);
    return {
      status: this.ownUrl(ref.urls?.status) ?? d.status,
      response: this.ownUrl(ref.urls?.response) ?? d.response,
      cancel: this.ownUrl(ref.urls?.cancel) ?? d.cancel,
    };
  }
}

export function falBackendCapabilities(models: readonly FalModelDescriptor[] = FAL_MODELS): BackendCapabilities {
  return {
    backend: FAL_BACKEND_ID,
    label: LABEL,
    needsKey: true,
    // through the Platform API's request list
    canListJobs: true,
    models: models.map(falCapabilities),
    concurrency: 4,
    // fal publishes per-key concurrency, not a request rate; status polls are cheap, so this is a courtesy cap
    requestsPerMinute: 300,
  };
}
