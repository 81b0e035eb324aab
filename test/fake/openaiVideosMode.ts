/**
 * OpenAI's `/videos` API as gateways serve it (a LiteLLM proxy; OpenRouter's near-copy with
 * `variant: "openrouter"`): create, retrieve, content, list and delete under a prefix ("/v1").
 * Endpoint names for counts and faults: videos.create, videos.retrieve, videos.content, videos.list,
 * videos.delete. Time comes from `now` so tests can step past a job's expiry without waiting.
 */
import { header } from "./falMode";
import type { FakeMode, FakeRequest, FakeResponse, Route } from "./server";

export interface VideosFakeJob {
  readonly id: string;
  readonly body: Record<string, unknown>;
  readonly auth: string | undefined;
  readonly idempotencyKey: string | undefined;
  readonly createdAt: number;
  /** wall clock at create (latency mode) */
  readonly startedAt: number;
  polls: number;
  /** ends `failed` with this error code instead of a video */
  failCode: string | null;
  /** ends `completed` but its content 404s (a LiteLLM-proxied Veo block) */
  noVideo: boolean;
  deleted: boolean;
}

export class OpenAIVideosMode implements FakeMode {
  readonly name = "openai-videos";
  readonly jobs = new Map<string, VideosFakeJob>();
  /** polls before a job completes: the first is `queued`, the rest `in_progress` with rising progress */
  progressSteps = 3;
  /** decides at create whether a job gets moderated (its error code) */
  moderate: ((job: VideosFakeJob) => string | null) | null = null;
  /** decides at create whether a job completes without any video */
  withoutVideo: ((job: VideosFakeJob) => boolean) | null = null;
  /** how long finished content stays downloadable */
  expiresInSeconds = 3600;
  /** when > 0, jobs render on wall time: queued for the first 5%, then progress rises to 100 at this many ms */
  latencyMs = 0;
  /** the provider's clock (ms) */
  now: () => number = Date.now;
  /** a job shows up in the list only this long after it was created (provider ms): lists lag */
  listLagMs = 30_000;

  /** keys the key check accepts; null: any non-empty Bearer key */
  validKeys: ReadonlySet<string> | null = null;

  private keyInfo(req: FakeRequest): FakeResponse {
    const key = /^Bearer (.+)$/.exec(header(req, "authorization") ?? "")?.[1]?.trim();
    if (!key || (this.validKeys && !this.validKeys.has(key))) return { status: 401, body: { error: { code: 401, message: "No auth credentials found" } } };
    return { status: 200, body: { data: { label: `${key.slice(0, 6)}...`, limit: null, usage: 0, is_free_tier: false } } };
  }

  constructor(
    readonly media: Uint8Array,
    readonly thumbnail: Uint8Array,
    readonly o: { readonly prefix?: string; readonly variant?: "generic" | "openrouter" } = {},
  ) {}

  get variant(): "generic" | "openrouter" {
    return this.o.variant ?? "generic";
  }

  routes(): readonly Route[] {
    const p = this.o.prefix ?? "/v1";
    const routes: Route[] = [
      { method: "POST", pattern: `${p}/videos`, name: "videos.create", handler: (req) => this.create(req) },
      { method: "GET", pattern: `${p}/videos/:id`, name: "videos.retrieve", handler: (_req, a) => this.retrieve(a["id"] ?? "") },
      { method: "GET", pattern: `${p}/videos/:id/content`, name: "videos.content", handler: (req, a) => this.content(req, a["id"] ?? "") },
      { method: "DELETE", pattern: `${p}/videos/:id`, name: "videos.delete", handler: (_req, a) => this.remove(a["id"] ?? "") },
    ];
    // OpenRouter has no list of a client's jobs
    if (this.variant === "generic") routes.push({ method: "GET", pattern: `${p}/videos`, name: "videos.list", handler: (req) => this.list(req) });
    // OpenRouter's key check (GET /api/v1/key): 401 without a valid Bearer key (openrouter.ai docs, API keys › Get current API key)
    if (this.variant === "openrouter") routes.push({ method: "GET", pattern: `${p}/key`, name: "openrouter.key", handler: (req) => this.keyInfo(req) });
    return routes;
  }

  private create(req: FakeRequest): FakeResponse {
    const body = (req.json ?? {}) as Record<string, unknown>;
    if (typeof body["prompt"] !== "string" || typeof body["model"] !== "string") return apiError(400, "Missing required parameter: 'prompt' or 'model'.", "invalid_request_error", "missing_required_parameter");
    const id = `video_${this.jobs.size + 1}`;
    const job: VideosFakeJob = { id, body, auth: header(req, "authorization"), idempotencyKey: header(req, "idempotency-key"), createdAt: this.now(), startedAt: Date.now(), polls: 0, failCode: null, noVideo: false, deleted: false };
    job.failCode = this.moderate?.(job) ?? null;
    job.noVideo = this.withoutVideo?.(job) ?? false;
    this.jobs.set(id, job);
    if (this.variant === "openrouter") return { status: 202, body: { id, polling_url: `/api/v1/videos/${id}`, status: "pending" } };
    return { status: 200, body: this.video(job) };
  }

  private retrieve(id: string): FakeResponse {
    const job = this.live(id);
    if (!job) return apiError(404, `Video '${id}' not found.`, "invalid_request_error", "not_found");
    job.polls += 1;
    return { status: 200, body: this.video(job) };
  }

  private content(req: FakeRequest, id: string): FakeResponse {
    const job = this.live(id);
    if (!job) return apiError(404, `Video '${id}' not found.`, "invalid_request_error", "not_found");
    if (this.state(job) !== "completed") return apiError(400, "Video is not ready yet.", "invalid_request_error", "video_not_ready");
    if (job.noVideo || this.now() >= this.expiresAt(job)) return apiError(404, "Video content not found.", "invalid_request_error", "not_found");
    if (req.query.get("variant") === "thumbnail") return { status: 200, headers: { "content-type": "image/png" }, body: Buffer.from(this.thumbnail) };
    return { status: 200, headers: { "content-type": "video/mp4" }, body: Buffer.from(this.media) };
  }

  private list(req: FakeRequest): FakeResponse {
    const limit = Number(req.query.get("limit") ?? "20");
    const all = [...this.jobs.values()].filter((j) => !j.deleted && this.now() >= j.createdAt + this.listLagMs).sort((a, b) => b.createdAt - a.createdAt);
    return { status: 200, body: { object: "list", data: all.slice(0, limit).map((j) => this.video(j)), has_more: all.length > limit } };
  }

  private remove(id: string): FakeResponse {
    const job = this.live(id);
    if (!job) return apiError(404, `Video '${id}' not found.`, "invalid_request_error", "not_found");
    job.deleted = true;
    return { status: 200, body: { id, object: "video.deleted", deleted: true } };
  }

  private live(id: string): VideosFakeJob | undefined {
    const job = this.jobs.get(id);
    return job && !job.deleted ? job : undefined;
  }

  /** wall-time progress 0–100 (latency mode) */
  private elapsedPercent(job: VideosFakeJob): number {
    return Math.min(100, Math.floor((100 * (Date.now() - job.startedAt)) / this.latencyMs));
  }

  private state(job: VideosFakeJob): "queued" | "in_progress" | "completed" | "failed" {
    if (this.latencyMs > 0) {
      const pct = this.elapsedPercent(job);
      return pct < 5 ? "queued" : pct < 100 ? "in_progress" : job.failCode ? "failed" : "completed";
    }
    if (job.polls <= 1) return "queued";
    if (job.polls <= this.progressSteps) return "in_progress";
    return job.failCode ? "failed" : "completed";
  }

  private expiresAt(job: VideosFakeJob): number {
    return job.createdAt + this.expiresInSeconds * 1000;
  }

  /** The Video object in the variant's spelling. */
  video(job: VideosFakeJob): Record<string, unknown> {
    const state = this.state(job);
    const progress = this.latencyMs > 0 && state === "in_progress" ? this.elapsedPercent(job) : state === "queued" ? 0 : state === "in_progress" ? Math.round((100 * (job.polls - 1)) / this.progressSteps) : 100;
    const secs = (ms: number) => Math.floor(ms / 1000);
    if (this.variant === "openrouter") {
      return {
        id: job.id,
        polling_url: `/api/v1/videos/${job.id}`,
        status: state === "queued" ? "pending" : state,
        ...(state === "failed" ? { error: `Generation blocked: ${job.failCode}` } : {}),
        ...(state === "completed" ? { unsigned_urls: [`https://openrouter.ai/api/v1/videos/${job.id}/content?index=0`], usage: { cost: 3.2, is_byok: false } } : {}),
      };
    }
    return {
      id: job.id,
      object: "video",
      status: state,
      progress,
      model: job.body["model"],
      prompt: job.body["prompt"],
      seconds: job.body["seconds"] ?? "4",
      size: job.body["size"] ?? "1280x720",
      error: state === "failed" ? { code: job.failCode, message: "This request was blocked by our moderation system." } : null,
      created_at: secs(job.createdAt),
      completed_at: state === "completed" ? secs(job.createdAt) + 60 : null,
      expires_at: state === "completed" ? secs(this.expiresAt(job)) : null,
    };
  }
}

/** OpenAI's error body. */
export function apiError(status: number, message: string, type: string, code: string | null): FakeResponse {
  return { status, body: { error: { message, type, param: null, code } } };
}
