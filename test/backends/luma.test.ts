import { GenerationError } from "../../src/backends/errors";
import { LumaBackend } from "../../src/backends/luma";
import type { GenerationBackend, GenerationRequest, JobRef, JobStatus, MediaDownload } from "../../src/backends/types";
import { LumaMode, lumaCdnMode } from "../fake/lumaMode";
import { FakeServer } from "../fake/server";
import { fakeMp4 } from "../support/media";
import { bytesOf, caught, pngFrame, pollUntilDone } from "./helpers";

const KEY = "luma-0123456789abcdef-KEY";
const media = fakeMp4(24 * 1024, 4);
const T0 = Date.parse("2026-11-20T10:00:00Z");
let now = T0;
let server: FakeServer;
let cdn: FakeServer;
let mode: LumaMode;
let backend: LumaBackend;

const request = (over: Partial<GenerationRequest> = {}): GenerationRequest => ({
  model: "ray-2",
  prompt: "Handheld push-in on a lighthouse keeper lighting a lamp",
  durationSeconds: 5,
  aspect: "16:9",
  size: { width: 1280, height: 720 },
  shotNumber: 7,
  ...over,
});
const png = pngFrame;

beforeEach(async () => {
  now = T0;
  cdn = await new FakeServer([lumaCdnMode(media)]).start();
  mode = new LumaMode(() => cdn.baseUrl);
  mode.now = () => now;
  server = await new FakeServer([mode]).start();
  backend = new LumaBackend({ fetch, apiKey: KEY, baseUrl: `${server.baseUrl}/dream-machine/v1`, clock: { now: () => now } });
});
afterEach(async () => {
  await server.stop();
  await cdn.stop();
});

const pollToEnd = (ref: JobRef, b: GenerationBackend = backend): Promise<JobStatus[]> => pollUntilDone(b, ref, 10);

test("a generation is created, dreams, completes, and its video downloads byte for byte", async () => {
  const ref = await backend.submit(request(), { idempotencyKey: "k" });
  expect(ref).toEqual({ backend: "luma", model: "ray-2", providerJobId: "0b4f1-luma" });
  const seen = await pollToEnd(ref);
  expect(seen.map((s) => s.state)).toEqual(["queued", "running", "completed"]);
  const done = seen[2] as Extract<JobStatus, { state: "completed" }>;
  expect(done.mediaUrl).toBe(`${cdn.baseUrl}/assets/0b4f1-luma.mp4`);
  const dl = await backend.download(ref, done);
  expect(Buffer.from(await bytesOf(dl)).equals(Buffer.from(media))).toBe(true);
  expect(cdn.requestsTo("luma.media")[0]!.headers["authorization"]).toBeUndefined();
});

test("the create body is exactly Luma's documented fields, with Bearer auth", async () => {
  await backend.submit(request({ model: "ray-flash-2", durationSeconds: 9, aspect: "9:16", size: { width: 1080, height: 1920 } }), { idempotencyKey: "k" });
  const [create] = server.requestsTo("luma.create");
  expect(create!.path).toBe("/dream-machine/v1/generations");
  expect(create!.headers["authorization"]).toBe(`Bearer ${KEY}`);
  expect(create!.headers["content-type"]).toBe("application/json");
  expect(create!.headers["x-api-key"]).toBeUndefined();
  expect(create!.json).toEqual({ prompt: request().prompt, model: "ray-flash-2", aspect_ratio: "9:16", duration: "9s", resolution: "1080p" });
});

test("frames as bytes are refused with why (no data URIs at Luma); with an image host they become keyframe URLs", async () => {
  const e = await caught(backend.submit(request({ firstFrame: png(1) }), { idempotencyKey: "k" }));
  expect(e.reason).toBe("invalid_request");
  expect(e.message).toMatch(/only as web links/);
  expect(server.count("luma.create")).toBe(0);
  expect(backend.capabilities().models[0]).toMatchObject({ imageToVideo: false, lastFrame: false });

  const hosted: string[] = [];
  const withHost = new LumaBackend({
    fetch,
    apiKey: KEY,
    baseUrl: `${server.baseUrl}/dream-machine/v1`,
    uploadImage: async (_img, name) => {
      hosted.push(name);
      return `https://frames.example.com/${name}.png`;
    },
  });
  expect(withHost.capabilities().models[0]).toMatchObject({ imageToVideo: true, lastFrame: true });
  await withHost.submit(request({ firstFrame: png(1), lastFrame: png(2) }), { idempotencyKey: "s7" });
  expect(server.requestsTo("luma.create")[0]!.json).toEqual({
    prompt: request().prompt,
    model: "ray-2",
    aspect_ratio: "16:9",
    duration: "5s",
    resolution: "720p",
    keyframes: { frame0: { type: "image", url: "https://frames.example.com/s7-first.png" }, frame1: { type: "image", url: "https://frames.example.com/s7-last.png" } },
  });
  expect(hosted).toEqual(["s7-first", "s7-last"]);
});

test("429 with Retry-After becomes rate_limited with the wait", async () => {
  server.inject({ endpoint: "luma.create", fault: { kind: "status", status: 429, headers: { "retry-after": "20" }, body: { detail: "Too many requests" } } });
  const e = await caught(backend.submit(request(), { idempotencyKey: "k" }));
  expect(e.reason).toBe("rate_limited");
  expect(e.details.retryAfterSeconds).toBe(20);
});

test("Luma's error bodies map to invalid_request, quota and auth without leaking the key", async () => {
  server.inject({ endpoint: "luma.create", nth: 1, fault: { kind: "status", status: 400, body: { detail: "Invalid resolution for model ray-flash-2" } } });
  const bad = await caught(backend.submit(request(), { idempotencyKey: "k" }));
  expect(bad.reason).toBe("invalid_request");
  expect(bad.message).toContain("Invalid resolution for model ray-flash-2");
  server.inject({ endpoint: "luma.create", nth: 2, fault: { kind: "status", status: 400, body: { detail: "Insufficient credits" } } });
  expect((await caught(backend.submit(request(), { idempotencyKey: "k" }))).reason).toBe("quota");
  server.inject({ endpoint: "luma.create", nth: 3, fault: { kind: "status", status: 401, body: { detail: `Invalid API key ${KEY}` } } });
  const auth = await caught(backend.submit(request(), { idempotencyKey: "k" }));
  expect(auth.reason).toBe("auth");
  expect(JSON.stringify({ m: auth.message, d: auth.details })).not.toContain(KEY);

  mode.fail = () => "Internal error, please retry";
  const failed = (await pollToEnd(await backend.submit(request(), { idempotencyKey: "k4" }))).at(-1) as Extract<JobStatus, { state: "failed" }>;
  expect(failed.error.reason).toBe("transient");
});

test("a moderated generation is content_policy, at create or after dreaming", async () => {
  mode.fail = () => "content_moderated: prompt failed moderation";
  const failed = (await pollToEnd(await backend.submit(request(), { idempotencyKey: "k" }))).at(-1) as Extract<JobStatus, { state: "failed" }>;
  expect(failed.error.reason).toBe("content_policy");
  expect(failed.error.retryable).toBe(false);
  server.inject({ endpoint: "luma.create", fault: { kind: "status", status: 400, body: { detail: "Your prompt was flagged by our moderation system" } } });
  expect((await caught(backend.submit(request(), { idempotencyKey: "k2" }))).reason).toBe("content_policy");
});

test("cancel deletes the generation", async () => {
  const ref = await backend.submit(request(), { idempotencyKey: "k" });
  await backend.cancel(ref);
  const [del] = server.requestsTo("luma.delete");
  expect(del!.path).toBe("/dream-machine/v1/generations/0b4f1-luma");
  expect(del!.headers["authorization"]).toBe(`Bearer ${KEY}`);
  expect(mode.jobs.size).toBe(0);
  // already gone: nothing left to stop
  await expect(backend.cancel(ref)).resolves.toBeUndefined();
});

test.each([403, 404, 410])("an expired asset link (%i) is expired", async (status) => {
  const ref = await backend.submit(request(), { idempotencyKey: "k" });
  const done = (await pollToEnd(ref)).at(-1) as Extract<JobStatus, { state: "completed" }>;
  cdn.inject({ endpoint: "luma.media", fault: { kind: "status", status, body: "<Error>Request has expired</Error>" } });
  expect((await caught(backend.download(ref, done))).reason).toBe("expired");
});

test("malformed JSON is transient; on create the outcome is unknown, and the list reconciles it", async () => {
  server.inject({ endpoint: "luma.create", nth: 1, fault: { kind: "malformed-json" } });
  const e = await caught(backend.submit(request(), { idempotencyKey: "lost" }));
  expect(e.reason).toBe("transient");
  expect(e.details.outcomeUnknown).toBe(true);
  // not listed yet (the list lags) is no answer; listed 30 s on, it is found
  expect((await caught(backend.findJob("lost", request()))).details).toMatchObject({ outcomeUnknown: true, retryAfterSeconds: expect.any(Number) });
  now = T0 + 40_000;
  expect(await backend.findJob("lost", request())).toEqual({ backend: "luma", model: "ray-2", providerJobId: "0b4f1-luma" });
  now = T0 + 3 * 60_000;
  expect(await backend.findJob("lost", request())).toBeNull();

  const ref = await backend.submit(request(), { idempotencyKey: "k2" });
  server.inject({ endpoint: "luma.get", fault: { kind: "malformed-json" } });
  const p = await caught(backend.status(ref));
  expect(p.reason).toBe("transient");
  expect(p.details.outcomeUnknown).toBeUndefined();
});
