/**
 * Replicate's predictions API as the fake provider speaks it, under /v1: create on an official
 * model, get, cancel, list (without inputs, as Replicate lists them) and account; output files on
 * `/files/{name}` of a second server standing in for replicate.delivery.
 * Endpoint names: replicate.create, replicate.get, replicate.cancel, replicate.list,
 * replicate.account, replicate.media.
 */
import { header } from "./falMode";
import type { FakeMode, FakeRequest, FakeResponse, Route } from "./server";

export interface ReplicateFakeJob {
  readonly id: string;
  readonly model: string;
  readonly input: Record<string, unknown>;
  readonly auth: string | undefined;
  readonly createdAt: number;
  polls: number;
  canceled: boolean;
}

export class ReplicateMode implements FakeMode {
  readonly name = "replicate";
  readonly jobs = new Map<string, ReplicateFakeJob>();
  queuedPolls = 1;
  /** a finished job's `error` instead of output (model failures, safety checker) */
  fail: ((job: ReplicateFakeJob) => string | null) | null = null;
  /** `output` as one URL instead of a list (models differ) */
  singleOutput = false;
  now: () => number = Date.now;
  /** a job shows up in the list only this long after it was created (provider ms): lists lag */
  listLagMs = 30_000;

  constructor(
    readonly media: Uint8Array,
    private readonly cdnBase: () => string,
  ) {}

  routes(): readonly Route[] {
    return [
      { method: "POST", pattern: "/v1/models/:owner/:name/predictions", name: "replicate.create", handler: (req, p) => this.create(req, `${p["owner"]}/${p["name"]}`) },
      { method: "GET", pattern: "/v1/predictions/:id", name: "replicate.get", handler: (_r, p) => this.get(p["id"] ?? "", true) },
      { method: "POST", pattern: "/v1/predictions/:id/cancel", name: "replicate.cancel", handler: (_r, p) => this.cancel(p["id"] ?? "") },
      { method: "GET", pattern: "/v1/predictions", name: "replicate.list", handler: () => this.list() },
      { method: "GET", pattern: "/v1/account", name: "replicate.account", handler: () => ({ status: 200, body: { type: "user", username: "editor", name: "Editor" } }) },
    ];
  }

  private create(req: FakeRequest, model: string): FakeResponse {
    const input = (req.json as { input?: Record<string, unknown> } | undefined)?.input;
    if (!input || typeof input["prompt"] !== "string") return { status: 422, body: { title: "Input validation failed", detail: "- input: prompt is required", status: 422 } };
    const id = `pred${this.jobs.size + 1}xyz`;
    const job: ReplicateFakeJob = { id, model, input, auth: header(req, "authorization"), createdAt: this.now(), polls: 0, canceled: false };
    this.jobs.set(id, job);
    return { status: 201, body: this.view(job) };
  }

  private state(job: ReplicateFakeJob): { status: string; output: unknown; error: string | null; completed: boolean } {
    if (job.canceled) return { status: "canceled", output: null, error: null, completed: true };
    if (job.polls <= this.queuedPolls) return { status: "starting", output: null, error: null, completed: false };
    if (job.polls === this.queuedPolls + 1) return { status: "processing", output: null, error: null, completed: false };
    const error = this.fail?.(job) ?? null;
    if (error) return { status: "failed", output: null, error, completed: true };
    const url = `${this.cdnBase()}/files/${job.id}/output.mp4`;
    return { status: "succeeded", output: this.singleOutput ? url : [url], error: null, completed: true };
  }

  view(job: ReplicateFakeJob, full = true): Record<string, unknown> {
    const s = this.state(job);
    const base = `/v1/predictions/${job.id}`;
    return {
      id: job.id,
      model: job.model,
      version: "hidden",
      ...(full ? { input: job.input, output: s.output, logs: "" } : {}),
      error: s.error,
      status: s.status,
      source: "api",
      data_removed: false,
      created_at: new Date(job.createdAt).toISOString(),
      ...(s.completed ? { completed_at: new Date(this.now()).toISOString() } : {}),
      urls: { get: `https://api.replicate.com${base}`, cancel: `https://api.replicate.com${base}/cancel`, web: `https://replicate.com/p/${job.id}` },
    };
  }

  private get(id: string, poll: boolean): FakeResponse {
    const job = this.jobs.get(id);
    if (!job) return { status: 404, body: { title: "Not found", detail: "The requested resource could not be found.", status: 404 } };
    if (poll) job.polls += 1;
    return { status: 200, body: this.view(job) };
  }

  private cancel(id: string): FakeResponse {
    const job = this.jobs.get(id);
    if (!job) return { status: 404, body: { title: "Not found", detail: "The requested resource could not be found.", status: 404 } };
    if (!this.state(job).completed) job.canceled = true;
    return { status: 200, body: this.view(job) };
  }

  private list(): FakeResponse {
    const results = [...this.jobs.values()].filter((j) => this.now() >= j.createdAt + this.listLagMs).reverse().map((j) => this.view(j, false));
    return { status: 200, body: { next: null, previous: null, results } };
  }
}

/** replicate.delivery: serves output files (endpoint replicate.media). */
export function replicateCdnMode(media: Uint8Array): FakeMode {
  return {
    name: "replicate-cdn",
    routes: () => [{ method: "GET", pattern: "/files/:id/:file", name: "replicate.media", handler: () => ({ status: 200, headers: { "content-type": "video/mp4" }, body: Buffer.from(media) }) }],
  };
}
