import { GenerationError } from "../../src/backends/errors";
import { ReplicateBackend } from "../../src/backends/replicate";
import type { GenerationBackend, GenerationRequest, JobRef, JobStatus, MediaDownload } from "../../src/backends/types";
import { ReplicateMode, replicateCdnMode } from "../fake/replicateMode";
import { FakeServer } from "../fake/server";
import { fakeMp4 } from "../support/media";
import { bytesOf, caught, pngFrame, pollUntilDone } from "./helpers";

const KEY = "r8_0123456789abcdefKEY";
const media = fakeMp4(32 * 1024, 3);
const T0 = Date.parse("2026-11-20T10:00:00Z");
let now = T0;
let server: FakeServer;
let cdn: FakeServer;
let mode: ReplicateMode;
let backend: ReplicateBackend;

const request = (over: Partial<GenerationRequest> = {}): GenerationRequest => ({
  model: "minimax/hailuo-02",
  prompt: "Aerial drift over a foggy harbour at dawn",
  durationSeconds: 6,
  aspect: "16:9",
  size: { width: 1920, height: 1080 },
  shotNumber: 2,
  ...over,
});
const png = pngFrame;
const dataUri = (n: number) => `data:image/png;base64,${Buffer.from(png(n).bytes).toString("base64")}`;

beforeEach(async () => {
  now = T0;
  cdn = await new FakeServer([replicateCdnMode(media)]).start();
  mode = new ReplicateMode(media, () => cdn.baseUrl);
  mode.now = () => now;
  server = await new FakeServer([mode]).start();
  backend = new ReplicateBackend({ fetch, apiKey: KEY, baseUrl: `${server.baseUrl}/v1`, clock: { now: () => now } });
});
afterEach(async () => {
  await server.stop();
  await cdn.stop();
});

const pollToEnd = (ref: JobRef, b: GenerationBackend = backend): Promise<JobStatus[]> => pollUntilDone(b, ref, 10);
const failedOf = async (ref: JobRef) => ((await pollToEnd(ref)).at(-1) as Extract<JobStatus, { state: "failed" }>).error;

test("a prediction is created on the official model, polled, and its output downloads byte for byte", async () => {
  const ref = await backend.submit(request(), { idempotencyKey: "k" });
  expect(ref).toEqual({ backend: "replicate", model: "minimax/hailuo-02", providerJobId: "pred1xyz" });
  const seen = await pollToEnd(ref);
  expect(seen.map((s) => s.state)).toEqual(["queued", "running", "completed"]);
  const done = seen[2] as Extract<JobStatus, { state: "completed" }>;
  expect(done.mediaUrl).toBe(`${cdn.baseUrl}/files/pred1xyz/output.mp4`);
  expect(done.expiresAt).toBe(T0 + 3600_000);
  const dl = await backend.download(ref, done);
  expect(Buffer.from(await bytesOf(dl)).equals(Buffer.from(media))).toBe(true);
  // the output host never sees the token
  expect(cdn.requestsTo("replicate.media")[0]!.headers["authorization"]).toBeUndefined();
});

test("the create body is exactly {input} with the model's own field names, Bearer auth and nothing else", async () => {
  await backend.submit(request({ model: "kwaivgi/kling-v2.1", durationSeconds: 5, firstFrame: png(1), lastFrame: png(2), negativePrompt: "text" }), { idempotencyKey: "k" });
  const [create] = server.requestsTo("replicate.create");
  expect(create!.path).toBe("/v1/models/kwaivgi/kling-v2.1/predictions");
  expect(create!.headers["authorization"]).toBe(`Bearer ${KEY}`);
  expect(create!.headers["content-type"]).toBe("application/json");
  expect(create!.headers["x-api-key"]).toBeUndefined();
  expect(create!.headers["prefer"]).toBeUndefined();
  expect(create!.json).toEqual({
    input: { mode: "pro", prompt: request().prompt, negative_prompt: "text", duration: 5, start_image: dataUri(1), end_image: dataUri(2) },
  });
  const input = (create!.json as { input: Record<string, unknown> }).input;
  expect(typeof input["duration"]).toBe("number");

  await backend.submit(request(), { idempotencyKey: "k2" });
  expect(server.requestsTo("replicate.create")[1]!.json).toEqual({ input: { prompt_optimizer: false, prompt: request().prompt, duration: 6, resolution: "1080p" } });
  for (const r of server.requests) expect(r.headers["authorization"]).toBe(`Bearer ${KEY}`);
});

test("Wan picks the text or image model by the frames given", async () => {
  await backend.submit(request({ model: "wan-video/wan-2.2-fast", durationSeconds: 5, size: { width: 832, height: 480 }, seed: 3 }), { idempotencyKey: "a" });
  await backend.submit(request({ model: "wan-video/wan-2.2-fast", durationSeconds: 5, size: { width: 1280, height: 720 }, firstFrame: png(5) }), { idempotencyKey: "b" });
  const [t, i] = server.requestsTo("replicate.create");
  expect(t!.path).toBe("/v1/models/wan-video/wan-2.2-t2v-fast/predictions");
  expect(t!.json).toEqual({ input: { num_frames: 81, frames_per_second: 16, go_fast: true, prompt: request().prompt, aspect_ratio: "16:9", resolution: "480p", seed: 3 } });
  expect(i!.path).toBe("/v1/models/wan-video/wan-2.2-i2v-fast/predictions");
  expect(i!.json).toEqual({ input: { num_frames: 81, frames_per_second: 16, go_fast: true, prompt: request().prompt, resolution: "720p", image: dataUri(5) } });
});

test("429 with Retry-After becomes rate_limited with the wait", async () => {
  server.inject({ endpoint: "replicate.create", fault: { kind: "status", status: 429, headers: { "retry-after": "9" }, body: { title: "Request was throttled.", detail: "Request was throttled. Expected available in 9 seconds.", status: 429 } } });
  const e = await caught(backend.submit(request(), { idempotencyKey: "k" }));
  expect(e.reason).toBe("rate_limited");
  expect(e.details.retryAfterSeconds).toBe(9);
});

test("Replicate's problem-details errors map to invalid_request, quota and auth without leaking the token", async () => {
  server.inject({ endpoint: "replicate.create", nth: 1, fault: { kind: "status", status: 422, body: { title: "Input validation failed", detail: "- input.duration: duration must be one of the following: 6, 10", status: 422 } } });
  const bad = await caught(backend.submit(request(), { idempotencyKey: "k" }));
  expect(bad.reason).toBe("invalid_request");
  expect(bad.message).toContain("duration must be one of the following: 6, 10");
  server.inject({ endpoint: "replicate.create", nth: 2, fault: { kind: "status", status: 402, body: { title: "Insufficient credit", detail: "You have insufficient credit to run this model.", status: 402 } } });
  expect((await caught(backend.submit(request(), { idempotencyKey: "k" }))).reason).toBe("quota");
  server.inject({ endpoint: "replicate.create", nth: 3, fault: { kind: "status", status: 401, body: { title: "Unauthenticated", detail: `Invalid token ${KEY}`, status: 401 } } });
  const auth = await caught(backend.submit(request(), { idempotencyKey: "k" }));
  expect(auth.reason).toBe("auth");
  expect(JSON.stringify({ m: auth.message, d: auth.details })).not.toContain(KEY);

  mode.fail = () => "CUDA error: device-side assert triggered";
  expect((await failedOf(await backend.submit(request(), { idempotencyKey: "k4" }))).reason).toBe("transient");
});

test("a prediction failed by the safety checker is content_policy", async () => {
  mode.fail = () => "The input or output was flagged as sensitive. Please try again with different inputs. (E005)";
  const err = await failedOf(await backend.submit(request(), { idempotencyKey: "k" }));
  expect(err.reason).toBe("content_policy");
  expect(err.retryable).toBe(false);
  expect(err.message).toContain("flagged as sensitive");
  mode.fail = () => "NSFW content detected";
  expect((await failedOf(await backend.submit(request(), { idempotencyKey: "k2" }))).reason).toBe("content_policy");
});

test("cancel posts to the cancel endpoint and the prediction then reads as cancelled", async () => {
  const ref = await backend.submit(request(), { idempotencyKey: "k" });
  await backend.cancel(ref);
  const [c] = server.requestsTo("replicate.cancel");
  expect(c!.path).toBe("/v1/predictions/pred1xyz/cancel");
  expect(c!.headers["authorization"]).toBe(`Bearer ${KEY}`);
  const st = await backend.status(ref);
  expect(st.state === "failed" && st.error.reason).toBe("cancelled");
});

test.each([404, 410])("an output gone after its hour (%i) is expired", async (status) => {
  mode.singleOutput = true;
  const ref = await backend.submit(request(), { idempotencyKey: "k" });
  const done = (await pollToEnd(ref)).at(-1) as Extract<JobStatus, { state: "completed" }>;
  cdn.inject({ endpoint: "replicate.media", fault: { kind: "status", status, body: "Not Found" } });
  const e = await caught(backend.download(ref, done));
  expect(e.reason).toBe("expired");
  expect(e.message).toMatch(/about an hour/);
});

test("malformed JSON is transient; on create the outcome is unknown", async () => {
  server.inject({ endpoint: "replicate.create", nth: 1, fault: { kind: "malformed-json" } });
  const e = await caught(backend.submit(request(), { idempotencyKey: "k" }));
  expect(e.reason).toBe("transient");
  expect(e.details.outcomeUnknown).toBe(true);
  const ref = await backend.submit(request(), { idempotencyKey: "k2" });
  server.inject({ endpoint: "replicate.get", fault: { kind: "malformed-json" } });
  expect((await caught(backend.status(ref))).details.outcomeUnknown).toBeUndefined();
});

test("a create lost on the wire is reconciled from the list by model, time and prompt — never an older take", async () => {
  // an older take of the same prompt, from another panel, before this create started
  await new ReplicateBackend({ fetch, apiKey: KEY, baseUrl: `${server.baseUrl}/v1` }).submit(request(), { idempotencyKey: "old" });
  now = T0 + 10 * 60_000;
  server.inject({ endpoint: "replicate.create", nth: 2, fault: { kind: "reset-after" } });
  const e = await caught(backend.submit(request(), { idempotencyKey: "lost" }));
  expect(e.details.outcomeUnknown).toBe(true);
  await backend.submit(request({ prompt: "Another shot" }), { idempotencyKey: "other" });
  // the list lags behind the create: looked for again, not taken as never arrived
  expect((await caught(backend.findJob("lost", request()))).details).toMatchObject({ outcomeUnknown: true, retryAfterSeconds: expect.any(Number) });
  now += 40_000;
  const found = await backend.findJob("lost", request());
  expect(found).toEqual({ backend: "replicate", model: "minimax/hailuo-02", providerJobId: "pred2xyz" });
  expect(server.requestsTo("replicate.list")[0]!.headers["authorization"]).toBe(`Bearer ${KEY}`);
  // adopted once only
  now += 3 * 60_000;
  expect(await backend.findJob("lost", request())).toBeNull();
  expect(backend.capabilities().canListJobs).toBe(true);
});

test("capabilities come from the descriptors", () => {
  const byId = new Map(backend.capabilities().models.map((m) => [m.id, m]));
  expect(byId.get("kwaivgi/kling-v2.1")).toMatchObject({ imageToVideo: true, lastFrame: true, negativePrompt: true, durationsSeconds: [5, 10] });
  expect(byId.get("minimax/hailuo-02")).toMatchObject({ imageToVideo: true, durationsSeconds: [6, 10], aspects: ["16:9"] });
  expect(backend.capabilities()).toMatchObject({ backend: "replicate", needsKey: true });
});
