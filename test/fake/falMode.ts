/**
 * fal.ai's queue as the fake provider speaks it: submit on `POST /{endpoint-id}`, then status,
 * result and cancel under `/{owner}/{app}/requests/{id}`, media on `/media/{id}.mp4`.
 * Endpoint names for counts and faults: fal.submit, fal.status, fal.result, fal.cancel, fal.media.
 */
import type { FakeMode, FakeRequest, FakeResponse, FakeServer, Route } from "./server";

export interface FalFakeJob {
  readonly id: string;
  readonly endpoint: string;
  readonly input: unknown;
  readonly auth: string | undefined;
  readonly submittedAt: number;
  polls: number;
  cancelled: boolean;
}

export class FalMode implements FakeMode {
  readonly name = "fal";
  readonly jobs = new Map<string, FalFakeJob>();
  /** status polls a job spends queued (counting down its position), then one in progress */
  queuedPolls = 2;
  /** the result a finished job returns instead of the video (moderation, failures) */
  resultOverride: ((job: FalFakeJob) => FakeResponse | null) | null = null;
  /** omit the URLs in the submit reply (the client must derive them) */
  bareSubmit = false;
  /** when > 0, jobs run on wall time instead of poll counts: queued for the first 5%, done after this many ms */
  latencyMs = 0;

  /** `cdnBase`: where media URLs point (a second FakeServer stands in for fal's CDN, another origin) */
  constructor(
    readonly media: Uint8Array,
    private readonly cdnBase?: () => string,
  ) {}

  routes(server: FakeServer): readonly Route[] {
    const root = (job: FalFakeJob) => `${server.baseUrl}/${job.endpoint.split("/").slice(0, 2).join("/")}/requests/${job.id}`;
    return [
      ...falCdnMode(this.media).routes(server),
      {
        method: "POST",
        pattern: "/*",
        name: "fal.submit",
        handler: (req: FakeRequest, p) => {
          const id = `req-${this.jobs.size + 1}`;
          const job: FalFakeJob = { id, endpoint: p["*"] ?? "", input: req.json, auth: header(req, "authorization"), submittedAt: Date.now(), polls: 0, cancelled: false };
          this.jobs.set(id, job);
          const urls = this.bareSubmit ? {} : { status_url: `${root(job)}/status`, response_url: root(job), cancel_url: `${root(job)}/cancel` };
          return { status: 200, body: { request_id: id, ...urls, queue_position: this.queuedPolls } };
        },
      },
      {
        method: "GET",
        pattern: "/:owner/:app/requests/:id/status",
        name: "fal.status",
        handler: (_req, p) => {
          const job = this.jobs.get(p["id"] ?? "");
          if (!job) return { status: 404, body: { detail: "Request not found" } };
          job.polls += 1;
          if (job.cancelled) return { status: 200, body: { status: "COMPLETED", error: "Request was cancelled by the user", response_url: root(job) } };
          if (this.latencyMs > 0) {
            const elapsed = Date.now() - job.submittedAt;
            if (elapsed < this.latencyMs * 0.05) return { status: 202, body: { status: "IN_QUEUE", queue_position: 0, response_url: root(job) } };
            if (elapsed < this.latencyMs) return { status: 202, body: { status: "IN_PROGRESS", response_url: root(job), logs: null } };
            return { status: 200, body: { status: "COMPLETED", response_url: root(job) } };
          }
          if (job.polls <= this.queuedPolls) return { status: 202, body: { status: "IN_QUEUE", queue_position: this.queuedPolls - job.polls, response_url: root(job) } };
          if (job.polls === this.queuedPolls + 1) return { status: 202, body: { status: "IN_PROGRESS", response_url: root(job), logs: null } };
          return { status: 200, body: { status: "COMPLETED", response_url: root(job) } };
        },
      },
      {
        method: "GET",
        pattern: "/:owner/:app/requests/:id",
        name: "fal.result",
        handler: (_req, p) => {
          const job = this.jobs.get(p["id"] ?? "");
          if (!job) return { status: 404, body: { detail: "Request not found" } };
          const override = this.resultOverride?.(job);
          if (override) return override;
          return {
            status: 200,
            body: { video: { url: `${this.cdnBase?.() ?? server.baseUrl}/media/${job.id}.mp4`, content_type: "video/mp4", file_name: `${job.id}.mp4`, file_size: this.media.length }, seed: 42 },
          };
        },
      },
      {
        method: "PUT",
        pattern: "/:owner/:app/requests/:id/cancel",
        name: "fal.cancel",
        handler: (_req, p) => {
          const job = this.jobs.get(p["id"] ?? "");
          if (!job) return { status: 404, body: { detail: "Request not found" } };
          const finished = this.latencyMs > 0 ? Date.now() - job.submittedAt >= this.latencyMs : job.polls > this.queuedPolls + 1;
          if (finished) return { status: 400, body: { status: "ALREADY_COMPLETED" } };
          job.cancelled = true;
          return { status: 202, body: { status: "CANCELLATION_REQUESTED" } };
        },
      },
    ];
  }
}

export function header(req: FakeRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** fal's moderation refusal: HTTP 422 with a `content_policy_violation` detail. */
export function falContentPolicy(msg = "The content could not be processed because it contained material flagged by a content checker."): FakeResponse {
  return { status: 422, headers: { "x-fal-retryable": "false" }, body: { detail: [{ loc: ["body", "prompt"], msg, type: "content_policy_violation", ctx: { categories: ["violence"] } }] } };
}

/** fal's media CDN: serves the finished clip on `/media/{file}` (endpoint name fal.media). */
export function falCdnMode(media: Uint8Array): FakeMode {
  return {
    name: "fal-cdn",
    routes: () => [{ method: "GET", pattern: "/media/:file", name: "fal.media", handler: () => ({ status: 200, headers: { "content-type": "video/mp4" }, body: Buffer.from(media) }) }],
  };
}
