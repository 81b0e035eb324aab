import { GenerationError } from "../../src/backends/errors";
import { RUNWAY_BASE_URL, RunwayBackend } from "../../src/backends/runway";
import type { GenerationBackend, GenerationRequest, JobRef, JobStatus, MediaDownload } from "../../src/backends/types";
import { RUNWAY_VERSION, RunwayMode, runwayCdnMode, runwayError } from "../fake/runwayMode";
import { FakeServer } from "../fake/server";
import { fakeMp4 } from "../support/media";
import { bytesOf, caught, pngFrame, pollUntilDone } from "./helpers";

const KEY = "key_runway_0123456789abcdef0123456789";
const media = fakeMp4(36 * 1024, 9);
const T0 = Date.parse("2026-11-20T10:00:00Z");
let now = T0;
let server: FakeServer;
let cdn: FakeServer;
let mode: RunwayMode;
let backend: RunwayBackend;

const request = (over: Partial<GenerationRequest> = {}): GenerationRequest => ({
  model: "gen4.5",
  prompt: "Slow dolly across a rain-soaked neon street at night",
  durationSeconds: 5,
  aspect: "16:9",
  size: { width: 1280, height: 720 },
  shotNumber: 3,
  ...over,
});
const png = pngFrame;
const dataUri = (n: number) => `data:image/png;base64,${Buffer.from(png(n).bytes).toString("base64")}`;

beforeEach(async () => {
  now = T0;
  // the CDN is another origin, as Runway's is: the key must stay with the API
  cdn = await new FakeServer([runwayCdnMode(media, () => now)]).start();
  mode = new RunwayMode(media, KEY, () => cdn.baseUrl);
  mode.now = () => now;
  server = await new FakeServer([mode]).start();
  backend = new RunwayBackend({ fetch, apiKey: KEY, baseUrl: server.baseUrl, clock: { now: () => now } });
});
afterEach(async () => {
  await server.stop();
  await cdn.stop();
});


const pollToEnd = (ref: JobRef, b: GenerationBackend = backend): Promise<JobStatus[]> => pollUntilDone(b, ref, 10);


const lastOf = async (ref: JobRef) => (await pollToEnd(ref)).at(-1)!;
const completedOf = async (ref: JobRef) => (await lastOf(ref)) as Extract<JobStatus, { state: "completed" }>;
const failedOf = async (ref: JobRef) => (await lastOf(ref)) as Extract<JobStatus, { state: "failed" }>;

test("a shot is created, reports progress 0–1, and its video downloads from the CDN byte for byte", async () => {
  mode.firstStatus = "THROTTLED";
  const ref = await backend.submit(request(), { idempotencyKey: "k" });
  expect(ref).toEqual({ backend: "runway", model: "gen4.5", providerJobId: "task-1" });
  const seen = await pollToEnd(ref);
  expect(seen.map((s) => s.state)).toEqual(["queued", "running", "running", "completed"]);
  expect(seen.slice(1, 3).map((s) => (s.state === "running" ? s.progress : null))).toEqual([0.33, 0.67]);
  const done = seen[3] as Extract<JobStatus, { state: "completed" }>;
  expect(done.mediaUrl).toMatch(new RegExp(`^${cdn.baseUrl}/runway-cdn/task-1\\.mp4\\?exp=`));
  const dl = await backend.download(ref, done);
  expect(dl).toMatchObject({ extension: "mp4", contentType: "video/mp4", contentLength: media.length });
  expect(Buffer.from(await bytesOf(dl)).equals(Buffer.from(media))).toBe(true);
  for (const r of server.requests) {
    expect(r.headers["authorization"]).toBe(`Bearer ${KEY}`);
    expect(r.headers["x-runway-version"]).toBe(RUNWAY_VERSION);
  }
  expect(cdn.requestsTo("runway.media")[0]!.headers["authorization"]).toBeUndefined();
});

test("create bodies are exactly the documented shapes, with Bearer auth, the API version and no other provider's header", async () => {
  await backend.submit(request({ seed: 42 }), { idempotencyKey: "k1" });
  await backend.submit(request({ model: "gen4_turbo", firstFrame: png(1), aspect: "1:1", size: { width: 1080, height: 1080 }, durationSeconds: 10, seed: 7 }), { idempotencyKey: "k2" });
  await backend.submit(request({ model: "veo3.1", firstFrame: png(1), lastFrame: png(2), durationSeconds: 8, size: { width: 1920, height: 1080 }, seed: 3 }), { idempotencyKey: "k3" });
  const [t2v] = server.requestsTo("runway.textToVideo");
  const [turbo, veo] = server.requestsTo("runway.imageToVideo");
  expect(t2v!.path).toBe("/v1/text_to_video");
  expect(t2v!.json).toEqual({ model: "gen4.5", promptText: request().prompt, ratio: "1280:720", duration: 5, seed: 42 });
  expect(turbo!.path).toBe("/v1/image_to_video");
  expect(turbo!.json).toEqual({ model: "gen4_turbo", promptImage: dataUri(1), promptText: request().prompt, ratio: "960:960", duration: 10, seed: 7 });
  // Veo on Runway takes no seed; audio is off because B-roll is cut silent
  expect(veo!.json).toEqual({
    model: "veo3.1",
    promptImage: [
      { uri: dataUri(1), position: "first" },
      { uri: dataUri(2), position: "last" },
    ],
    promptText: request().prompt,
    ratio: "1920:1080",
    duration: 8,
    audio: false,
  });
  for (const r of [t2v!, turbo!, veo!]) {
    expect(typeof (r.json as { duration: unknown }).duration).toBe("number");
    expect(r.method).toBe("POST");
    expect(r.headers["content-type"]).toBe("application/json");
    expect(r.headers["authorization"]).toBe(`Bearer ${KEY}`);
    expect(r.headers["x-runway-version"]).toBe("2024-11-06");
    expect(r.headers["x-goog-api-key"]).toBeUndefined();
    expect(r.headers["idempotency-key"]).toBeUndefined();
  }
});

test("what a model cannot do is refused before anything is sent", async () => {
  expect((await caught(backend.submit(request({ model: "gen4_turbo" }), { idempotencyKey: "k" }))).message).toMatch(/needs a reference frame/);
  expect((await caught(backend.submit(request({ model: "gen4_turbo", firstFrame: png(1), durationSeconds: 8 }), { idempotencyKey: "k" }))).message).toMatch(/5, 10 s/);
  expect((await caught(backend.submit(request({ firstFrame: png(1), lastFrame: png(2) }), { idempotencyKey: "k" }))).message).toMatch(/last frame/);
  expect((await caught(backend.submit(request({ model: "veo3.1", durationSeconds: 8, lastFrame: png(2) }), { idempotencyKey: "k" }))).message).toMatch(/needs a first frame/);
  // gen4.5 from a prompt alone offers 16:9 and 9:16 only
  expect((await caught(backend.submit(request({ aspect: "1:1" }), { idempotencyKey: "k" }))).message).toMatch(/from a prompt alone/);
  const big = { bytes: new Uint8Array(4 * 1024 * 1024), mimeType: "image/png" as const };
  expect((await caught(backend.submit(request({ firstFrame: big }), { idempotencyKey: "k" }))).message).toMatch(/5 MB/);
  expect((await caught(backend.submit(request({ model: "gen3a_turbo" }), { idempotencyKey: "k" }))).message).toMatch(/not one Cutaway knows/);
  expect(server.requests).toHaveLength(0);
  const caps = backend.capabilities();
  expect(caps).toMatchObject({ backend: "runway", needsKey: true, canListJobs: false });
  expect(caps.models.find((m) => m.id === "veo3.1")).toMatchObject({ lastFrame: true, seed: false, durationsSeconds: [4, 6, 8], pricePerSecondUsd: 0.2 });
});

test("429 with Retry-After is rate_limited with the wait; out of credits is quota", async () => {
  server.inject({ endpoint: "runway.textToVideo", nth: 1, fault: { kind: "status", status: 429, headers: { "retry-after": "9" }, body: { error: "Too many requests." } } });
  server.inject({ endpoint: "runway.textToVideo", nth: 2, fault: { kind: "status", ...runwayError(400, "You do not have enough credits to run this task.") } });
  const a = await caught(backend.submit(request(), { idempotencyKey: "k" }));
  expect(a.reason).toBe("rate_limited");
  expect(a.details.retryAfterSeconds).toBe(9);
  expect(a.details.outcomeUnknown).toBeUndefined();
  const b = await caught(backend.submit(request(), { idempotencyKey: "k" }));
  expect(b.reason).toBe("quota");
  expect(b.retryable).toBe(false);
});

test("a rejected key is auth with a Settings hint; a validation error names its field; the key never appears", async () => {
  const wrong = new RunwayBackend({ fetch, apiKey: "key_wrong_000000", baseUrl: server.baseUrl });
  const e = await caught(wrong.submit(request(), { idempotencyKey: "k" }));
  expect(e.reason).toBe("auth");
  expect(e.message).toBe("Your Runway key was rejected — check it in Settings.");
  await expect(wrong.testConnection()).rejects.toMatchObject({ reason: "auth" });
  await expect(backend.testConnection()).resolves.toBeUndefined();
  server.inject({ endpoint: "runway.textToVideo", nth: 2, fault: { kind: "status", status: 400, body: { error: "Validation of body failed", issues: [{ message: "Invalid enum value", path: ["ratio"] }] } } });
  const v = await caught(backend.submit(request(), { idempotencyKey: "k" }));
  expect(v.reason).toBe("invalid_request");
  expect(v.message).toMatch(/Invalid enum value \(ratio\)/);
  server.inject({ endpoint: "runway.task", nth: 1, fault: { kind: "status", ...runwayError(502, `upstream failed for ${KEY}`) } });
  const s = await caught(backend.status({ backend: "runway", model: "gen4.5", providerJobId: "task-1" }));
  expect(s.reason).toBe("transient");
  expect(s.message).toContain("[key]");
  for (const err of [e, v, s]) expect(JSON.stringify({ m: err.message, d: err.details })).not.toContain(KEY);
});

test("a failed task maps its failureCode: INTERNAL is transient, ASSET.INVALID and INPUT_PREPROCESSING are invalid_request", async () => {
  const codes: Record<string, { failure: string; failureCode: string }> = {
    "task-1": { failure: "An unexpected error occurred.", failureCode: "INTERNAL.BAD_OUTPUT.CODE01" },
    "task-2": { failure: "The input image could not be read.", failureCode: "ASSET.INVALID" },
    "task-3": { failure: "The image aspect ratio is too extreme.", failureCode: "INPUT_PREPROCESSING.ASPECT_RATIO" },
  };
  mode.fail = (job) => codes[job.id] ?? null;
  const ends = [];
  for (let i = 0; i < 3; i++) ends.push(await failedOf(await backend.submit(request({ firstFrame: png(i) }), { idempotencyKey: `k${i}` })));
  expect(ends.map((f) => f.error.reason)).toEqual(["transient", "invalid_request", "invalid_request"]);
  expect(ends.map((f) => f.error.details.providerCode)).toEqual(["INTERNAL.BAD_OUTPUT.CODE01", "ASSET.INVALID", "INPUT_PREPROCESSING.ASPECT_RATIO"]);
  expect(ends[1]!.error.message).toMatch(/could not be read/);
});

test("a SAFETY.* failure is content_policy and never retryable", async () => {
  mode.fail = () => ({ failure: "Your prompt did not pass our content moderation.", failureCode: "SAFETY.INPUT.TEXT" });
  const end = await failedOf(await backend.submit(request(), { idempotencyKey: "k" }));
  expect(end.error.reason).toBe("content_policy");
  expect(end.error.retryable).toBe(false);
  expect(end.error.details.providerCode).toBe("SAFETY.INPUT.TEXT");
  expect(end.error.message).toMatch(/did not pass our content moderation/);
});

test("cancel deletes the task, which then reads CANCELLED; cancelling one already gone is not an error", async () => {
  const ref = await backend.submit(request(), { idempotencyKey: "k" });
  await backend.status(ref);
  await backend.cancel(ref);
  const [del] = server.requestsTo("runway.delete");
  expect(del!.path).toBe("/v1/tasks/task-1");
  expect(del!.headers["authorization"]).toBe(`Bearer ${KEY}`);
  expect(del!.headers["x-runway-version"]).toBe(RUNWAY_VERSION);
  const st = await backend.status(ref);
  expect(st.state === "failed" && st.error.reason).toBe("cancelled");
  await backend.cancel(ref); // a cancelled task is deleted
  await expect(backend.cancel(ref)).resolves.toBeUndefined(); // and then 404
  expect(server.count("runway.delete")).toBe(3);
});

test("an expired output URL is re-signed by fetching the task again; with no fresh link it is expired", async () => {
  const ref = await backend.submit(request(), { idempotencyKey: "k" });
  const done = await completedOf(ref);
  now = T0 + 30 * 3600_000;
  const dl = await backend.download(ref, done);
  expect(Buffer.from(await bytesOf(dl)).equals(Buffer.from(media))).toBe(true);
  expect(cdn.count("runway.media")).toBe(2);

  mode.resignOutputs = false;
  now = T0;
  const ref2 = await backend.submit(request(), { idempotencyKey: "k2" });
  const done2 = await completedOf(ref2);
  now = T0 + 49 * 3600_000;
  const e = await caught(backend.download(ref2, done2));
  expect(e.reason).toBe("expired");
  expect(e.details.status).toBe(403);
  expect(e.message).toMatch(/Generate the shot again/);
});

test("malformed JSON is transient; on create the outcome is unknown", async () => {
  const ref = await backend.submit(request(), { idempotencyKey: "k" });
  server.inject({ endpoint: "runway.task", nth: 1, fault: { kind: "malformed-json" } });
  const e = await caught(backend.status(ref));
  expect(e.reason).toBe("transient");
  expect(e.details.outcomeUnknown).toBeUndefined();
  server.inject({ endpoint: "runway.textToVideo", nth: 2, fault: { kind: "malformed-json" } });
  const c = await caught(backend.submit(request(), { idempotencyKey: "k2" }));
  expect(c.reason).toBe("transient");
  expect(c.details.outcomeUnknown).toBe(true);
});

test("the default base URL is Runway's API origin", () => {
  expect(RUNWAY_BASE_URL).toBe("https://api.dev.runwayml.com");
});
