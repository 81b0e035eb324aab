/**
 * Luma's Dream Machine API as the fake provider speaks it, under /dream-machine/v1: create, get,
 * delete and list generations; video assets on `/assets/{file}` of a second server (Luma's CDN).
 * Endpoint names: luma.create, luma.get, luma.delete, luma.list, luma.media.
 */
import { header } from "./falMode";
import type { FakeMode, FakeRequest, FakeResponse, Route } from "./server";

export interface LumaFakeJob {
  readonly id: string;
  readonly request: Record<string, unknown>;
  readonly auth: string | undefined;
  readonly createdAt: number;
  polls: number;
}

const P = "/dream-machine/v1";

export class LumaMode implements FakeMode {
  readonly name = "luma";
  readonly jobs = new Map<string, LumaFakeJob>();
  queuedPolls = 1;
  /** a finished job's failure_reason instead of a video */
  fail: ((job: LumaFakeJob) => string | null) | null = null;
  now: () => number = Date.now;
  /** a job shows up in the list only this long after it was created (provider ms): lists lag */
  listLagMs = 30_000;

  constructor(private readonly cdnBase: () => string) {}

  /** keys the key check accepts; null: any non-empty Bearer key */
  validKeys: ReadonlySet<string> | null = null;

  private keyAccepted(req: FakeRequest): boolean {
    const key = /^Bearer (.+)$/.exec(header(req, "authorization") ?? "")?.[1]?.trim();
    return Boolean(key) && (!this.validKeys || this.validKeys.has(key!));
  }

  routes(): readonly Route[] {
    return [
      { method: "POST", pattern: `${P}/generations`, name: "luma.create", handler: (req) => this.create(req) },
      { method: "GET", pattern: `${P}/generations`, name: "luma.list", handler: () => this.list() },
      { method: "GET", pattern: `${P}/generations/:id`, name: "luma.get", handler: (_r, p) => this.get(p["id"] ?? "") },
      // the key check (GET /credits): free, 401 without a valid Bearer key
      { method: "GET", pattern: `${P}/credits`, name: "luma.credits", handler: (req) => (this.keyAccepted(req) ? { status: 200, body: { credit_balance: 1000 } } : { status: 401, body: { detail: "Invalid API key" } }) },
      { method: "DELETE", pattern: `${P}/generations/:id`, name: "luma.delete", handler: (_r, p) => (this.jobs.delete(p["id"] ?? "") ? { status: 204 } : { status: 404, body: { detail: "Generation not found" } }) },
    ];
  }

  private create(req: FakeRequest): FakeResponse {
    const body = (req.json ?? {}) as Record<string, unknown>;
    if (typeof body["prompt"] !== "string") return { status: 400, body: { detail: [{ loc: ["body", "prompt"], msg: "Field required", type: "missing" }] } };
    const id = `0b4f${this.jobs.size + 1}-luma`;
    const job: LumaFakeJob = { id, request: body, auth: header(req, "authorization"), createdAt: this.now(), polls: 0 };
    this.jobs.set(id, job);
    return { status: 201, body: this.view(job) };
  }

  private get(id: string): FakeResponse {
    const job = this.jobs.get(id);
    if (!job) return { status: 404, body: { detail: "Generation not found" } };
    job.polls += 1;
    return { status: 200, body: this.view(job) };
  }

  private list(): FakeResponse {
    const listed = [...this.jobs.values()].filter((j) => this.now() >= j.createdAt + this.listLagMs).reverse();
    return { status: 200, body: { generations: listed.map((j) => this.view(j)), has_more: false, count: listed.length } };
  }

  private view(job: LumaFakeJob): Record<string, unknown> {
    const failure = job.polls > this.queuedPolls + 1 ? (this.fail?.(job) ?? null) : null;
    const state = job.polls <= this.queuedPolls ? "queued" : job.polls === this.queuedPolls + 1 ? "dreaming" : failure ? "failed" : "completed";
    return {
      id: job.id,
      generation_type: "video",
      state,
      failure_reason: failure,
      created_at: new Date(job.createdAt).toISOString(),
      model: job.request["model"],
      assets: state === "completed" ? { video: `${this.cdnBase()}/assets/${job.id}.mp4`, image: `${this.cdnBase()}/assets/${job.id}.jpg` } : null,
      request: job.request,
    };
  }
}

/** Luma's asset CDN (endpoint luma.media). */
export function lumaCdnMode(media: Uint8Array): FakeMode {
  return {
    name: "luma-cdn",
    routes: () => [{ method: "GET", pattern: "/assets/:file", name: "luma.media", handler: () => ({ status: 200, headers: { "content-type": "video/mp4" }, body: Buffer.from(media) }) }],
  };
}
