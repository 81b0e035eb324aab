/**
 * Google Veo on the Gemini API as the fake provider speaks it: `POST /v1beta/models/{model}:predictLongRunning`,
 * `GET /v1beta/models/{model}/operations/{id}`, and the video URI `GET /v1beta/files/{id}:download?alt=media`,
 * which redirects (302) to storage (`veoStorageMode`, ideally on a second FakeServer: another origin).
 * Endpoint names for counts and faults: veo.create, veo.operation, veo.file, veo.media.
 * Time comes from `now` so tests can step past the two-day retention without waiting.
 */
import { header } from "./falMode";
import type { FakeMode, FakeRequest, FakeResponse, FakeServer, Route } from "./server";

export interface VeoFakeJob {
  readonly id: string;
  readonly model: string;
  readonly body: Record<string, unknown>;
  readonly createdAt: number;
  polls: number;
}

/** How a finished operation ends instead of with a video. */
export type VeoOutcome = { readonly error: { code: number; message: string; status?: string } } | { readonly filteredReasons: readonly string[] };

export class VeoMode implements FakeMode {
  readonly name = "veo";
  readonly jobs = new Map<string, VeoFakeJob>();
  /** polls answering `done` absent before the operation finishes */
  pollsBeforeDone = 2;
  outcome: ((job: VeoFakeJob) => VeoOutcome | null) | null = null;
  /** Google keeps generated files two days */
  retentionSeconds = 2 * 24 * 3600;
  now: () => number = Date.now;
  /**
   * Veo 3.1's reference rules on the Gemini API: at most 3 `referenceImages` of type "asset", only in
   * 8 s 16:9 clips, never beside `image`/`lastFrame`; Veo 2 takes none. Off only to test a lenient server.
   */
  strictReferences = true;

  /** `key`: any other `x-goog-api-key` gets Google's 400 API_KEY_INVALID; `storageBase`: where the file URI redirects */
  constructor(
    readonly media: Uint8Array,
    readonly key: string,
    private readonly storageBase?: () => string,
  ) {}

  routes(server: FakeServer): readonly Route[] {
    const routes: Route[] = [
      { method: "POST", pattern: "/v1beta/models/:call", name: "veo.create", handler: (req, p) => this.guarded(req, () => this.create(req, p["call"] ?? "")) },
      { method: "GET", pattern: "/v1beta/models/:model/operations/:op", name: "veo.operation", handler: (req, p) => this.guarded(req, () => this.operation(server, p["model"] ?? "", p["op"] ?? "")) },
      { method: "GET", pattern: "/v1beta/models", name: "veo.models", handler: (req) => this.guarded(req, () => ({ status: 200, body: { models: [{ name: "models/veo-3.1-generate-preview" }] } })) },
      { method: "GET", pattern: "/v1beta/files/:file", name: "veo.file", handler: (req, p) => this.guarded(req, () => this.file(server, p["file"] ?? "")) },
    ];
    if (!this.storageBase) routes.push(...veoStorageMode(this.media).routes(server));
    return routes;
  }

  private guarded(req: FakeRequest, handle: () => FakeResponse): FakeResponse {
    if (header(req, "x-goog-api-key") !== this.key) {
      return googleError(400, "INVALID_ARGUMENT", "API key not valid. Please pass a valid API key.", [
        { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "API_KEY_INVALID", domain: "googleapis.com", metadata: { service: "generativelanguage.googleapis.com" } },
      ]);
    }
    return handle();
  }

  private create(req: FakeRequest, call: string): FakeResponse {
    const [model, verb] = call.split(":");
    if (verb !== "predictLongRunning" || !model) return googleError(404, "NOT_FOUND", `models/${call} is not found for API version v1beta.`);
    const body = (req.json ?? {}) as Record<string, unknown>;
    const instances = body["instances"];
    const first = Array.isArray(instances) ? (instances[0] as Record<string, unknown> | undefined) : undefined;
    if (!first || typeof first["prompt"] !== "string") return googleError(400, "INVALID_ARGUMENT", "* GenerateVideoRequest.prompt: prompt is required");
    const refused = this.strictReferences ? referenceProblem(model, first, body["parameters"]) : null;
    if (refused) return googleError(400, "INVALID_ARGUMENT", refused);
    const id = `op${this.jobs.size + 1}`;
    this.jobs.set(id, { id, model, body, createdAt: this.now(), polls: 0 });
    return { status: 200, body: { name: `models/${model}/operations/${id}` } };
  }

  private operation(server: FakeServer, model: string, id: string): FakeResponse {
    const job = this.jobs.get(id);
    if (!job || job.model !== model) return googleError(404, "NOT_FOUND", `Operation models/${model}/operations/${id} not found.`);
    job.polls += 1;
    const name = `models/${model}/operations/${id}`;
    if (job.polls <= this.pollsBeforeDone) return { status: 200, body: { name } };
    const outcome = this.outcome?.(job) ?? null;
    if (outcome && "error" in outcome) return { status: 200, body: { name, done: true, error: outcome.error } };
    const type = "type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse";
    if (outcome) {
      return { status: 200, body: { name, done: true, response: { "@type": type, generateVideoResponse: { raiMediaFilteredCount: 1, raiMediaFilteredReasons: outcome.filteredReasons } } } };
    }
    const uri = `${server.baseUrl}/v1beta/files/${fileIdOf(job)}:download?alt=media`;
    return { status: 200, body: { name, done: true, response: { "@type": type, generateVideoResponse: { generatedSamples: [{ video: { uri } }] } } } };
  }

  private file(server: FakeServer, file: string): FakeResponse {
    const [fileId, verb] = file.split(":");
    const job = [...this.jobs.values()].find((j) => fileIdOf(j) === fileId);
    if (verb !== "download" || !job || this.now() >= job.createdAt + this.retentionSeconds * 1000) {
      return googleError(404, "NOT_FOUND", `File ${fileId} not found or expired.`);
    }
    const storage = this.storageBase?.() ?? server.baseUrl;
    return { status: 302, headers: { location: `${storage}/veo-media/${job.id}.mp4?signature=fake` } };
  }
}

/** The reference images a create carried, as the tests assert them: type and decoded size. */
export function veoReferencesOf(job: VeoFakeJob): { referenceType: unknown; mimeType: unknown; bytes: number }[] {
  const first = (job.body["instances"] as Record<string, unknown>[] | undefined)?.[0] ?? {};
  const refs = (first["referenceImages"] as { image?: { bytesBase64Encoded?: string; mimeType?: string }; referenceType?: string }[] | undefined) ?? [];
  return refs.map((r) => ({ referenceType: r.referenceType, mimeType: r.image?.mimeType, bytes: Buffer.from(r.image?.bytesBase64Encoded ?? "", "base64").length }));
}

function referenceProblem(model: string, first: Record<string, unknown>, parameters: unknown): string | null {
  const refs = first["referenceImages"];
  if (refs === undefined) return null;
  if (!model.startsWith("veo-3.1")) return "referenceImages is not supported by this model.";
  if (!Array.isArray(refs) || refs.length === 0 || refs.length > 3) return "referenceImages: at most 3 images are allowed.";
  if (refs.some((r: { referenceType?: unknown; image?: { bytesBase64Encoded?: unknown } }) => r.referenceType !== "asset" || typeof r.image?.bytesBase64Encoded !== "string")) {
    return "referenceImages: each needs an image and referenceType asset.";
  }
  if (first["image"] !== undefined || first["lastFrame"] !== undefined) return "referenceImages cannot be combined with image or lastFrame.";
  const p = (parameters ?? {}) as Record<string, unknown>;
  if (p["durationSeconds"] !== 8) return "durationSeconds must be 8 when referenceImages are given.";
  if (p["aspectRatio"] !== "16:9") return "referenceImages are supported for 16:9 only.";
  return null;
}

function fileIdOf(job: VeoFakeJob): string {
  return `video-${job.id}`;
}

/** Google's storage behind the redirect: serves the clip on `/veo-media/{file}` (endpoint veo.media). */
export function veoStorageMode(media: Uint8Array): FakeMode {
  return {
    name: "veo-storage",
    routes: () => [{ method: "GET", pattern: "/veo-media/:file", name: "veo.media", handler: () => ({ status: 200, headers: { "content-type": "video/mp4" }, body: Buffer.from(media) }) }],
  };
}

/** Google's error body (`google.rpc.Status` in an `error` envelope). */
export function googleError(code: number, status: string, message: string, details?: unknown[]): FakeResponse {
  return { status: code, body: { error: { code, message, status, ...(details ? { details } : {}) } } };
}
