/**
 * fal.ai's queue as the fake provider speaks it: submit on `POST /{endpoint-id}`, then status,
 * result and cancel under `/{owner}/{app}/requests/{id}`, media on `/media/{id}.mp4`, and the
 * Platform API's request list (`GET /v1/models/requests/by-endpoint`, fal.ai/docs platform-apis,
 * Nov 2026) on the same server. Endpoint names for counts and faults: fal.submit, fal.status,
 * fal.result, fal.cancel, fal.media, fal.requests.
 */
import { encodePng } from "../../src/backends/slate/png";
import { falInputProblem, isImageEndpoint } from "./falEndpoints";
import type { FakeMode, FakeRequest, FakeResponse, FakeServer, Route } from "./server";

export interface FalFakeJob {
  readonly id: string;
  readonly endpoint: string;
  readonly input: unknown;
  readonly auth: string | undefined;
  readonly submittedAt: number;
  polls: number;
  cancelled: boolean;
  /** provider time it ended (finished, failed or cancelled), once it has */
  endedAt?: number;
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
  /** when > 0, jobs run on the provider's clock instead of poll counts: queued for the first 5%, done after this many ms */
  latencyMs = 0;
  /** the provider's clock (ms); tests hand it the engine's scaled clock */
  now: () => number = Date.now;
  /** a request nobody polls still renders (poll-count mode): it ends this long after submit */
  unpolledRenderMs = 60_000;
  /** the Platform API lists a request only once it has ended, and only this long after (ms) */
  listLagMs = 30_000;
  /** the most items one page of the request list holds, whatever `limit` asks (fal: 100) */
  pageLimit = 100;
  /**
   * fal's endpoints as they are (falEndpoints.ts): reference limits per endpoint, no `image_urls` or
   * `elements` where the endpoint has none, the image endpoints' own size and aspect values (fal
   * answers 422). Off only for a lenient fake.
   */
  strictReferences = true;

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
          const refused = this.strictReferences ? falInputProblem(p["*"] ?? "", req.json) : null;
          if (refused) return { status: 422, body: { detail: [{ loc: ["body", refused.field], msg: refused.msg, type: "value_error" }] } };
          const id = `req-${this.jobs.size + 1}`;
          const job: FalFakeJob = { id, endpoint: p["*"] ?? "", input: req.json, auth: header(req, "authorization"), submittedAt: this.now(), polls: 0, cancelled: false };
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
          const phase = this.phase(job);
          if (phase === "done") return { status: 200, body: { status: "COMPLETED", response_url: root(job) } };
          if (phase === "running") return { status: 202, body: { status: "IN_PROGRESS", response_url: root(job), logs: null } };
          const position = this.latencyMs > 0 ? 0 : this.queuedPolls - job.polls;
          return { status: 202, body: { status: "IN_QUEUE", queue_position: position, response_url: root(job) } };
        },
      },
      // before the result route, whose pattern "/:owner/:app/requests/:id" it also matches
      { method: "GET", pattern: "/v1/models/requests/by-endpoint", name: "fal.requests", handler: (req) => this.listRequests(req, server) },
      {
        method: "GET",
        pattern: "/:owner/:app/requests/:id",
        name: "fal.result",
        handler: (_req, p) => {
          const job = this.jobs.get(p["id"] ?? "");
          if (!job) return { status: 404, body: { detail: "Request not found" } };
          const override = this.resultOverride?.(job);
          if (override) return override;
          return this.success(job, server);
        },
      },
      {
        method: "PUT",
        pattern: "/:owner/:app/requests/:id/cancel",
        name: "fal.cancel",
        handler: (_req, p) => {
          const job = this.jobs.get(p["id"] ?? "");
          if (!job) return { status: 404, body: { detail: "Request not found" } };
          if (job.cancelled || this.phase(job) === "done") return { status: 400, body: { status: "ALREADY_COMPLETED" } };
          job.cancelled = true;
          job.endedAt = this.now();
          return { status: 202, body: { status: "CANCELLATION_REQUESTED" } };
        },
      },
    ];
  }

  /**
   * Where a request is. Poll-count mode moves it on with each status poll; a
   * request nobody polls still ends `unpolledRenderMs` after submit, as a real queue renders it.
   */
  private phase(job: FalFakeJob): "queued" | "running" | "done" {
    const now = this.now();
    if (job.endedAt !== undefined) return "done";
    let phase: "queued" | "running" | "done";
    if (this.latencyMs > 0) {
      const elapsed = now - job.submittedAt;
      phase = elapsed < this.latencyMs * 0.05 ? "queued" : elapsed < this.latencyMs ? "running" : "done";
    } else if (now - job.submittedAt >= this.unpolledRenderMs) phase = "done";
    else phase = job.polls <= this.queuedPolls ? "queued" : job.polls === this.queuedPolls + 1 ? "running" : "done";
    if (phase === "done") job.endedAt = this.latencyMs > 0 ? job.submittedAt + this.latencyMs : this.now();
    return phase;
  }

  /** When it ended, without moving it on (a listing is no poll). */
  private endedAt(job: FalFakeJob): number | undefined {
    if (job.endedAt !== undefined) return job.endedAt;
    const runsFor = this.latencyMs > 0 ? this.latencyMs : this.unpolledRenderMs;
    return this.now() >= job.submittedAt + runsFor ? job.submittedAt + runsFor : undefined;
  }

  /**
   * fal's Platform API request list, as documented: `endpoint_id` required (repeated or
   * comma-separated), `start`/`end` ISO 8601 (default the last 24 h), `status`, `limit` 1–100,
   * `cursor` (the page number, base64), `expand=payloads` for `json_input`/`json_output`. The key's
   * own requests only, ended ones only, `listLagMs` late, oldest end first.
   */
  private listRequests(req: FakeRequest, server: FakeServer): FakeResponse {
    const auth = header(req, "authorization");
    if (!auth?.startsWith("Key ")) return { status: 401, body: { detail: "Unauthorized" } };
    const endpoints = req.query.getAll("endpoint_id").flatMap((e) => e.split(",")).map((e) => e.trim()).filter(Boolean);
    if (endpoints.length === 0) return { status: 422, body: { detail: [{ loc: ["query", "endpoint_id"], msg: "Field required", type: "missing" }] } };
    const now = this.now();
    const start = req.query.has("start") ? Date.parse(req.query.get("start")!) : now - 24 * 3600_000;
    const end = req.query.has("end") ? Date.parse(req.query.get("end")!) : now;
    if (Number.isNaN(start) || Number.isNaN(end)) return { status: 422, body: { detail: [{ loc: ["query", "start"], msg: "Input should be a valid datetime", type: "datetime_parsing" }] } };
    const limit = req.query.has("limit") ? Number(req.query.get("limit")) : 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) return { status: 422, body: { detail: [{ loc: ["query", "limit"], msg: "Input should be between 1 and 100", type: "less_than_equal" }] } };
    const page = req.query.has("cursor") ? Number(Buffer.from(req.query.get("cursor")!, "base64").toString("utf8")) : 1;
    if (!Number.isInteger(page) || page < 1) return { status: 422, body: { detail: "Invalid cursor" } };
    const payloads = (req.query.get("expand") ?? "").split(",").includes("payloads");
    const wanted = req.query.get("status");
    const size = Math.min(limit, this.pageLimit);
    const rows = [...this.jobs.values()]
      .filter((j) => j.auth === auth && endpoints.includes(j.endpoint))
      .map((j) => ({ job: j, ended: this.endedAt(j) }))
      .filter((r): r is { job: FalFakeJob; ended: number } => r.ended !== undefined && now >= r.ended + this.listLagMs && r.ended >= start && r.ended < end)
      .map((r) => ({ ...r, result: this.finalAnswer(r.job, server) }))
      .filter((r) => !wanted || wanted === statusClass(r.result.status))
      .sort((a, b) => a.ended - b.ended);
    const items = rows.slice((page - 1) * size, page * size).map(({ job, ended, result }) => ({
      request_id: job.id,
      endpoint_id: job.endpoint,
      sent_at: iso(job.submittedAt),
      started_at: iso(job.submittedAt + Math.round((ended - job.submittedAt) * 0.05)),
      ended_at: iso(ended),
      status_code: result.status,
      duration: (ended - job.submittedAt) / 1000,
      ...(payloads ? { json_input: job.input, json_output: result.body ?? null } : {}),
    }));
    const more = rows.length > page * size;
    return { status: 200, body: { items, next_cursor: more ? Buffer.from(String(page + 1)).toString("base64") : null, has_more: more } };
  }

  /** What the result URL answers for a request that ended. */
  private finalAnswer(job: FalFakeJob, server: FakeServer): FakeResponse {
    if (job.cancelled) return { status: 400, body: { detail: "Request was cancelled by the user" } };
    const override = this.resultOverride?.(job);
    if (override) return override;
    return this.success(job, server);
  }

  /** A finished request's output: `images[]` from an image endpoint, else the video. */
  private success(job: FalFakeJob, server: FakeServer): FakeResponse {
    const base = this.cdnBase?.() ?? server.baseUrl;
    if (isImageEndpoint(job.endpoint)) return { status: 200, body: { images: [{ url: `${base}/media/${job.id}.png`, content_type: "image/png", file_name: `${job.id}.png`, width: 1280, height: 720 }], seed: 42 } };
    return { status: 200, body: { video: { url: `${base}/media/${job.id}.mp4`, content_type: "video/mp4", file_name: `${job.id}.mp4`, file_size: this.media.length }, seed: 42 } };
  }
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

function statusClass(status: number): "success" | "user_error" | "error" {
  return status < 400 ? "success" : status < 500 ? "user_error" : "error";
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
    routes: () => [
      {
        method: "GET",
        pattern: "/media/:file",
        name: "fal.media",
        handler: (_req, p) => (p["file"]?.endsWith(".png") ? { status: 200, headers: { "content-type": "image/png" }, body: Buffer.from(STILL_PNG) } : { status: 200, headers: { "content-type": "video/mp4" }, body: Buffer.from(media) }),
      },
    ],
  };
}

/** What a fal job was sent as references: the image list and each element's image count. */
export function falReferencesOf(job: FalFakeJob): { images: number; elements: number[]; prompt: string } {
  const input = (job.input ?? {}) as Record<string, unknown>;
  const images = Array.isArray(input["image_urls"]) ? input["image_urls"].length : 0;
  const elements = Array.isArray(input["elements"]) ? (input["elements"] as { reference_image_urls?: unknown[] }[]).map((e) => 1 + (e.reference_image_urls?.length ?? 0)) : [];
  return { images, elements, prompt: String(input["prompt"] ?? "") };
}

/** the still an image endpoint renders: a real 16×9 PNG, so signature checks and imports see an image */
const STILL_PNG = encodePng(16, 9, new Uint8Array(16 * 9 * 3).fill(160));
