/**
 * fal.ai's queue: one submit, then status (with queue position), result and cancel through the
 * URLs the submit hands back. fal keeps a queued request alive until it runs and does not bill
 * queue time or its own server errors, which is why it is Cutaway's first cloud backend.
 * fal cannot list a client's requests, so a create whose outcome is unknown cannot be reconciled
 * automatically (`canListJobs: false`): the engine reports it instead of resending.
 */
import { GenerationError } from "../errors";
import { HttpClient, originOf } from "../http";
import type { BackendCapabilities, CloudBackendOptions, GenerationBackend, GenerationRequest, JobRef, JobStatus, MediaDownload, SubmitOptions } from "../types";
import { buildFalCall, falCapabilities } from "./input";
import { FAL_MODELS, type FalModelDescriptor } from "./models";
import { falResultSchema, falStatusSchema, falSubmitSchema, readFalError } from "./schemas";

export const FAL_BACKEND_ID = "fal";
export const FAL_QUEUE_URL = "https://queue.fal.run";

/** fal sends the key as `Authorization: Key <key>`, to the queue origin only. */
export type FalBackendOptions = CloudBackendOptions<FalModelDescriptor>;

const LABEL = "fal.ai";

export class FalBackend implements GenerationBackend {
  readonly id = FAL_BACKEND_ID;
  private readonly http: HttpClient;
  private readonly base: string;
  private readonly models: readonly FalModelDescriptor[];

  constructor(private readonly o: FalBackendOptions) {
    this.base = (o.baseUrl ?? FAL_QUEUE_URL).replace(/\/+$/, "");
    this.models = o.models ?? FAL_MODELS;
    const clock = o.clock;
    const now = clock ? () => clock.now() : undefined;
    this.http = new HttpClient({ fetch: o.fetch, provider: LABEL, providerId: FAL_BACKEND_ID, secrets: [o.apiKey], readError: readFalError, ...(now ? { now } : {}) });
  }

  capabilities(): BackendCapabilities {
    return falBackendCapabilities(this.models);
  }

  async submit(request: GenerationRequest, options: SubmitOptions): Promise<JobRef> {
    const model = this.model(request.model);
    const call = buildFalCall(model, request);
    const res = await this.http.json(
      { method: "POST", url: `${this.base}/${call.endpoint.id}`, headers: this.auth(), json: call.input, creates: true, ...(options.signal ? { signal: options.signal } : {}) },
      falSubmitSchema,
    );
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

  async cancel(ref: JobRef): Promise<void> {
    try {
      await this.http.send({ method: "PUT", url: this.urlsOf(ref).cancel, headers: this.auth() });
    } catch (e) {
      // 400 "already completed" / 404: nothing left to stop
      if (e instanceof GenerationError && e.reason === "invalid_request") return;
      throw e;
    }
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
    canListJobs: false,
    models: models.map(falCapabilities),
    concurrency: 4,
    // fal publishes per-key concurrency, not a request rate; status polls are cheap, so this is a courtesy cap
    requestsPerMinute: 300,
  };
}
