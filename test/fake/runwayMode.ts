/**
 * Runway's API as the fake provider speaks it: `POST /v1/text_to_video`, `POST /v1/image_to_video`,
 * `POST /v1/text_to_image` (Gen-4 References, checked as the SDK's TextToImageCreateParams say),
 * `GET|DELETE /v1/tasks/{id}`, `GET /v1/organization`, with outputs on a signed CDN URL
 * (`runwayCdnMode`, ideally on a second FakeServer: another origin) that stops working after `outputTtlSeconds`.
 * Endpoint names for counts and faults: runway.textToVideo, runway.imageToVideo, runway.textToImage, runway.task, runway.delete,
 * runway.organization, runway.media. Time comes from `now` so tests can step past an expiry.
 */
import { encodePng } from "../../src/backends/slate/png";
import { header } from "./falMode";
import type { FakeMode, FakeRequest, FakeResponse, FakeServer, Route } from "./server";

export const RUNWAY_VERSION = "2024-11-06";

export interface RunwayFakeJob {
  readonly id: string;
  readonly endpoint: "text_to_video" | "image_to_video" | "text_to_image";
  readonly body: Record<string, unknown>;
  polls: number;
  /** ends FAILED with this instead of a video */
  failure: { failure: string; failureCode?: string } | null;
  cancelled: boolean;
  deleted: boolean;
  /** when the output was first signed (fake clock) */
  signedAt: number | null;
}

export class RunwayMode implements FakeMode {
  readonly name = "runway";
  readonly jobs = new Map<string, RunwayFakeJob>();
  /** polls before a task succeeds: the first is `firstStatus`, the rest RUNNING with rising progress */
  progressSteps = 3;
  firstStatus: "PENDING" | "THROTTLED" = "PENDING";
  fail: ((job: RunwayFakeJob) => RunwayFakeJob["failure"]) | null = null;
  /** how long a signed output URL works */
  outputTtlSeconds = 24 * 3600;
  /** Runway signs a fresh output URL on every task fetch; false keeps the first one (to test a dead link) */
  resignOutputs = true;
  now: () => number = Date.now;

  constructor(
    readonly media: Uint8Array,
    readonly key: string,
    private readonly cdnBase?: () => string,
  ) {}

  routes(server: FakeServer): readonly Route[] {
    const routes: Route[] = [
      { method: "POST", pattern: "/v1/text_to_video", name: "runway.textToVideo", handler: (req) => this.guarded(req, () => this.create(req, "text_to_video")) },
      { method: "POST", pattern: "/v1/image_to_video", name: "runway.imageToVideo", handler: (req) => this.guarded(req, () => this.create(req, "image_to_video")) },
      { method: "POST", pattern: "/v1/text_to_image", name: "runway.textToImage", handler: (req) => this.guarded(req, () => this.createImage(req)) },
      { method: "GET", pattern: "/v1/tasks/:id", name: "runway.task", handler: (req, p) => this.guarded(req, () => this.task(server, p["id"] ?? "")) },
      { method: "DELETE", pattern: "/v1/tasks/:id", name: "runway.delete", handler: (req, p) => this.guarded(req, () => this.remove(p["id"] ?? "")) },
      { method: "GET", pattern: "/v1/organization", name: "runway.organization", handler: (req) => this.guarded(req, () => ({ status: 200, body: { creditBalance: 1000, tier: { maxMonthlyCreditSpend: 10000, models: {} } } })) },
    ];
    if (!this.cdnBase) routes.push(...runwayCdnMode(this.media, () => this.now()).routes(server));
    return routes;
  }

  private guarded(req: FakeRequest, handle: () => FakeResponse): FakeResponse {
    if (header(req, "authorization") !== `Bearer ${this.key}`) return runwayError(401, "Invalid API key or API key not provided.");
    if (header(req, "x-runway-version") !== RUNWAY_VERSION) return runwayError(400, "Invalid API version. Set the X-Runway-Version header to 2024-11-06.");
    return handle();
  }

  private create(req: FakeRequest, endpoint: RunwayFakeJob["endpoint"]): FakeResponse {
    const body = (req.json ?? {}) as Record<string, unknown>;
    const issues: { message: string; path: string[] }[] = [];
    for (const [k, t] of [["model", "string"], ["promptText", "string"], ["ratio", "string"], ["duration", "number"]] as const) {
      if (typeof body[k] !== t) issues.push({ message: `Expected ${t}`, path: [k] });
    }
    if (endpoint === "image_to_video" && typeof body["promptImage"] !== "string" && !Array.isArray(body["promptImage"])) issues.push({ message: "Required", path: ["promptImage"] });
    if (issues.length > 0) return { status: 400, body: { error: "Validation of body failed", issues } };
    const id = `task-${this.jobs.size + 1}`;
    const job: RunwayFakeJob = { id, endpoint, body, polls: 0, failure: null, cancelled: false, deleted: false, signedAt: null };
    job.failure = this.fail?.(job) ?? null;
    this.jobs.set(id, job);
    return { status: 200, body: { id } };
  }

  private createImage(req: FakeRequest): FakeResponse {
    const problem = textToImageProblem((req.json ?? {}) as Record<string, unknown>);
    if (problem) return { status: 400, body: { error: "Validation of body failed", issues: [problem] } };
    const id = `task-${this.jobs.size + 1}`;
    const job: RunwayFakeJob = { id, endpoint: "text_to_image", body: req.json as Record<string, unknown>, polls: 0, failure: null, cancelled: false, deleted: false, signedAt: null };
    job.failure = this.fail?.(job) ?? null;
    this.jobs.set(id, job);
    return { status: 200, body: { id } };
  }

  private state(job: RunwayFakeJob): string {
    if (job.cancelled) return "CANCELLED";
    if (job.polls <= 1) return this.firstStatus;
    if (job.polls <= this.progressSteps) return "RUNNING";
    return job.failure ? "FAILED" : "SUCCEEDED";
  }

  private task(server: FakeServer, id: string): FakeResponse {
    const job = this.jobs.get(id);
    if (!job || job.deleted) return runwayError(404, "Task not found.");
    job.polls += 1;
    const status = this.state(job);
    const base = { id, status, createdAt: "2026-11-20T10:00:00.000Z" };
    if (status === "RUNNING") return { status: 200, body: { ...base, progress: Math.round((100 * (job.polls - 1)) / this.progressSteps) / 100 } };
    if (status === "FAILED") return { status: 200, body: { ...base, ...job.failure } };
    if (status !== "SUCCEEDED") return { status: 200, body: base };
    if (job.signedAt === null || this.resignOutputs) job.signedAt = this.now();
    const exp = job.signedAt + this.outputTtlSeconds * 1000;
    const ext = job.endpoint === "text_to_image" ? "png" : "mp4";
    return { status: 200, body: { ...base, output: [`${this.cdnBase?.() ?? server.baseUrl}/runway-cdn/${id}.${ext}?exp=${exp}&sig=fake`] } };
  }

  private remove(id: string): FakeResponse {
    const job = this.jobs.get(id);
    if (!job || job.deleted) return runwayError(404, "Task not found.");
    // a running task is cancelled; a finished one is deleted
    const s = this.state(job);
    if (s === "SUCCEEDED" || s === "FAILED" || s === "CANCELLED") job.deleted = true;
    else job.cancelled = true;
    return { status: 204 };
  }
}

/** Runway's output CDN: a signed URL that answers 403 after its `exp` (endpoint runway.media). */
export function runwayCdnMode(media: Uint8Array, now: () => number): FakeMode {
  return {
    name: "runway-cdn",
    routes: () => [
      {
        method: "GET",
        pattern: "/runway-cdn/:file",
        name: "runway.media",
        handler: (req, p) => {
          if (now() >= Number(req.query.get("exp"))) return { status: 403, headers: { "content-type": "application/xml" }, body: Buffer.from("<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>") };
          if (p["file"]?.endsWith(".png")) return { status: 200, headers: { "content-type": "image/png" }, body: Buffer.from(STILL_PNG) };
          return { status: 200, headers: { "content-type": "video/mp4" }, body: Buffer.from(media) };
        },
      },
    ],
  };
}

/** Runway's error body. */
export function runwayError(status: number, error: string): FakeResponse {
  return { status, body: { error } };
}

const STILL_PNG = encodePng(16, 9, new Uint8Array(16 * 9 * 3).fill(120));

const IMAGE_RATIOS = new Set(["1920:1080", "1080:1920", "1024:1024", "1360:768", "1080:1080", "1168:880", "1440:1080", "1080:1440", "1808:768", "2112:912", "1280:720", "720:1280", "720:720", "960:720", "720:960", "1680:720"]);
const IMAGE_FIELDS = new Set(["model", "promptText", "ratio", "seed", "referenceImages", "contentModeration"]);

/** What Runway's text_to_image refuses (`@runwayml/sdk` TextToImageCreateParams), as its `issues[0]`. */
function textToImageProblem(b: Record<string, unknown>): { message: string; path: string[] } | null {
  const extra = Object.keys(b).find((k) => !IMAGE_FIELDS.has(k));
  if (extra) return { message: "Unrecognized key", path: [extra] };
  if (b["model"] !== "gen4_image" && b["model"] !== "gen4_image_turbo") return { message: "Invalid enum value", path: ["model"] };
  if (typeof b["promptText"] !== "string" || b["promptText"].length === 0 || b["promptText"].length > 1000) return { message: "Must be 1 to 1000 characters", path: ["promptText"] };
  if (typeof b["ratio"] !== "string" || !IMAGE_RATIOS.has(b["ratio"])) return { message: "Invalid enum value", path: ["ratio"] };
  const refs = b["referenceImages"] ?? [];
  if (!Array.isArray(refs)) return { message: "Expected array", path: ["referenceImages"] };
  if (refs.length > 3) return { message: "Array must contain at most 3 element(s)", path: ["referenceImages"] };
  if (b["model"] === "gen4_image_turbo" && refs.length === 0) return { message: "At least one reference image is required", path: ["referenceImages"] };
  const tags = new Set<string>();
  for (const [i, r] of (refs as { uri?: unknown; tag?: unknown }[]).entries()) {
    if (typeof r?.uri !== "string" || !/^(https:\/\/|data:image\/(png|jpeg|webp);base64,)/.test(r.uri)) return { message: "Must be an HTTPS URL or an image data URI", path: ["referenceImages", String(i), "uri"] };
    if (r.uri.length > 5 * 1024 * 1024) return { message: "Data URI too large (5 MB)", path: ["referenceImages", String(i), "uri"] };
    if (r.tag !== undefined && (typeof r.tag !== "string" || !/^[A-Za-z][A-Za-z0-9_]{2,15}$/.test(r.tag) || tags.has(r.tag))) return { message: "Tags are 3-16 letters, digits or underscores, start with a letter, and are unique", path: ["referenceImages", String(i), "tag"] };
    if (typeof r.tag === "string") tags.add(r.tag);
  }
  return null;
}

/** The references a task was sent, by tag, and the prompt that names them. */
export function runwayReferencesOf(job: RunwayFakeJob): { tags: (string | undefined)[]; prompt: string } {
  const refs = (job.body["referenceImages"] ?? []) as { tag?: string }[];
  return { tags: refs.map((r) => r.tag), prompt: String(job.body["promptText"] ?? "") };
}
