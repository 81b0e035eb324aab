import { GenerationError } from "../../src/backends/errors";
import type { GenerationBackend, GenerationRequest, JobRef, JobStatus, MediaDownload } from "../../src/backends/types";
import { VEO_BASE_URL, VeoBackend } from "../../src/backends/veo";
import { FakeServer } from "../fake/server";
import { VeoMode, googleError, veoStorageMode } from "../fake/veoMode";
import { fakeMp4 } from "../support/media";
import { bytesOf, caught, pngFrame, pollUntilDone, shotRequest } from "./helpers";

const KEY = "AIzaSy-test-0123456789abcdefghij";
const media = fakeMp4(40 * 1024, 7);
const T0 = Date.parse("2026-11-20T10:00:00Z");
let now = T0;
let server: FakeServer;
let storage: FakeServer;
let mode: VeoMode;
let backend: VeoBackend;

const MODEL = "veo-3.1-fast-generate-preview";
const request = (over: Partial<GenerationRequest> = {}): GenerationRequest => shotRequest(MODEL, over);
const png = pngFrame;
const b64 = (n: number) => Buffer.from(png(n).bytes).toString("base64");

beforeEach(async () => {
  now = T0;
  // storage is another origin, as Google's is: the key must not follow the redirect there
  storage = await new FakeServer([veoStorageMode(media)]).start();
  mode = new VeoMode(media, KEY, () => storage.baseUrl);
  mode.now = () => now;
  server = await new FakeServer([mode]).start();
  backend = new VeoBackend({ fetch, apiKey: KEY, baseUrl: server.baseUrl, clock: { now: () => now } });
});
afterEach(async () => {
  await server.stop();
  await storage.stop();
});


const pollToEnd = (ref: JobRef, b: GenerationBackend = backend): Promise<JobStatus[]> => pollUntilDone(b, ref, 10);


const lastOf = async (ref: JobRef) => (await pollToEnd(ref)).at(-1)!;
const failedOf = async (ref: JobRef) => (await lastOf(ref)) as Extract<JobStatus, { state: "failed" }>;

test("a shot is submitted, polled to done, and its video downloads through the redirect byte for byte", async () => {
  const ref = await backend.submit(request(), { idempotencyKey: "k" });
  expect(ref).toEqual({ backend: "veo", model: MODEL, providerJobId: `models/${MODEL}/operations/op1` });
  const seen = await pollToEnd(ref);
  // Google reports no progress for Veo operations: unfinished is running, with no number made up
  expect(seen.map((s) => s.state)).toEqual(["running", "running", "completed"]);
  expect(seen.slice(0, 2)).toEqual([{ state: "running" }, { state: "running" }]);
  const done = seen[2] as Extract<JobStatus, { state: "completed" }>;
  expect(done.mediaUrl).toBe(`${server.baseUrl}/v1beta/files/video-op1:download?alt=media`);
  const dl = await backend.download(ref, done);
  expect(dl).toMatchObject({ extension: "mp4", contentType: "video/mp4", contentLength: media.length });
  expect(Buffer.from(await bytesOf(dl)).equals(Buffer.from(media))).toBe(true);
  expect(server.count("veo.operation")).toBe(3);
  for (const r of server.requests) expect(r.headers["x-goog-api-key"]).toBe(KEY);
  const [stored] = storage.requestsTo("veo.media");
  expect(stored!.query.get("signature")).toBe("fake");
  expect(stored!.headers["x-goog-api-key"]).toBeUndefined();
});

test("the create body is exactly the documented shape, keyed by x-goog-api-key and no other provider's header", async () => {
  await backend.submit(request({ durationSeconds: 4 }), { idempotencyKey: "k1" });
  await backend.submit(
    request({ model: "veo-3.1-generate-preview", size: { width: 1920, height: 1080 }, firstFrame: png(1), lastFrame: png(2), negativePrompt: "text, logos", seed: 7 }),
    { idempotencyKey: "k2" },
  );
  const [a, b] = server.requestsTo("veo.create");
  expect(a!.method).toBe("POST");
  expect(a!.path).toBe(`/v1beta/models/${MODEL}:predictLongRunning`);
  expect(a!.json).toEqual({ instances: [{ prompt: request().prompt }], parameters: { aspectRatio: "16:9", durationSeconds: 4, resolution: "720p" } });
  expect(b!.path).toBe("/v1beta/models/veo-3.1-generate-preview:predictLongRunning");
  // the Gemini API refuses `seed`, so it is never sent
  expect(b!.json).toEqual({
    instances: [{ prompt: request().prompt, image: { bytesBase64Encoded: b64(1), mimeType: "image/png" }, lastFrame: { bytesBase64Encoded: b64(2), mimeType: "image/png" } }],
    parameters: { aspectRatio: "16:9", durationSeconds: 8, resolution: "1080p", negativePrompt: "text, logos" },
  });
  expect(typeof (b!.json as { parameters: { durationSeconds: unknown } }).parameters.durationSeconds).toBe("number");
  for (const r of [a!, b!]) {
    expect(r.headers["content-type"]).toBe("application/json");
    expect(r.headers["x-goog-api-key"]).toBe(KEY);
    expect(r.headers["authorization"]).toBeUndefined();
    expect(r.headers["x-runway-version"]).toBeUndefined();
    expect(r.query.get("key")).toBeNull();
  }
});

test("what a model cannot do is refused before anything is sent; 1080p at 4 s falls back to 720p", async () => {
  expect((await caught(backend.submit(request({ durationSeconds: 5 }), { idempotencyKey: "k" }))).message).toMatch(/4, 6, 8 s/);
  expect((await caught(backend.submit(request({ aspect: "1:1" }), { idempotencyKey: "k" }))).reason).toBe("invalid_request");
  expect((await caught(backend.submit(request({ durationSeconds: 4, firstFrame: png(1), lastFrame: png(2) }), { idempotencyKey: "k" }))).message).toMatch(/only in 8 s clips/);
  expect((await caught(backend.submit(request({ model: "veo-2.0-generate-001", firstFrame: png(1), lastFrame: png(2) }), { idempotencyKey: "k" }))).message).toMatch(/last frame/);
  expect((await caught(backend.submit(request({ model: "sora-2" }), { idempotencyKey: "k" }))).message).toMatch(/not one Cutaway knows/);
  expect(server.count("veo.create")).toBe(0);
  await backend.submit(request({ durationSeconds: 4, size: { width: 1920, height: 1080 } }), { idempotencyKey: "k" });
  await backend.submit(request({ model: "veo-2.0-generate-001", durationSeconds: 5 }), { idempotencyKey: "k" });
  const [hd, v2] = server.requestsTo("veo.create");
  expect((hd!.json as { parameters: unknown }).parameters).toEqual({ aspectRatio: "16:9", durationSeconds: 4, resolution: "720p" });
  // Veo 2 has no resolution parameter
  expect((v2!.json as { parameters: unknown }).parameters).toEqual({ aspectRatio: "16:9", durationSeconds: 5 });
  const caps = backend.capabilities();
  expect(caps).toMatchObject({ backend: "veo", needsKey: true, canListJobs: false });
  expect(caps.models.find((m) => m.id === MODEL)).toMatchObject({ lastFrame: true, seed: false, negativePrompt: true, pricePerSecondUsd: 0.15, fps: 24 });
});

test("429 with Retry-After is rate_limited with the wait; a per-minute quota is a wait, an empty account is quota", async () => {
  const perMinute = [
    { "@type": "type.googleapis.com/google.rpc.QuotaFailure", violations: [{ quotaId: "GenerateRequestsPerMinutePerProjectPerModel" }] },
    { "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: "20s" },
  ];
  const rpm = googleError(429, "RESOURCE_EXHAUSTED", "You exceeded your current quota, please check your plan and billing details.", perMinute);
  const broke = googleError(429, "RESOURCE_EXHAUSTED", "Your prepayment credits are depleted. Please check your billing details.");
  server.inject({ endpoint: "veo.create", nth: 1, fault: { kind: "status", status: 429, headers: { "retry-after": "12" }, body: rpm.body } });
  server.inject({ endpoint: "veo.create", nth: 2, fault: { kind: "status", status: 429, body: broke.body } });
  // no header: Google's RetryInfo in the body says how long to wait
  server.inject({ endpoint: "veo.create", nth: 3, fault: { kind: "status", status: 429, body: rpm.body } });
  const a = await caught(backend.submit(request(), { idempotencyKey: "k" }));
  expect(a.reason).toBe("rate_limited");
  expect(a.details.retryAfterSeconds).toBe(12);
  expect(a.details.providerCode).toBe("RESOURCE_EXHAUSTED");
  expect(a.details.outcomeUnknown).toBeUndefined();
  const b = await caught(backend.submit(request(), { idempotencyKey: "k" }));
  expect(b.reason).toBe("quota");
  expect(b.retryable).toBe(false);
  const c = await caught(backend.submit(request(), { idempotencyKey: "k" }));
  expect(c).toMatchObject({ reason: "rate_limited", details: { retryAfterSeconds: 20 } });
});

test("a rejected key is auth with a Settings hint (Google's 400 API_KEY_INVALID and 403 alike), and the key never appears", async () => {
  const wrong = new VeoBackend({ fetch, apiKey: "AIzaSy-wrong-key-000000", baseUrl: server.baseUrl });
  const e = await caught(wrong.submit(request(), { idempotencyKey: "k" }));
  expect(e.reason).toBe("auth");
  expect(e.message).toBe("Your Google AI Studio key was rejected — check it in Settings.");
  await expect(wrong.testConnection()).rejects.toMatchObject({ reason: "auth" });
  await expect(backend.testConnection()).resolves.toBeUndefined();
  server.inject({ endpoint: "veo.operation", nth: 1, fault: { kind: "status", ...googleError(403, "PERMISSION_DENIED", "Generative Language API has not been used in this project.") } });
  server.inject({ endpoint: "veo.operation", nth: 2, fault: { kind: "status", ...googleError(500, "INTERNAL", `backend failed for key ${KEY}`) } });
  const ref = { backend: "veo", model: MODEL, providerJobId: `models/${MODEL}/operations/op9` };
  const f = await caught(backend.status(ref));
  expect(f.reason).toBe("auth");
  const s = await caught(backend.status(ref));
  expect(s.reason).toBe("transient");
  expect(s.message).toContain("[key]");
  for (const err of [e, f, s]) expect(JSON.stringify({ m: err.message, d: err.details })).not.toContain(KEY);
});

test("a failed operation maps its google.rpc.Status: INTERNAL is transient, INVALID_ARGUMENT is invalid_request", async () => {
  mode.outcome = (job) =>
    job.id === "op1" ? { error: { code: 13, status: "INTERNAL", message: "Internal error encountered." } } : { error: { code: 3, message: "The image could not be decoded." } };
  const a = await failedOf(await backend.submit(request(), { idempotencyKey: "k1" }));
  expect(a.error.reason).toBe("transient");
  expect(a.error.details.providerCode).toBe("INTERNAL");
  expect(a.error.message).toMatch(/Internal error encountered/);
  const b = await failedOf(await backend.submit(request({ firstFrame: png(1) }), { idempotencyKey: "k2" }));
  expect(b.error.reason).toBe("invalid_request");
  expect(b.error.message).toMatch(/could not be decoded/);
});

test("Veo's safety filter (raiMediaFilteredCount) and a refused prompt are content_policy with the reason", async () => {
  mode.outcome = () => ({ filteredReasons: ["Unable to generate videos because the prompt mentions a celebrity."] });
  const end = await failedOf(await backend.submit(request(), { idempotencyKey: "k" }));
  expect(end.error.reason).toBe("content_policy");
  expect(end.error.retryable).toBe(false);
  expect(end.error.message).toMatch(/mentions a celebrity/);
  server.inject({
    endpoint: "veo.create",
    nth: 2,
    fault: { kind: "status", ...googleError(400, "INVALID_ARGUMENT", "The prompt contains sensitive words that violate Google's Responsible AI practices.") },
  });
  const refused = await caught(backend.submit(request(), { idempotencyKey: "k2" }));
  expect(refused.reason).toBe("content_policy");
  expect(refused.message).toMatch(/Responsible AI/);
});

test("cancel resolves without any call: the Gemini API cannot cancel a Veo operation", async () => {
  const ref = await backend.submit(request(), { idempotencyKey: "k" });
  const before = server.requests.length;
  await expect(backend.cancel(ref)).resolves.toBeUndefined();
  expect(server.requests.length).toBe(before);
});

test("a file past Google's two-day retention, or a dead storage link, is expired", async () => {
  const ref = await backend.submit(request(), { idempotencyKey: "k" });
  const done = (await lastOf(ref)) as Extract<JobStatus, { state: "completed" }>;
  now = T0 + 3 * 24 * 3600_000;
  const late = await caught(backend.download(ref, done));
  expect(late.reason).toBe("expired");
  expect(late.details.status).toBe(404);
  now = T0;
  storage.inject({ endpoint: "veo.media", nth: 1, fault: { kind: "status", status: 403, body: "<Error><Code>AccessDenied</Code><Message>Request has expired</Message></Error>" } });
  expect((await caught(backend.download(ref, done))).reason).toBe("expired");
});

test("malformed JSON is transient; on create the outcome is unknown", async () => {
  const ref = await backend.submit(request(), { idempotencyKey: "k" });
  server.inject({ endpoint: "veo.operation", nth: 1, fault: { kind: "malformed-json" } });
  const e = await caught(backend.status(ref));
  expect(e.reason).toBe("transient");
  expect(e.details.outcomeUnknown).toBeUndefined();
  server.inject({ endpoint: "veo.create", nth: 2, fault: { kind: "malformed-json" } });
  const c = await caught(backend.submit(request(), { idempotencyKey: "k2" }));
  expect(c.reason).toBe("transient");
  expect(c.details.outcomeUnknown).toBe(true);
});

test("the default base URL is Google's API origin", () => {
  expect(VEO_BASE_URL).toBe("https://generativelanguage.googleapis.com");
});
