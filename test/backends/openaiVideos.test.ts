import { GenerationError } from "../../src/backends/errors";
import { OpenAIVideosBackend, gatewayModel, type OpenAIVideosVariant } from "../../src/backends/openaiVideos";
import type { GenerationBackend, GenerationRequest, JobRef, JobStatus, MediaDownload } from "../../src/backends/types";
import { header } from "../fake/falMode";
import { OpenAIVideosMode, apiError } from "../fake/openaiVideosMode";
import { FakeServer } from "../fake/server";
import { fakeMp4 } from "../support/media";
import { bytesOf, caught, pngFrame, pollUntilDone, shotRequest } from "./helpers";

const KEY = "fake-gateway-key-0123456789abcdef";
const media = fakeMp4(48 * 1024, 5);
const thumb = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const T0 = Date.parse("2026-11-20T10:00:00Z");
let now = T0;
let server: FakeServer;
let mode: OpenAIVideosMode;
let backend: OpenAIVideosBackend;

const VEO = "vertex_ai/veo-3.1-fast-generate-preview";
const request = (over: Partial<GenerationRequest> = {}): GenerationRequest => shotRequest(VEO, over);
const png = pngFrame;
const dataUri = (n: number) => `data:image/png;base64,${Buffer.from(png(n).bytes).toString("base64")}`;

async function start(variant: OpenAIVideosVariant = "generic"): Promise<void> {
  await server?.stop();
  const prefix = variant === "openrouter" ? "/api/v1" : "/v1";
  mode = new OpenAIVideosMode(media, thumb, { prefix, variant });
  mode.now = () => now;
  server = await new FakeServer([mode]).start();
  backend = new OpenAIVideosBackend({ fetch, apiKey: KEY, baseUrl: `${server.baseUrl}${prefix}`, variant, clock: { now: () => now } });
}

beforeEach(async () => {
  now = T0;
  await start();
});
afterEach(async () => {
  await server.stop();
});


const pollToEnd = (ref: JobRef, b: GenerationBackend = backend): Promise<JobStatus[]> => pollUntilDone(b, ref, 10);


const completedOf = async (ref: JobRef) => (await pollToEnd(ref)).at(-1) as Extract<JobStatus, { state: "completed" }>;

test("a shot is created, reports progress 0–1, and its video and thumbnail download byte for byte", async () => {
  const ref = await backend.submit(request(), { idempotencyKey: "cutaway-s1" });
  expect(ref).toEqual({ backend: "openai-videos", model: VEO, providerJobId: "video_1" });
  const seen = await pollToEnd(ref);
  expect(seen.map((s) => s.state)).toEqual(["queued", "running", "running", "completed"]);
  expect(seen.slice(0, 3).map((s) => (s.state === "completed" || s.state === "failed" ? null : s.progress))).toEqual([0, 0.33, 0.67]);
  const done = seen[3] as Extract<JobStatus, { state: "completed" }>;
  expect(done.expiresAt).toBe(T0 + 3600_000);
  expect(done.mediaUrl).toBe(`${server.baseUrl}/v1/videos/video_1/content?variant=video`);
  expect(done.thumbnailUrl).toBe(`${server.baseUrl}/v1/videos/video_1/content?variant=thumbnail`);

  const dl = await backend.download(ref, done);
  expect(dl).toMatchObject({ extension: "mp4", contentType: "video/mp4", contentLength: media.length });
  expect(Buffer.from(await bytesOf(dl)).equals(Buffer.from(media))).toBe(true);
  const still = await backend.thumbnail(ref);
  expect(still.extension).toBe("png");
  expect(Buffer.from(await bytesOf(still)).equals(Buffer.from(thumb))).toBe(true);
  for (const r of server.requests) expect(r.headers["authorization"]).toBe(`Bearer ${KEY}`);
});

test("the create body is exactly the API's shape, with Bearer auth, the Idempotency-Key and no other provider's header", async () => {
  await backend.submit(request(), { idempotencyKey: "cutaway-job-42" });
  await backend.submit(request({ firstFrame: png(1), size: { width: 1920, height: 1080 }, durationSeconds: 4 }), { idempotencyKey: "k2" });
  const [a, b] = server.requestsTo("videos.create");
  expect(a!.path).toBe("/v1/videos");
  expect(a!.json).toEqual({ model: VEO, prompt: request().prompt, seconds: "8", size: "1280x720" });
  expect(a!.headers["content-type"]).toBe("application/json");
  expect(a!.headers["authorization"]).toBe(`Bearer ${KEY}`);
  expect(a!.headers["idempotency-key"]).toBe("cutaway-job-42");
  expect(b!.json).toEqual({ model: VEO, prompt: request().prompt, seconds: "4", size: "1920x1080", input_reference: dataUri(1) });
  for (const r of server.requests) {
    expect(r.headers["x-goog-api-key"]).toBeUndefined();
    expect(r.headers["x-api-key"]).toBeUndefined();
    expect(String(header(r, "authorization"))).not.toMatch(/^Key /);
  }
});

test("what a model or the generic API cannot do is refused before anything is sent", async () => {
  expect((await caught(backend.submit(request({ durationSeconds: 5 }), { idempotencyKey: "k" }))).message).toMatch(/4, 6, 8 s/);
  expect((await caught(backend.submit(request({ aspect: "1:1" }), { idempotencyKey: "k" }))).reason).toBe("invalid_request");
  expect((await caught(backend.submit(request({ firstFrame: png(1), lastFrame: png(2) }), { idempotencyKey: "k" }))).message).toMatch(/last frame/);
  expect((await caught(backend.submit(request({ model: "sora-2" }), { idempotencyKey: "k" }))).message).toMatch(/not one Cutaway knows/);
  expect(server.count("videos.create")).toBe(0);
  expect(backend.capabilities().models.map((m) => m.id)).not.toContain("sora-2");
});

test("a model id the editor configured is sent as is", async () => {
  backend = new OpenAIVideosBackend({ fetch, apiKey: KEY, baseUrl: `${server.baseUrl}/v1/`, models: [gatewayModel("my-runway", { durationsSeconds: [5, 10] })], clock: { now: () => now } });
  await backend.submit(request({ model: "my-runway", durationSeconds: 10 }), { idempotencyKey: "k" });
  expect(server.requestsTo("videos.create")[0]!.json).toEqual({ model: "my-runway", prompt: request().prompt, seconds: "10", size: "1280x720" });
});

test("the openrouter variant sends frame_images for first and last frames and reads its own job shape", async () => {
  await start("openrouter");
  expect(backend.capabilities()).toMatchObject({ canListJobs: false, label: "OpenRouter" });
  const ref = await backend.submit(request({ model: "google/veo-3.1", firstFrame: png(1), lastFrame: png(2), seed: 9 }), { idempotencyKey: "k" });
  const [create] = server.requestsTo("videos.create");
  expect(create!.path).toBe("/api/v1/videos");
  expect(create!.headers["authorization"]).toBe(`Bearer ${KEY}`);
  expect(create!.headers["idempotency-key"]).toBe("k");
  expect(create!.json).toEqual({
    model: "google/veo-3.1",
    prompt: request().prompt,
    duration: 8,
    aspect_ratio: "16:9",
    resolution: "720p",
    seed: 9,
    frame_images: [
      { type: "image_url", image_url: { url: dataUri(1) }, frame_type: "first_frame" },
      { type: "image_url", image_url: { url: dataUri(2) }, frame_type: "last_frame" },
    ],
  });
  const seen = await pollToEnd(ref);
  expect(seen.map((s) => s.state)).toEqual(["queued", "running", "running", "completed"]);
  const done = seen[3] as Extract<JobStatus, { state: "completed" }>;
  expect(done.costUsd).toBe(3.2);
  expect(done.thumbnailUrl).toBeUndefined();
  const dl = await backend.download(ref, done);
  expect(Buffer.from(await bytesOf(dl)).equals(Buffer.from(media))).toBe(true);
  expect(server.requestsTo("videos.content")[0]!.query.get("index")).toBe("0");
  // no list at OpenRouter: a lost create is reported, never guessed at
  const e = await caught(backend.findJob("k", request({ model: "google/veo-3.1" })));
  expect(e.details.outcomeUnknown).toBe(true);
});

test("429 with Retry-After is rate_limited with the wait; insufficient_quota is quota", async () => {
  server.inject({ endpoint: "videos.create", nth: 1, fault: { kind: "status", status: 429, headers: { "retry-after": "12" }, body: { error: { message: "Rate limit reached", type: "requests", code: "rate_limit_exceeded" } } } });
  server.inject({ endpoint: "videos.create", nth: 2, fault: { kind: "status", ...apiError(429, "You exceeded your current quota, please check your plan and billing details.", "insufficient_quota", "insufficient_quota") } });
  const a = await caught(backend.submit(request(), { idempotencyKey: "k" }));
  expect(a.reason).toBe("rate_limited");
  expect(a.details.retryAfterSeconds).toBe(12);
  expect(a.details.outcomeUnknown).toBeUndefined();
  const b = await caught(backend.submit(request(), { idempotencyKey: "k" }));
  expect(b.reason).toBe("quota");
  expect(b.retryable).toBe(false);
});

test("401 is auth with a Settings hint, and the key never appears in any error", async () => {
  server.inject({ endpoint: "videos.create", fault: { kind: "status", ...apiError(401, `Incorrect API key provided: ${KEY}.`, "invalid_request_error", "invalid_api_key") } });
  server.inject({ endpoint: "videos.retrieve", fault: { kind: "status", ...apiError(500, `upstream failed for key ${KEY}`, "server_error", null) } });
  const e = await caught(backend.submit(request(), { idempotencyKey: "k" }));
  expect(e.reason).toBe("auth");
  expect(e.message).toBe("Your video gateway key was rejected — check it in Settings.");
  const s = await caught(backend.status({ backend: "openai-videos", model: VEO, providerJobId: "video_9" }));
  expect(s.reason).toBe("transient");
  expect(s.message).toContain("[key]");
  for (const err of [e, s]) expect(JSON.stringify({ m: err.message, d: err.details })).not.toContain(KEY);
});

test("a moderated job fails as content_policy with the gateway's code", async () => {
  mode.moderate = () => "moderation_blocked";
  const ref = await backend.submit(request(), { idempotencyKey: "k" });
  const end = (await pollToEnd(ref)).at(-1) as Extract<JobStatus, { state: "failed" }>;
  expect(end.state).toBe("failed");
  expect(end.error.reason).toBe("content_policy");
  expect(end.error.details.providerCode).toBe("moderation_blocked");
  expect(end.error.message).toMatch(/blocked by our moderation system/);
});

test("content gone after expires_at is expired; a completed job with no video before it is content_policy", async () => {
  const ref = await backend.submit(request(), { idempotencyKey: "k" });
  const done = await completedOf(ref);
  now = T0 + 2 * 3600_000;
  const late = await caught(backend.download(ref, done));
  expect(late.reason).toBe("expired");

  now = T0;
  mode.withoutVideo = () => true;
  const blocked = await backend.submit(request(), { idempotencyKey: "k2" });
  const e = await caught(backend.download(blocked, await completedOf(blocked)));
  expect(e.reason).toBe("content_policy");
  expect(e.message).toMatch(/no video for it/);
});

test("malformed JSON is transient; on create the outcome is unknown", async () => {
  const ref = await backend.submit(request(), { idempotencyKey: "k" });
  server.inject({ endpoint: "videos.retrieve", nth: 1, fault: { kind: "malformed-json" } });
  const e = await caught(backend.status(ref));
  expect(e.reason).toBe("transient");
  expect(e.message).toMatch(/could not read: it was not valid JSON/);
  expect(e.details.outcomeUnknown).toBeUndefined();
  server.inject({ endpoint: "videos.create", nth: 2, fault: { kind: "malformed-json" } });
  expect((await caught(backend.submit(request(), { idempotencyKey: "k2" }))).details.outcomeUnknown).toBe(true);
});

test("a reset after the create was sent is outcome-unknown, and findJob finds that one job without resending", async () => {
  // an earlier take of the same prompt must not be adopted
  now = T0 - 3600_000;
  const earlier = await new OpenAIVideosBackend({ fetch, apiKey: KEY, baseUrl: `${server.baseUrl}/v1` }).submit(request(), { idempotencyKey: "old" });
  now = T0;
  server.inject({ endpoint: "videos.create", nth: 2, fault: { kind: "reset-after" } });
  const e = await caught(backend.submit(request(), { idempotencyKey: "lost" }));
  expect(e.details.outcomeUnknown).toBe(true);
  expect(backend.capabilities().canListJobs).toBe(true);
  // the list lags: "not listed yet" says when to look again, it never means "never arrived"
  const early = await caught(backend.findJob("lost", request()));
  expect(early).toMatchObject({ reason: "transient", details: { outcomeUnknown: true } });
  expect(early.details.retryAfterSeconds).toBeGreaterThan(0);
  now = T0 + 40_000;
  const found = await backend.findJob("lost", request());
  expect(found).toEqual({ backend: "openai-videos", model: VEO, providerJobId: "video_2" });
  expect(found!.providerJobId).not.toBe(earlier.providerJobId);
  // the earlier take plus exactly one create for this shot
  expect(server.count("videos.create")).toBe(2);
  expect(server.requestsTo("videos.create").filter((r) => header(r, "idempotency-key") === "lost")).toHaveLength(1);
  expect(server.requestsTo("videos.list")[0]!.headers["authorization"]).toBe(`Bearer ${KEY}`);
  // nothing else matches: only once the window has passed has the create never arrived (sending it is safe)
  expect((await caught(backend.findJob("other", request({ prompt: "A different shot" })))).retryable).toBe(true);
  now += 2 * 60_000 + 1_000;
  expect(await backend.findJob("other", request({ prompt: "A different shot" }))).toBeNull();
});

test("cancel deletes the job; cancelling one already gone is not an error", async () => {
  const ref = await backend.submit(request(), { idempotencyKey: "k" });
  await backend.status(ref);
  await backend.cancel(ref);
  const [del] = server.requestsTo("videos.delete");
  expect(del!.path).toBe("/v1/videos/video_1");
  expect(del!.headers["authorization"]).toBe(`Bearer ${KEY}`);
  expect(mode.jobs.get("video_1")!.deleted).toBe(true);
  await expect(backend.cancel(ref)).resolves.toBeUndefined();
  expect(server.count("videos.delete")).toBe(2);
});

test("the generic variant needs a base URL: there is no hosted default", () => {
  expect(() => new OpenAIVideosBackend({ fetch, apiKey: KEY })).toThrow(/base URL/);
});
